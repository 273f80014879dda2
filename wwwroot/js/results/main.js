// Public results (结果公开): published votes, the rectification list and written replies. No sign-in;
// follows the session's public events so a newly published result or a closed item appears at once.
// Each vote is drawn by the shared result view (every figure with its base); the viewers' own rating
// stands apart, labelled as public opinion that is not the official result; a 回头看 is marked.
import { addStrings, applyI18n, bindLanguageSwitch, onLanguageChange, t } from '../i18n.js';
import { get } from '../api.js';
import { connectLive } from '../live.js';
import { $, el, replaceChildren } from '../dom.js';
import { chooseSession, dateTime, status } from '../followup/strings.js';
import { renderResult } from '../polls/result-view.js';
import { CHOICES, choiceLabel } from '../polls/labels.js';

addStrings({
  'zh-CN': {
    'results.pageTitle': '结果公开', 'results.votes': '满意度测评结果', 'results.rectifications': '整改清单', 'results.replies': '书面答复',
    'results.noVotes': '暂无已公布的测评结果。', 'results.noItems': '暂无整改事项。', 'results.noReplies': '暂无书面答复。',
    'results.deadline': '期限 {date} · 责任人 {owner}',
    'results.closed': '销号说明：{note}', 'results.latest': '最新进展：{note}', 'results.repliedAt': '{department} · {at} 答复',
    'results.followsFirst': '回头看测评', 'results.followsTitle': '对照首次测评：{title}', 'results.noSession': '没有找到会议。',
    'results.public': '群众满意度（网友评价）', 'results.publicNote': '网友自愿评价，反映公众意见，单独统计；不是常委会组成人员的正式测评结果，不计入测评结论。',
    'results.publicTotal': '共 {n} 人评价',
  },
  en: {
    'results.pageTitle': 'Published results', 'results.votes': 'Satisfaction votes', 'results.rectifications': 'Rectification list', 'results.replies': 'Written replies',
    'results.noVotes': 'No result published yet.', 'results.noItems': 'No rectification item yet.', 'results.noReplies': 'No written reply yet.',
    'results.deadline': 'Due {date} · owner {owner}',
    'results.closed': 'Closed: {note}', 'results.latest': 'Latest: {note}', 'results.repliedAt': '{department} · replied {at}',
    'results.followsFirst': 'Second evaluation (回头看)', 'results.followsTitle': 'Compared with the first vote: {title}', 'results.noSession': 'No session found.',
    'results.public': 'Public rating (viewers)', 'results.publicNote': 'Viewers rate of their own accord: public opinion, counted apart. It is not the committee members\' official result and never decides the verdict.',
    'results.publicTotal': '{n} ratings',
  },
});

let data = null;
let reloadTimer = null;

/** The viewers' rating, apart from the official result and said to be public opinion only. */
function publicRating(rating) {
  if (!rating?.total) return null;
  return el('aside', { class: 'public-rating', 'aria-label': t('results.public') },
    el('h4', {}, t('results.public')),
    el('p', { class: 'small' }, t('results.publicNote')),
    el('p', { class: 'public-counts' }, `${CHOICES.map((k) => `${choiceLabel(k)} ${rating[k]}`).join(' · ')} · ${t('results.publicTotal', { n: rating.total })}`));
}

function voteCard(result) {
  const first = result.followsPollId ? data.results.find((r) => r.pollId === result.followsPollId) : null;
  return el('section', { class: `vote${result.followsPollId ? ' second-evaluation' : ''}`, dataset: { pollId: result.pollId } },
    result.followsPollId ? el('p', { class: 'second-mark' }, el('span', { class: 'badge' }, t('results.followsFirst')),
      first ? ` ${t('results.followsTitle', { title: first.title })}` : null) : null,
    renderResult(result, { headingLevel: 3 }),
    publicRating(result.publicRating));
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
