// Clerk console: posts the live text feed (图文直播) of a session and shows what has gone out.
import { addStrings, applyI18n, bindLanguageSwitch, t } from '../i18n.js';
import { get, post } from '../api.js';
import { requireRole, signOut } from '../auth.js';
import { connectLive } from '../live.js';
import { $, el, hhmm, toast } from '../dom.js';

addStrings({
  'zh-CN': {
    'clerk.title': '图文直播发布', 'clerk.session': '会议', 'clerk.text': '直播内容',
    'clerk.placeholder': '例如：市住建局局长回答关于物业服务收费的询问……', 'clerk.post': '发布',
    'clerk.hint': '按 Ctrl+Enter 发布。内容按纯文本显示，保留换行。', 'clerk.posted': '已发布',
    'clerk.empty': '还没有发布内容。', 'clerk.done': '已发布。', 'clerk.emptyText': '请填写直播内容。',
    'clerk.noSession': '没有可发布的会议。',
  },
  en: {
    'clerk.title': 'Live feed', 'clerk.session': 'Session', 'clerk.text': 'Post',
    'clerk.placeholder': 'e.g. The head of the housing bureau answers the question on service fees…', 'clerk.post': 'Post',
    'clerk.hint': 'Ctrl+Enter posts. Shown as plain text with line breaks kept.', 'clerk.posted': 'Posted',
    'clerk.empty': 'Nothing posted yet.', 'clerk.done': 'Posted.', 'clerk.emptyText': 'Please write the post.',
    'clerk.noSession': 'No session to post to.',
  },
});

const MAX = 2000;
let posts = [];
let live = null;

function render() {
  $('#feed').replaceChildren(...posts.map((p) =>
    el('li', {}, el('time', { class: 'muted small', datetime: p.postedAt, text: hhmm(p.postedAt) }), el('p', { text: p.text }))));
  $('#empty').classList.toggle('hidden', posts.length > 0);
}

function follow(sessionId) {
  live?.stop();
  posts = [];
  render();
  live = connectLive({
    sessionId, staff: true,
    onSnapshot: (snap) => { posts = snap.feed ?? []; render(); },
    onEvent: (e) => { if (e.type === 'feed.posted') { posts = [e.data.post, ...posts.filter((p) => p.id !== e.data.post.id)]; render(); } },
    onStatus: (s) => { $('#status').dataset.status = s; $('#status').textContent = t(`status.${s}`); },
  });
}

async function send() {
  const text = $('#text').value;
  $('#error').textContent = '';
  if (!text.trim()) { $('#error').textContent = t('clerk.emptyText'); return; }
  $('#post').disabled = true;
  try {
    await post(`/api/sessions/${$('#session').value}/feed`, { text });
    $('#text').value = '';
    count();
    toast(t('clerk.done'), 'ok');
  } catch (err) {
    $('#error').textContent = err.fullMessage;
  } finally {
    $('#post').disabled = false;
    $('#text').focus();
  }
}

function count() {
  const n = [...$('#text').value.trim()].length;
  $('#count').textContent = `${n} / ${MAX}`;
  $('#count').classList.toggle('error-text', n > MAX);
}

async function main() {
  applyI18n();
  bindLanguageSwitch($('#lang'));
  const me = await requireRole('Clerk', 'Admin');
  $('#who').textContent = me.displayName ?? me.userName;
  $('#signout').addEventListener('click', signOut);
  const sessions = await get('/api/sessions');
  if (sessions.length === 0) { $('#error').textContent = t('clerk.noSession'); $('#post').disabled = true; return; }
  $('#session').replaceChildren(...sessions.map((s) => el('option', { value: s.id, text: `${s.title} · ${t(`state.${s.state}`)}` })));
  $('#session').addEventListener('change', () => follow($('#session').value));
  $('#compose').addEventListener('submit', (e) => { e.preventDefault(); send(); });
  $('#text').addEventListener('input', count);
  $('#text').addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); send(); } });
  follow(sessions[0].id);
}

main();
