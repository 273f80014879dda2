// Member voting page (phone): signs in by personal link, shows the vote running now, takes one
// ballot with a confirmation, and shows the choice back from this phone's sessionStorage only.
import { addStrings, applyI18n, bindLanguageSwitch, onLanguageChange, t } from '../i18n.js';
import { get, post, newId, ApiError } from '../api.js';
import { connectLive } from '../live.js';
import { $, el, mmss, replaceChildren } from '../dom.js';
import { choiceLabel, verdictLabel, percent, ruleLabel, remainingMs } from '../polls/labels.js';

addStrings({
  'zh-CN': {
    'member.appTitle': '满意度测评',
    'member.signedOutTitle': '请先登录',
    'member.signedOutText': '请扫描工作人员提供的个人二维码，或使用账号登录。',
    'member.linkInvalid': '该登录链接无效或已被收回，请向工作人员索取新的二维码。',
    'member.notMember': '当前账号不是常委会组成人员，不能参加测评。',
    'member.who': '{name}，您好',
    'member.waitingTitle': '暂无进行中的测评',
    'member.waitingText': '主持人发起测评后，这里会自动显示投票按钮。',
    'member.chooseLegend': '请选择您对本次答询的评价',
    'member.confirmText': '您选择了“{choice}”。确认提交吗？提交后不能更改。',
    'member.confirmYes': '确认提交',
    'member.confirmNo': '返回修改',
    'member.sending': '正在提交…',
    'member.recordedTitle': '您的投票已记录',
    'member.recordedChoice': '您的选择：{choice}',
    'member.recordedUnknown': '本机没有保存您的选择（可能是在其他设备上投的票）。',
    'member.recordedPrivacy': '您的选择只显示在本机上，服务器不会向任何人返回您的选择。',
    'member.closedNote': '测评已结束，正在等待公布结果。',
    'member.resultTitle': '测评结果已公布',
    'member.opened': '新的测评已开始：{title}',
    'member.clockLeft': '剩余 {time}',
  },
  en: {
    'member.appTitle': 'Satisfaction vote',
    'member.signedOutTitle': 'Please sign in',
    'member.signedOutText': 'Scan the personal QR code the staff gave you, or sign in with your account.',
    'member.linkInvalid': 'This sign-in link is not valid or was revoked. Ask the staff for a new QR code.',
    'member.notMember': 'This account is not a committee member and cannot vote.',
    'member.who': 'Hello, {name}',
    'member.waitingTitle': 'No vote is open',
    'member.waitingText': 'When the chair opens a vote, the voting buttons appear here by themselves.',
    'member.chooseLegend': 'How satisfied are you with this answer?',
    'member.confirmText': 'You chose "{choice}". Submit it? It cannot be changed afterwards.',
    'member.confirmYes': 'Submit my vote',
    'member.confirmNo': 'Go back',
    'member.sending': 'Sending…',
    'member.recordedTitle': 'Your vote is recorded',
    'member.recordedChoice': 'Your choice: {choice}',
    'member.recordedUnknown': 'This phone did not keep your choice (you may have voted on another device).',
    'member.recordedPrivacy': 'Your choice is shown on this phone only; the server never returns it to anyone.',
    'member.closedNote': 'The vote has closed. Waiting for the result to be published.',
    'member.resultTitle': 'Result published',
    'member.opened': 'A new vote has opened: {title}',
    'member.clockLeft': '{time} left',
  },
});

const state = { sessionId: null, me: null, view: null, result: null, picked: null, live: null, status: 'connecting' };
const SECTIONS = ['loading', 'signed-out', 'waiting', 'ballot', 'result'];
const myChoiceKey = (pollId) => `il.vote.${pollId}`;
const pendingKey = (pollId) => `il.ballot.${pollId}`;

function show(...ids) { for (const id of SECTIONS) $(`#${id}`).classList.toggle('hidden', !ids.includes(id)); }
function announce(text) { $('#announce').textContent = text; }
function focus(selector) { requestAnimationFrame(() => $(selector)?.focus()); }

/** The token arrives in the fragment (never sent to a server); it is removed from the address at once. */
async function exchangeLinkToken() {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (!match) return;
  history.replaceState(null, '', location.pathname + location.search);
  try {
    const signedIn = await post('/api/members/sign-in', { token: decodeURIComponent(match[1]) });
    sessionStorage.setItem('il.member.session', signedIn.sessionId);
  } catch (err) {
    $('#signed-out-text').textContent = err.status === 401 ? t('member.linkInvalid') : err.message;
  }
}

async function load() {
  try {
    state.view = await get(`/api/sessions/${state.sessionId}/polls/current`);
    render();
  } catch (err) {
    if (err.status === 403) { $('#signed-out-text').textContent = t('member.notMember'); show('signed-out'); }
    else announce(err.message);
  }
}

