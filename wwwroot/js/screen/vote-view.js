// The vote on the big screen: 签到 in the header, the turnout while a vote runs, and the latest
// published result in the main area. A result is drawn by the shared result view (every figure
// with its base, 无效 with the reason, a 测评表 as a table), sized for the back of the hall by
// css/screen.css; a sheet takes the whole width, so up to 8 items stay readable.
import { addStrings, t } from '../i18n.js';
import { $ } from '../dom.js';
import { attendanceText } from '../polls/labels.js';
import { renderResult } from '../polls/result-view.js';

addStrings({
  'zh-CN': {
    'screen.result': '满意度测评结果', 'screen.voting': '满意度测评进行中', 'screen.votingClosed': '测评已结束，等待公布结果',
    'screen.sheetItems': '测评表 · {n} 项', 'screen.attendance': '签到：{line}',
  },
  en: {
    'screen.result': 'Satisfaction vote result', 'screen.voting': 'Satisfaction vote in progress', 'screen.votingClosed': 'Vote closed, result to be published',
    'screen.sheetItems': 'Evaluation sheet · {n} items', 'screen.attendance': 'Attendance: {line}',
  },
});

const SITTING = ['live', 'paused'];

/** 应到 / 实到 / 请假 while the sitting runs. */
export function renderAttendance(session, attendance) {
  const shown = !!attendance && SITTING.includes(session.state);
  $('#attendance').classList.toggle('hidden', !shown);
  if (shown) $('#attendance').textContent = t('screen.attendance', { line: attendanceText(attendance) });
}

/** The open (or closed, not yet published) vote: its turnout, and how many items a sheet has. */
export function renderTurnout(poll, turnout) {
  $('#turnout').classList.toggle('hidden', !poll);
  if (!poll) return;
  $('#turnout-label').textContent = t(poll.state === 'open' ? 'screen.voting' : 'screen.votingClosed');
  const sheet = poll.kind === 'sheet';
  $('#turnout-sheet').classList.toggle('hidden', !sheet);
  if (sheet) $('#turnout-sheet').textContent = t('screen.sheetItems', { n: poll.items?.length ?? 0 });
  $('#turnout-text').textContent = turnout ? t('poll.turnout', turnout) : '';
}

/**
 * Whether the latest result holds the main area: the latest of "a result was published" and "a
 * question was called" wins, so a reload shows what the hall saw last. A vote in progress puts
 * the floor back.
 */
export function resultOnTop(result, poll, current) {
  if (!result || poll) return false;
  return !current || Date.parse(result.publishedAt) >= Date.parse(current.calledAt);
}

let drawn = null;

/** Draws the result (once per result and language: the projector redraws nothing needlessly). */
export function renderScreenResult(result, shown, language) {
  $('#result').classList.toggle('hidden', !shown);
  document.body.dataset.view = shown && result.kind === 'sheet' ? 'sheet-result' : shown ? 'result' : 'floor';
  if (!shown) return;
  const key = `${result.pollId}|${result.publishedAt}|${language}`;
  if (drawn === key) return;
  drawn = key;
  const view = renderResult(result, { headingLevel: 2, showRule: true });
  view.dataset.items = String(result.items.length);
  $('#result-body').replaceChildren(view);
}
