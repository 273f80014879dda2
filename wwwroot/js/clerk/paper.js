// 纸质票录入: when electronic voting failed, the clerk types the paper counts of the closed,
// unpublished vote (a single vote: three counts; a 测评表: three per item and the papers collected).
// The answer carries no counts and no verdict, and neither does this page after entry: the clerk
// does not see a tally before the chair publishes it. A vote that already holds a tally is replaced
// only with the box ticked and a reason (the server says when; the audit log keeps both tallies).
import { t } from '../i18n.js';
import { post } from '../api.js';
import { $, $$, el, replaceChildren } from '../dom.js';
import { CHOICES, choiceLabel } from '../polls/labels.js';

let sessionId = null;
let poll = null;              // the vote in the snapshot's "poll" section, as poll events move it
let askReplace = false;       // the server said a tally exists: replacing needs the box and a reason

// Refusals without a field, placed at the field they are about.
const CODE_FIELDS = { 'poll.paperBallots': 'ballots', 'poll.paperTooMany': 'ballots', 'poll.paperItemOverBallots': 'ballots', 'poll.paperItems': 'items' };

const errorLine = (field) => el('p', { class: 'field-error', dataset: { errorFor: field } });
const countInput = (id, label) => el('input', { id, type: 'number', min: 0, max: 10000, step: 1, inputmode: 'numeric', 'aria-label': label });

export function setSession(id) { sessionId = id; setPoll(null); }

/** The vote the panel is about; only a closed one takes paper counts. */
export function setPoll(next) {
  const same = next && poll && next.id === poll.id && next.state === poll.state;
  poll = next && next.state !== 'published' ? next : null;
  if (same) return;
  askReplace = false;
  render();
}

/** A vote was published: its paper entry is over. */
export function published(pollId) { if (poll?.id === pollId) setPoll(null); }

/** Someone (this clerk or another) entered counts: say so, without counts. */
export function entered(e) {
  if (!poll || e.pollId !== poll.id) return;
  $('#paper-done').textContent = t(e.replaced ? 'paper.replaced' : 'paper.entered', { n: e.ballots });
}

function singleFields() {
  return el('fieldset', { class: 'paper-counts' }, el('legend', { class: 'visually-hidden', text: t('paper.single') }),
    CHOICES.map((k) => el('div', { class: 'field' },
      el('label', { for: `paper-${k}`, text: choiceLabel(k) }), countInput(`paper-${k}`), errorLine(k))));
}

function sheetTable() {
  const head = el('tr', {}, el('th', { scope: 'col', text: t('paper.item') }), CHOICES.map((k) => el('th', { scope: 'col', class: 'num', text: choiceLabel(k) })));
  const rows = poll.items.map((item, i) => el('tr', { dataset: { itemId: item.id } },
    el('th', { scope: 'row', text: item.title }, errorLine(`items[${i}]`)),
    CHOICES.map((k) => el('td', { class: 'num' },
      countInput(`paper-${item.id}-${k}`, t('paper.countLabel', { item: item.title, choice: choiceLabel(k) }))))));
  return el('div', { class: 'table-scroll' }, el('table', { class: 'paper-table' },
    el('caption', { class: 'visually-hidden', text: t('paper.sheet', { n: poll.items.length }) }), el('thead', {}, head), el('tbody', {}, rows)));
}

function form() {
  const sheet = poll.kind === 'sheet';
  return el('form', { id: 'paper-form', novalidate: true },
    el('h3', { id: 'paper-poll', text: poll.title }),
    el('p', { class: 'muted small', text: sheet ? t('paper.sheet', { n: poll.items.length }) : t('paper.single') }),
    sheet ? sheetTable() : singleFields(),
    errorLine('items'),
    el('div', { class: 'field' },
      el('label', { for: 'paper-ballots', text: t(sheet ? 'paper.ballotsRequired' : 'paper.ballotsOptional') }),
      el('input', { id: 'paper-ballots', type: 'number', min: 0, max: 10000, step: 1, inputmode: 'numeric', required: sheet }),
      errorLine('ballots')),
    el('div', { id: 'paper-replace-block', class: askReplace ? 'replace' : 'replace hidden' },
      el('div', { class: 'check' }, el('input', { id: 'paper-replace', type: 'checkbox' }), el('label', { for: 'paper-replace', text: t('paper.replace') })),
      el('div', { class: 'field' }, el('label', { for: 'paper-reason', text: t('paper.reason') }),
        el('textarea', { id: 'paper-reason', rows: 2, maxlength: 500 }), errorLine('reason'))),
    el('p', { id: 'paper-error', class: 'error-text', role: 'alert' }),
    el('button', { id: 'paper-submit', type: 'submit', class: 'primary', text: t('paper.submit') }),
    el('p', { class: 'muted small', text: t('paper.secret') }));
}

export function render() {
  const root = $('#paper-body');
  $('#paper-done').textContent = '';
  if (!poll) { replaceChildren(root, el('p', { class: 'muted', text: t('paper.none') })); return; }
  if (poll.state === 'open') { replaceChildren(root, el('p', { class: 'muted', text: t('paper.open', { title: poll.title }) })); return; }
  replaceChildren(root, form());
  $('#paper-form').addEventListener('submit', submit);
}

const count = (id) => { const v = $(`#${id}`).value.trim(); return v === '' ? null : Number(v); };

function body() {
  const b = { ballots: count('paper-ballots') };
  if (poll.kind === 'sheet') {
    b.items = poll.items.map((item) => ({ itemId: item.id, ...Object.fromEntries(CHOICES.map((k) => [k, count(`paper-${item.id}-${k}`)])) }));
  } else {
    for (const k of CHOICES) b[k] = count(`paper-${k}`);
  }
  if (askReplace) { b.replace = $('#paper-replace').checked; b.reason = $('#paper-reason').value; }
  return b;
}

function showProblem(err) {
  const fields = Object.entries(err.errors ?? {});
  for (const [field, messages] of fields) {
    const line = $(`[data-error-for="${CSS.escape(field)}"]`, $('#paper-form'));
    (line ?? $('#paper-error')).textContent = messages.join(' ');
  }
  if (fields.length) return;
  const field = CODE_FIELDS[err.code];
  if (field) { $(`[data-error-for="${field}"]`, $('#paper-form')).textContent = err.message; return; }
  $('#paper-error').textContent = err.message;
  if (err.code === 'poll.paperWouldReplace') {
    askReplace = true;
    $('#paper-replace-block').classList.remove('hidden');
    $('#paper-replace').focus();
  } else if (err.code === 'poll.paperOverPresent') {
    // The server's words already say to record 签到 first; the button takes the keyboard there.
    $('#paper-error').append(' ',
      el('button', { type: 'button', class: 'link-button', text: t('paper.goAttendance'), onclick: () => $('#att-filter').focus() }));
  }
}

async function submit(event) {
  event.preventDefault();
  for (const line of $$('[data-error-for]', $('#paper-form'))) line.textContent = '';
  $('#paper-error').textContent = '';
  $('#paper-done').textContent = '';
  const button = $('#paper-submit');
  button.disabled = true;
  try {
    const result = await post(`/api/sessions/${sessionId}/polls/${poll.id}/paper`, body());
    // The counts typed leave the page: after entry the clerk sees only how many papers were entered.
    askReplace = false;
    render();
    entered(result);
    $('#paper-done').focus();
  } catch (err) {
    showProblem(err);
  } finally {
    if (button.isConnected) button.disabled = false;
  }
}
