// Member voting page (phone): signs in by personal link, shows 签到 and the vote running now (a
// single vote or a 测评表, announced as named or as an evaluator's where it is), takes one ballot
// with a confirmation, and shows the choice back from this phone's sessionStorage only.
import './strings.js';
import { applyI18n, bindLanguageSwitch, onLanguageChange, t } from '../i18n.js';
import { get, post, newId } from '../api.js';
import { connectLive } from '../live.js';
import { $, mmss } from '../dom.js';
import { remainingMs, verdictLabel } from '../polls/labels.js';
import { renderResult, singleVerdict } from '../polls/result-view.js';
import { endedBy, exchangeLinkToken, showSignedOut, signedOut, whenSignedOut } from './access.js';
import { announce, focus, show } from './page.js';
import { bindSheet, renderSheet } from './sheet.js';
import { bindSingle, dropPick, renderSingle } from './single.js';

const state = { sessionId: null, view: null, result: null, live: null, status: 'connecting' };
const pendingKey = (pollId) => `il.ballot.${pollId}`;
const official = (view) => view.groupId === null || view.groupId === undefined;

async function load() {
  if (signedOut()) return;
  try {
    state.view = await get(`/api/sessions/${state.sessionId}/polls/current`);
    render();
  } catch (err) {
    if (endedBy(err)) return;
    if (err.status === 403) showSignedOut('member.signedOutTitle', { text: err.message });
    else announce(err.message);
  }
}

function render() {
  const view = state.view;
  if (!view || signedOut()) return;
  $('#who').textContent = t('member.who', { name: view.memberName });
  renderAttendance(view);
  const poll = view.poll;
  renderNotices(view, poll);
  if (!poll) {
    if (state.result) renderPublished(); else show('waiting');
    return;
  }
  show(poll.kind === 'sheet' ? 'sheet' : 'ballot');
  if (poll.kind === 'sheet') renderSheet(poll, view.hasVoted); else renderSingle(view);
  tickClock();
}

/** 签到 of a committee member (evaluators are not counted in 应到/实到, so they have none). */
function renderAttendance(view) {
  $('#attendance').classList.toggle('hidden', !official(view));
  if (!official(view)) return;
  $('#attendance-state').textContent = t(`member.attendance.${view.attendance}`);
  $('#attendance-state').dataset.attendance = view.attendance;
  $('#attendance-sign-in').classList.toggle('hidden', view.attendance !== 'absent');
}

/** Said before anyone chooses: a named vote goes into the report with names; an evaluator's vote is counted apart. */
function renderNotices(view, poll) {
  const open = poll?.state === 'open';
  $('#notice-named').classList.toggle('hidden', !open || !poll.named);
  $('#notice-group').classList.toggle('hidden', !open || !view.groupName);
  if (view.groupName) $('#notice-group').textContent = t('member.groupNotice', { group: view.groupName });
  $('#notices').classList.toggle('hidden', !open || (!poll.named && !view.groupName));
}

function renderPublished() {
  show('result');
  $('#result-body').replaceChildren(renderResult(state.result, { narrow: true, headingLevel: 3 }));
}

async function signInForSitting() {
  const button = $('#attendance-sign-in');
  button.disabled = true;
  $('#attendance-error').textContent = '';
  try {
    const entry = await post(`/api/sessions/${state.sessionId}/attendance/me`);
    state.view.attendance = entry.status;
    announce(t('member.signedInForSitting'));
    render();
  } catch (err) {
    // Outside the sitting the server answers 403 and says why.
    if (!endedBy(err)) $('#attendance-error').textContent = err.fullMessage ?? err.message;
  } finally {
    button.disabled = false;
  }
}

function tickClock() {
  const poll = state.view?.poll;
  const left = poll && poll.state === 'open' && state.live ? remainingMs(poll, state.live.serverNow()) : null;
  const text = left === null ? '' : t('member.clockLeft', { time: mmss(Math.max(0, left)) });
  $(poll?.kind === 'sheet' ? '#sheet-clock' : '#poll-clock').textContent = text;
}

/**
 * Sends a ballot (a single choice or a sheet's choices). The same ballot id goes with a retry of
 * the same content, so an answer lost on the way never means a second ballot. True when taken.
 */
