// Moderation console: a live queue of the public's questions, decided by keyboard.
// Claims keep two moderators off one question; the server refuses (409) whatever slips through.
import './strings.js';
import { applyI18n, bindLanguageSwitch, onLanguageChange, t } from '../i18n.js';
import { get, post } from '../api.js';
import { requireRole, signOut } from '../auth.js';
import { connectLive } from '../live.js';
import { $, el, toast } from '../dom.js';
import { isHeldByOther, renderClusters, renderCounts, renderDetail, renderQueue, renderSimilar } from './view.js';

const PAGE = 50;
const state = {
  me: null, sessionId: null, settings: { rejectReasons: [] }, live: null, status: 'connecting',
  filter: { status: 'pending', departmentId: '', flagged: false, q: '', order: 'oldest' },
  items: [], total: 0, counts: null, loading: true, error: null,
  selectedId: null, selected: null, similar: [], clusters: null,
};
const base = () => `/api/sessions/${state.sessionId}/moderation`;
const now = () => state.live?.serverNow() ?? Date.now();

function render() {
  renderCounts(state.counts);
  renderQueue(state, now());
  renderDetail(state, now());
  renderSimilar(state, (id) => merge(id));
  const status = $('#status');
  status.dataset.status = state.status;
  status.textContent = t(`status.${state.status}`);
  for (const b of document.querySelectorAll('.count')) b.setAttribute('aria-pressed', String(b.dataset.status === state.filter.status));
}

function fail(err) { toast(err.fullMessage ?? err.message, 'error'); }

function queueUrl(offset, limit = PAGE) {
  const f = state.filter;
  const params = new URLSearchParams({ status: f.status, order: f.order, offset, limit });
  if (f.departmentId) params.set('departmentId', f.departmentId);
  if (f.flagged) params.set('flagged', 'true');
  if (f.q) params.set('q', f.q);
  return `${base()}/queue?${params}`;
}

async function loadQueue(more = false) {
  state.loading = !more;
  render();
  try {
    const page = await get(queueUrl(more ? state.items.length : 0));
    state.items = more ? [...state.items, ...page.items.filter((q) => !state.items.some((x) => x.id === q.id))] : page.items;
    state.total = page.total;
    state.counts = page.counts;
    state.error = null;
  } catch (err) {
    state.error = err.fullMessage ?? err.message;
  }
  state.loading = false;
  if (!state.selectedId && state.items.length && !more) await select(firstFree(0));
  render();
}

let countsTimer = null;
function refreshCounts() {
  clearTimeout(countsTimer);
  countsTimer = setTimeout(async () => {
    try { state.counts = (await get(`${base()}/queue?limit=1`)).counts; renderCounts(state.counts); } catch { /* the next event retries */ }
  }, 300);
}

function matches(q) {
  const f = state.filter;
  return q.status === f.status && (!f.departmentId || String(q.departmentId) === f.departmentId)
    && (!f.flagged || q.flags.length > 0) && (!f.q || q.text.includes(f.q) || (q.originalText ?? '').includes(f.q));
}

/** Puts a question's latest view into the list (added, replaced or removed as the filter says). */
function upsert(q) {
  const i = state.items.findIndex((x) => x.id === q.id);
  if (q.id === state.selectedId) state.selected = q;
  if (i >= 0 && matches(q)) { state.items[i] = q; return; }
  if (i >= 0) { state.items.splice(i, 1); state.total--; return; }
  if (!matches(q)) return;
  state.total++;
  const newest = state.filter.order === 'newest';
  const at = state.items.findIndex((x) => (newest ? x.createdAt < q.createdAt : x.createdAt > q.createdAt));
  // Oldest first: a question newer than all loaded belongs after them, so it waits for "load more".
  if (at >= 0) state.items.splice(at, 0, q);
  else if (newest || state.items.length + 1 >= state.total) state.items.push(q);
}

function onEvent(e) {
  if (e.type === 'question.submitted' || e.type === 'question.updated') {
    const hadSelection = state.selectedId;
    upsert(e.data.question);
    refreshCounts();
    render();
    if (!hadSelection && state.items.length) select(firstFree(0));
  }
}

