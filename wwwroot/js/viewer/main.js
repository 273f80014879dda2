// Viewer page: opens the live (or requested, or next) session and follows it live: state, stream,
// current question and clock, live feed, approved questions, results, counters; asking and likes.
import './strings.js';
import { applyI18n, bindLanguageSwitch, t, onLanguageChange } from '../i18n.js';
import { get } from '../api.js';
import { connectLive } from '../live.js';
import { $, $$, el } from '../dom.js';
import { showStream } from './player.js';
import { renderFloor, renderClock } from './floor.js';
import { renderFeed } from './feed.js';
import { renderPoll, renderResults } from './results.js';
import { initQuestions, renderQuestions, upsertQuestion } from './questions.js';
import { initAsk, loadMine, applyMyQuestionChange, renderDepartments, renderMine, setAccepting } from './ask.js';
import { initLikes, setLikeTotal } from './likes.js';

const state = {
  status: 'connecting', session: null, floor: null, feed: [], questions: [], poll: null, results: [],
  viewers: 0, visits: 0, mineIds: new Set(),
};
let live = null;

const ACCEPTING = ['openForQuestions', 'live', 'paused'];

function renderSession() {
  const s = state.session;
  $('#title').textContent = s.title;
  document.title = `${s.title} · ${t('app.name')}`;
  $('#topic').textContent = s.topic;
  $('#state').textContent = t(`state.${s.state}`);
  $('#state').classList.toggle('live', s.state === 'live');
  $('#viewers').textContent = state.viewers.toLocaleString();
  $('#visits').textContent = state.visits.toLocaleString();
  setAccepting(ACCEPTING.includes(s.state));
  showStream(s.streamUrl);
}

function renderStatus() {
  const status = $('#status');
  status.dataset.status = state.status;
  status.textContent = t(`status.${state.status}`);
}

function renderAll() {
  renderStatus();
  if (!state.session) return;
  renderSession();
  renderDepartments(state.session.departments);
  renderFloor(state.floor, state.session.departments);
  renderClock(state.session.clock, live.serverNow);
  renderFeed(state.feed);
  renderQuestions(state.questions);
  renderPoll(state.poll);
  renderResults(state.results);
  renderMine();
}

function onSnapshot(snap) {
  state.session = snap.session;
  state.floor = snap.floor ?? null;
  state.feed = snap.feed ?? [];
  state.questions = snap.questions ?? [];
  state.poll = snap.poll ?? null;
  state.results = snap.results ?? [];
  state.viewers = snap.viewers ?? 0;
  state.visits = snap.session.viewerVisits ?? 0;
  setLikeTotal(snap.session.likes ?? 0);
  $('#loading').classList.add('hidden');
  $('#page').classList.remove('hidden');
  renderAll();
}

/** Public events, applied in seq order by live.js. */
const handlers = {
  'session.stateChanged': (d) => { state.session.state = d.to; renderSession(); },
  'question.approved': (d) => { state.questions = upsertQuestion(state.questions, d.question); renderQuestions(state.questions); },
  'question.publicUpdated': (d) => { state.questions = upsertQuestion(state.questions, d.question); renderQuestions(state.questions); },
  'question.withdrawn': (d) => { state.questions = state.questions.filter((q) => q.id !== d.questionId); renderQuestions(state.questions); },
  'feed.posted': (d) => { state.feed = [d.post, ...state.feed.filter((p) => p.id !== d.post.id)].slice(0, 200); renderFeed(state.feed); },
  'floor.called': (d) => { state.floor = { ...(state.floor ?? {}), current: d.floor }; renderFloor(state.floor, state.session.departments); },
  'floor.followUpAdded': (d) => {
    const current = state.floor?.current;
    if (current?.id === d.floorItemId) current.followUps = [...(current.followUps ?? []), d.followUp];
    renderFloor(state.floor, state.session.departments);
  },
  'floor.closed': () => { state.floor = { ...(state.floor ?? {}), current: null }; renderFloor(state.floor, state.session.departments); },
  'clock.changed': (d) => { state.session.clock = d.clock; renderClock(d.clock, live.serverNow); },
  'poll.opened': (d) => { state.poll = d.poll; renderPoll(state.poll); },
  'poll.turnout': (d) => { if (state.poll?.id === d.pollId) { state.poll.turnout = d; renderPoll(state.poll); } },
  'poll.closed': (d) => { state.poll = { ...d.poll, turnout: state.poll?.turnout }; renderPoll(state.poll); },
  'poll.published': (d) => {
    state.results = [d.result, ...state.results.filter((r) => r.pollId !== d.result.pollId)];
    if (state.poll?.id === d.result.pollId) state.poll = null;
    renderPoll(state.poll);
    renderResults(state.results);
  },
  'publicRating.changed': (d) => {
    const result = state.results.find((r) => r.pollId === d.pollId);
    if (result) { result.publicRating = d.rating; renderResults(state.results); }
  },
};

