// Words of the satisfaction vote shared by every page that shows one: choices, verdicts, 签到. A
// figure is always printed with its base ("满意 19 / 全体组成人员 35"), never as a bare percentage; the
// figure's own words and the rule come spelled out by the server (textZh / textEn).
import { addStrings, currentLanguage, t } from '../i18n.js';

addStrings({
  'zh-CN': {
    'choice.satisfied': '满意',
    'choice.basicallySatisfied': '基本满意',
    'choice.dissatisfied': '不满意',
    'choice.blank': '未填',
    'verdict.passed': '通过',
    'verdict.reReportRequired': '须再次报告',
    'verdict.satisfied': '满意',
    'verdict.basicallySatisfied': '基本满意',
    'verdict.dissatisfied': '不满意',
    'verdict.invalid': '无效',
    'poll.turnout': '已投 {voted} / 应投 {entitled}',
    'poll.voted': '参加测评',
    'poll.entitled': '应到',
    'poll.byHand': '纸质票录入',
    'poll.byHandBy': '纸质票录入（{by}）',
    'poll.publicRating': '群众满意度（网友评价，单独统计，不计入常委会组成人员测评结果）',
    'poll.sheet': '测评表',
    'poll.named': '记名投票',
    'poll.superseded': '已被重新测评取代，不计入：{reason}',
    'poll.groupApart': '{name}（单独统计，不计入测评结论）',
    'attendance.line': '应到 {expected} 人 · 实到 {present} 人 · 请假 {onLeave} 人',
    'attendance.withVoted': '应到 {expected} 人 · 实到 {present} 人 · 请假 {onLeave} 人 · 参加测评 {voted} 人',
    'figure.bar': '须{bar}',
    'figure.met': '达到',
    'figure.notMet': '未达到',
    'result.item': '测评项',
    'result.verdict': '结论',
    'result.basis': '依据',
  },
  en: {
    'choice.satisfied': 'Satisfied',
    'choice.basicallySatisfied': 'Basically satisfied',
    'choice.dissatisfied': 'Dissatisfied',
    'choice.blank': 'Blank',
    'verdict.passed': 'Passed',
    'verdict.reReportRequired': 'Must report again',
    'verdict.satisfied': 'Satisfied',
    'verdict.basicallySatisfied': 'Basically satisfied',
    'verdict.dissatisfied': 'Dissatisfied',
    'verdict.invalid': 'Invalid',
    'poll.turnout': '{voted} of {entitled} voted',
    'poll.voted': 'Took part',
    'poll.entitled': 'Expected',
    'poll.byHand': 'Paper ballots entered by hand',
    'poll.byHandBy': 'Paper ballots entered by hand ({by})',
    'poll.publicRating': 'Public rating (viewers, counted apart from the committee members\' result)',
    'poll.sheet': 'Evaluation sheet',
    'poll.named': 'Named vote',
    'poll.superseded': 'Superseded by a new vote, does not count: {reason}',
    'poll.groupApart': '{name} (counted apart, not part of the verdict)',
    'attendance.line': 'Expected {expected} · present {present} · on leave {onLeave}',
    'attendance.withVoted': 'Expected {expected} · present {present} · on leave {onLeave} · took part {voted}',
    'figure.bar': 'bar: {bar}',
    'figure.met': 'met',
    'figure.notMet': 'not met',
    'result.item': 'Item',
    'result.verdict': 'Verdict',
    'result.basis': 'Basis',
  },
});

export const CHOICES = ['satisfied', 'basicallySatisfied', 'dissatisfied'];

const english = () => currentLanguage() === 'en';

export const choiceLabel = (choice) => t(`choice.${choice}`);
export const verdictLabel = (verdict) => t(`verdict.${verdict}`);

/** The server's words in the page's language: pass an object with textZh/textEn (or nameZh/nameEn). */
export const words = (o, stem = 'text') => (o ? (english() ? o[`${stem}En`] : o[`${stem}Zh`]) : '');

/** The rule a result was judged by, spelled out. */
export const ruleText = (result) => words(result?.rule);

/** "满意＋基本满意 30 / 有效票 33（90.9%）" — the share only for a rate rule's figure on valid ballots. */
export function figureText(figure, { withShare = true } = {}) {
  const share = withShare && figure.base === 'validBallots' ? `（${figure.percent}）` : '';
  return `${words(figure)}${english() ? share.replace('（', ' (').replace('）', ')') : share}`;
}

/** "满意 19 / 全体组成人员 35 · 须过半数 · 达到" */
export function figureWithBar(figure) {
  return `${figureText(figure)} · ${t('figure.bar', { bar: words(figure.bar, 'name') })} · ${t(figure.met ? 'figure.met' : 'figure.notMet')}`;
}

/** 应到 / 实到 / 请假 (and 参加测评 when given). */
export function attendanceText(attendance, voted) {
  if (!attendance) return '';
  return voted === undefined || voted === null
    ? t('attendance.line', attendance)
    : t('attendance.withVoted', { ...attendance, voted });
}

/** Why an item is invalid, in the page's language (null when valid). */
export const invalidText = (item) => (item?.verdict === 'invalid' ? (english() ? item.invalidTextEn : item.invalidTextZh) : null);

/** Remaining ms of a vote's clock, or null when it has none. */
export function remainingMs(poll, serverNow) {
  if (!poll?.closesAt) return null;
  return Date.parse(poll.closesAt) - serverNow;
}
