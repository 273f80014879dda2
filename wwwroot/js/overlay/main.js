// The broadcast caption bar (直播字幕条) for streaming software: a transparent page with a lower
// third (current question, department, clock) and, when one is published, the result for 30 s.
import { applyI18n } from '../i18n.js';
import { connectLive } from '../live.js';
import { $, replaceChildren } from '../dom.js';
import { bindClock } from '../clock.js';
import { pickPublicSession, questionerLine } from '../screen/public-session.js';
import { resultLine } from './result-line.js';

const RESULT_SHOWN_MS = 30000;
const state = { session: null, current: null, result: null };
let hideResult = 0;
let live = null;
let clock = null;

function render() {
  clock?.refresh();
  const current = state.current;
  $('#lower-third').classList.toggle('hidden', !current || !!state.result);
  if (current) {
    $('#department').textContent = current.departmentName ?? '';
    $('#questioner').textContent = questionerLine(current);
    const last = current.followUps?.at(-1);
    $('#question').textContent = last?.text || current.text;
  }
  $('#result').classList.toggle('hidden', !state.result);
  if (state.result) replaceChildren($('#result'), resultLine(state.result));
}

/** Shows a result until RESULT_SHOWN_MS after its publication (so a reloaded overlay shows the rest). */
function showResult(result, serverNow) {
  const left = RESULT_SHOWN_MS - Math.max(0, serverNow - Date.parse(result.publishedAt));
  clearTimeout(hideResult);
  if (left <= 0) return;
  state.result = result;
  hideResult = setTimeout(() => { state.result = null; render(); }, left);
}

function apply(e) {
  const d = e.data;
  switch (e.type) {
    case 'floor.called': state.current = d.floor; break;
    case 'floor.followUpAdded':
      if (state.current?.id === d.floorItemId) state.current.followUps = [...state.current.followUps, d.followUp];
      break;
    case 'floor.closed': state.current = null; break;
    case 'clock.changed': state.session.clock = d.clock; break;
    case 'session.updated': state.session = d.session; break;
    case 'poll.published': showResult(d.result, live.serverNow()); break;
    default: return;
  }
  render();
}

async function main() {
  applyI18n();
  const chosen = await pickPublicSession().catch(() => null);
  if (!chosen) return;
  live = connectLive({
    sessionId: chosen.id,
    onSnapshot: (snap) => {
      state.session = snap.session;
      state.current = snap.floor?.current ?? null;
      if (snap.results?.[0]) showResult(snap.results[0], Date.parse(snap.serverTime));
      render();
    },
    onEvent: apply,
    // Not shown on air; lets an operator (or a test) see whether the overlay is connected.
    onStatus: (status) => { document.body.dataset.status = status; },
  });
  clock = bindClock({ timeEl: $('#clock'), labelEl: $('#clock-label'), getClock: () => state.session?.clock, serverNow: live.serverNow });
}

main();
