// A page with only the chair's vote controls: for a second screen at the chair's desk, and for
// running a vote when the full chair console is not in use.
import { addStrings, applyI18n, bindLanguageSwitch, onLanguageChange, t } from '../i18n.js';
import { get } from '../api.js';
import { connectLive } from '../live.js';
import { $ } from '../dom.js';
import { requireRole, signOut } from '../auth.js';
import { mountVotePanel, onVoteEvent, onVoteSnapshot } from '../chair/vote-panel.js';

addStrings({
  'zh-CN': { 'console.title': '满意度测评控制台', 'console.noSession': '没有可用的询问会议。' },
  en: { 'console.title': 'Satisfaction vote console', 'console.noSession': 'No inquiry session is available.' },
});

let status = 'connecting';
function setStatus(next) {
  status = next;
  $('#status').dataset.status = status;
  $('#status').textContent = t(`status.${status}`);
}

async function main() {
  applyI18n();
  bindLanguageSwitch($('#lang'));
  onLanguageChange(() => setStatus(status));
  $('#sign-out').addEventListener('click', signOut);
  await requireRole('Chair', 'Admin');
  const sessions = await get('/api/sessions');
  const requested = new URLSearchParams(location.search).get('s');
  const session = sessions.find((s) => s.id === requested) ?? sessions[0];
  if (!session) { $('#vote-panel').textContent = t('console.noSession'); return; }
  $('#session-title').textContent = session.title;
  // Mounted first, so that the first snapshot (and every later one) reaches it.
  let live = null;
  mountVotePanel($('#vote-panel'), { sessionId: session.id, serverNow: () => live?.serverNow() ?? Date.now() });
  live = connectLive({ sessionId: session.id, staff: true, onSnapshot: onVoteSnapshot, onEvent: onVoteEvent, onStatus: setStatus });
}

main();
