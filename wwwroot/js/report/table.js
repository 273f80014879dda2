// Building blocks of the report: a section with its heading, a table with translated headers, a cell.
import { t } from '../i18n.js';
import { el } from '../dom.js';

/** headers: [[stringKey, class?], …]; the class also marks the body cells that must not wrap. */
export const table = (headers, rows, cls) => el('table', { class: cls },
  el('thead', {}, el('tr', {}, headers.map(([key, c]) => el('th', { class: c, scope: 'col' }, t(key))))),
  el('tbody', {}, rows));

export const td = (text, cls) => el('td', { class: cls }, text ?? t('fu.none'));

export const section = (titleKey, ...content) => el('section', {}, el('h2', {}, t(titleKey)), ...content);

export const emptyOr = (items, key, build) => (items.length ? build() : el('p', { class: 'muted' }, t(key)));
