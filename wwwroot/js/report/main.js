// Session report (会议报告): staff read it on screen and print it to A4 / PDF from the browser.
import { addStrings, applyI18n, bindLanguageSwitch, onLanguageChange, t } from '../i18n.js';
import { get } from '../api.js';
import { requireRole } from '../auth.js';
import { $, el, replaceChildren } from '../dom.js';
import { chooseSession, dateTime, percent, rule, status, verdict } from '../followup/strings.js';

addStrings({
  'zh-CN': {
    'report.pageTitle': '会议报告', 'report.print': '打印 / 存为 PDF', 'report.followupLink': '整改与答复',
    'report.exports': '导出：', 'report.exportQuestions': '问题清单 CSV', 'report.exportModeration': '审核日志 CSV',
    'report.exportVotes': '测评结果 CSV', 'report.exportJson': '完整存档 JSON',
    'report.subtitle': '专题询问会议报告 · {date}', 'report.topic': '询问主题：{topic}',
    'report.attendance': '一、出席与参评', 'report.roster': '组成人员 {n} 人', 'report.turnoutOf': '{voted} / {entitled}',
    'report.floor': '二、询问问题（按实际顺序）', 'report.noFloor': '本次会议未记录现场询问。',
    'report.col.order': '序号', 'report.col.questioner': '询问人', 'report.col.question': '问题', 'report.col.called': '提问时间',
    'report.col.answered': '答复时间', 'report.col.outcome': '结果', 'report.readBy': '（{name} 宣读）',
    'report.followUp': '追问（{name}）：{text}',
    'report.votes': '三、满意度测评结果', 'report.noVotes': '本次会议没有已结束的测评。',
    'report.reReport': '四、需再次报告的答复', 'report.noReReport': '没有需要再次报告的答复。',
    'report.second': '五、回头看测评对照', 'report.noSecond': '尚无回头看测评结果。', 'report.first': '首次测评', 'report.secondVote': '回头看',
    'report.participation': '六、公众参与', 'report.visits': '观看人次', 'report.peak': '最高同时在线', 'report.likes': '点赞',
    'report.received': '收到问题', 'report.approved': '采用', 'report.merged': '合并', 'report.rejected': '未采用', 'report.inWriting': '书面答复',
    'report.rectifications': '七、整改清单', 'report.noRectifications': '尚未建立整改事项。',
    'report.generated': '生成时间：{at}', 'report.empty': '没有找到会议。',
  },
  en: {
    'report.pageTitle': 'Session report', 'report.print': 'Print / save as PDF', 'report.followupLink': 'Rectification & replies',
    'report.exports': 'Export:', 'report.exportQuestions': 'Questions CSV', 'report.exportModeration': 'Moderation log CSV',
    'report.exportVotes': 'Vote results CSV', 'report.exportJson': 'Full archive JSON',
    'report.subtitle': 'Special inquiry report · {date}', 'report.topic': 'Topic: {topic}',
    'report.attendance': '1. Attendance and turnout', 'report.roster': '{n} members on the roster', 'report.turnoutOf': '{voted} / {entitled}',
    'report.floor': '2. Questions asked (in order)', 'report.noFloor': 'No question was recorded in the hall.',
    'report.col.order': 'No.', 'report.col.questioner': 'Questioner', 'report.col.question': 'Question', 'report.col.called': 'Asked',
    'report.col.answered': 'Answered', 'report.col.outcome': 'Outcome', 'report.readBy': ' (read by {name})',
    'report.followUp': 'Follow-up ({name}): {text}',
    'report.votes': '3. Satisfaction votes', 'report.noVotes': 'No vote has closed.',
    'report.reReport': '4. Answers requiring a re-report', 'report.noReReport': 'No answer requires a re-report.',
    'report.second': '5. Second evaluations', 'report.noSecond': 'No second evaluation yet.', 'report.first': 'First vote', 'report.secondVote': 'Second evaluation',
    'report.participation': '6. Public participation', 'report.visits': 'Viewer visits', 'report.peak': 'Peak viewers', 'report.likes': 'Likes',
    'report.received': 'Questions received', 'report.approved': 'Approved', 'report.merged': 'Merged', 'report.rejected': 'Rejected', 'report.inWriting': 'Answered in writing',
    'report.rectifications': '7. Rectification list', 'report.noRectifications': 'No rectification item yet.',
    'report.generated': 'Generated {at}', 'report.empty': 'No session found.',
  },
});

let report = null;

const table = (headers, rows) => el('table', {},
  el('thead', {}, el('tr', {}, headers.map(([key, cls]) => el('th', { class: cls, scope: 'col' }, t(key))))),
  el('tbody', {}, rows));
const td = (text, cls) => el('td', { class: cls }, text ?? t('fu.none'));
const section = (titleKey, ...content) => el('section', {}, el('h2', {}, t(titleKey)), ...content);
const emptyOr = (items, key, build) => (items.length ? build() : el('p', { class: 'muted' }, t(key)));

