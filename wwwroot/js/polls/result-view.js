// One published (or, for the chair, frozen) result as DOM, for every page that shows one: the big
// screen, the member's phone, the viewer page, the public results page, the report. A single vote
// shows its counts and the figures that decided it; a 测评表 shows a table, one row per item. Each
// figure names its base; an invalid item says why; a superseded item is struck and says why; an
// evaluator group's tally is shown apart, labelled, never part of the verdict.
import { t } from '../i18n.js';
import { el } from '../dom.js';
import { attendanceText, choiceLabel, figureText, figureWithBar, invalidText, ruleText, verdictLabel } from './labels.js';

const CHOICE_KEYS = ['satisfied', 'basicallySatisfied', 'dissatisfied'];

/**
 * renderResult(result, { headingLevel = 3, compact = false, showRule = true, showGroups = true, showNames = false, narrow = false })
 * → an <article class="poll-result"> (data-kind, data-verdict on single votes). `narrow` (a phone, the
 * chair's middle column): a sheet's figures go under each item's name instead of a column of their own,
 * so the table fits without breaking its column names one character per line.
 */
export function renderResult(result, options = {}) {
  const { headingLevel = 3, compact = false, showRule = true, showGroups = true, showNames = false, narrow = false } = options;
  const sheet = result.kind === 'sheet';
  const article = el('article', { class: `poll-result ${sheet ? 'poll-result-sheet' : 'poll-result-single'}`, dataset: { kind: result.kind, pollId: result.pollId } });
  article.append(el(`h${headingLevel}`, { class: 'poll-result-title', text: result.title }));
  article.append(el('p', { class: 'poll-result-attendance', text: attendanceText(result.attendance, result.voted) }));
  if (sheet) article.append(sheetTable(result, { compact, showNames, narrow }));
  else if (result.items?.[0]) article.append(...singleItem(result, result.items[0], { compact, showNames }));
  if (result.enteredByHand) article.append(el('p', { class: 'muted small', text: result.enteredBy ? t('poll.byHandBy', { by: result.enteredBy }) : t('poll.byHand') }));
  if (showGroups) article.append(...groupTallies(result));
  if (showRule && !compact) article.append(el('p', { class: 'muted small poll-result-rule', text: ruleText(result) }));
  return article;
}

function verdictBadge(item) {
  return el('span', { class: `verdict verdict-${item.verdict}`, dataset: { verdict: item.verdict }, text: verdictLabel(item.verdict) });
}

function singleItem(result, item, { compact, showNames }) {
  const parts = [el('p', { class: 'poll-result-verdict' }, verdictBadge(item))];
  const reason = invalidText(item);
  if (reason) parts.push(el('p', { class: 'poll-result-invalid', role: 'note', text: reason }));
  parts.push(el('dl', { class: 'poll-result-counts' },
    CHOICE_KEYS.flatMap((k) => [el('dt', { text: choiceLabel(k) }), el('dd', { text: String(item[k]) })]),
    item.blank ? [el('dt', { text: choiceLabel('blank') }), el('dd', { text: String(item.blank) })] : []));
  parts.push(el('ul', { class: 'poll-result-figures' },
    [item.turnout, ...item.figures].map((f) => el('li', { dataset: { met: String(f.met) }, text: compact ? figureText(f) : figureWithBar(f) }))));
  if (item.superseded) parts.push(el('p', { class: 'poll-result-superseded', text: t('poll.superseded', { reason: item.superseded.reason }) }));
  if (showNames && item.names) parts.push(namesList(item.names));
  return parts;
}

function sheetTable(result, { compact, showNames, narrow }) {
  const basisColumn = !compact && !narrow;
  const basis = (item) => [
    ...item.figures.map((f) => el('span', { class: 'figure', dataset: { met: String(f.met) }, text: figureText(f) })),
    showNames && item.names ? namesList(item.names) : null];
  const head = el('tr', {},
    el('th', { scope: 'col', text: t('result.item') }),
    CHOICE_KEYS.map((k) => el('th', { scope: 'col', class: 'num', text: choiceLabel(k) })),
    el('th', { scope: 'col', class: 'num', text: choiceLabel('blank') }),
    el('th', { scope: 'col', text: t('result.verdict') }),
    basisColumn ? el('th', { scope: 'col', text: t('result.basis') }) : null);
  const rows = result.items.map((item) => {
    const reason = invalidText(item);
    // Each cell names its column (data-label), so a narrow page can show a row as a small card with CSS attr().
    return el('tr', { class: item.superseded ? 'superseded' : '', dataset: { itemId: item.itemId, verdict: item.verdict } },
      el('th', { scope: 'row', dataset: { label: t('result.item') } }, item.title,
        narrow && !compact ? el('span', { class: 'poll-result-basis' }, basis(item)) : null),
      CHOICE_KEYS.map((k) => el('td', { class: 'num', text: String(item[k]), dataset: { label: choiceLabel(k) } })),
      el('td', { class: 'num', text: String(item.blank), dataset: { label: choiceLabel('blank') } }),
      el('td', { dataset: { label: t('result.verdict') } }, verdictBadge(item), reason ? el('span', { class: 'poll-result-invalid', text: ` ${reason}` }) : null,
        item.superseded ? el('span', { class: 'poll-result-superseded', text: ` ${t('poll.superseded', { reason: item.superseded.reason })}` }) : null),
      basisColumn ? el('td', { class: 'poll-result-basis', dataset: { label: t('result.basis') } }, basis(item)) : null);
  });
  const caption = el('caption', { class: 'visually-hidden', text: `${t('poll.sheet')}：${result.title}` });
  return el('div', { class: 'table-scroll' }, el('table', { class: 'poll-result-table' }, caption, el('thead', {}, head), el('tbody', {}, rows)));
}

function groupTallies(result) {
  const byGroup = new Map();
  for (const item of result.items ?? []) {
    for (const g of item.groups ?? []) {
      if (!byGroup.has(g.groupId)) byGroup.set(g.groupId, { name: g.groupName, members: g.members, voted: g.voted, rows: [] });
      byGroup.get(g.groupId).rows.push({ title: item.title, ...g });
    }
  }
  return [...byGroup.values()].map((g) => el('section', { class: 'poll-result-group' },
    el('h4', { text: t('poll.groupApart', { name: g.name }) }),
    el('p', { class: 'muted small', text: t('poll.turnout', { voted: g.voted, entitled: g.members }) }),
    el('ul', {}, g.rows.map((r) => el('li', {
      text: `${result.items.length > 1 ? `${r.title}：` : ''}${CHOICE_KEYS.map((k) => `${choiceLabel(k)} ${r[k]}`).join(' · ')}${r.blank ? ` · ${choiceLabel('blank')} ${r.blank}` : ''}`,
    })))));
}

function namesList(names) {
  return el('dl', { class: 'poll-result-names' },
    [...CHOICE_KEYS, 'blank'].flatMap((k) => (names[k]?.length ? [el('dt', { text: choiceLabel(k) }), el('dd', { text: names[k].join('、') })] : [])));
}

/** The verdict of a single vote (or null for a sheet), for one-line summaries. */
export const singleVerdict = (result) => (result.kind === 'sheet' ? null : result.items?.[0]?.verdict ?? result.verdict);

