// The report's vote sections: each vote's frozen result (the shared result view, named votes with
// names), or — for a reader who may not see an unpublished tally — only that it is not published;
// the 须再次报告 list; each 回头看 beside its first vote; the vote record (audit log) in words.
import { t } from '../i18n.js';
import { el } from '../dom.js';
import { renderResult } from '../polls/result-view.js';
import { figureText, verdictLabel } from '../polls/labels.js';
import { dateTime } from '../followup/strings.js';
import { emptyOr, section, table, td } from './table.js';

const titleOf = (report, pollId) => report.votes.find((v) => v.pollId === pollId)?.title ?? t('fu.none');

function voteBlock(report, v) {
  const times = t('report.voteTimes', { state: t(`report.voteState.${v.state}`), opened: dateTime(v.openedAt), closed: dateTime(v.closedAt) })
    + (v.publishedAt ? t('report.votePublished', { at: dateTime(v.publishedAt) }) : '');
  return el('div', { class: 'vote', dataset: { pollId: v.pollId, state: v.state } },
    v.followsPollId ? el('p', { class: 'second-mark' }, t('report.secondOf', { title: titleOf(report, v.followsPollId) })) : null,
    v.result ? renderResult(v.result, { headingLevel: 3, showNames: true })
      : [el('h3', {}, v.title), el('p', { class: 'withheld' }, t('fu.hidden'))],
    el('p', { class: 'muted small' }, times));
}

export function votesSection(report) {
  return section('report.votes',
    report.talliesHidden ? el('p', { class: 'muted' }, t('report.hiddenNote')) : null,
    emptyOr(report.votes, 'report.noVotes', () => el('div', { class: 'votes' }, report.votes.map((v) => voteBlock(report, v)))));
}

export function reReportSection(report) {
  return section('report.reReport', emptyOr(report.reReportRequired, 'report.noReReport', () => el('ul', { class: 're-report' },
    report.reReportRequired.map((r) => el('li', { class: 'flag', dataset: { pollId: r.pollId, itemId: r.itemId } },
      [r.departmentName, r.title, verdictLabel(r.verdict)].filter(Boolean).join(' · '))))));
}

/** An item's verdict and every figure with its base, one per line. */
function itemCell(item) {
  if (!item) return el('td', { class: 'withheld' }, t('fu.hidden'));
  return el('td', {},
    el('span', { class: `verdict verdict-${item.verdict}`, dataset: { verdict: item.verdict } }, verdictLabel(item.verdict)),
    [item.turnout, ...item.figures].map((f) => el('span', { class: 'figure' }, figureText(f))));
}

function change(points) {
  if (points === null || points === undefined) return t('fu.none');
  return t('report.shareChange', { value: t('fu.points', { value: `${points > 0 ? '+' : ''}${points}` }) });
}

export function secondSection(report) {
  return section('report.second', emptyOr(report.secondEvaluations, 'report.noSecond', () => table(
    [['fu.col.title'], ['report.first'], ['report.secondVote'], ['fu.change', 'num']],
    report.secondEvaluations.map((c) => el('tr', { dataset: { firstPollId: c.firstPollId, secondPollId: c.secondPollId } },
      el('td', {}, c.rectificationTitle ?? titleOf(report, c.secondPollId), el('div', { class: 'muted' }, c.departmentName ?? '')),
      itemCell(c.first), itemCell(c.second),
      el('td', { class: `num change ${c.positiveShareChange > 0 ? 'better' : c.positiveShareChange < 0 ? 'worse' : ''}` }, change(c.positiveShareChange)))),
    'second-table')));
}

export function auditSection(report) {
  return section('report.audit', emptyOr(report.voteAudit, 'report.noAudit', () => table(
    [['report.col.time', 'time'], ['report.col.vote'], ['report.col.action', 'action'], ['report.col.by', 'by'], ['report.col.reason']],
    report.voteAudit.map((a) => el('tr', { dataset: { action: a.action, pollId: a.pollId } },
      td(dateTime(a.at), 'time'), td(titleOf(report, a.pollId)),
      td(t(`report.action.${a.action}`), `action${a.action === 'paperReplaced' || a.action === 'publishedInvalid' ? ' flag' : ''}`),
      td(a.by, 'by'), td(a.reason))),
    'audit-table')));
}
