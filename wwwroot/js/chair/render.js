// Drawing the chair console from its state. User text goes in through textContent only.
import { t } from '../i18n.js';
import { $, el, replaceChildren } from '../dom.js';
import { questionerLine } from '../screen/public-session.js';

/** Most asked first ("N people asked this"), then the one that waited longest. */
export function sortOnline(list) {
  return [...list].sort((a, b) => b.askedBy - a.askedBy || Date.parse(a.createdAt) - Date.parse(b.createdAt));
}

const SITTING = {
  draft: [['openForQuestions', 'sit.open'], ['live', 'sit.start']],
  openForQuestions: [['live', 'sit.start']],
  live: [['paused', 'sit.pause'], ['ended', 'sit.end']],
  paused: [['live', 'sit.resume'], ['ended', 'sit.end']],
  ended: [],
};

let renderedSitting = null;

/** Start / pause / resume / end buttons for the state; ending asks for a second press. */
export function renderSitting(root, sessionState, move) {
  if (renderedSitting === sessionState + document.documentElement.lang) return;
  renderedSitting = sessionState + document.documentElement.lang;
  replaceChildren(root, SITTING[sessionState].map(([to, key]) => {
    const button = el('button', { type: 'button', dataset: { to }, text: t(key) });
    let armed = 0;
    button.addEventListener('click', () => {
      if (to === 'ended' && !armed) {
        button.textContent = t('sit.confirmEnd');
        armed = setTimeout(() => { armed = 0; button.textContent = t(key); }, 4000);
        return;
      }
      clearTimeout(armed);
      move(to);
    });
    return button;
  }));
}

export function fillDepartmentFilter(select, state) {
  const options = [el('option', { value: '', text: t('chair.allDepartments') }),
    ...(state.session?.departments ?? []).map((d) => el('option', { value: String(d.id), text: d.name }))];
  replaceChildren(select, options);
  select.value = state.departmentId;
}

function departmentName(session, id) {
  return session.departments.find((d) => d.id === id)?.name ?? '';
}

export function renderCurrent(state, session) {
  const current = state.current;
  $('#current-empty').classList.toggle('hidden', !!current);
  $('#current-body').classList.toggle('hidden', !current);
  $('#close-buttons').classList.toggle('hidden', !current);
  $('#followup-form').classList.toggle('hidden', !current || !session.followUpAllowed);
  const live = session.state === 'live';
  for (const id of ['#clock-ask', '#clock-answer', '#clock-followup']) $(id).disabled = !live;
  $('#clock-toggle').disabled = !session.clock?.phase;
  $('#clock-stop').disabled = !session.clock?.phase;
  if (!current) return;
  $('#cur-questioner').textContent = questionerLine(current);
  $('#cur-department').textContent = current.departmentName ?? '—';
  $('#cur-text').textContent = current.text;
  replaceChildren($('#cur-followups'), current.followUps.map((f) =>
    el('li', {}, el('strong', { text: t('floor.followUp', { name: f.questionerName }) }), ' ', f.text)));
  if (!$('#fu-name').value && current.source === 'agenda') $('#fu-name').value = current.questionerName;
}

export function renderAgenda(list, empty, state, call) {
  if (!state.agenda) return;
  empty.textContent = t('chair.noAgenda');
  empty.classList.toggle('hidden', state.agenda.length > 0);
  const nextId = state.agenda.find((a) => a.status === 'waiting')?.id;
  const canCall = state.session.state === 'live' && !state.current;
  replaceChildren(list, state.agenda.map((item) => {
    const isNext = item.id === nextId;
    return el('li', { class: `agenda-item status-${item.status}${isNext ? ' is-next' : ''}`, dataset: { id: item.id } },
      el('div', { class: 'item-head' },
        el('strong', { class: 'item-name', text: item.questionerName }),
        el('span', { class: `badge badge-${item.status}`, text: isNext ? t('chair.next') : t(`agenda.${item.status}`) })),
      el('p', { class: 'item-meta', text: `${t(`kind.${item.questionerKind}`)} → ${item.departmentName ?? '—'}` }),
      item.subject ? el('p', { class: 'item-subject', text: item.subject }) : null,
      item.status === 'waiting'
        ? el('button', { type: 'button', class: isNext ? 'primary call' : 'call', disabled: !canCall, onclick: () => call(item), text: t('chair.call') })
        : null);
  }));
}

export function renderOnline(list, empty, state, call) {
  if (!state.online) return;
  empty.textContent = t('chair.noOnline');
  empty.classList.toggle('hidden', state.online.length > 0);
  const canCall = state.session.state === 'live' && !state.current;
  replaceChildren(list, state.online.map((q) => el('li', { class: 'online-item', dataset: { id: q.id } },
    el('div', { class: 'item-head' },
      el('span', { class: 'badge asked-by', text: t('chair.askedBy', { n: q.askedBy }) }),
      el('span', { class: 'item-meta', text: [q.nickname, departmentName(state.session, q.departmentId)].filter(Boolean).join(' · ') })),
    el('p', { class: 'item-subject', text: q.text }),
    el('button', { type: 'button', class: 'call', disabled: !canCall, onclick: () => call(q), text: t('chair.call') }))));
}
