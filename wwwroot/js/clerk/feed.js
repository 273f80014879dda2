// The live text feed (图文直播): the clerk writes, the feed goes to every viewer; what has gone out is listed.
import { t } from '../i18n.js';
import { post } from '../api.js';
import { $, el, hhmm, toast } from '../dom.js';

const MAX = 2000;
let posts = [];
let sessionId = null;

export function setPosts(id, list) { sessionId = id; posts = list ?? []; render(); }

export function posted(post) { posts = [post, ...posts.filter((p) => p.id !== post.id)]; render(); }

function render() {
  $('#feed').replaceChildren(...posts.map((p) =>
    el('li', {}, el('time', { class: 'muted small', datetime: p.postedAt, text: hhmm(p.postedAt) }), el('p', { text: p.text }))));
  $('#empty').classList.toggle('hidden', posts.length > 0);
}

function count() {
  const n = [...$('#text').value.trim()].length;
  $('#count').textContent = `${n} / ${MAX}`;
  $('#count').classList.toggle('error-text', n > MAX);
}

async function send() {
  const text = $('#text').value;
  $('#error').textContent = '';
  if (!text.trim()) { $('#error').textContent = t('clerk.emptyText'); return; }
  $('#post').disabled = true;
  try {
    await post(`/api/sessions/${sessionId}/feed`, { text });
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

export function bindFeed() {
  $('#compose').addEventListener('submit', (e) => { e.preventDefault(); send(); });
  $('#text').addEventListener('input', count);
  $('#text').addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); send(); } });
}
