// Asking a question and following "my questions". The question id is made here, once per question:
// a retry after a dropped connection sends the same id, so the server never stores it twice.
import { $, el, hhmm } from '../dom.js';
import { t } from '../i18n.js';
import { post, get, newId } from '../api.js';

const MAX = 500;
const FIELDS = ['text', 'nickname', 'departmentId'];
let ctx = null;       // { sessionId, onMine }
let pendingId = null; // the id of the question being sent, until it is confirmed
let mine = [];

const chars = (s) => [...s.trim()].length;

export function initAsk(options) {
  ctx = options;
  const form = $('#ask');
  const text = $('#ask-text');
  text.addEventListener('input', () => {
    updateCount();
    // Changing the question after a refusal makes it a new question.
    if (!$('#ask-retry').classList.contains('hidden')) return;
    pendingId = null;
  });
  form.addEventListener('submit', (e) => { e.preventDefault(); send(); });
  $('#ask-retry').addEventListener('click', () => send());
  text.addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); send(); } });
  updateCount();
}

function updateCount() {
  const n = chars($('#ask-text').value);
  $('#ask-count').textContent = `${n} / ${MAX}`;
  $('#ask-count').classList.toggle('error-text', n > MAX);
}

export function renderDepartments(departments) {
  const select = $('#ask-department');
  const value = select.value;
  select.replaceChildren(el('option', { value: '', text: t('ask.anyDepartment') }),
    ...departments.map((d) => el('option', { value: String(d.id), text: d.name })));
  select.value = value;
}

export function setAccepting(accepting) {
  $('#ask-closed').classList.toggle('hidden', accepting);
  $('#ask-submit').disabled = !accepting;
}

function clearErrors() {
  for (const f of FIELDS) $(`#err-${f}`).textContent = '';
  $('#ask-error').textContent = '';
  $('#ask-retry').classList.add('hidden');
  $('#ask-text').removeAttribute('aria-invalid');
}

async function send() {
  clearErrors();
  const text = $('#ask-text').value;
  if (chars(text) === 0) { $('#err-text').textContent = t('ask.empty'); $('#ask-text').setAttribute('aria-invalid', 'true'); return; }
  if (chars(text) > MAX) { $('#err-text').textContent = t('ask.tooLong'); $('#ask-text').setAttribute('aria-invalid', 'true'); return; }
  pendingId ??= newId();
  const department = $('#ask-department').value;
  const body = {
    id: pendingId, text, nickname: $('#ask-nickname').value || null,
    departmentId: department ? Number(department) : null, website: $('#ask-website').value,
  };
  const button = $('#ask-submit');
  button.disabled = true;
  button.textContent = t('ask.sending');
  try {
    const question = await post(`/api/sessions/${ctx.sessionId}/questions`, body);
    pendingId = null;
    $('#ask-text').value = '';
    updateCount();
    $('#ask-error').textContent = '';
    $('#ask-error').className = 'ok-text';
    $('#ask-error').textContent = t('ask.sent');
    upsertMine(question);
  } catch (err) {
    $('#ask-error').className = 'error-text';
    let shownInline = false;
    for (const [field, messages] of Object.entries(err.errors ?? {})) {
      const key = FIELDS.find((f) => f.toLowerCase() === field.toLowerCase());
      if (key) { $(`#err-${key}`).textContent = messages.join(' '); shownInline = true; }
    }
    if (err.status === 0 || err.status >= 500) {
      // It may have arrived: keep the id, offer a retry that cannot duplicate it.
      $('#ask-error').textContent = t('ask.failedRetry', { message: err.message });
      $('#ask-retry').classList.remove('hidden');
    } else {
      if (!shownInline) $('#ask-error').textContent = err.message;
      if (err.status !== 429) pendingId = null;   // refused: nothing was stored
      if (err.status === 429) $('#ask-retry').classList.remove('hidden');
    }
    if (err.errors?.text) $('#ask-text').setAttribute('aria-invalid', 'true');
  } finally {
    button.disabled = false;
    button.textContent = t('ask.submit');
  }
}

export async function loadMine() {
  mine = await get(`/api/sessions/${ctx.sessionId}/my-questions`);
  renderMine();
}

function upsertMine(q) {
  mine = [q, ...mine.filter((x) => x.id !== q.id)].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  renderMine();
}

/** A MyQuestionChanged push (only ever about this viewer's own questions). */
export function applyMyQuestionChange(change) {
  const status = change.status.charAt(0).toLowerCase() + change.status.slice(1);
  const known = mine.find((q) => q.id === change.questionId);
  if (!known) { loadMine().catch(() => {}); return; }
  Object.assign(known, {
    status, text: change.text ?? known.text, rejectReason: change.rejectReason,
    mergedIntoId: change.mergedIntoId, writtenReply: change.writtenReply,
  });
  renderMine();
}

export function renderMine() {
  ctx.onMine(new Set(mine.map((q) => q.id)));
  $('#mine').replaceChildren(...mine.map((q) => el('li', { class: `mine-item status-${q.status}`, dataset: { id: q.id, status: q.status } },
    el('div', { class: 'mine-head' },
      el('span', { class: `badge status-badge status-${q.status}`, text: t(`status.${q.status}`) }),
      el('time', { class: 'muted small', datetime: q.createdAt, text: hhmm(q.createdAt) })),
    el('p', { class: 'mine-text', text: q.text }),
    q.originalText && q.originalText !== q.text ? el('p', { class: 'muted small', text: t('mine.edited', { text: q.originalText }) }) : null,
    q.status === 'rejected' && q.rejectReason ? el('p', { class: 'small', text: t('mine.rejectReason', { reason: q.rejectReason }) }) : null,
    q.status === 'merged' ? el('p', { class: 'small', text: t('mine.merged') }) : null,
    q.writtenReply ? el('p', { class: 'small reply', text: t('mine.reply', { reply: q.writtenReply }) }) : null)));
  $('#mine-empty').classList.toggle('hidden', mine.length > 0);
}