async function select(id) {
  if (!id) return;
  const previous = state.selected;
  if (previous && previous.id !== id && previous.claimedBy === state.me && previous.status === 'pending') {
    post(`${base()}/questions/${previous.id}/release`).catch(() => {});
  }
  state.selectedId = id;
  state.selected = state.items.find((q) => q.id === id) ?? null;
  state.similar = [];
  closeEdit();
  render();
  if (state.selected?.status === 'pending') {
    try { upsert(await post(`${base()}/questions/${id}/claim`)); } catch (err) { if (err.status !== 409) fail(err); }
  }
  try { state.similar = await get(`${base()}/questions/${id}/similar`); } catch (err) { fail(err); }
  if (state.selectedId === id) render();
}

/** The first question from an index on that no other moderator holds (else the one at the index). */
function firstFree(from) {
  const start = Math.max(0, Math.min(from, state.items.length - 1));
  const free = state.items.slice(start).find((q) => !isHeldByOther(q, state.me, now()));
  return (free ?? state.items[start])?.id;
}

function move(step) {
  if (!state.items.length) return;
  const i = state.items.findIndex((q) => q.id === state.selectedId);
  const next = Math.min(state.items.length - 1, Math.max(0, i < 0 ? 0 : i + step));
  select(state.items[next].id);
}

/** Runs a decision on the selected question, then moves on to the next one in the list. */
async function decide(action, body, done) {
  const q = state.selected;
  if (!q) return false;
  const index = state.items.findIndex((x) => x.id === q.id);
  try {
    const result = await post(`${base()}/questions/${q.id}/${action}`, body);
    toast(t(`mod.done.${done ?? action}`), 'ok');
    if (action === 'merge') upsert({ ...q, status: 'merged', mergedIntoId: result.id }); else upsert(result);
    if (action === 'merge') upsert(result);
    if (action !== 'edit' && !matches(state.selected)) {
      const next = firstFree(index);
      state.selectedId = null; state.selected = null;
      if (next) await select(next);
    }
    refreshCounts();
    render();
    return true;
  } catch (err) {
    fail(err);
    if (err.status === 409) loadQueue();
    return false;
  }
}

const approve = () => decide('approve', { departmentId: $('#d-department').value ? Number($('#d-department').value) : null });
function reject() {
  const reason = $('#reason').value.trim();
  if (!reason) { toast(t('mod.needReason'), 'error'); $('#reason').focus(); return; }
  decide('reject', { reason }).then((ok) => { if (ok) { $('#reason').value = ''; $('#queue').focus(); } });
}
const merge = (targetId) => decide('merge', { targetId });

function openEdit() {
  if (!state.selected || $('#edit').disabled) return;
  $('#edit-form').classList.remove('hidden');
  $('#d-text').classList.add('hidden');
  $('#edit-text').value = state.selected.text;
  $('#edit-text').focus();
}
function closeEdit() { $('#edit-form').classList.add('hidden'); $('#d-text').classList.remove('hidden'); }

async function undo() {
  try {
    const q = await post(`${base()}/undo`);
    toast(t('mod.done.undo'), 'ok');
    upsert(q);
    refreshCounts();
    if (matches(q)) await select(q.id); else render();
  } catch (err) { fail(err); }
}

async function showClusters(open = $('#clusters').classList.contains('hidden')) {
  $('#clusters').classList.toggle('hidden', !open);
  $('#detail').classList.toggle('hidden', open);
  if (!open) return;
  try {
    renderClusters(await get(`${base()}/clusters`), async (targetId, sourceIds) => {
      if (!sourceIds.length) return;
      try {
        await post(`${base()}/clusters/merge`, { targetId, sourceIds });
        toast(t('mod.done.merge'), 'ok');
        await loadQueue();
        await showClusters(true);
      } catch (err) { fail(err); }
    });
  } catch (err) { fail(err); }
}

function onKey(e) {
  const typing = e.target.closest('input, textarea, select');
  if (e.key === 'Escape') { closeEdit(); e.target.blur?.(); $('#queue').focus(); return; }
  if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
  const key = e.key.toLowerCase();
  const actions = {
    j: () => move(1), arrowdown: () => move(1), k: () => move(-1), arrowup: () => move(-1),
    a: () => !$('#approve').disabled && approve(), e: openEdit, u: undo,
    r: () => { if (!$('#reject-form button').disabled) $('#reason').focus(); },
    m: () => (state.similar[0] ? merge(state.similar[0].question.id) : toast(t('mod.noSimilarToMerge'), 'error')),
    '/': () => $('#f-search').focus(),
  };
  if (/^[1-5]$/.test(key) && state.similar[Number(key) - 1]) { e.preventDefault(); merge(state.similar[Number(key) - 1].question.id); return; }
  if (actions[key]) { e.preventDefault(); actions[key](); }
}

