// Approved questions from viewers, most asked first, each with a "me too" (同问) button.
import { $, el, toast } from '../dom.js';
import { t } from '../i18n.js';
import { post } from '../api.js';

let ctx = null;   // { sessionId, departments, mineIds: Set, onChange }
let done = new Set();

const storageKey = () => `il.metoo.${ctx.sessionId}`;

export function initQuestions(options) {
  ctx = options;
  try { done = new Set(JSON.parse(localStorage.getItem(storageKey()) ?? '[]')); } catch { done = new Set(); }
}

function remember(id) {
  done.add(id);
  localStorage.setItem(storageKey(), JSON.stringify([...done].slice(-500)));
}

/** Applies an approved/updated question to the list, ranked by askedBy. */
export function upsertQuestion(list, q) {
  const rest = list.filter((x) => x.id !== q.id);
  rest.push(q);
  return rest.sort((a, b) => b.askedBy - a.askedBy || Date.parse(a.createdAt) - Date.parse(b.createdAt));
}

async function meToo(q, button) {
  button.disabled = true;
  try {
    const updated = await post(`/api/sessions/${ctx.sessionId}/questions/${q.id}/me-too`);
    remember(q.id);
    ctx.onChange(updated);
    toast(t('questions.meTooThanks'), 'ok');
  } catch (err) {
    if (err.code === 'question.meTooAlready') { remember(q.id); ctx.onChange(q); return; }
    button.disabled = false;
    toast(err.message, 'error');
  }
}

export function renderQuestions(list) {
  $('#questions').replaceChildren(...list.map((q) => {
    const department = ctx.departments.find((d) => d.id === q.departmentId)?.name;
    const mine = ctx.mineIds.has(q.id);
    const already = done.has(q.id);
    let action;
    if (mine) action = el('span', { class: 'badge', text: t('questions.mine') });
    else if (q.status === 'approved') {
      action = el('button', {
        type: 'button', class: already ? 'metoo done' : 'metoo', disabled: already, 'aria-pressed': already ? 'true' : 'false',
        text: t(already ? 'questions.meTooDone' : 'questions.meToo'),
      });
      action.addEventListener('click', () => meToo(q, action));
    } else action = el('span', { class: 'badge', text: t(`status.${q.status}`) });
    return el('li', { class: 'question', dataset: { id: q.id } },
      el('p', { class: 'question-text', text: q.text }),
      el('div', { class: 'question-meta' },
        el('span', { class: 'muted small', text: [q.nickname, department].filter(Boolean).join(' · ') }),
        el('span', { class: 'asked-by', text: t('questions.askedBy', { n: q.askedBy }) }),
        action));
  }));
  $('#questions-empty').classList.toggle('hidden', list.length > 0);
}
