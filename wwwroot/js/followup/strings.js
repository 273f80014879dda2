// Strings and formatting shared by the follow-up pages (report, public results, rectification console).
import { addStrings, t, currentLanguage } from '../i18n.js';

addStrings({
  'zh-CN': {
    'fu.status.open': '未开始', 'fu.status.inProgress': '整改中', 'fu.status.done': '已销号', 'fu.status.overdue': '已逾期',
    'fu.verdict.satisfied': '满意', 'fu.verdict.basicallySatisfied': '基本满意', 'fu.verdict.dissatisfied': '不满意',
    'fu.verdict.reReportRequired': '需再次报告', 'fu.verdict.passed': '通过', 'fu.verdict.invalid': '无效',
    'fu.outcome.answered': '已答复', 'fu.outcome.deferred': '延后答复', 'fu.outcome.current': '进行中',
    'fu.source.agenda': '议程', 'fu.source.online': '网民提问',
    'fu.col.department': '应询部门', 'fu.col.title': '事项', 'fu.col.deadline': '整改期限', 'fu.col.owner': '责任人',
    'fu.col.status': '状态', 'fu.col.latest': '最新进展', 'fu.col.vote': '测评事项', 'fu.col.satisfied': '满意',
    'fu.col.basically': '基本满意', 'fu.col.dissatisfied': '不满意', 'fu.col.turnout': '参评', 'fu.col.rate': '满意率',
    'fu.col.verdict': '结论', 'fu.col.rule': '规则', 'fu.rule.rate': '满意率 ≥ {threshold}', 'fu.rule.allMembers': '按全体组成人员过半数',
    'fu.handEntered': '纸质票录入', 'fu.unpublished': '未公布', 'fu.publicRating': '群众评价：满意 {s} · 基本满意 {b} · 不满意 {d}',
    'fu.none': '—', 'fu.change': '变化', 'fu.points': '{value} 个百分点',
  },
  en: {
    'fu.status.open': 'Not started', 'fu.status.inProgress': 'In progress', 'fu.status.done': 'Done', 'fu.status.overdue': 'Overdue',
    'fu.verdict.satisfied': 'Satisfied', 'fu.verdict.basicallySatisfied': 'Basically satisfied', 'fu.verdict.dissatisfied': 'Dissatisfied',
    'fu.verdict.reReportRequired': 'Re-report required', 'fu.verdict.passed': 'Passed', 'fu.verdict.invalid': 'Invalid',
    'fu.outcome.answered': 'Answered', 'fu.outcome.deferred': 'Deferred', 'fu.outcome.current': 'In progress',
    'fu.source.agenda': 'Agenda', 'fu.source.online': 'Online question',
    'fu.col.department': 'Department', 'fu.col.title': 'Item', 'fu.col.deadline': 'Deadline', 'fu.col.owner': 'Owner',
    'fu.col.status': 'Status', 'fu.col.latest': 'Latest progress', 'fu.col.vote': 'Vote', 'fu.col.satisfied': 'Satisfied',
    'fu.col.basically': 'Basically', 'fu.col.dissatisfied': 'Dissatisfied', 'fu.col.turnout': 'Turnout', 'fu.col.rate': 'Rate',
    'fu.col.verdict': 'Verdict', 'fu.col.rule': 'Rule', 'fu.rule.rate': 'rate ≥ {threshold}', 'fu.rule.allMembers': 'majority of all members',
    'fu.handEntered': 'paper ballots', 'fu.unpublished': 'not published', 'fu.publicRating': 'Public: satisfied {s} · basically {b} · dissatisfied {d}',
    'fu.none': '—', 'fu.change': 'Change', 'fu.points': '{value} points',
  },
});

export const percent = (v) => (v === null || v === undefined ? t('fu.none') : `${(v * 100).toFixed(1)}%`);

export const rule = (v) => (v.ruleSet === 'rate' ? t('fu.rule.rate', { threshold: percent(v.rateThreshold) }) : t('fu.rule.allMembers'));

export const verdict = (v) => (v ? t(`fu.verdict.${v}`) : t('fu.none'));

export const status = (s) => t(`fu.status.${s}`);

/** A date and time in the reader's language, in China time (the sitting's time zone). */
export function dateTime(value, withTime = true) {
  if (!value) return t('fu.none');
  const options = { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' };
  if (withTime) Object.assign(options, { hour: '2-digit', minute: '2-digit', hour12: false });
  return new Date(value).toLocaleString(currentLanguage() === 'en' ? 'en-GB' : 'zh-CN', options);
}

export const sessionParam = () => new URLSearchParams(location.search).get('s');

/** The session named by ?s=, or else the first one listed (live first, then the latest). */
export async function chooseSession(get) {
  const requested = sessionParam();
  if (requested) return requested;
  const sessions = await get('/api/sessions');
  return sessions[0]?.id ?? null;
}
