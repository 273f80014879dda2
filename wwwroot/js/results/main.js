// Public results (结果公开): published votes, the rectification list and written replies. No sign-in;
// follows the session's public events so a newly published result or a closed item appears at once.
import { addStrings, applyI18n, bindLanguageSwitch, onLanguageChange, t } from '../i18n.js';
import { get } from '../api.js';
import { connectLive } from '../live.js';
import { $, el, replaceChildren } from '../dom.js';
import { chooseSession, dateTime, percent, rule, status, verdict } from '../followup/strings.js';

addStrings({
  'zh-CN': {
    'results.pageTitle': '结果公开', 'results.votes': '满意度测评结果', 'results.rectifications': '整改清单', 'results.replies': '书面答复',
    'results.noVotes': '暂无已公布的测评结果。', 'results.noItems': '暂无整改事项。', 'results.noReplies': '暂无书面答复。',
    'results.counts': '满意 {s} · 基本满意 {b} · 不满意 {d} · 参评 {voted}/{entitled}', 'results.deadline': '期限 {date} · 责任人 {owner}',
    'results.closed': '销号说明：{note}', 'results.latest': '最新进展：{note}', 'results.repliedAt': '{department} · {at} 答复',
    'results.followsFirst': '回头看测评', 'results.noSession': '没有找到会议。',
  },
  en: {
    'results.pageTitle': 'Published results', 'results.votes': 'Satisfaction votes', 'results.rectifications': 'Rectification list', 'results.replies': 'Written replies',
    'results.noVotes': 'No result published yet.', 'results.noItems': 'No rectification item yet.', 'results.noReplies': 'No written reply yet.',
    'results.counts': 'Satisfied {s} · basically {b} · dissatisfied {d} · voted {voted}/{entitled}', 'results.deadline': 'Due {date} · owner {owner}',
    'results.closed': 'Closed: {note}', 'results.latest': 'Latest: {note}', 'results.repliedAt': '{department} · replied {at}',
    'results.followsFirst': 'Second evaluation', 'results.noSession': 'No session found.',
  },
});

let data = null;
let reloadTimer = null;

function voteCard(v) {
  const total = v.satisfied + v.basicallySatisfied + v.dissatisfied || 1;
  const bar = el('div', { class: 'bar', role: 'img', 'aria-label': t('results.counts', { s: v.satisfied, b: v.basicallySatisfied, d: v.dissatisfied, voted: v.voted, entitled: v.entitled }) },
    [v.satisfied, v.basicallySatisfied, v.dissatisfied].map((n) => { const s = el('span'); s.style.width = `${(100 * n) / total}%`; return s; }));
  return el('article', { class: 'vote' },
    el('h3', {}, v.title),
    el('div', { class: 'small' }, [v.departmentName, v.followsPollId ? t('results.followsFirst') : null, v.enteredByHand ? t('fu.handEntered') : null].filter(Boolean).join(' · ')),
    el('div', { class: 'rate' }, percent(v.rate)),
    el('div', { class: 'verdict', dataset: { verdict: v.verdict } }, verdict(v.verdict)),
    bar,
    el('div', { class: 'counts' }, t('results.counts', { s: v.satisfied, b: v.basicallySatisfied, d: v.dissatisfied, voted: v.voted, entitled: v.entitled })),
    el('div', { class: 'small' }, rule(v)),
    v.publicRating?.total ? el('div', { class: 'small' }, t('fu.publicRating', { s: v.publicRating.satisfied, b: v.publicRating.basicallySatisfied, d: v.publicRating.dissatisfied })) : null);
}

const empty = (key) => el('p', { class: 'empty' }, t(key));

function render() {
  if (!data) return;
  $('#loading').classList.add('hidden');
  $('#title').textContent = data.session.title;
  $('#topic').textContent = data.session.topic;
  replaceChildren($('#votes'), data.results.length ? data.results.map(voteCard) : empty('results.noVotes'));
  replaceChildren($('#rectifications'), data.rectifications.length ? data.rectifications.map((i) => el('li', { dataset: { id: i.id } },
    el('div', { class: 'rect-head' }, el('strong', {}, i.title), el('span', { class: 'badge rect-status', dataset: { status: i.status } }, status(i.status))),
    el('div', { class: 'small' }, i.departmentName ?? ''),
    el('div', { class: 'small' }, t('results.deadline', { date: i.deadline, owner: i.owner })),
    i.closingNote ? el('p', {}, t('results.closed', { note: i.closingNote }))
      : i.lastNote ? el('p', { class: 'small' }, t('results.latest', { note: i.lastNote })) : null)) : el('li', {}, empty('results.noItems')));
  replaceChildren($('#replies'), data.writtenReplies.length ? data.writtenReplies.map((r) => el('li', {},
    el('p', { class: 'reply-q' }, r.questionText),
    el('p', { class: 'reply-a' }, r.reply),
    el('div', { class: 'small' }, t('results.repliedAt', { department: r.departmentName ?? '', at: dateTime(r.repliedAt) })))) : el('li', {}, empty('results.noReplies')));
}

async function load(sessionId) {
  try {
    data = await get(`/api/sessions/${sessionId}/public-results`);
    $('#error').classList.add('hidden');
    render();
  } catch (err) {
    $('#loading').classList.add('hidden');
    $('#error').textContent = err.message;
    $('#error').classList.remove('hidden');
  }
}

async function main() {
  applyI18n();
  bindLanguageSwitch($('#lang'));
  onLanguageChange(render);
  const sessionId = await chooseSession(get).catch(() => null);
  if (!sessionId) { $('#loading').textContent = t('results.noSession'); return; }
  await load(sessionId);
  const reloadOn = new Set(['rectification.changed', 'poll.published', 'question.publicUpdated']);
  connectLive({
    sessionId,
    onSnapshot: () => load(sessionId),
    onEvent: (e) => {
      if (!reloadOn.has(e.type)) return;
      clearTimeout(reloadTimer);
      reloadTimer = setTimeout(() => load(sessionId), 300);   // a burst of changes costs one reload
    },
    onStatus: (s) => { const dot = $('#status'); dot.dataset.status = s; dot.textContent = t(`status.${s}`); },
  });
}

main();