function render() {
  const view = state.view;
  if (!view) return;
  $('#who').textContent = t('member.who', { name: view.memberName });
  const poll = view.poll;
  if (!poll) {
    if (state.result) renderResult(); else show('waiting');
    return;
  }
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

function renderResult() {
  const r = state.result;
  show('result');
  $('#result-name').textContent = r.title;
  $('#result-verdict').textContent = verdictLabel(r.verdict);
  const rows = [
    [t('choice.satisfied'), r.satisfied], [t('choice.basicallySatisfied'), r.basicallySatisfied], [t('choice.dissatisfied'), r.dissatisfied],
    [t('poll.voted'), r.voted], [t('poll.entitled'), r.entitled], [t('poll.rate'), percent(r.rate)],
  ];
  replaceChildren($('#result-counts'), rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, String(v))]));
  $('#result-rule').textContent = ruleLabel(r);
}

function tickClock() {
  const poll = state.view?.poll;
  const left = poll && poll.state === 'open' && state.live ? remainingMs(poll, state.live.serverNow()) : null;
  $('#poll-clock').textContent = left === null ? '' : t('member.clockLeft', { time: mmss(Math.max(0, left)) });
}

function pick(choice) {
  state.picked = choice;
  render();
  focus('#confirm-text');
}

async function submit() {
  const poll = state.view.poll;
  const choice = state.picked;
  // The same ballot id on a retry, so a lost answer never means a second ballot.
  const pending = JSON.parse(sessionStorage.getItem(pendingKey(poll.id)) ?? 'null');
  const ballotId = pending?.choice === choice ? pending.ballotId : newId();
  sessionStorage.setItem(pendingKey(poll.id), JSON.stringify({ ballotId, choice }));
  const button = $('#confirm-yes');
  button.disabled = true;
  button.textContent = t('member.sending');
  $('#vote-error').textContent = '';
  try {
    await post(`/api/sessions/${state.sessionId}/polls/${poll.id}/ballots`, { ballotId, choice });
    sessionStorage.setItem(myChoiceKey(poll.id), choice);
    state.view.hasVoted = true;
    state.picked = null;
    render();
    announce(t('member.recordedTitle'));
    focus('#recorded-title');
  } catch (err) {
    if (err instanceof ApiError && err.code === 'ballot.alreadyVoted') { state.picked = null; await load(); }
    else if (err instanceof ApiError && err.code === 'ballot.pollClosed') { state.picked = null; await load(); announce(err.message); }
    else $('#vote-error').textContent = err.message;
  } finally {
    button.disabled = false;
    button.textContent = t('member.confirmYes');
  }
}

function onEvent(e) {
  if (e.type === 'poll.opened') {
    state.result = null; state.picked = null;
    announce(t('member.opened', { title: e.data.poll.title }));
    load().then(() => focus('#poll-title'));
  } else if (e.type === 'poll.closed') {
    state.picked = null; load();
  } else if (e.type === 'poll.published') {
    state.result = e.data.result; load().then(() => focus('#result-title'));
  } else if (e.type === 'poll.turnout' && state.view?.poll?.id === e.data.pollId) {
    state.view.poll.turnout = e.data;
    $('#poll-turnout').textContent = t('poll.turnout', e.data);
  }
}

function setStatus(status) {
  state.status = status;
  const node = $('#status');
  node.dataset.status = status;
  node.textContent = t(`status.${status}`);
}

async function main() {
  applyI18n();
  bindLanguageSwitch($('#lang'));
  onLanguageChange(() => { render(); setStatus(state.status); });
  for (const button of document.querySelectorAll('.choice')) button.addEventListener('click', () => pick(button.dataset.choice));
  $('#confirm-yes').addEventListener('click', submit);
  $('#confirm-no').addEventListener('click', () => { state.picked = null; render(); focus('#choose button'); });

  await exchangeLinkToken();
  state.me = await get('/api/auth/me');
  if (!state.me.authenticated || !state.me.roles.includes('Member')) {
    if (state.me.authenticated) $('#signed-out-text').textContent = t('member.notMember');
    show('signed-out');
    // Not signed in is not a network problem: show no connection status at all.
    $('#status').classList.add('hidden');
    return;
  }
  const sessions = await get('/api/sessions');
  const remembered = sessionStorage.getItem('il.member.session');
  state.sessionId = sessions.find((s) => s.id === remembered)?.id ?? sessions[0]?.id;
  if (!state.sessionId) { show('waiting'); return; }
  await load();
  state.live = connectLive({
    sessionId: state.sessionId,
    onSnapshot: (snap) => { if (snap.results?.length && !snap.poll) state.result = snap.results[0]; load(); },
    onEvent,
    onStatus: setStatus,
  });
  setInterval(tickClock, 500);
}

main();
