// A published result as the broadcast caption bar shows it: a single vote in one line (department,
// verdict, the figure that decided it, with its base); a 测评表 as a heading and each item's verdict.
import { addStrings, t } from '../i18n.js';
import { el } from '../dom.js';
import { figureText, verdictLabel } from '../polls/labels.js';

addStrings({
  'zh-CN': { 'overlay.result': '满意度测评结果', 'overlay.sheetPublished': '测评表结果已公布' },
  en: { 'overlay.result': 'Satisfaction vote result', 'overlay.sheetPublished': 'Evaluation sheet result published' },
});

/** The figure a verdict rests on: 参加测评 for an invalid result, 满意 for 满意 under the majority rule, else 满意＋基本满意. */
export function decidingFigure(item) {
  if (item.verdict === 'invalid') return item.turnout;
  const measure = (m) => item.figures.find((f) => f.measure === m);
  return (item.verdict === 'satisfied' ? measure('satisfied') : measure('positive')) ?? item.figures[0];
}

const verdict = (item) => el('span', { class: `verdict verdict-${item.verdict}`, dataset: { verdict: item.verdict }, text: verdictLabel(item.verdict) });

export function resultLine(result) {
  if (result.kind === 'sheet') {
    return el('div', { class: 'or-sheet', dataset: { kind: 'sheet' } },
      el('p', { class: 'or-tag', text: t('overlay.sheetPublished') }),
      el('ul', { class: 'or-items' }, result.items.map((item) => el('li', { dataset: { itemId: item.itemId } },
        el('span', { class: 'or-item-title', text: item.title }), verdict(item)))));
  }
  const item = result.items[0];
  return el('div', { class: 'or-single', dataset: { kind: 'single' } },
    el('span', { class: 'or-tag', text: t('overlay.result') }),
    el('span', { class: 'or-department', text: result.departmentName ?? item.departmentName ?? result.title }),
    verdict(item),
    el('span', { class: 'or-figure', text: figureText(decidingFigure(item)) }));
}
