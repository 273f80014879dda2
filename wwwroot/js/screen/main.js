// The hall's big screen (大屏): current question, department, clock, turnout while a vote runs,
// 签到 (应到/实到/请假, live from attendance.changed), the latest published result, counters and the
// join QR. Read-only and public; ?s= picks the session.
import { addStrings, applyI18n, onLanguageChange, t } from '../i18n.js';
import { connectLive } from '../live.js';
import { get } from '../api.js';
import { $, replaceChildren } from '../dom.js';
import { bindClock } from '../clock.js';
import { pickPublicSession, questionerLine, resultChart } from './public-session.js';
import { attendanceText } from '../polls/labels.js';

addStrings({
  'zh-CN': {
    'screen.department': '应询部门', 'screen.voting': '满意度测评进行中', 'screen.turnout': '已投票 {voted} / {entitled}',
    'screen.join': '扫码参与：观看直播、提问、点赞', 'screen.viewers': '观看人次', 'screen.online': '在线', 'screen.likes': '点赞',
    'screen.next': '下一位询问人：{name}（{department}）', 'screen.none': '暂无进行中的询问会议',
  },
  en: {
    'screen.department': 'Answering', 'screen.voting': 'Satisfaction vote in progress', 'screen.turnout': '{voted} of {entitled} voted',
    'screen.join': 'Scan to watch, ask and like', 'screen.viewers': 'Visits', 'screen.online': 'Watching', 'screen.likes': 'Likes',
    'screen.next': 'Next: {name} ({department})', 'screen.none': 'No inquiry session right now',
  },
});

const state = { session: null, floor: { current: null, agendaNext: null }, poll: null, turnout: null, result: null, attendance: null, counters: null, status: 'connecting', viewers: 0 };
const numbers = new Intl.NumberFormat('zh-CN');

let clock = null;

function render() {
  clock?.refresh();
  const s = state.session;
  if (!s) return;
  $('#title').textContent = s.title;
  $('#state').textContent = t(`state.${s.state}`);
  $('#state').classList.toggle('live', s.state === 'live');
  $('#status').dataset.status = state.status;
  $('#status').textContent = t(`status.${state.status}`);

  const current = state.floor.current;
  $('#floor').classList.toggle('hidden', !current);
  $('#between').classList.toggle('hidden', !!current);
  if (current) {
    $('#questioner').textContent = questionerLine(current);
    $('#department').textContent = current.departmentName ?? '—';
    $('#question').textContent = current.text;
    const last = current.followUps?.at(-1);
    $('#followup').classList.toggle('hidden', !last);
    if (last) $('#followup').textContent = `${t('floor.followUp', { name: last.questionerName })}  ${last.text}`;
  } else {
    $('#between-topic').textContent = s.topic || s.title;
    const next = state.floor.agendaNext;
    $('#between-next').classList.toggle('hidden', !next || s.state !== 'live');
    if (next) $('#between-next').textContent = t('screen.next', { name: next.questionerName, department: next.departmentName ?? '—' });
  }

  $('#attendance').classList.toggle('hidden', !state.attendance?.expected);
  $('#attendance').textContent = attendanceText(state.attendance);

  const voting = state.poll && state.poll.state === 'open';
  $('#turnout').classList.toggle('hidden', !voting);
  if (voting && state.turnout) $('#turnout-text').textContent = t('screen.turnout', state.turnout);
  $('#result').classList.toggle('hidden', voting || !state.result);
  if (state.result && !voting) replaceChildren($('#result'), resultChart(state.result));

  const c = state.counters;
  $('#visits').textContent = numbers.format(c?.viewerVisits ?? s.viewerVisits ?? 0);
  $('#viewers').textContent = numbers.format(c?.viewers ?? state.viewers ?? 0);
  $('#likes').textContent = numbers.format(c?.likes ?? s.likes ?? 0);
}

function apply(e) {
  const d = e.data;
  switch (e.type) {
    case 'session.stateChanged': state.session.state = d.to; break;
    case 'session.updated': state.session = { ...d.session, clock: state.session.clock }; break;
    case 'floor.called': state.floor.current = d.floor; break;
    case 'floor.followUpAdded':
      if (state.floor.current?.id === d.floorItemId) state.floor.current.followUps = [...state.floor.current.followUps, d.followUp];
      break;
    case 'floor.closed': state.floor.current = null; break;
    case 'clock.changed': state.session.clock = d.clock; break;
    case 'poll.opened': state.poll = d.poll; state.turnout = null; break;
    case 'poll.turnout': state.turnout = d; break;
    case 'poll.closed': state.poll = d.poll; break;
    case 'poll.published': state.poll = null; state.result = d.result; break;
    case 'attendance.changed': state.attendance = d; break;
    default: return;
  }
  render();
}

async function main() {
  applyI18n();
  onLanguageChange(render);
  const chosen = await pickPublicSession().catch(() => null);
  if (!chosen) { $('#title').textContent = t('screen.none'); return; }
  // The address shown is the one the QR code encodes (Join:PublicUrl when the operator set it).
  const joinUrl = await get(`/api/sessions/${chosen.id}/join`).then((j) => j.url, () => `${location.origin}/?s=${chosen.id}`);
  $('#join-url').textContent = joinUrl;
  const qr = $('#qr');
  qr.alt = joinUrl;
  qr.addEventListener('error', () => qr.classList.add('hidden'));
  qr.src = `/api/sessions/${chosen.id}/qr.png`;

  const live = connectLive({
    sessionId: chosen.id,
    onSnapshot: (snap) => {
      state.session = snap.session;
      state.viewers = snap.viewers;
      state.floor = snap.floor ?? { current: null, agendaNext: null };
      state.poll = snap.poll ?? null;
      state.turnout = snap.poll?.turnout ?? null;
      state.result = snap.results?.[0] ?? null;
      state.attendance = snap.attendance ?? null;
      render();
    },
    onEvent: apply,
    onCounters: (c) => { state.counters = c; render(); },
    onStatus: (status) => { state.status = status; render(); },
  });
  clock = bindClock({ timeEl: $('#clock'), labelEl: $('#clock-label'), getClock: () => state.session?.clock, serverNow: live.serverNow });
}

main();
