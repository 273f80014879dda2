// The chair's controls for the satisfaction vote (满意度测评): open a single vote or a 测评表
// (optionally with a clock), watch 签到 and the turnout, close, preview the frozen tally, publish.
// chair.html and vote-console.html mount it:
//   mountVotePanel(section, { sessionId, serverNow, snapshot? });
// and pass it every snapshot (onVoteSnapshot) and every live event (onVoteEvent).
import './vote-strings.js';
import { applyI18n, currentLanguage, onLanguageChange, t } from '../i18n.js';
import { get, post } from '../api.js';
import { $, el, mmss, replaceChildren, toast } from '../dom.js';
import { attendanceText, remainingMs } from '../polls/labels.js';
import { renderResult } from '../polls/result-view.js';
import { buildOpenForm } from './vote-open.js';
import { askSupersedeReason, confirmInvalidPublish } from './vote-dialogs.js';

let panel = null;

export function mountVotePanel(root, { sessionId, serverNow = Date.now, snapshot = null }) {
  panel = {
    root, sessionId, serverNow, poll: null, turnout: null, tally: null, result: null, attendance: null, departments: [],
    busy: false, error: '', form: null, formKey: null,
  };
  ensureStylesheet();
  root.classList.add('vote-panel');
  root.setAttribute('aria-labelledby', 'vote-heading');
  replaceChildren(root,
    el('h2', { id: 'vote-heading', text: t('vote.heading') }),
    el('p', { id: 'vote-attendance', class: 'vote-attendance', 'aria-live': 'polite' }),
    el('div', { id: 'vote-body' }));
  onLanguageChange(() => { $('#vote-heading', root).textContent = t('vote.heading'); render(); });
  setInterval(tickClock, 500);
  if (snapshot) onVoteSnapshot(snapshot); else render();
  return { onVoteEvent, onVoteSnapshot };
}

/** Applies a (re)loaded snapshot: 签到, the open or closed vote, with its tally for the chair when closed. */
export async function onVoteSnapshot(snapshot) {
  if (!panel) return;
  panel.departments = snapshot.session?.departments ?? panel.departments;
  panel.attendance = snapshot.attendance ?? panel.attendance;
  panel.poll = snapshot.poll ?? null;
  panel.turnout = snapshot.poll?.turnout ?? null;
  panel.result = null;
  panel.tally = null;
  if (panel.poll?.state === 'closed') await loadTally();
  render();
}

/** Feed every live event here; the vote's own ones (and 签到, departments) update the panel. */
export function onVoteEvent(e) {
  if (!panel) return;
  const d = e.data;
  const mine = (pollId) => panel.poll?.id === pollId;
  switch (e.type) {
    case 'poll.opened': Object.assign(panel, { poll: d.poll, turnout: null, tally: null, result: null, error: '' }); break;
    case 'poll.turnout': if (mine(d.pollId)) panel.turnout = d; break;
    case 'poll.closed':
      // Closed here, the close answer brought the tally; closed elsewhere (the clock, another console), read it.
      if (mine(d.poll.id)) { panel.poll = { ...panel.poll, ...d.poll }; if (panel.tally?.pollId !== d.poll.id) loadTally().then(render); }
      break;
    case 'poll.published':
      if (mine(d.result.pollId)) Object.assign(panel, { result: d.result, poll: { ...panel.poll, state: 'published' }, error: '' });
      break;
    case 'poll.paperEntered':
      // The clerk's paper count replaces the tally: the preview must show the new one.
      if (mine(d.pollId) && panel.poll.state === 'closed') { toast(t('vote.paperEntered')); loadTally().then(render); }
      return;
    case 'attendance.changed': panel.attendance = d; renderAttendance(); return;
    case 'session.updated': panel.departments = d.session?.departments ?? panel.departments; break;
    default: return;
  }
  render();
}

async function loadTally() {
  try { panel.tally = await get(`/api/sessions/${panel.sessionId}/polls/${panel.poll.id}/tally`); }
  catch (err) { toast(err.message, 'error'); }
}

/** Runs one command at a time (a double click sends once); shows its error unless onError handles it. */
async function command(run, onError) {
  if (panel.busy) return;
  panel.busy = true; panel.error = ''; render();
  try { await run(); }
  catch (err) { if (!(await onError?.(err))) toast(err.fullMessage ?? err.message, 'error'); }
  finally { panel.busy = false; render(); }
}

// While a command runs (or the tally is on its way) its buttons say so but stay focusable: a
// disabled button drops the keyboard focus.
const busy = () => (panel.busy ? 'true' : null);

const pollsUrl = (path = '') => `/api/sessions/${panel.sessionId}/polls${path}`;

function openVote(body) {
  const opened = (poll) => {
    if (panel.poll?.id !== poll.id) Object.assign(panel, { poll, tally: null, result: null, turnout: null });
    toast(t('vote.opened'), 'ok');
  };
  command(async () => opened(await post(pollsUrl(), body)), async (err) => {
    if (err.code !== 'poll.alreadyEvaluated') return false;
    // Rated before: the earlier result is superseded only with the chair's reason, on record.
    const supersedeReason = await askSupersedeReason(err.message);
    if (!supersedeReason) return true;
    try { opened(await post(pollsUrl(), { ...body, supersedeReason })); }
    catch (again) { toast(again.fullMessage ?? again.message, 'error'); }
    return true;
  });
}

