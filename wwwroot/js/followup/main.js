// Follow-up console (Admin, Clerk): build the rectification list, record progress and closing
// notes, open a second evaluation, and enter written replies. Follows the staff stream live.
import { addStrings, applyI18n, bindLanguageSwitch, onLanguageChange, t } from '../i18n.js';
import { get, post, put } from '../api.js';
import { requireRole, signOut } from '../auth.js';
import { connectLive } from '../live.js';
import { $, el, replaceChildren, toast } from '../dom.js';
import { chooseSession, dateTime, status, voteDepartment, voteSummary } from './strings.js';

addStrings({
  'zh-CN': {
    'fup.pageTitle': '整改与答复', 'fup.report': '会议报告', 'fup.results': '公开页', 'fup.newItem': '新建整改事项',
    'fup.source': '来源', 'fup.fromFloor': '现场询问问题', 'fup.fromPoll': '测评结论', 'fup.standalone': '其他',
    'fup.floorItem': '询问问题', 'fup.poll': '测评', 'fup.detail': '说明', 'fup.create': '建立整改事项', 'fup.created': '已建立整改事项。',
    'fup.list': '整改清单', 'fup.filter': '筛选', 'fup.all': '全部', 'fup.noItems': '没有符合条件的整改事项。',
    'fup.meta': '{department} · 期限 {deadline} · 责任人 {owner}', 'fup.note': '进展或销号说明', 'fup.progress': '记录进展',
    'fup.start': '开始整改', 'fup.close': '销号', 'fup.saved': '已保存。', 'fup.history': '历史记录', 'fup.second': '开展回头看测评',
    'fup.secondOpened': '回头看测评已开启，请通知组成人员投票。', 'fup.firstPoll': '对照的首次测评',
    'fup.kind.created': '建立', 'fup.kind.progress': '进展', 'fup.kind.started': '开始整改', 'fup.kind.closed': '销号', 'fup.kind.secondEvaluation': '回头看',
    'fup.awaiting': '待书面答复的问题', 'fup.noAwaiting': '没有待答复的问题。', 'fup.noDepartment': '未指定部门',
    'fup.replyLabel': '书面答复内容', 'fup.reply': '提交答复', 'fup.replied': '答复已送达提问人。', 'fup.askedBy': '{n} 人同问',
    'fup.qstatus.deferred': '延后答复', 'fup.qstatus.approved': '未及询问', 'fup.qstatus.pending': '会后待处理',
  },
  en: {
    'fup.pageTitle': 'Rectification & replies', 'fup.report': 'Report', 'fup.results': 'Public page', 'fup.newItem': 'New rectification item',
    'fup.source': 'Source', 'fup.fromFloor': 'Question asked in the hall', 'fup.fromPoll': 'Vote verdict', 'fup.standalone': 'Other',
    'fup.floorItem': 'Question', 'fup.poll': 'Vote', 'fup.detail': 'Detail', 'fup.create': 'Create item', 'fup.created': 'Item created.',
    'fup.list': 'Rectification list', 'fup.filter': 'Filter', 'fup.all': 'All', 'fup.noItems': 'No item matches.',
    'fup.meta': '{department} · due {deadline} · owner {owner}', 'fup.note': 'Progress or closing note', 'fup.progress': 'Record progress',
    'fup.start': 'Start', 'fup.close': 'Close', 'fup.saved': 'Saved.', 'fup.history': 'History', 'fup.second': 'Open second evaluation',
    'fup.secondOpened': 'Second evaluation opened; ask members to vote.', 'fup.firstPoll': 'First vote to compare with',
    'fup.kind.created': 'Created', 'fup.kind.progress': 'Progress', 'fup.kind.started': 'Started', 'fup.kind.closed': 'Closed', 'fup.kind.secondEvaluation': 'Second evaluation',
    'fup.awaiting': 'Questions awaiting a written reply', 'fup.noAwaiting': 'No question is waiting.', 'fup.noDepartment': 'No department',
    'fup.replyLabel': 'Written reply', 'fup.reply': 'Send reply', 'fup.replied': 'Reply delivered to the asker.', 'fup.askedBy': '{n} asked',
    'fup.qstatus.deferred': 'Deferred', 'fup.qstatus.approved': 'Not reached', 'fup.qstatus.pending': 'Pending after the sitting',
  },
});

const state = { sessionId: null, report: null, items: [], awaiting: [] };
const api = (path) => `/api/sessions/${state.sessionId}${path}`;
const option = (value, text) => el('option', { value }, text);
let awaitingTimer = null;

