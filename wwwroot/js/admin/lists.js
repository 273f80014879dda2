// Departments, agenda and roster on the setup page: each row edits in place and saves on its own.
// Roster changes are refused while a vote is open (member.voteOpen): said in the roster card.
import { t } from '../i18n.js';
import { post, put, del } from '../api.js';
import { $, el, replaceChildren } from '../dom.js';
import { url, change } from './store.js';
import { groupName } from './groups.js';

const KINDS = ['member', 'deputy', 'citizenRepresentative'];

function departmentOptions(departments, selected) {
  return [el('option', { value: '', text: t('admin.noDept') }),
    ...departments.map((d) => el('option', { value: String(d.id), text: d.name, selected: d.id === selected }))];
}

function kindOptions(selected) {
  return KINDS.map((k) => el('option', { value: k, text: t(`kind.${k}`), selected: k === selected }));
}

export function fillAgendaSelects(departments) {
  const dept = $('#ag-dept');
  const value = dept.value;
  replaceChildren(dept, departmentOptions(departments, null));
  dept.value = value;
  const kind = $('#ag-kind');
  const kindValue = kind.value || 'member';
  replaceChildren(kind, kindOptions(kindValue));
  kind.value = kindValue;
}

export function renderDepartments(departments) {
  const rows = departments.map((d) => {
    const name = el('input', { value: d.name, maxlength: 100, 'aria-label': t('admin.deptName') });
    const head = el('input', { value: d.headTitle, maxlength: 100, 'aria-label': t('admin.deptHead') });
    return el('li', { class: 'row', dataset: { id: d.id } }, name, head,
      el('button', { type: 'button', text: t('common.save'), onclick: () => change(() => put(url(`/departments/${d.id}`), { name: name.value, headTitle: head.value })) }),
      el('button', { type: 'button', class: 'danger', text: t('admin.delete'), onclick: () => change(() => del(url(`/departments/${d.id}`)), t('admin.deleted')) }));
  });
  replaceChildren($('#departments'), rows.length ? rows : [el('li', { class: 'empty', text: t('admin.emptyDepts') })]);
}

function move(agenda, index, by) {
  const ids = agenda.map((a) => a.id);
  const [item] = ids.splice(index, 1);
  ids.splice(index + by, 0, item);
  return change(() => put(url('/agenda/order'), { itemIds: ids }));
}

export function renderAgenda(agenda, departments) {
  const rows = agenda.map((a, i) => {
    const name = el('input', { value: a.questionerName, maxlength: 100, 'aria-label': t('admin.agName') });
    const kind = el('select', { 'aria-label': t('admin.agKind') }, kindOptions(a.questionerKind));
    const dept = el('select', { 'aria-label': t('admin.agDept') }, departmentOptions(departments, a.departmentId));
    const subject = el('input', { value: a.subject, maxlength: 500, 'aria-label': t('admin.agSubject') });
    const body = () => ({ questionerName: name.value, questionerKind: kind.value, departmentId: dept.value ? Number(dept.value) : null, subject: subject.value });
    return el('li', { class: `row agenda-row status-${a.status}`, dataset: { id: a.id } },
      el('span', { class: 'order', text: String(i + 1) }), name, kind, dept, subject,
      el('span', { class: 'badge', text: t(`agenda.${a.status}`) }),
      el('button', { type: 'button', text: '↑', 'aria-label': t('admin.up'), disabled: i === 0, onclick: () => move(agenda, i, -1) }),
      el('button', { type: 'button', text: '↓', 'aria-label': t('admin.down'), disabled: i === agenda.length - 1, onclick: () => move(agenda, i, 1) }),
      el('button', { type: 'button', text: t('common.save'), onclick: () => change(() => put(url(`/agenda/${a.id}`), body())) }),
      el('button', { type: 'button', class: 'danger', text: t('admin.delete'), disabled: a.status !== 'waiting', onclick: () => change(() => del(url(`/agenda/${a.id}`)), t('admin.deleted')) }));
  });
  replaceChildren($('#agenda'), rows.length ? rows : [el('li', { class: 'empty', text: t('admin.emptyAgenda') })]);
}

export function renderRoster(roster) {
  const official = roster.filter((m) => m.groupId === null || m.groupId === undefined).length;
  $('#roster-count').textContent = t('admin.rosterCount', { n: roster.length, official });
  const card = $('#roster-card');
  replaceChildren($('#roster'), roster.map((m, i) => el('tr', { dataset: { memberId: m.id, groupId: m.groupId ?? '' } },
    el('td', { text: String(i + 1) }), el('td', { text: m.displayName }), el('td', { text: m.userName ?? '' }),
    el('td', { class: 'group', text: groupName(m.groupId) }),
    el('td', { text: t(m.hasSignInLink ? 'admin.linkIssued' : 'admin.linkNone') }),
    el('td', {}, el('button', { type: 'button', class: 'danger', text: t('admin.delete'), 'aria-label': `${t('admin.delete')} ${m.displayName}`,
      onclick: () => change(() => del(url(`/members/${m.id}`)), t('admin.deleted'), card) })))));
}

export function bindAddForms() {
  $('#dept-add').addEventListener('submit', async (e) => {
    e.preventDefault();
    if (await change(() => post(url('/departments'), { name: $('#dept-name').value, headTitle: $('#dept-head').value }))) {
      $('#dept-name').value = ''; $('#dept-head').value = '';
    }
  });
  $('#member-add').addEventListener('submit', async (e) => {
    e.preventDefault();
    const group = $('#member-group').value;
    const body = { displayName: $('#member-name').value, userName: $('#member-user').value || null, groupId: group ? Number(group) : null };
    if (await change(() => post(url('/members'), body), t('admin.saved'), $('#roster-card'))) { $('#member-name').value = ''; $('#member-user').value = ''; }
  });
  $('#agenda-add').addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = {
      questionerName: $('#ag-name').value, questionerKind: $('#ag-kind').value,
      departmentId: $('#ag-dept').value ? Number($('#ag-dept').value) : null, subject: $('#ag-subject').value,
    };
    if (await change(() => post(url('/agenda'), body))) { $('#ag-name').value = ''; $('#ag-subject').value = ''; }
  });
}