const closeVote = () => command(async () => {
  const tally = await post(pollsUrl(`/${panel.poll.id}/close`));
  Object.assign(panel, { tally, poll: { ...panel.poll, state: tally.state } });
  toast(t('vote.closed'), 'ok');
});

async function publishVote() {
  // Not before the frozen tally is here: the chair publishes what they have seen.
  if (panel.busy || !panel.tally) return;
  // An invalid result goes out only once the chair has seen why, and it is marked 无效.
  if (panel.tally?.anyInvalid && !(await confirmInvalidPublish(panel.tally))) return;
  command(async () => {
    const result = await post(pollsUrl(`/${panel.poll.id}/publish`), { confirmInvalid: !!panel.tally?.anyInvalid });
    Object.assign(panel, { result, poll: { ...panel.poll, state: 'published' } });
    toast(t('vote.published'), 'ok');
  }, async (err) => {
    if (err.status !== 409) return false;
    panel.error = err.message;
    // The tally may have changed under the preview (a paper count): show the one the server judged.
    if (err.code === 'poll.invalidNeedsConfirmation') await loadTally();
    return true;
  });
}

function renderAttendance() {
  const node = $('#vote-attendance', panel.root);
  node.textContent = panel.attendance ? t('vote.attendance', { line: attendanceText(panel.attendance) }) : '';
}

function render() {
  if (!panel) return;
  renderAttendance();
  const body = $('#vote-body', panel.root);
  const { poll } = panel;
  if (!poll || (poll.state === 'published' && !panel.result)) {
    const key = `${currentLanguage()}|${panel.departments.map((d) => `${d.id}:${d.name}`).join(',')}`;
    if (panel.formKey !== key) { panel.form = buildOpenForm(panel.departments, openVote); panel.formKey = key; }
    if (body.firstChild !== panel.form) replaceChildren(body, panel.form);
    $('#vote-open', panel.form).setAttribute('aria-disabled', String(panel.busy));
    return;
  }
  panel.formKey = null;
  // Rebuilt on each change: keep the keyboard focus on the same control, or on the next step's
  // button when that control is gone (opened: 结束测评; closed: 公布结果).
  const focused = panel.root.contains(document.activeElement) ? document.activeElement.id || 'vote-body' : null;
  replaceChildren(body, current());
  applyI18n(body);
  if (focused) ($(`#${focused}`, body) ?? $('button', body))?.focus();
}

function current() {
  const { poll, turnout, tally, result } = panel;
  const voted = turnout?.voted ?? tally?.voted ?? 0;
  const entitled = turnout?.entitled ?? tally?.attendance?.expected ?? 0;
  const sheet = poll.kind === 'sheet';
  const shown = result ?? tally;
  return el('div', { class: 'vote-current' },
    el('p', { class: 'vote-title', id: 'vote-title-line', text: poll.title }),
    sheet ? el('p', { class: 'vote-sheet-info', id: 'vote-sheet-info', text: t('vote.sheetInfo', { n: poll.items?.length ?? 0 }) }) : null,
    el('p', {}, el('span', { class: `badge vote-state vote-${poll.state}`, id: 'vote-state', text: t(`vote.state.${poll.state}`) }), ' ',
      el('span', { id: 'vote-clock', class: 'vote-clock' })),
    el('p', { class: 'vote-turnout', id: 'vote-turnout', 'aria-live': 'polite', text: t('poll.turnout', { voted, entitled }) }),
    el('progress', { max: String(Math.max(entitled, 1)), value: String(voted), 'aria-label': t('poll.turnout', { voted, entitled }) }),
    poll.state === 'open' ? el('button', { type: 'button', class: 'primary', id: 'vote-close', onclick: closeVote, 'aria-disabled': busy(), text: t('vote.close') }) : null,
    shown && poll.state !== 'open' ? el('div', { class: 'vote-summary', id: 'vote-summary' },
      result ? null : el('p', { class: 'muted small', text: t('vote.preview') }),
      renderResult(shown, { headingLevel: 3, showNames: true, narrow: true })) : null,
    panel.error ? el('p', { class: 'error-text', id: 'vote-error', role: 'alert', text: panel.error }) : null,
    poll.state === 'closed' ? el('button', { type: 'button', class: 'primary', id: 'vote-publish', onclick: publishVote, 'aria-disabled': busy() ?? (tally ? null : 'true'), text: t('vote.publish') }) : null,
    poll.state === 'published' ? el('button', { type: 'button', id: 'vote-next', onclick: () => { panel.result = null; render(); $('#vote-open')?.focus(); }, text: t('vote.next') }) : null);
}

function tickClock() {
  const node = panel && $('#vote-clock', panel.root);
  if (!node) return;
  const left = panel.poll?.state === 'open' ? remainingMs(panel.poll, panel.serverNow()) : null;
  node.textContent = left === null ? '' : t('vote.left', { time: mmss(Math.max(0, left)) });
}

function ensureStylesheet() {
  if (document.querySelector('link[href="/css/vote-panel.css"]')) return;
  document.head.append(el('link', { rel: 'stylesheet', href: '/css/vote-panel.css' }));
}
