// Shared by the big screen and the overlay: which session to show, the floor wording, and the
// published result as a bar chart. Nothing here reads anything that is not public.
import { addStrings, t } from '../i18n.js';
import { get } from '../api.js';
import { el } from '../dom.js';

addStrings({
  'zh-CN': {
    'floor.online': '网友提问', 'floor.readBy': '{name} 代读', 'floor.followUp': '追问：{name}',
    'kind.member': '常委会委员', 'kind.deputy': '人大代表', 'kind.citizenRepresentative': '市民代表',
    'result.satisfied': '满意', 'result.basicallySatisfied': '基本满意', 'result.dissatisfied': '不满意',
    'result.rate': '满意率 {rate}', 'result.turnout': '应到 {entitled} 人 · 实投 {voted} 票',
    'verdict.satisfied': '满意', 'verdict.basicallySatisfied': '基本满意', 'verdict.dissatisfied': '不满意',
    'verdict.reReportRequired': '须再次报告', 'verdict.passed': '通过', 'verdict.invalid': '测评无效',
    'result.title': '满意度测评结果',
  },
  en: {
    'floor.online': 'Online question', 'floor.readBy': 'read by {name}', 'floor.followUp': 'Follow-up: {name}',
    'kind.member': 'Committee member', 'kind.deputy': 'Deputy', 'kind.citizenRepresentative': 'Citizen representative',
    'result.satisfied': 'Satisfied', 'result.basicallySatisfied': 'Basically satisfied', 'result.dissatisfied': 'Dissatisfied',
    'result.rate': 'Satisfaction {rate}', 'result.turnout': '{voted} of {entitled} voted',
    'verdict.satisfied': 'Satisfied', 'verdict.basicallySatisfied': 'Basically satisfied', 'verdict.dissatisfied': 'Dissatisfied',
    'verdict.reReportRequired': 'Re-report required', 'verdict.passed': 'Passed', 'verdict.invalid': 'Vote invalid',
    'result.title': 'Satisfaction vote result',
  },
});

/** The session named by ?s=, else the first listed (the API lists the live one first). */
export async function pickPublicSession() {
  const sessions = await get('/api/sessions');
  const requested = new URLSearchParams(location.search).get('s');
  return sessions.find((s) => s.id === requested) ?? sessions[0] ?? null;
}

/** "刘志强 委员" or "网友提问 · 李敏 代读". */
export function questionerLine(floor) {
  if (floor.source === 'online') {
    return floor.readBy ? `${t('floor.online')} · ${t('floor.readBy', { name: floor.readBy })}` : t('floor.online');
  }
  return floor.questionerName;
}

export function percent(rate) {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

function resultTitle(result) {
  const department = result.departmentName ?? '';
  return result.title?.includes(department) ? result.title : [department, result.title].filter(Boolean).join(' · ');
}

/** A published result as horizontal bars (CSS widths set from script; no inline style attributes). */
export function resultChart(result) {
  const rows = [
    ['satisfied', result.satisfied], ['basicallySatisfied', result.basicallySatisfied], ['dissatisfied', result.dissatisfied],
  ];
  const max = Math.max(1, ...rows.map(([, n]) => n));
  const bars = rows.map(([key, n]) => {
    const fill = el('span', { class: `bar-fill bar-${key}` });
    fill.style.width = `${(n / max) * 100}%`;
    return el('div', { class: 'bar-row' },
      el('span', { class: 'bar-label', text: t(`result.${key}`) }),
      el('span', { class: 'bar-track' }, fill),
      el('span', { class: 'bar-count', text: String(n) }));
  });
  return el('figure', { class: 'result-chart', 'aria-label': t('result.title') },
    el('figcaption', {},
      el('span', { class: 'result-title', text: resultTitle(result) }),
      el('span', { class: `verdict verdict-${result.verdict}`, text: t(`verdict.${result.verdict}`) })),
    ...bars,
    el('p', { class: 'result-meta', text: `${t('result.rate', { rate: percent(result.rate) })} · ${t('result.turnout', result)}` }));
}