function voteTable(votes) {
  return table([['fu.col.vote'], ['fu.col.satisfied', 'num'], ['fu.col.basically', 'num'], ['fu.col.dissatisfied', 'num'],
    ['fu.col.turnout', 'num'], ['fu.col.rate', 'num'], ['fu.col.verdict'], ['fu.col.rule']],
  votes.map((v) => el('tr', {},
    el('td', {}, v.title, v.departmentName ? el('div', { class: 'muted' }, v.departmentName) : null,
      v.enteredByHand ? el('div', { class: 'muted' }, t('fu.handEntered')) : null,
      v.publishedAt ? null : el('div', { class: 'muted' }, t('fu.unpublished'))),
    td(v.satisfied, 'num'), td(v.basicallySatisfied, 'num'), td(v.dissatisfied, 'num'),
    td(t('report.turnoutOf', { voted: v.voted, entitled: v.entitled }), 'num'), td(percent(v.rate), 'num'),
    el('td', { class: v.verdict === 'reReportRequired' ? 'flag' : undefined }, verdict(v.verdict)), td(rule(v)))));
}

function render() {
  const root = $('#report');
  if (!report) return;
  const r = report;
  const p = r.participation;
  const figure = (key, value) => el('div', { class: 'figure' }, t(key), el('b', {}, Number(value).toLocaleString()));
  replaceChildren(root,
    el('h1', { id: 'report-title' }, r.session.title),
    el('p', { class: 'subtitle' }, t('report.subtitle', { date: dateTime(r.session.heldAt ?? r.session.scheduledStart, false) })),
    el('p', {}, t('report.topic', { topic: r.session.topic })),
    section('report.attendance',
      el('p', {}, t('report.roster', { n: r.attendance.rosterSize })),
      r.attendance.votes.length ? table([['fu.col.vote'], ['fu.col.turnout', 'num']], r.attendance.votes.map((v) =>
        el('tr', {}, td(v.title), td(`${t('report.turnoutOf', { voted: v.voted, entitled: v.entitled })} (${percent(v.entitled ? v.voted / v.entitled : null)})`, 'num')))) : null),
    section('report.floor', emptyOr(r.floor, 'report.noFloor', () => table(
      [['report.col.order', 'num'], ['report.col.questioner'], ['fu.col.department'], ['report.col.question'], ['report.col.called'], ['report.col.answered'], ['report.col.outcome']],
      r.floor.map((f) => el('tr', {},
        td(f.order, 'num'),
        el('td', {}, f.questionerName, f.readBy ? t('report.readBy', { name: f.readBy }) : ''),
        td(f.departmentName),
        el('td', {}, f.text, f.followUps.length ? el('ul', { class: 'followups' },
          f.followUps.map((u) => el('li', {}, t('report.followUp', { name: u.questionerName, text: u.text })))) : null),
        td(dateTime(f.calledAt)), td(dateTime(f.answeredAt)), td(t(`fu.outcome.${f.outcome}`))))))),
    section('report.votes', emptyOr(r.votes, 'report.noVotes', () => voteTable(r.votes))),
    section('report.reReport', emptyOr(r.reReportRequired, 'report.noReReport', () => el('ul', {},
      r.reReportRequired.map((v) => el('li', { class: 'flag' }, `${v.departmentName ?? ''} · ${v.title} · ${percent(v.rate)}`))))),
    section('report.second', emptyOr(r.secondEvaluations, 'report.noSecond', () => table(
      [['fu.col.title'], ['report.first'], ['report.secondVote'], ['fu.change', 'num']],
      r.secondEvaluations.map((c) => el('tr', {},
        el('td', {}, c.rectificationTitle ?? c.second.title, el('div', { class: 'muted' }, c.departmentName ?? '')),
        td(`${percent(c.first.rate)} · ${verdict(c.first.verdict)}`), td(`${percent(c.second.rate)} · ${verdict(c.second.verdict)}`),
        el('td', { class: `num ${c.rateChange > 0 ? 'better' : c.rateChange < 0 ? 'worse' : ''}` },
          c.rateChange === null ? t('fu.none') : t('fu.points', { value: (c.rateChange > 0 ? '+' : '') + c.rateChange }))))))),
    section('report.participation', el('div', { class: 'figures' },
      figure('report.visits', p.viewerVisits), figure('report.peak', p.peakViewers), figure('report.likes', p.likes),
      figure('report.received', p.questionsReceived), figure('report.approved', p.questionsApproved),
      figure('report.merged', p.questionsMerged), figure('report.rejected', p.questionsRejected), figure('report.inWriting', p.answeredInWriting))),
    section('report.rectifications', emptyOr(r.rectifications, 'report.noRectifications', () => table(
      [['fu.col.department'], ['fu.col.title'], ['fu.col.owner'], ['fu.col.deadline'], ['fu.col.status'], ['fu.col.latest']],
      r.rectifications.map((i) => el('tr', {}, td(i.departmentName), td(i.title), td(i.owner), td(i.deadline),
        el('td', { class: i.status === 'overdue' ? 'flag' : undefined }, status(i.status)), td(i.closingNote ?? i.lastNote)))))),
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