function bindTabs() {
  const tabs = $$('[role="tab"]');
  const select = (tab, focus) => {
    for (const other of tabs) {
      const on = other === tab;
      other.setAttribute('aria-selected', on ? 'true' : 'false');
      other.tabIndex = on ? 0 : -1;
      $(`#${other.getAttribute('aria-controls')}`).classList.toggle('hidden', !on);
    }
    if (focus) tab.focus();
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => select(tab, false));
    tab.addEventListener('keydown', (e) => {
      const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (step) { e.preventDefault(); select(tabs[(i + step + tabs.length) % tabs.length], true); }
    });
  });
  select(tabs[0], false);
}

function renderOthers(sessions, chosen) {
  const others = sessions.filter((s) => s.id !== chosen.id);
  $('#others').classList.toggle('hidden', others.length === 0);
  $('#other-sessions').replaceChildren(...others.map((s) => el('li', {},
    el('a', { href: `/?s=${encodeURIComponent(s.id)}`, text: s.title }), ' ', el('span', { class: 'badge', text: t(`state.${s.state}`) }))));
}

async function main() {
  applyI18n();
  bindLanguageSwitch($('#lang'));
  bindTabs();
  let sessions;
  try {
    sessions = await get('/api/sessions');
  } catch (err) {
    $('#loading').classList.add('hidden');
    $('#load-error').classList.remove('hidden');
    $('#load-error').textContent = t('viewer.loadFailed', { message: err.message });
    return;
  }
  const requested = new URLSearchParams(location.search).get('s');
  const chosen = sessions.find((s) => s.id === requested) ?? sessions[0];
  $('#loading').classList.toggle('hidden', !!chosen);
  if (!chosen) { $('#no-session').classList.remove('hidden'); return; }
  $('#loading').classList.remove('hidden');
  onLanguageChange(() => { renderAll(); renderOthers(sessions, chosen); });
  renderOthers(sessions, chosen);

  const sessionId = chosen.id;
  initQuestions({
    sessionId, get departments() { return state.session?.departments ?? []; }, get mineIds() { return state.mineIds; },
    onChange: (q) => { state.questions = upsertQuestion(state.questions, q); renderQuestions(state.questions); },
  });
  initAsk({
    sessionId,
    onMine: (ids) => {
      const changed = ids.size !== state.mineIds.size || [...ids].some((id) => !state.mineIds.has(id));
      state.mineIds = ids;
      if (changed && state.session) renderQuestions(state.questions);
    },
  });
  live = connectLive({
    sessionId,
    onSnapshot,
    onEvent: (e) => handlers[e.type]?.(e.data),
    onCounters: (c) => {
      state.viewers = c.viewers;
      state.visits = c.viewerVisits;
      setLikeTotal(c.likes);
      if (state.session) { $('#viewers').textContent = c.viewers.toLocaleString(); $('#visits').textContent = c.viewerVisits.toLocaleString(); }
    },
    onMyQuestion: (c) => { if (c.sessionId === sessionId) applyMyQuestionChange(c); },
    onStatus: (status) => {
      state.status = status;
      renderStatus();
      // After a reconnect, statuses may have changed while away.
      if (status === 'live') loadMine().catch(() => {});
    },
  });
  initLikes({ sessionId, live });
}

main();