async function cast(poll, content, errorNode, button) {
  const key = JSON.stringify(content);
  const pending = JSON.parse(sessionStorage.getItem(pendingKey(poll.id)) ?? 'null');
  const ballotId = pending?.key === key ? pending.ballotId : newId();
  sessionStorage.setItem(pendingKey(poll.id), JSON.stringify({ ballotId, key }));
  const label = button.textContent;
  button.disabled = true;
  button.textContent = t('member.sending');
  errorNode.textContent = '';
  try {
    await post(`/api/sessions/${state.sessionId}/polls/${poll.id}/ballots`, { ballotId, ...content });
    state.view.hasVoted = true;
    // A committee member's ballot is also their 签到.
    if (official(state.view)) state.view.attendance = 'present';
    renderAttendance(state.view);
    announce(t(poll.kind === 'sheet' ? 'member.sheetRecordedTitle' : 'member.recordedTitle'));
    return true;
  } catch (err) {
    if (endedBy(err)) return false;
    if (err.code === 'ballot.alreadyVoted') { dropPick(); await load(); }
    else if (err.code === 'ballot.pollClosed') { dropPick(); await load(); announce(err.message); }
    else errorNode.textContent = err.fullMessage ?? err.message;
    return false;
  } finally {
    button.disabled = false;
    button.textContent = label;
  }
}

function onEvent(e) {
  const d = e.data;
  if (e.type === 'poll.opened') {
    state.result = null; dropPick();
    announce(t('member.opened', { title: d.poll.title }));
    load().then(() => focus(d.poll.kind === 'sheet' ? '#sheet-title' : '#poll-title'));
  } else if (e.type === 'poll.closed') {
    dropPick(); load();
  } else if (e.type === 'poll.published') {
    state.result = d.result;
    const verdict = singleVerdict(d.result);
    announce(verdict ? t('member.resultAnnounceVerdict', { title: d.result.title, verdict: verdictLabel(verdict) }) : t('member.resultAnnounce', { title: d.result.title }));
    load().then(() => { if (!$('#result').classList.contains('hidden')) focus('#result-title'); });
  } else if (e.type === 'poll.turnout' && state.view?.poll?.id === d.pollId) {
    state.view.poll.turnout = d;
    $(state.view.poll.kind === 'sheet' ? '#sheet-turnout' : '#poll-turnout').textContent = t('poll.turnout', d);
  }
}

function setStatus(status) {
  const was = state.status;
  state.status = status;
  const node = $('#status');
  node.dataset.status = status;
  node.textContent = t(`status.${status}`);
  // The server drops a member's live connection when their link is revoked or reissued: ask at
  // once whether this phone is still signed in (a 401 ends it), and catch up after a drop.
  if (was === 'live' && status !== 'live') load();
  else if (status === 'live' && was !== 'live' && was !== 'connecting') load();
}

async function main() {
  applyI18n();
  bindLanguageSwitch($('#lang'));
  onLanguageChange(() => { render(); if (state.view?.poll?.kind === 'sheet') renderSheet(state.view.poll, state.view.hasVoted, { rebuild: true }); setStatus(state.status); });
  $('#attendance-sign-in').addEventListener('click', signInForSitting);
  bindSingle(cast);
  bindSheet(cast);
  whenSignedOut(() => state.live?.stop());

  if (!(await exchangeLinkToken())) return;
  const me = await get('/api/auth/me');
  if (!me.authenticated || !me.roles.includes('Member')) {
    showSignedOut('member.signedOutTitle', me.authenticated ? { key: 'member.notMember' } : {});
    // Not signed in is not a network problem: show no connection status at all.
    return;
  }
  const sessions = await get('/api/sessions');
  const remembered = sessionStorage.getItem('il.member.session');
  state.sessionId = sessions.find((s) => s.id === remembered)?.id ?? sessions[0]?.id;
  if (!state.sessionId) { show('waiting'); return; }
  await load();
  if (signedOut()) return;
  state.live = connectLive({
    sessionId: state.sessionId,
    onSnapshot: (snap) => { if (snap.results?.length && !snap.poll) state.result = snap.results[0]; load(); },
    onEvent,
    onStatus: setStatus,
  });
  setInterval(tickClock, 500);
}

main();
