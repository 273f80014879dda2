// A 测评表 on the member's phone: every item with its choices as large radio buttons (native
// radios, so a screen reader hears a group per item and the arrow keys move between choices),
// "不填" where the vote allows blank items, a progress line, a confirmation listing each item and
// its choice, and one submission. The choices are kept on this phone only (sessionStorage): a
// draft while filling in (a reload keeps it), and what was submitted, shown back afterwards.
import './strings.js';
import { t } from '../i18n.js';
import { $, el, replaceChildren } from '../dom.js';
import { CHOICES, choiceLabel } from '../polls/labels.js';

const draftKey = (pollId) => `il.sheetDraft.${pollId}`;
const mineKey = (pollId) => `il.sheet.${pollId}`;
const sheet = { poll: null, picks: new Map(), confirming: false, cast: null };

const items = () => [...sheet.poll.items].sort((a, b) => a.order - b.order);
const pickLabel = (pick) => (pick === 'blank' ? t('member.blank') : choiceLabel(pick));
const itemLine = (item, pick) => el('li', { dataset: { itemId: item.id, choice: pick }, text: t('member.itemChoice', { title: item.title, choice: pickLabel(pick) }) });

/** cast(poll, content, errorNode, button) → Promise<boolean>: sends the ballot (main.js owns ids, retries and errors). */
export function bindSheet(cast) {
  sheet.cast = cast;
  $('#sheet-form').addEventListener('change', (e) => {
    if (!e.target.matches('input[type="radio"]')) return;
    sheet.picks.set(e.target.closest('[data-item-id]').dataset.itemId, e.target.value);
    sessionStorage.setItem(draftKey(sheet.poll.id), JSON.stringify(Object.fromEntries(sheet.picks)));
    $('#sheet-missing').textContent = '';
    progress();
  });
  $('#sheet-form').addEventListener('submit', (e) => { e.preventDefault(); review(); });
  $('#sheet-back').addEventListener('click', () => { sheet.confirming = false; show(true); $('#sheet-items input:checked')?.focus(); });
  $('#sheet-submit').addEventListener('click', submit);
}

/** Draws the sheet of the current vote; the items are built once per vote so a push never loses a choice. */
export function renderSheet(poll, hasVoted, { rebuild = false } = {}) {
  if (sheet.poll?.id !== poll.id) {
    sheet.confirming = false;
    sheet.picks = new Map(Object.entries(JSON.parse(sessionStorage.getItem(draftKey(poll.id)) ?? '{}')));
    rebuild = true;
  }
  sheet.poll = poll;
  $('#sheet-info').textContent = t('member.sheetInfo', { n: poll.items.length });
  $('#sheet-title').textContent = poll.title;
  $('#sheet-turnout').textContent = poll.turnout ? t('poll.turnout', poll.turnout) : '';
  $('#sheet-hint').textContent = t(poll.allowBlank ? 'member.sheetHintBlank' : 'member.sheetHint');
  if (rebuild) replaceChildren($('#sheet-items'), items().map(itemFieldset));
  progress();
  show(poll.state === 'open' && !hasVoted, hasVoted);
}

function itemFieldset(item) {
  const options = [...CHOICES, ...(sheet.poll.allowBlank ? ['blank'] : [])];
  const picked = sheet.picks.get(String(item.id));
  return el('fieldset', { class: 'sheet-item', dataset: { itemId: item.id } },
    el('legend', {}, el('span', { class: 'sheet-order', text: `${item.order}` }), el('span', { text: item.title })),
    el('div', { class: 'sheet-choices' }, options.map((choice) => el('label', { class: `sheet-choice sheet-${choice}` },
      el('input', { type: 'radio', name: `item-${item.id}`, value: choice, checked: picked === choice }),
      el('span', { text: pickLabel(choice) })))));
}

function progress() {
  const filled = items().filter((i) => sheet.picks.has(String(i.id))).length;
  $('#sheet-progress').textContent = t('member.sheetProgress', { n: filled, total: sheet.poll.items.length });
}

function show(open, voted = false) {
  $('#sheet-form').classList.toggle('hidden', !open || sheet.confirming);
  $('#sheet-confirm').classList.toggle('hidden', !open || !sheet.confirming);
  $('#sheet-recorded').classList.toggle('hidden', !voted);
  $('#sheet-closed-note').classList.toggle('hidden', sheet.poll.state === 'open');
  if (voted) showMine();
}

function review() {
  const missing = items().filter((i) => !sheet.picks.has(String(i.id)));
  if (missing.length) {
    $('#sheet-missing').textContent = t('member.sheetMissing', { n: missing.length, titles: missing.map((i) => i.title).join('、') });
    $(`[data-item-id="${missing[0].id}"] input`, $('#sheet-items'))?.focus();
    return;
  }
  replaceChildren($('#sheet-summary'), items().map((i) => itemLine(i, sheet.picks.get(String(i.id)))));
  $('#sheet-error').textContent = '';
  sheet.confirming = true;
  show(true);
  $('#sheet-confirm-title').focus();
}

async function submit() {
  const poll = sheet.poll;
  const choices = items().map((i) => {
    const pick = sheet.picks.get(String(i.id));
    return { itemId: i.id, choice: pick === 'blank' ? null : pick };
  });
  if (!(await sheet.cast(poll, { choices }, $('#sheet-error'), $('#sheet-submit')))) return;
  sessionStorage.setItem(mineKey(poll.id), JSON.stringify(Object.fromEntries(sheet.picks)));
  sessionStorage.removeItem(draftKey(poll.id));
  sheet.confirming = false;
  show(false, true);
  $('#sheet-recorded-title').focus();
}

function showMine() {
  const mine = JSON.parse(sessionStorage.getItem(mineKey(sheet.poll.id)) ?? 'null');
  replaceChildren($('#sheet-mine'), mine
    ? items().map((i) => itemLine(i, mine[String(i.id)] ?? 'blank'))
    : [el('li', { class: 'muted', text: t('member.recordedUnknown') })]);
}
