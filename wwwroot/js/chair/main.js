// The chair console: agenda and approved online questions side by side, the current question with
// its clock and follow-ups, the sitting's start/pause/end, and the vote panel. Every action is an
// HTTP command; the page only shows what the events and the snapshot say, so a reload or a
// reconnect shows exactly the current state.
import './strings.js';
import { applyI18n, bindLanguageSwitch, onLanguageChange, t } from '../i18n.js';
import { get, post } from '../api.js';
import { connectLive } from '../live.js';
import { $, toast } from '../dom.js';
import { requireRole, signOut } from '../auth.js';
import { bindClock } from '../clock.js';
import { renderAgenda, renderCurrent, renderOnline, renderSitting, fillDepartmentFilter, sortOnline } from './render.js';

const state = {
  sessionId: null, session: null, current: null, agenda: null, online: null, departmentId: '', status: 'connecting',
};
let live = null;
let votePanel = null;
let lastSnapshot = null;
let clock = null;

const url = (path) => `/api/sessions/${state.sessionId}${path}`;

function render() {
  const s = state.session;
  if (!s) return;
  $('#session-title').textContent = s.title;
  $('#state').textContent = t(`state.${s.state}`);
  $('#state').classList.toggle('live', s.state === 'live');
  $('#status').dataset.status = state.status;
  $('#status').textContent = t(`status.${state.status}`);
  renderSitting($('#sitting'), s.state, (to) => transition(to));
  renderCurrent(state, s);
  renderAgenda($('#agenda'), $('#agenda-empty'), state, callAgenda);
  renderOnline($('#online'), $('#online-empty'), state, openReadDialog);
  $('#clock-toggle-text').textContent = t(s.clock?.running ? 'chair.pause' : 'chair.resume');
  clock?.refresh();
}

/**
 * Runs a command; shows its localised error; the events bring the new state. Commands go one at a
 * time, in the order given: a shortcut pressed while the previous command is still on its way (the
 * big screen may already show the new question) runs right after it instead of being lost; the same
 * command twice while it is in flight (a double click) runs once.
 */
let inFlight = null;
async function command(path, body) {
  if (inFlight?.path === path) return null;
  const previous = inFlight?.done;
  const done = (async () => {
    if (previous) await previous;
    try {
      return await post(url(path), body);
    } catch (err) {
      toast(err.fullMessage ?? err.message, 'error');
      return null;
    }
  })();
  inFlight = { path, done };
  try {
    return await done;
  } finally {
    if (inFlight?.done === done) inFlight = null;
  }
}

const transition = (to) => command('/transitions', { to });

async function callAgenda(item) {
  if (state.current) { toast(t('chair.busy'), 'error'); return; }
  if (await command('/floor/call', { agendaItemId: item.id })) toast(t('chair.called', { name: item.questionerName }), 'ok');
}

function openReadDialog(question) {
  if (state.current) { toast(t('chair.busy'), 'error'); return; }
  const dialog = $('#read-dialog');
  dialog.dataset.questionId = question.id;
  $('#read-question').textContent = question.text;
  $('#read-error').textContent = '';
  $('#read-by').value = localStorage.getItem('il.chair.readBy') ?? '';
  dialog.showModal();
  $('#read-by').select();
}

async function submitRead(event) {
  event.preventDefault();
  const readBy = $('#read-by').value.trim();
  if (!readBy) { $('#read-error').textContent = t('chair.needReader'); $('#read-by').focus(); return; }
  localStorage.setItem('il.chair.readBy', readBy);
  const dialog = $('#read-dialog');
  if (await command('/floor/call', { questionId: dialog.dataset.questionId, readBy })) {
    dialog.close();
    toast(t('chair.called', { name: readBy }), 'ok');
  }
}

function callNextAgenda() {
  const next = state.agenda?.find((a) => a.status === 'waiting');
  if (next) callAgenda(next);
}

const startClock = (phase) => command('/floor/clock/start', { phase });
const toggleClock = () => {
  const c = state.session?.clock;
  if (!c?.phase) return null;
  return command(c.running ? '/floor/clock/pause' : '/floor/clock/resume');
};

async function addFollowUp(event) {
  event.preventDefault();
  const questionerName = $('#fu-name').value.trim();
  if (!questionerName) { $('#fu-name').focus(); return; }
  if (await command('/floor/follow-ups', { questionerName, text: $('#fu-text').value })) {
    $('#fu-text').value = '';
    toast(t('chair.followUpAdded'), 'ok');
  }
}

async function loadLists() {
  const dept = state.departmentId ? `?departmentId=${state.departmentId}` : '';
  const [agenda, online] = await Promise.all([get(url('/agenda')), get(url(`/floor/online-questions${dept}`))]);
  state.agenda = agenda;
  state.online = online;
  render();
}

