// Words of the satisfaction vote shared by every page that shows one: choices, verdicts, rule sets.
import { addStrings, t } from '../i18n.js';

addStrings({
  'zh-CN': {
    'choice.satisfied': '满意',
    'choice.basicallySatisfied': '基本满意',
    'choice.dissatisfied': '不满意',
    'verdict.passed': '通过',
    'verdict.reReportRequired': '需重新报告',
    'verdict.satisfied': '满意',
    'verdict.basicallySatisfied': '基本满意',
    'verdict.dissatisfied': '不满意',
    'verdict.invalid': '无效（未达到法定人数）',
    'rule.rate': '满意率规则（满意＋基本满意占有效票的比例，门槛 {threshold}）',
    'rule.allMembers': '全体组成人员过半数规则',
    'poll.turnout': '已投 {voted} / 应投 {entitled}',
    'poll.rate': '满意率',
    'poll.voted': '实投',
    'poll.entitled': '应投',
    'poll.byHand': '纸质票录入（{by}）',
    'poll.publicRating': '群众满意度（网友评价，单独统计，不计入委员测评结果）',
  },
  en: {
    'choice.satisfied': 'Satisfied',
    'choice.basicallySatisfied': 'Basically satisfied',
    'choice.dissatisfied': 'Dissatisfied',
    'verdict.passed': 'Passed',
    'verdict.reReportRequired': 'Re-report required',
    'verdict.satisfied': 'Satisfied',
    'verdict.basicallySatisfied': 'Basically satisfied',
    'verdict.dissatisfied': 'Dissatisfied',
    'verdict.invalid': 'Invalid (quorum not met)',
    'rule.rate': 'Rate rule (satisfied + basically satisfied as a share of valid ballots, bar {threshold})',
    'rule.allMembers': 'Majority of all members rule',
    'poll.turnout': '{voted} of {entitled} voted',
    'poll.rate': 'Satisfaction rate',
    'poll.voted': 'Voted',
    'poll.entitled': 'Entitled',
    'poll.byHand': 'Paper ballots entered by hand ({by})',
    'poll.publicRating': 'Public rating (viewers, counted apart from the members\' result)',
  },
});

export const CHOICES = ['satisfied', 'basicallySatisfied', 'dissatisfied'];

export const choiceLabel = (choice) => t(`choice.${choice}`);
export const verdictLabel = (verdict) => t(`verdict.${verdict}`);
export const percent = (rate) => (rate === null || rate === undefined ? '–' : `${(Math.floor(rate * 1000) / 10).toFixed(1)}%`);
export const ruleLabel = (result) => t(`rule.${result.ruleSet}`, { threshold: percent(result.rateThreshold) });

/** Remaining ms of a vote's clock, or null when it has none. */
export function remainingMs(poll, serverNow) {
  if (!poll?.closesAt) return null;
  return Date.parse(poll.closesAt) - serverNow;
}
