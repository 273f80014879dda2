// Rendering of the moderation console: the queue list, the detail pane, similar questions, clusters.
// User text goes in with textContent only.
import { t } from '../i18n.js';
import { $, el, hhmm } from '../dom.js';

// What was shown last, so a repaint does not undo the moderator's own choices (scroll, department).
const shown = { scrolledTo: null, detailOf: null };

export function isHeldByOther(q, me, now) {
  return !!q.claimedBy && q.claimedBy !== me && Date.parse(q.claimedUntil) > now;
}

export function renderCounts(counts) {
  if (!counts) return;
  for (const key of ['pending', 'approved', 'rejected', 'merged']) $(`#count-${key}`).textContent = counts[key];
  $('#count-flagged').textContent = counts.flaggedPending;
}

export function renderQueue(state, now) {
  const list = $('#queue');
  list.replaceChildren(...state.items.map((q) => {
    const held = isHeldByOther(q, state.me, now);
    const item = el('li', {
      role: 'option', id: `q-${q.id}`, class: `q${held ? ' held' : ''}${q.flags.length ? ' flagged' : ''}`,
      'aria-selected': q.id === state.selectedId ? 'true' : 'false', dataset: { id: q.id },
    },
    el('span', { class: 'q-text', text: q.text }),
    el('span', { class: 'q-meta' },
      el('span', { text: hhmm(q.createdAt) }),
      q.askedBy > 1 ? el('span', { class: 'badge', text: t('mod.askedBy', { n: q.askedBy }) }) : null,
      q.flags.length ? el('span', { class: 'badge warn', text: t('mod.flag', { w: q.flags.join('、') }) }) : null,
      held ? el('span', { class: 'badge held', text: t('mod.heldBy', { who: q.claimedBy }) }) : null,
      q.originalText ? el('span', { class: 'badge', text: t('mod.edit') }) : null));
    return item;
  }));
  $('#queue-empty').classList.toggle('hidden', state.loading || state.items.length > 0 || !!state.error);
  $('#queue-error').classList.toggle('hidden', !state.error);
  $('#queue-error').textContent = state.error ?? '';
  $('#more').classList.toggle('hidden', state.items.length >= state.total);
  $('#queue-summary').textContent = state.loading ? t('common.loading') : t('mod.summary', { total: state.total, shown: state.items.length });
  if (state.selectedId !== shown.scrolledTo) {
    shown.scrolledTo = state.selectedId;
    $(`#q-${CSS.escape(state.selectedId ?? '')}`)?.scrollIntoView({ block: 'nearest' });
  }
}

export function renderDetail(state, now) {
  const q = state.selected;
  $('#detail-empty').classList.toggle('hidden', !!q);
  $('#detail-body').classList.toggle('hidden', !q);
  if (!q) return;
  const held = isHeldByOther(q, state.me, now);
  $('#d-held').classList.toggle('hidden', !held);
  $('#d-held').textContent = held ? t('mod.heldBy', { who: q.claimedBy }) : '';
  $('#d-text').textContent = q.text;
  $('#d-original').classList.toggle('hidden', !q.originalText);
  $('#d-original-text').textContent = q.originalText ?? '';
  $('#d-flags').replaceChildren(...q.flags.map((w) => el('li', { class: 'badge warn', text: t('mod.flag', { w }) })));
  const meta = [
    ['mod.meta.time', `${new Date(q.createdAt).toLocaleDateString()} ${hhmm(q.createdAt)}`],
    ['mod.meta.nickname', q.nickname || t('mod.anonymous')],
    ['mod.meta.askedBy', t('mod.askedBy', { n: q.askedBy })],
    ['mod.meta.status', t(`mod.status.${q.status}`)],
    q.decidedBy ? ['mod.meta.decidedBy', q.decidedBy] : null,
    q.rejectReason ? ['mod.meta.reason', q.rejectReason] : null,
  ].filter(Boolean);
  $('#d-meta').replaceChildren(...meta.flatMap(([k, v]) => [el('dt', { text: t(k) }), el('dd', { text: v })]));
  const pending = q.status === 'pending';
  const editable = pending || q.status === 'approved';
  $('#approve').disabled = !pending || held;
  $('#reject-form button').disabled = !pending || held;
  $('#edit').disabled = !editable || held;
  if (shown.detailOf !== q.id) {
    shown.detailOf = q.id;
    $('#d-department').value = q.departmentId ?? '';
  }
}

export function renderSimilar(state, onMerge) {
  const list = $('#similar');
  const canMerge = state.selected && ['pending', 'approved'].includes(state.selected.status);
  list.replaceChildren(...state.similar.map((s, i) => el('li', { class: 'similar-item' },
    el('kbd', { text: String(i + 1) }),
    el('span', { class: 'q-text', text: s.question.text }),
    el('span', { class: 'muted small', text: `${t('mod.score', { p: Math.round(s.score * 100) })} · ${t(`mod.status.${s.question.status}`)} · ${t('mod.askedBy', { n: s.question.askedBy })}` }),
    el('button', { type: 'button', disabled: !canMerge, onclick: () => onMerge(s.question.id), text: t('mod.mergeInto') }))));
  $('#similar-empty').classList.toggle('hidden', state.similar.length > 0);
}

export function renderClusters(clusters, onMerge) {
  $('#clusters-empty').classList.toggle('hidden', clusters.length > 0);
  $('#cluster-list').replaceChildren(...clusters.map((c) => {
    // Every other question starts ticked; a moderator unticks one that only looks alike.
    const boxes = [];
    const rows = c.questions.map((q) => {
      if (q.id === c.suggestedTargetId) return el('li', { class: 'target', text: q.text });
      const box = el('input', { type: 'checkbox', checked: true, value: q.id });
      boxes.push(box);
      return el('li', {}, el('label', { class: 'check' }, box, el('span', { text: q.text })));
    });
    return el('li', { class: 'cluster card' },
      el('p', { class: 'muted small', text: t('mod.askedBy', { n: c.askedBy }) }),
      el('ol', {}, rows),
      el('button', {
        type: 'button', class: 'primary', text: t('mod.mergeCluster'),
        onclick: () => onMerge(c.suggestedTargetId, boxes.filter((b) => b.checked).map((b) => b.value)),
      }));
  }));
}
