// Viewer page: opens the live (or next) session and follows its state.
import { applyI18n, bindLanguageSwitch, t, onLanguageChange } from '../i18n.js';
import { get } from '../api.js';
import { connectLive } from '../live.js';
import { $ } from '../dom.js';

const state = { session: null, status: 'connecting' };

function render() {
  const s = state.session;
  $('#session .muted').classList.toggle('hidden', !!s);
  if (!s) return;
  $('#title').textContent = s.title;
  $('#topic').textContent = s.topic;
  $('#state').textContent = t(`state.${s.state}`);
  $('#state').classList.toggle('live', s.state === 'live');
  const status = $('#status');
  status.dataset.status = state.status;
  status.textContent = t(`status.${state.status}`);
}

async function main() {
  applyI18n();
  bindLanguageSwitch($('#lang'));
  onLanguageChange(render);
  const sessions = await get('/api/sessions');
  const requested = new URLSearchParams(location.search).get('s');
  const chosen = sessions.find((s) => s.id === requested) ?? sessions[0];
  if (!chosen) { $('#session .muted').textContent = t('common.empty'); return; }
  connectLive({
    sessionId: chosen.id,
    onSnapshot: (snap) => { state.session = snap.session; render(); },
    onEvent: (e) => {
      if (e.type === 'session.stateChanged') { state.session.state = e.data.to; render(); }
    },
    onStatus: (status) => { state.status = status; render(); },
  });
}

main();
