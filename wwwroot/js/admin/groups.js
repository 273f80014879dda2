// 测评人员分组 (列席代表, 市民代表…): the admin names the groups, then adds people to the roster in
// one; their tallies are counted apart and never decide the verdict. A group still holding people,
// or any change while a vote is open, is refused by the server and said here in its words.
import { t } from '../i18n.js';
import { post, del } from '../api.js';
import { $, el, replaceChildren } from '../dom.js';
import { state, url, change } from './store.js';

const card = () => $('#groups-card');

export function renderGroups(groups) {
  const rows = groups.map((g) => el('li', { class: 'row group-row', dataset: { id: g.id } },
    el('span', { class: 'group-name', text: g.name }),
    el('span', { class: 'muted', text: t('admin.groupMembers', { n: g.members }) }),
    el('button', { type: 'button', class: 'danger', text: t('admin.delete'), 'aria-label': `${t('admin.delete')} ${g.name}`,
      onclick: () => change(() => del(url(`/evaluator-groups/${g.id}`)), t('admin.deleted'), card()) })));
  replaceChildren($('#groups'), rows.length ? rows : [el('li', { class: 'empty', text: t('admin.emptyGroups') })]);
  fillGroupSelect(groups);
}

/** The roster's "身份" choice: a committee member (no group) or one of the groups. */
function fillGroupSelect(groups) {
  const select = $('#member-group');
  const value = select.value;
  replaceChildren(select, [el('option', { value: '', text: t('admin.official') }),
    ...groups.map((g) => el('option', { value: String(g.id), text: g.name }))]);
  select.value = groups.some((g) => String(g.id) === value) ? value : '';
}

/** "常委会组成人员" for a member without a group, else the group's name. */
export function groupName(groupId) {
  if (groupId === null || groupId === undefined) return t('admin.official');
  return state.groups.find((g) => g.id === groupId)?.name ?? t('admin.official');
}

export function bindGroupForms() {
  $('#group-add').addEventListener('submit', async (e) => {
    e.preventDefault();
    if (await change(() => post(url('/evaluator-groups'), { name: $('#group-name').value }), t('admin.saved'), card())) $('#group-name').value = '';
  });
}