function upsertOnline(question) {
  if (!state.online) return;
  const rest = state.online.filter((q) => q.id !== question.id);
  const matches = !state.departmentId || String(question.departmentId) === state.departmentId;
  state.online = question.status === 'approved' && matches ? sortOnline([...rest, question]) : rest;
}

function apply(e) {
  const d = e.data;
  switch (e.type) {
    case 'session.stateChanged': state.session.state = d.to; break;
    case 'session.updated': state.session = d.session; fillDepartmentFilter($('#dept-filter'), state); break;
    case 'floor.called': state.current = d.floor; break;
    case 'floor.followUpAdded':
      if (state.current?.id === d.floorItemId) state.current = { ...state.current, followUps: [...state.current.followUps, d.followUp] };
      break;
    case 'floor.closed': state.current = null; break;
    case 'clock.changed': state.session.clock = d.clock; break;
    case 'agenda.changed': state.agenda = d.items; break;
    case 'question.approved': case 'question.publicUpdated': upsertOnline(d.question); break;
    case 'question.withdrawn': if (state.online) state.online = state.online.filter((q) => q.id !== d.questionId); break;
    default: break;
  }
  votePanel?.onVoteEvent?.(e);
  render();
}

function bindKeys() {
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
    if (e.target.closest('input, textarea, select, dialog')) return;
    const actions = {
      n: callNextAgenda, a: () => startClock('ask'), s: () => startClock('answer'), f: () => startClock('followUp'),
      x: () => command('/floor/clock/stop'), ' ': toggleClock,
    };
    const action = actions[e.key.toLowerCase()];
    if (!action) return;
    e.preventDefault();
    action();
  });
}

function bindControls() {
  $('#clock-ask').addEventListener('click', () => startClock('ask'));
  $('#clock-answer').addEventListener('click', () => startClock('answer'));
  $('#clock-followup').addEventListener('click', () => startClock('followUp'));
  $('#clock-toggle').addEventListener('click', toggleClock);
  $('#clock-stop').addEventListener('click', () => command('/floor/clock/stop'));
  $('#answered').addEventListener('click', async () => { if (await command('/floor/answered')) toast(t('chair.closed'), 'ok'); });
  $('#deferred').addEventListener('click', async () => { if (await command('/floor/deferred')) toast(t('chair.closed'), 'ok'); });
  $('#followup-form').addEventListener('submit', addFollowUp);
  $('#read-form').addEventListener('submit', submitRead);
  $('#read-cancel').addEventListener('click', () => $('#read-dialog').close());
  $('#dept-filter').addEventListener('change', (e) => { state.departmentId = e.target.value; loadLists().catch((err) => toast(err.message, 'error')); });
  $('#sign-out').addEventListener('click', signOut);
  bindKeys();
}

async function mountVotePanel() {
  try {
    votePanel = await import('./vote-panel.js');
    // The panel may arrive after the first snapshot: it starts from the latest one, then follows.
    votePanel.mountVotePanel($('#vote-panel'), { sessionId: state.sessionId, serverNow: live.serverNow, snapshot: lastSnapshot });
  } catch {
    // The vote controls ship separately; without them the console works and the section stays hidden.
    votePanel = null;
    $('#vote-panel').classList.add('hidden');
  }
}

async function main() {
  applyI18n();
  bindLanguageSwitch($('#lang'));
  onLanguageChange(() => { fillDepartmentFilter($('#dept-filter'), state); render(); });
  await requireRole('Chair', 'Admin');
  const sessions = await get('/api/sessions');
  const requested = new URLSearchParams(location.search).get('s');
  const chosen = sessions.find((s) => s.id === requested) ?? sessions.find((s) => s.state !== 'ended') ?? sessions[0];
  if (!chosen) { $('#current-empty').textContent = t('chair.noSession'); return; }
  state.sessionId = chosen.id;
  bindControls();
  live = connectLive({
    sessionId: chosen.id,
    staff: true,
    onSnapshot: (snap) => {
      lastSnapshot = snap;
      votePanel?.onVoteSnapshot?.(snap);
      state.session = snap.session;
      state.current = snap.floor?.current ?? null;
      fillDepartmentFilter($('#dept-filter'), state);
      render();
      loadLists().catch((err) => toast(err.message, 'error'));
    },
    onEvent: apply,
    onStatus: (status) => { state.status = status; render(); },
  });
  clock = bindClock({ timeEl: $('#clock'), labelEl: $('#clock-label'), getClock: () => state.session?.clock, serverNow: live.serverNow });
  mountVotePanel();
}

main();
