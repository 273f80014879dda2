// Member voting page (phone): signs in by personal link, shows 签到 and the vote running now (a
// single vote or a 测评表, announced as named or as an evaluator's where it is), takes one ballot
// with a confirmation, and shows the choice back from this phone's sessionStorage only.
import './strings.js';
import { applyI18n, bindLanguageSwitch, onLanguageChange, t } from '../i18n.js';
import { get, post, newId } from '../api.js';
import { connectLive } from '../live.js';
import { $, mmss } from '../dom.js';
import { choiceLabel, remainingMs, verdictLabel } from '../polls/labels.js';
import { renderResult, singleVerdict } from '../polls/result-view.js';
import { bindSheet, renderSheet } from './sheet.js';

const state = { sessionId: null, view: null, result: null, picked: null, live: null, status: 'connecting', signedOut: false };
const SECTIONS = ['loading', 'signed-out', 'waiting', 'ballot', 'sheet', 'result'];
const myChoiceKey = (pollId) => `il.vote.${pollId}`;
const pendingKey = (pollId) => `il.ballot.${pollId}`;
const BY_LINK = 'il.member.byLink';

function show(...ids) { for (const id of SECTIONS) $(`#${id}`).classList.toggle('hidden', !ids.includes(id)); }
function announce(text) { $('#announce').textContent = text; }
function focus(selector) { requestAnimationFrame(() => $(selector)?.focus()); }

/**
 * The signed-out card, with why: { key } for our words (they follow the language switch through
 * data-i18n), { text } for the server's own (already in the page's language), nothing for the default.
 */
function showSignedOut(titleKey, { key, text } = {}) {
  state.signedOut = true;
  $('#signed-out-title').dataset.i18n = titleKey;
  $('#signed-out-title').textContent = t(titleKey);
  const why = $('#signed-out-text');
  if (key) { why.dataset.i18n = key; why.textContent = t(key); }
  else if (text) { delete why.dataset.i18n; why.textContent = text; }
  for (const id of ['attendance', 'notices', 'status', 'who']) $(`#${id}`).classList.add('hidden');
  show('signed-out');
}

/**
 * A 401 after signing in means the member's link was revoked or reissued (the server ended this
 * phone's sign-in): show that, and stop following the session instead of reconnecting forever.
 */
function endedBy(err) {
  if (err?.status !== 401) return false;
  if (!state.signedOut) {
    const byLink = sessionStorage.getItem(BY_LINK);
    showSignedOut(byLink ? 'member.linkEndedTitle' : 'member.signedOutTitle', { key: byLink ? 'member.linkEnded' : 'member.signedOutText' });
    state.live?.stop();
    focus('#signed-out-title');
  }
  return true;
}

/** The token arrives in the fragment (never sent to a server); it is removed from the address at once. False when refused. */
async function exchangeLinkToken() {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (!match) return true;
  history.replaceState(null, '', location.pathname + location.search);
  try {
    const signedIn = await post('/api/members/sign-in', { token: decodeURIComponent(match[1]) });
    sessionStorage.setItem('il.member.session', signedIn.sessionId);
    sessionStorage.setItem(BY_LINK, '1');
    return true;
  } catch (err) {
    // Before or after the sitting (403) the server says which, and when the link will work.
    showSignedOut('member.linkRefusedTitle', err.status === 401 ? { key: 'member.linkInvalid' } : { text: err.message });
    return false;
  }
}

async function load() {
  if (state.signedOut) return;
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
  if (!view || state.signedOut) return;
  $('#who').textContent = t('member.who', { name: view.memberName });
  renderAttendance(view);
  const poll = view.poll;
  renderNotices(view, poll);
  if (!poll) {
    if (state.result) renderPublished(); else show('waiting');
    return;
  }
  if (poll.kind === 'sheet') { show('sheet'); renderSheet(poll, view.hasVoted); return; }
  show('ballot');
  $('#poll-department').textContent = poll.departmentName ?? '';
  $('#poll-title').textContent = poll.title;
  $('#poll-question').textContent = view.question ?? '';
  $('#poll-turnout').textContent = t('poll.turnout', poll.turnout);
  const open = poll.state === 'open';
  const voted = view.hasVoted;
  $('#choose').classList.toggle('hidden', !open || voted || !!state.picked);
  $('#confirm').classList.toggle('hidden', !open || voted || !state.picked);
  $('#recorded').classList.toggle('hidden', !voted);
  $('#closed-note').classList.toggle('hidden', open);
  if (state.picked) $('#confirm-text').textContent = t('member.confirmText', { choice: choiceLabel(state.picked) });
  const mine = sessionStorage.getItem(myChoiceKey(poll.id));
  $('#recorded-choice').textContent = mine ? t('member.recordedChoice', { choice: choiceLabel(mine) }) : t('member.recordedUnknown');
  tickClock();
}

/** 签到 of a committee member (evaluators are not counted in 应到/实到, so they have none). */
function renderAttendance(view) {
  const official = view.groupId === null || view.groupId === undefined;
  $('#attendance').classList.toggle('hidden', !official);
  if (!official) return;
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
  $('#result-body').replaceChildren(renderResult(state.result, { compact: true, headingLevel: 3 }));
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
    if (state.view.groupId === null || state.view.groupId === undefined) state.view.attendance = 'present';
    renderAttendance(state.view);
    announce(t(poll.kind === 'sheet' ? 'member.sheetRecordedTitle' : 'member.recordedTitle'));
    return true;
  } catch (err) {
    if (endedBy(err)) return false;
    if (err.code === 'ballot.alreadyVoted') { state.picked = null; await load(); }
    else if (err.code === 'ballot.pollClosed') { state.picked = null; await load(); announce(err.message); }
    else errorNode.textContent = err.fullMessage ?? err.message;
    return false;
  } finally {
    button.disabled = false;
    button.textContent = label;
  }
}

function pick(choice) {
  state.picked = choice;
  render();
  focus('#confirm-text');
}

async function submitSingle() {
  const poll = state.view.poll;
  if (!(await cast(poll, { choice: state.picked }, $('#vote-error'), $('#confirm-yes')))) return;
  sessionStorage.setItem(myChoiceKey(poll.id), state.picked);
  state.picked = null;
  render();
  focus('#recorded-title');
}

function onEvent(e) {
  const d = e.data;
  if (e.type === 'poll.opened') {
    state.result = null; state.picked = null;
    announce(t('member.opened', { title: d.poll.title }));
    load().then(() => focus(d.poll.kind === 'sheet' ? '#sheet-title' : '#poll-title'));
  } else if (e.type === 'poll.closed') {
    state.picked = null; load();
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
  for (const button of document.querySelectorAll('.choice')) button.addEventListener('click', () => pick(button.dataset.choice));
  $('#confirm-yes').addEventListener('click', submitSingle);
  $('#confirm-no').addEventListener('click', () => { state.picked = null; render(); focus('#choose button'); });
  $('#attendance-sign-in').addEventListener('click', signInForSitting);
  bindSheet(cast);

  if (!(await exchangeLinkToken())) { $('#status').classList.add('hidden'); return; }
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
  if (state.signedOut) return;
  state.live = connectLive({
    sessionId: state.sessionId,
    onSnapshot: (snap) => { if (snap.results?.length && !snap.poll) state.result = snap.results[0]; load(); },
    onEvent,
    onStatus: setStatus,
  });
  setInterval(tickClock, 500);
}

main();
