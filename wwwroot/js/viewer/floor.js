// The current question on the floor (who asks, which department answers) and the shared answer clock.
import { $, el, mmss } from '../dom.js';
import { t } from '../i18n.js';

let clockTimer = null;

export function renderFloor(floor, departments) {
  const current = floor?.current ?? null;
  $('#floor-current').classList.toggle('hidden', !current);
  $('#floor-empty').classList.toggle('hidden', !!current);
  const next = floor?.agendaNext;
  $('#floor-next').classList.toggle('hidden', !next || !!current);
  if (next) $('#floor-next').textContent = t('floor.next', { name: next.questionerName, department: next.departmentName ?? '' });
  if (!current) return;
  const department = current.departmentName ?? departments.find((d) => d.id === current.departmentId)?.name ?? '';
  $('#floor-questioner').textContent = current.source === 'online' && !current.questionerName ? t('floor.online') : current.questionerName;
  $('#floor-department').textContent = department;
  $('#floor-readby').classList.toggle('hidden', !current.readBy);
  $('#floor-readby').textContent = current.readBy ? t('floor.readBy', { name: current.readBy }) : '';
  $('#floor-text').textContent = current.text ?? '';
  $('#floor-followups').replaceChildren(...(current.followUps ?? []).map((f) =>
    el('li', {}, el('strong', { text: `${t('floor.followUp')} · ${f.questionerName}` }), el('p', { text: f.text }))));
}

/** remaining = duration - elapsed - (running ? serverNow - startedAt : 0), the same on every screen. */
export function remainingMs(clock, serverNow) {
  const running = clock.running && clock.startedAt ? serverNow - Date.parse(clock.startedAt) : 0;
  return clock.durationSeconds * 1000 - clock.elapsedMs - running;
}

export function renderClock(clock, serverNow) {
  const visible = !!clock && !!clock.phase && clock.durationSeconds > 0;
  $('#clock').classList.toggle('hidden', !visible);
  clearInterval(clockTimer);
  if (!visible) return;
  const label = ['ask', 'answer', 'followUp'].includes(clock.phase) ? t(`clock.${clock.phase}`) : t('clock.other');
  $('#clock-phase').textContent = label + (clock.running ? '' : t('clock.paused'));
  const tick = () => {
    const ms = remainingMs(clock, serverNow());
    $('#clock-time').textContent = mmss(ms);
    $('#clock').classList.toggle('overtime', ms < 0);
  };
  tick();
  if (clock.running) clockTimer = setInterval(tick, 250);
}
