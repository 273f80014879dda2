// Session report (会议报告): staff read it on screen and print it to A4 / PDF from the browser.
// Unpublished tallies come only to the chair and admin; other readers see that a vote is not
// published, never its counts. Every figure is printed with its base.
import './strings.js';
import { applyI18n, bindLanguageSwitch, onLanguageChange, t } from '../i18n.js';
import { get } from '../api.js';
import { requireRole } from '../auth.js';
import { $, el, replaceChildren } from '../dom.js';
import { attendanceText, words } from '../polls/labels.js';
import { chooseSession, dateTime, status } from '../followup/strings.js';
import { emptyOr, section, table, td } from './table.js';
import { auditSection, reReportSection, secondSection, votesSection } from './votes.js';

let report = null;

function attendanceSection(r) {
  const a = r.attendance;
  return section('report.attendance',
    el('p', {}, t('report.roster', { n: a.rosterSize })),
    el('p', { id: 'report-attendance' }, t('report.signIn', { line: attendanceText(a.current) })),
    el('p', { id: 'report-rule' }, t('report.rule', { rule: `${words(r.session.rule)}${t('report.sep')}${t(r.session.namedVoting ? 'report.named' : 'report.secret')}` })),
    a.votes.length ? table([['fu.col.vote'], ['fu.col.turnout', 'num']], a.votes.map((v) =>
      el('tr', {}, td(v.title), td(t('report.turnoutOf', { voted: v.voted, entitled: v.entitled }), 'num')))) : null);
}

function render() {
  const root = $('#report');
  if (!report) return;
  const r = report;
  const p = r.participation;
  const figure = (key, value) => el('div', { class: 'stat' }, t(key), el('b', {}, Number(value).toLocaleString()));
  replaceChildren(root,
    el('h1', { id: 'report-title' }, r.session.title),
    el('p', { class: 'subtitle' }, t('report.subtitle', { date: dateTime(r.session.heldAt ?? r.session.scheduledStart, false) })),
    el('p', {}, t('report.topic', { topic: r.session.topic })),
    attendanceSection(r),
    section('report.floor', emptyOr(r.floor, 'report.noFloor', () => table(
      [['report.col.order', 'num'], ['report.col.questioner', 'name'], ['fu.col.department', 'name'], ['report.col.question'], ['report.col.called', 'time'], ['report.col.answered', 'time'], ['report.col.outcome', 'name']],
      r.floor.map((f) => el('tr', {},
        td(f.order, 'num'),
        el('td', { class: 'name' }, f.questionerName, f.readBy ? t('report.readBy', { name: f.readBy }) : ''),
        td(f.departmentName, 'name'),
        el('td', {}, f.text, f.followUps.length ? el('ul', { class: 'followups' },
          f.followUps.map((u) => el('li', {}, t('report.followUp', { name: u.questionerName, text: u.text })))) : null),
        td(dateTime(f.calledAt), 'time'), td(dateTime(f.answeredAt), 'time'), td(t(`fu.outcome.${f.outcome}`), 'name')))))),
    votesSection(r),
    reReportSection(r),
    secondSection(r),
    auditSection(r),
    section('report.participation', el('div', { class: 'stats' },
      figure('report.visits', p.viewerVisits), figure('report.peak', p.peakViewers), figure('report.likes', p.likes),
      figure('report.received', p.questionsReceived), figure('report.approved', p.questionsApproved),
      figure('report.merged', p.questionsMerged), figure('report.rejected', p.questionsRejected), figure('report.inWriting', p.answeredInWriting))),
    section('report.rectifications', emptyOr(r.rectifications, 'report.noRectifications', () => table(
      [['fu.col.department', 'name'], ['fu.col.title'], ['fu.col.owner', 'name'], ['fu.col.deadline', 'time'], ['fu.col.status', 'name'], ['fu.col.latest']],
      r.rectifications.map((i) => el('tr', {}, td(i.departmentName, 'name'), td(i.title), td(i.owner, 'name'), td(i.deadline, 'time'),
        el('td', { class: i.status === 'overdue' ? 'name flag' : 'name' }, status(i.status)), td(i.closingNote ?? i.lastNote)))))),
    el('p', { class: 'footer' }, t('report.generated', { at: dateTime(r.generatedAt) })));
  document.title = `${r.session.title} · ${t('report.pageTitle')}`;
}

async function main() {
  applyI18n();
  bindLanguageSwitch($('#lang'));
  onLanguageChange(render);
  $('#print').addEventListener('click', () => window.print());
  const me = await requireRole('Admin', 'Clerk', 'Chair', 'Moderator');
  const sessionId = await chooseSession(get);
  if (!sessionId) { $('#loading').textContent = t('report.empty'); return; }
  if (me.roles.includes('Admin') || me.roles.includes('Clerk')) {
    const base = `/api/sessions/${sessionId}/exports`;
    $('#export-questions').href = `${base}/questions.csv`;
    $('#export-moderation').href = `${base}/moderation.csv`;
    $('#export-votes').href = `${base}/votes.csv`;
    $('#export-json').href = `${base}/session.json`;
    $('#exports').classList.remove('hidden');
    $('#followup-link').href = `/followup.html?s=${sessionId}`;
    $('#followup-link').classList.remove('hidden');
  }
  try {
    report = await get(`/api/sessions/${sessionId}/report`);
    render();
  } catch (err) {
    replaceChildren($('#report'), el('p', { class: 'error-text', role: 'alert' }, err.message));
  }
}

main();
