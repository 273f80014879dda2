// Clerk console: 签到 (who is present, on leave, absent), 纸质票录入 for a closed vote, and the live
// text feed. One staff connection feeds all three panels; each panel keeps its own state.
import './strings.js';
import { applyI18n, bindLanguageSwitch, onLanguageChange, t } from '../i18n.js';
import { get } from '../api.js';
import { requireRole, signOut } from '../auth.js';
import { connectLive } from '../live.js';
import { $, el } from '../dom.js';
import * as attendance from './attendance.js';
import * as paper from './paper.js';
import * as feed from './feed.js';

let live = null;
let status = 'connecting';

function showStatus(s = status) {
  status = s;
  $('#status').dataset.status = s;
  $('#status').textContent = t(`status.${s}`);
}

function onEvent(e) {
  const d = e.data;
  switch (e.type) {
    case 'feed.posted': feed.posted(d.post); break;
    case 'attendance.changed': attendance.showFigures(d); break;
    case 'attendance.memberChanged': attendance.updateMember(d); break;
    case 'roster.memberAdded': case 'roster.memberRemoved': attendance.load($('#session').value); break;
    case 'poll.opened': case 'poll.closed': paper.setPoll(d.poll); break;
    case 'poll.published': paper.published(d.result.pollId); break;
    case 'poll.paperEntered': paper.entered(d); break;
    default: break;
  }
}

function follow(sessionId) {
  live?.stop();
  paper.setSession(sessionId);
  feed.setPosts(sessionId, []);
  attendance.load(sessionId).catch((err) => { $('#att-error').textContent = err.message; });
  live = connectLive({
    sessionId, staff: true,
    onSnapshot: (snap) => {
      feed.setPosts(sessionId, snap.feed);
      attendance.showFigures(snap.attendance);
      paper.setPoll(snap.poll);
    },
    onEvent,
    onStatus: showStatus,
  });
}

async function main() {
  applyI18n();
  bindLanguageSwitch($('#lang'));
  const me = await requireRole('Clerk', 'Admin');
  $('#who').textContent = me.displayName ?? me.userName;
  $('#signout').addEventListener('click', signOut);
  feed.bindFeed();
  attendance.bindAttendance();
  onLanguageChange(() => { showStatus(); attendance.relabel(); paper.render(); });
  const sessions = await get('/api/sessions');
  if (sessions.length === 0) { $('#error').textContent = t('clerk.noSession'); $('#post').disabled = true; return; }
  $('#session').replaceChildren(...sessions.map((s) => el('option', { value: s.id, text: `${s.title} · ${t(`state.${s.state}`)}` })));
  const requested = new URLSearchParams(location.search).get('s');
  if (sessions.some((s) => s.id === requested)) $('#session').value = requested;
  $('#session').addEventListener('change', () => follow($('#session').value));
  follow($('#session').value);
}

main();