async function run(button, work, okKey) {
  button.disabled = true;
  try { await work(); if (okKey) toast(t(okKey), 'ok'); return true; }
  catch (err) { toast(err.fullMessage ?? err.message, 'error'); return false; }
  finally { button.disabled = false; }
}

function fillForm() {
  const r = state.report;
  replaceChildren($('#departmentId'), r.session.departments.map((d) => option(d.id, d.name)));
  replaceChildren($('#floorItemId'), r.floor.map((f) => option(f.id, `${f.order}. ${f.questionerName}：${f.text}`)));
  // Every closed vote, in the words of its verdict and figures (an unpublished one the reader may not see says so).
  replaceChildren($('#pollId'), r.votes.map((v) => option(v.pollId, `${v.title}（${voteSummary(v)}）`)));
  const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);   // the deadline day is a China date
  $('#deadline').min = today;
  syncSource();
}

function syncSource() {
  const source = $('#source').value;
  for (const [id, on] of [['floorItemId', source === 'floor'], ['pollId', source === 'poll']]) {
    $(`#${id}`).disabled = !on;
    $(`#${id}`).classList.toggle('hidden', !on);
    $(`label[for=${id}]`).classList.toggle('hidden', !on);
  }
  // A single vote names its department; on a sheet the department stays the clerk's choice.
  const vote = source === 'poll' ? state.report.votes.find((v) => v.pollId === $('#pollId').value) : null;
  const pick = source === 'floor' ? state.report.floor.find((f) => String(f.id) === $('#floorItemId').value)?.departmentId
    : vote ? voteDepartment(vote) : null;
  if (pick) $('#departmentId').value = String(pick);
}

async function createItem(event) {
  event.preventDefault();
  const source = $('#source').value;
  const body = {
    departmentId: Number($('#departmentId').value) || null,
    floorItemId: source === 'floor' ? Number($('#floorItemId').value) || null : null,
    pollId: source === 'poll' ? $('#pollId').value || null : null,
    title: $('#title').value, detail: $('#detail').value, deadline: $('#deadline').value || null, owner: $('#owner').value,
  };
  $('#new-error').textContent = '';
  const button = event.submitter ?? $('#new-item button[type=submit]');
  button.disabled = true;
  try {
    const item = await post(api('/rectifications'), body);
    upsert(item);
    event.target.reset();
    syncSource();
    toast(t('fup.created'), 'ok');
  } catch (err) {
    $('#new-error').textContent = err.fullMessage ?? err.message;
  } finally { button.disabled = false; }
}

function upsert(item) {
  const i = state.items.findIndex((x) => x.id === item.id);
  if (i >= 0) state.items[i] = item; else state.items.push(item);
  renderItems();
}

function itemCard(item) {
  const note = el('textarea', { rows: 2, maxlength: 2000, 'aria-label': t('fup.note'), placeholder: t('fup.note') });
  const act = (path, key, okKey) => {
    const button = el('button', { type: 'button', class: key === 'fup.close' ? 'primary' : undefined }, t(key));
    button.addEventListener('click', () => run(button, async () => { upsert(await post(api(`/rectifications/${item.id}/${path}`), { note: note.value })); note.value = ''; }, okKey));
    return button;
  };
  const history = el('details', {}, el('summary', {}, t('fup.history')), el('ol'));
  history.addEventListener('toggle', async () => {
    if (!history.open) return;
    const detail = await get(api(`/rectifications/${item.id}`)).catch((err) => { toast(err.message, 'error'); return null; });
    if (detail) replaceChildren(history.querySelector('ol'), detail.history.map((h) => el('li', {}, `${dateTime(h.at)} · ${t(`fup.kind.${h.kind}`)} · ${h.by}${h.note ? `：${h.note}` : ''}`)));
  });
  // A first vote is a published one that is not itself a 回头看; on a sheet, only one that rated this department.
  const rated = (v) => v.result && (v.result.kind !== 'sheet' || v.result.items.some((i) => i.departmentId === item.departmentId));
  const firsts = state.report.votes.filter((v) => v.publishedAt && !v.followsPollId && rated(v));
  let second = null;
  if (item.status !== 'done' && firsts.length) {
    const select = el('select', { 'aria-label': t('fup.firstPoll') },
      firsts.map((v) => option(v.pollId, `${v.title}（${voteSummary(v, item.departmentId)}）`)));
    if (item.pollId) select.value = item.pollId;
    const button = el('button', { type: 'button' }, t('fup.second'));
    button.addEventListener('click', () => run(button, () => post(api(`/rectifications/${item.id}/second-evaluation`), { firstPollId: select.value }), 'fup.secondOpened'));
    second = el('div', { class: 'second' }, select, button);
  }
  return el('li', { class: 'item', dataset: { id: item.id } },
    el('div', { class: 'item-head' }, el('strong', {}, item.title), el('span', { class: 'badge status-badge', dataset: { status: item.status } }, status(item.status))),
    el('div', { class: 'meta' }, t('fup.meta', { department: item.departmentName ?? '', deadline: item.deadline, owner: item.owner })),
    item.detail ? el('p', {}, item.detail) : null,
    item.closingNote || item.lastNote ? el('p', { class: 'meta' }, item.closingNote ?? item.lastNote) : null,
    item.status === 'done' ? null : el('div', { class: 'actions' }, note, act('progress', 'fup.progress', 'fup.saved'),
      item.startedAt ? null : act('start', 'fup.start', 'fup.saved'), act('close', 'fup.close', 'fup.saved')),
    second, history);
}

