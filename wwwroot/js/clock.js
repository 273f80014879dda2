// The shared answer clock on every page. Server time is the reference: a page passes
// live.serverNow() and all screens show the same remaining time whatever their own clock says.
import { addStrings, t } from './i18n.js';

addStrings({
  'zh-CN': { 'clock.ask': '提问计时', 'clock.answer': '答询计时', 'clock.followUp': '追问计时', 'clock.idle': '未计时', 'clock.paused': '已暂停', 'clock.overtime': '超时' },
  en: { 'clock.ask': 'Question time', 'clock.answer': 'Answer time', 'clock.followUp': 'Follow-up time', 'clock.idle': 'Clock stopped', 'clock.paused': 'Paused', 'clock.overtime': 'Overtime' },
});

/** Milliseconds left (negative in overtime), or null when no clock is set. */
export function remainingMs(clock, serverNow) {
  if (!clock || !clock.phase) return null;
  const running = clock.running && clock.startedAt ? serverNow - Date.parse(clock.startedAt) : 0;
  return clock.durationSeconds * 1000 - clock.elapsedMs - Math.max(0, running);
}

/** mm:ss; overtime shows as +mm:ss. */
export function formatClock(ms) {
  if (ms === null) return '--:--';
  const over = ms < 0;
  const total = over ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
  const text = `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
  return over ? `+${text}` : text;
}

/** 'idle' | 'running' | 'paused' | 'warning' (last 30 s) | 'overtime': pages style by data-clock. */
export function clockState(clock, ms) {
  if (ms === null) return 'idle';
  if (ms < 0) return 'overtime';
  if (!clock.running) return 'paused';
  return ms <= 30000 ? 'warning' : 'running';
}

/** The label above a clock: its phase, and "paused" or "overtime" when so. */
export function clockLabel(clock, ms) {
  if (!clock?.phase) return t('clock.idle');
  const phase = t(`clock.${clock.phase}`);
  if (ms !== null && ms < 0) return `${phase} · ${t('clock.overtime')}`;
  return clock.running ? phase : `${phase} · ${t('clock.paused')}`;
}

/**
 * Keeps a clock display up to date: calls getClock() and serverNow() four times a second and fills
 * the time element (and optional label), setting data-clock on the time element for styling.
 */
export function bindClock({ timeEl, labelEl, getClock, serverNow }) {
  const tick = () => {
    const clock = getClock();
    const ms = remainingMs(clock, serverNow());
    const text = formatClock(ms);
    if (timeEl.textContent !== text) timeEl.textContent = text;
    timeEl.dataset.clock = clockState(clock, ms);
    if (labelEl) {
      const label = clockLabel(clock, ms);
      if (labelEl.textContent !== label) labelEl.textContent = label;
    }
  };
  tick();
  const timer = setInterval(tick, 250);
  return { refresh: tick, stop: () => clearInterval(timer) };
}