function bindControls() {
  let searchTimer;
  $('#f-search').addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => { state.filter.q = $('#f-search').value.trim(); state.selectedId = null; loadQueue(); }, 250);
  });
  $('#filters').addEventListener('submit', (e) => e.preventDefault());
  for (const [id, key] of [['#f-status', 'status'], ['#f-department', 'departmentId'], ['#f-order', 'order']]) {
    $(id).addEventListener('change', () => { state.filter[key] = $(id).value; state.selectedId = null; state.selected = null; loadQueue(); });
  }
  $('#f-flagged').addEventListener('change', () => { state.filter.flagged = $('#f-flagged').checked; state.selectedId = null; loadQueue(); });
  for (const b of document.querySelectorAll('.count')) {
    b.addEventListener('click', () => { state.filter.status = b.dataset.status; $('#f-status').value = b.dataset.status; state.selectedId = null; loadQueue(); });
  }
  $('#queue').addEventListener('click', (e) => { const li = e.target.closest('li[data-id]'); if (li) select(li.dataset.id); });
  $('#more').addEventListener('click', () => loadQueue(true));
  $('#approve').addEventListener('click', approve);
  $('#reject-form').addEventListener('submit', (e) => { e.preventDefault(); reject(); });
  $('#edit').addEventListener('click', openEdit);
  $('#edit-cancel').addEventListener('click', closeEdit);
  $('#edit-form').addEventListener('submit', (e) => { e.preventDefault(); decide('edit', { text: $('#edit-text').value }).then((ok) => ok && closeEdit()); });
  $('#edit-text').addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) $('#edit-form').requestSubmit(); });
  $('#undo').addEventListener('click', undo);
  $('#clusters-toggle').addEventListener('click', () => showClusters());
  $('#sign-out').addEventListener('click', signOut);
  document.addEventListener('keydown', onKey);
  // Leaving the page hands the question back at once instead of after the claim runs out.
  window.addEventListener('pagehide', () => {
    const q = state.selected;
    if (q?.claimedBy === state.me && q.status === 'pending') navigator.sendBeacon(`${base()}/questions/${q.id}/release`);
  });
  // Claims expire on the server; repaint now and then so "held by" badges fade out on time.
  setInterval(render, 5000);
}

async function main() {
  applyI18n();
  bindLanguageSwitch($('#lang'));
  onLanguageChange(render);
  const me = await requireRole('Moderator', 'Admin');
  state.me = me.userName;
  $('#me').textContent = me.displayName || me.userName;
  $('#audit-link').classList.remove('hidden');
  const sessions = await get('/api/sessions');
  const requested = new URLSearchParams(location.search).get('s');
  const session = sessions.find((s) => s.id === requested) ?? sessions[0];
  if (!session) { $('#queue-empty').textContent = t('mod.noSession'); $('#queue-empty').classList.remove('hidden'); return; }
  state.sessionId = session.id;
  $('#audit-link').href = `/audit.html?s=${session.id}`;
  $('#session-title').textContent = session.title;
  bindControls();
  try {
    state.settings = await get(`${base()}/settings`);
    $('#reasons').replaceChildren(...state.settings.rejectReasons.map((r) => el('option', { value: r })));
  } catch (err) { fail(err); }
  state.live = connectLive({
    sessionId: state.sessionId, staff: true,
    onSnapshot: (snap) => {
      const departments = snap.session.departments;
      for (const select of [$('#f-department'), $('#d-department')]) {
        const first = select.firstElementChild;
        select.replaceChildren(first, ...departments.map((d) => el('option', { value: d.id, text: d.name })));
      }
      state.counts = snap.queueCounts ?? state.counts;
      loadQueue();
    },
    onEvent,
    onStatus: (status) => { state.status = status; render(); },
  });
}

main();