function renderItems() {
  if (!state.report) return;
  const filter = $('#filter').value;
  const shown = state.items.filter((i) => !filter || i.status === filter).sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id - b.id);
  replaceChildren($('#items'), shown.length ? shown.map(itemCard) : el('li', { class: 'empty' }, t('fup.noItems')));
}

function renderAwaiting() {
  if (!state.awaiting.length) { replaceChildren($('#awaiting'), el('p', { class: 'empty' }, t('fup.noAwaiting'))); return; }
  replaceChildren($('#awaiting'), state.awaiting.map((g) => el('div', { class: 'dept-group' },
    el('h3', {}, g.departmentName ?? t('fup.noDepartment')),
    g.questions.map((q) => {
      const text = el('textarea', { rows: 3, maxlength: 8000, 'aria-label': t('fup.replyLabel'), placeholder: t('fup.replyLabel') });
      const button = el('button', { type: 'submit', class: 'primary' }, t('fup.reply'));
      const form = el('form', {}, text, button);
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        run(button, async () => { await put(api(`/questions/${q.questionId}/written-reply`), { text: text.value, departmentId: g.departmentId }); await loadAwaiting(); }, 'fup.replied');
      });
      return el('div', { class: 'awaiting-q' }, el('div', {}, q.text),
        el('div', { class: 'meta muted' }, `${t(`fup.qstatus.${q.status}`)} · ${t('fup.askedBy', { n: q.askedBy })} · ${dateTime(q.createdAt)}`), form);
    }))));
}

async function loadAwaiting() { state.awaiting = await get(api('/written-replies/awaiting')); renderAwaiting(); }

async function loadAll() {
  state.report = await get(api('/report'));
  state.items = state.report.rectifications;
  fillForm();
  renderItems();
  await loadAwaiting();
}

async function main() {
  applyI18n();
  bindLanguageSwitch($('#lang'));
  $('#signout').addEventListener('click', signOut);
  await requireRole('Admin', 'Clerk');
  state.sessionId = await chooseSession(get);
  if (!state.sessionId) return;
  $('#report-link').href = `/report.html?s=${state.sessionId}`;
  $('#results-link').href = `/results.html?s=${state.sessionId}`;
  $('#source').addEventListener('change', syncSource);
  $('#floorItemId').addEventListener('change', syncSource);
  $('#pollId').addEventListener('change', syncSource);
  $('#filter').addEventListener('change', renderItems);
  $('#new-item').addEventListener('submit', createItem);
  onLanguageChange(() => { if (state.report) { fillForm(); renderItems(); renderAwaiting(); } });
  try { await loadAll(); } catch (err) { toast(err.message, 'error'); }
  connectLive({
    sessionId: state.sessionId, staff: true,
    onSnapshot: (snap) => { if (snap.rectifications) { state.items = snap.rectifications; renderItems(); } },
    onEvent: (e) => {
      if (e.type === 'rectification.changed') upsert(e.data.item);
      if (e.type.startsWith('question.')) { clearTimeout(awaitingTimer); awaitingTimer = setTimeout(loadAwaiting, 500); }
      if (e.type === 'poll.published') loadAll();
    },
    onStatus: (s) => { const dot = $('#status'); dot.dataset.status = s; dot.textContent = t(`status.${s}`); },
  });
}

main();
