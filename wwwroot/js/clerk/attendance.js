// 签到 panel: 应到 / 实到 / 请假 as everyone sees them (attendance.changed), and each committee
// member with 实到 / 请假 / 未到 buttons (PUT /attendance/{memberId}); other clerks' and members'
// own sign-ins arrive as attendance.memberChanged. Rows are built once and updated in place, so
// the button under the keyboard focus stays where it is while others mark people too.
import { t } from '../i18n.js';
import { get, post, put } from '../api.js';
import { $, el, hhmm, replaceChildren, toast } from '../dom.js';

const STATUSES = ['present', 'onLeave', 'absent'];
const rows = new Map();          // memberId → { entry, row, status, when, buttons }
let sessionId = null;
let figures = null;

const url = (path = '') => `/api/sessions/${sessionId}/attendance${path}`;
const showError = (message) => { $('#att-error').textContent = message ?? ''; };

export function showFigures(next = figures) {
  if (!next) return;
  figures = next;
  $('#att-expected').textContent = t('att.people', { n: figures.expected });
  $('#att-present').textContent = t('att.people', { n: figures.present });
  $('#att-onleave').textContent = t('att.people', { n: figures.onLeave });
}

function whenText(entry) {
  if (!entry.at || entry.status === 'absent') return '';
  return entry.by ? t('att.by', { time: hhmm(entry.at), by: entry.by }) : t('att.bySelf', { time: hhmm(entry.at) });
}

/** Applies one member's new status to their row (from our own answer or a staff event). */
export function updateMember(entry) {
  const r = rows.get(entry.memberId);
  if (!r) { if (sessionId) load(sessionId); return; }   // someone new on the roster
  r.entry = entry;
  r.row.dataset.status = entry.status;
  r.status.textContent = t(`att.status.${entry.status}`);
  r.when.textContent = whenText(entry);
  for (const [status, button] of Object.entries(r.buttons)) button.setAttribute('aria-pressed', String(status === entry.status));
}

async function mark(memberId, status, button) {
  button.disabled = true;
  showError('');
  try {
    updateMember(await put(url(`/${memberId}`), { status }));
  } catch (err) {
    showError(err.fullMessage ?? err.message);
  } finally {
    button.disabled = false;
  }
}

function buildRow(entry) {
  const buttons = Object.fromEntries(STATUSES.map((status) => [status, el('button', {
    type: 'button', class: `mark mark-${status}`, dataset: { status }, 'aria-pressed': 'false', text: t(`att.mark.${status}`),
  })]));
  for (const [status, button] of Object.entries(buttons)) button.addEventListener('click', () => mark(entry.memberId, status, button));
  const status = el('span', { class: 'att-status' });
  const when = el('span', { class: 'muted small att-when' });
  const row = el('tr', { dataset: { memberId: entry.memberId } },
    el('th', { scope: 'row', class: 'att-name', text: entry.displayName }),
    el('td', {}, status, el('br'), when),
    el('td', {}, el('div', { class: 'mark-group', role: 'group', 'aria-label': t('att.rowGroup', { name: entry.displayName }) }, Object.values(buttons))));
  rows.set(entry.memberId, { entry, row, status, when, buttons });
  updateMember(entry);
  return row;
}

function applyFilter() {
  const text = $('#att-filter').value.trim();
  let shown = 0;
  for (const r of rows.values()) {
    const match = !text || r.entry.displayName.includes(text);
    r.row.classList.toggle('hidden', !match);
    if (match) shown++;
  }
  $('#att-nomatch').classList.toggle('hidden', shown > 0 || rows.size === 0);
}

export async function load(id) {
  sessionId = id;
  const data = await get(url());
  rows.clear();
  replaceChildren($('#att-list'), data.members.map(buildRow));
  $('#att-empty').classList.toggle('hidden', data.members.length > 0);
  showFigures(data.figures);
  applyFilter();
}

/** Re-labels the figures and rows after the language changes. */
export function relabel() {
  showFigures();
  for (const r of rows.values()) {
    for (const [status, button] of Object.entries(r.buttons)) button.textContent = t(`att.mark.${status}`);
    updateMember(r.entry);
  }
}

async function reset() {
  $('#att-confirm').classList.add('hidden');
  showError('');
  try {
    showFigures(await post(url('/reset')));
    await load(sessionId);
    toast(t('att.resetDone'), 'ok');
    $('#att-reset').focus();
  } catch (err) {
    showError(err.fullMessage ?? err.message);   // 409 while a vote is open, in the server's words
  }
}

export function bindAttendance() {
  $('#att-filter').addEventListener('input', applyFilter);
  $('#att-filter').addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    [...rows.values()].find((r) => !r.row.classList.contains('hidden'))?.buttons.present.focus();
  });
  $('#att-reset').addEventListener('click', () => { $('#att-confirm').classList.remove('hidden'); $('#att-reset-yes').focus(); });
  $('#att-reset-yes').addEventListener('click', reset);
  $('#att-reset-no').addEventListener('click', () => { $('#att-confirm').classList.add('hidden'); $('#att-reset').focus(); });
}
