// A single vote on the phone: three large buttons, a confirmation step, one ballot, and the choice
// shown back from this phone's sessionStorage only.
import './strings.js';
import { t } from '../i18n.js';
import { $ } from '../dom.js';
import { choiceLabel } from '../polls/labels.js';
import { focus } from './page.js';

const myChoiceKey = (pollId) => `il.vote.${pollId}`;
const single = { view: null, picked: null, cast: null };

/** cast(poll, content, errorNode, button) → Promise<boolean>: sends the ballot (main.js owns ids, retries and errors). */
export function bindSingle(cast) {
  single.cast = cast;
  for (const button of document.querySelectorAll('.choice')) button.addEventListener('click', () => pick(button.dataset.choice));
  $('#confirm-yes').addEventListener('click', submit);
  $('#confirm-no').addEventListener('click', () => { single.picked = null; draw(); focus('#choose button'); });
}

/** Forgets a choice not yet sent (a new vote opened, or this one closed). */
export function dropPick() { single.picked = null; }

export function renderSingle(view) {
  single.view = view;
  draw();
}

function draw() {
  const { view, picked } = single;
  const poll = view.poll;
  $('#poll-department').textContent = poll.departmentName ?? '';
  $('#poll-title').textContent = poll.title;
  $('#poll-question').textContent = view.question ?? '';
  $('#poll-turnout').textContent = t('poll.turnout', poll.turnout);
  const open = poll.state === 'open';
  const voted = view.hasVoted;
  $('#choose').classList.toggle('hidden', !open || voted || !!picked);
  $('#confirm').classList.toggle('hidden', !open || voted || !picked);
  $('#recorded').classList.toggle('hidden', !voted);
  $('#closed-note').classList.toggle('hidden', open);
  if (picked) $('#confirm-text').textContent = t('member.confirmText', { choice: choiceLabel(picked) });
  const mine = sessionStorage.getItem(myChoiceKey(poll.id));
  $('#recorded-choice').textContent = mine ? t('member.recordedChoice', { choice: choiceLabel(mine) }) : t('member.recordedUnknown');
}

function pick(choice) {
  single.picked = choice;
  draw();
  focus('#confirm-text');
}

async function submit() {
  const poll = single.view.poll;
  if (!(await single.cast(poll, { choice: single.picked }, $('#vote-error'), $('#confirm-yes')))) return;
  sessionStorage.setItem(myChoiceKey(poll.id), single.picked);
  single.picked = null;
  draw();
  focus('#recorded-title');
}
