// The form that opens a vote, in its two ways: 单项测评 (one subject: a department or the current
// question) and 测评表 (every ticked department on one sheet, submitted once by each member).
// buildOpenForm(departments, onOpen) → <form>; onOpen(body) receives the POST /polls body.
// The form keeps its own values in the DOM: the panel rebuilds it only when the departments or
// the language change, so a pushed event never wipes what the chair is typing.
import './vote-strings.js';
import { t } from '../i18n.js';
import { $, $$, el } from '../dom.js';

const SECONDS = [0, 60, 120, 180, 300];

const secondsSelect = () => el('div', { class: 'vote-field' },
  el('label', { for: 'vote-seconds', text: t('vote.seconds') }),
  el('select', { id: 'vote-seconds', name: 'seconds' },
    SECONDS.map((n) => el('option', { value: String(n), text: n ? t('vote.secondsN', { n }) : t('vote.noLimit') }))));

function kindChoice() {
  const option = (value, checked) => el('label', { class: 'vote-kind-option' },
    el('input', { type: 'radio', name: 'kind', value, checked }), el('span', { text: t(`vote.kind.${value}`) }));
  return el('fieldset', { class: 'vote-kind' }, el('legend', { class: 'visually-hidden', text: t('vote.kind') }),
    option('single', true), option('sheet', false));
}

function singleFields(departments) {
  return el('div', { class: 'vote-single vote-fields' },
    el('label', { for: 'vote-title', text: t('vote.title') }),
    el('input', { id: 'vote-title', name: 'title', maxlength: '200', placeholder: t('vote.titleHint') }),
    el('label', { for: 'vote-department', text: t('vote.department') }),
    el('select', { id: 'vote-department', name: 'departmentId' },
      el('option', { value: '', text: t('vote.departmentCurrent') }),
      departments.map((d) => el('option', { value: String(d.id), text: d.name }))));
}

function sheetFields(departments) {
  const list = departments.length
    ? el('ul', { class: 'vote-departments', id: 'vote-departments' }, departments.map((d) => el('li', {},
      el('label', {}, el('input', { type: 'checkbox', name: 'sheetDepartment', value: String(d.id), checked: true }), el('span', { text: d.name })))))
    : el('p', { class: 'muted', text: t('vote.noDepartments') });
  return el('div', { class: 'vote-sheet vote-fields hidden' },
    el('fieldset', { class: 'vote-sheet-departments' },
      el('legend', { text: t('vote.sheetDepartments') }),
      el('div', { class: 'vote-select-all' },
        el('button', { type: 'button', id: 'vote-select-all', class: 'small-button' }),
        el('span', { id: 'vote-selected', class: 'muted small', 'aria-live': 'polite' })),
      list),
    el('label', { for: 'vote-sheet-title', text: t('vote.title') }),
    el('input', { id: 'vote-sheet-title', name: 'sheetTitle', maxlength: '200', placeholder: t('vote.sheetTitleHint') }));
}

export function buildOpenForm(departments, onOpen) {
  const form = el('form', { class: 'vote-form', id: 'vote-form', novalidate: true, 'aria-label': t('vote.open') },
    kindChoice(), singleFields(departments), sheetFields(departments), secondsSelect(),
    el('p', { id: 'vote-form-error', class: 'error-text', role: 'alert' }),
    el('button', { type: 'submit', class: 'primary', id: 'vote-open', text: t('vote.open') }));
  const boxes = () => $$('input[name="sheetDepartment"]', form);
  const isSheet = () => form.elements.kind.value === 'sheet';

  const refresh = () => {
    $('.vote-single', form).classList.toggle('hidden', isSheet());
    $('.vote-sheet', form).classList.toggle('hidden', !isSheet());
    $('#vote-open', form).textContent = t(isSheet() ? 'vote.openSheet' : 'vote.open');
    const ticked = boxes().filter((b) => b.checked).length;
    const all = ticked === boxes().length;
    // The button says what it will do: tick all, or (when all are ticked) untick all.
    $('#vote-select-all', form).textContent = t(all ? 'vote.selectNone' : 'vote.selectAll');
    $('#vote-select-all', form).disabled = boxes().length === 0;
    $('#vote-selected', form).textContent = t('vote.selectedCount', { n: ticked, total: boxes().length });
    $('#vote-form-error', form).textContent = '';
  };
  form.addEventListener('change', refresh);
  $('#vote-select-all', form).addEventListener('click', () => {
    const all = boxes().every((b) => b.checked);
    for (const box of boxes()) box.checked = !all;
    refresh();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const seconds = Number(form.elements.seconds.value) || undefined;
    if (!isSheet()) {
      const departmentId = form.elements.departmentId.value ? Number(form.elements.departmentId.value) : undefined;
      onOpen({ title: form.elements.title.value.trim() || undefined, departmentId, seconds });
      return;
    }
    const items = boxes().filter((b) => b.checked).map((b) => ({ departmentId: Number(b.value) }));
    if (items.length < 2) {
      $('#vote-form-error', form).textContent = t('vote.sheetTooFew');
      (boxes()[0] ?? $('#vote-select-all', form)).focus();
      return;
    }
    onOpen({ title: form.elements.sheetTitle.value.trim() || undefined, items, seconds });
  });
  refresh();
  return form;
}
