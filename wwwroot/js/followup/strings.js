// Strings and formatting shared by the follow-up pages (report, public results, rectification console).
// Vote words (verdicts, figures with their bases) come from js/polls/labels.js; this module only
// summarises a vote in one line for pickers and lists.
import { addStrings, t, currentLanguage } from '../i18n.js';
import { figureText, verdictLabel } from '../polls/labels.js';

addStrings({
  'zh-CN': {
    'fu.status.open': '未开始', 'fu.status.inProgress': '整改中', 'fu.status.done': '已销号', 'fu.status.overdue': '已逾期',
    'fu.outcome.answered': '已答复', 'fu.outcome.deferred': '延后答复', 'fu.outcome.current': '进行中',
    'fu.source.agenda': '议程', 'fu.source.online': '网民提问',
    'fu.col.department': '应询部门', 'fu.col.title': '事项', 'fu.col.deadline': '整改期限', 'fu.col.owner': '责任人',
    'fu.col.status': '状态', 'fu.col.latest': '最新进展', 'fu.col.vote': '测评事项', 'fu.col.turnout': '参加测评',
    'fu.unpublished': '未公布', 'fu.hidden': '未公布（仅主持人和管理员可见）',
    'fu.sheetSummary': '测评表 {n} 项', 'fu.sheetAgain': '测评表 {n} 项，{again} 项须再次报告',
    'fu.none': '—', 'fu.change': '变化', 'fu.points': '{value} 个百分点',
  },
  en: {
    'fu.status.open': 'Not started', 'fu.status.inProgress': 'In progress', 'fu.status.done': 'Done', 'fu.status.overdue': 'Overdue',
    'fu.outcome.answered': 'Answered', 'fu.outcome.deferred': 'Deferred', 'fu.outcome.current': 'In progress',
    'fu.source.agenda': 'Agenda', 'fu.source.online': 'Online question',
    'fu.col.department': 'Department', 'fu.col.title': 'Item', 'fu.col.deadline': 'Deadline', 'fu.col.owner': 'Owner',
    'fu.col.status': 'Status', 'fu.col.latest': 'Latest progress', 'fu.col.vote': 'Vote', 'fu.col.turnout': 'Took part',
    'fu.unpublished': 'not published', 'fu.hidden': 'Not published (only the chair and admin may see it)',
    'fu.sheetSummary': 'sheet of {n} items', 'fu.sheetAgain': 'sheet of {n} items, {again} must report again',
    'fu.none': '—', 'fu.change': 'Change', 'fu.points': '{value} points',
  },
});

/** One item's verdict with the figures that decided it: "须再次报告 · 满意＋基本满意 22 / 有效票 33（66.6%）". */
export function itemSummary(item) {
  if (!item) return t('fu.hidden');
  return [verdictLabel(item.verdict), ...item.figures.map((f) => figureText(f))].join(' · ');
}

/**
 * A report vote (ReportVote) in one line. A sheet shows the item of departmentId when given (the one
 * a rectification or second evaluation is about), else how many items must report again.
 */
export function voteSummary(vote, departmentId = null) {
  const r = vote.result;
  if (!r) return t('fu.unpublished');
  if (r.kind !== 'sheet') return itemSummary(r.items[0]);
  const item = departmentId ? r.items.find((i) => i.departmentId === departmentId) : null;
  if (item) return `${item.departmentName ?? item.title}：${itemSummary(item)}`;
  const again = r.items.filter((i) => i.reportAgain && !i.superseded).length;
  return again ? t('fu.sheetAgain', { n: r.items.length, again }) : t('fu.sheetSummary', { n: r.items.length });
}

/** The department a vote rates, when it rates one (a single vote, or a sheet of one department). */
export function voteDepartment(vote) {
  const ids = [...new Set((vote.result?.items ?? []).map((i) => i.departmentId).filter(Boolean))];
  return ids.length === 1 ? ids[0] : null;
}

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
