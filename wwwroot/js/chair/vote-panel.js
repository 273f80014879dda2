// The chair's controls for the satisfaction vote (满意度测评): open (optionally with a clock), watch
// the turnout, close, preview the frozen tally, publish. chair.html mounts it:
//   mountVotePanel(section, { sessionId, live });  and passes every live event to onVoteEvent(e).
import { addStrings, applyI18n, onLanguageChange, t } from '../i18n.js';
import { get, post } from '../api.js';
import { $, el, mmss, replaceChildren, toast } from '../dom.js';
import { verdictLabel, percent, ruleLabel, remainingMs } from '../polls/labels.js';

addStrings({
  'zh-CN': {
    'vote.heading': '满意度测评',
    'vote.title': '测评标题（可不填）',
    'vote.titleHint': '不填时按当前问题的应询部门自动生成',
    'vote.department': '应询部门',
    'vote.departmentCurrent': '当前问题的部门',
    'vote.seconds': '限时',
    'vote.noLimit': '不限时（手动结束）',
    'vote.secondsN': '{n} 秒',
    'vote.open': '发起测评',
    'vote.close': '结束测评',
    'vote.publish': '公布结果',
    'vote.next': '准备下一项测评',
    'vote.state.open': '投票中',
    'vote.state.closed': '已结束，待公布',
    'vote.state.published': '已公布',
    'vote.left': '剩余 {time}',
    'vote.preview': '计票结果（仅主持人可见，公布后向全场显示）',
    'vote.opened': '测评已发起',
    'vote.closed': '测评已结束，计票结果已冻结',
    'vote.published': '结果已公布',
  },
  en: {
    'vote.heading': 'Satisfaction vote',
    'vote.title': 'Title (optional)',
    'vote.titleHint': 'Left empty, it is named after the current question\'s department',
    'vote.department': 'Department',
    'vote.departmentCurrent': 'Department of the current question',
    'vote.seconds': 'Time limit',
    'vote.noLimit': 'No limit (close by hand)',
    'vote.secondsN': '{n} s',
    'vote.open': 'Open the vote',
    'vote.close': 'Close the vote',
    'vote.publish': 'Publish the result',
    'vote.next': 'Prepare the next vote',
    'vote.state.open': 'Voting',
    'vote.state.closed': 'Closed, not yet published',
    'vote.state.published': 'Published',
    'vote.left': '{time} left',
    'vote.preview': 'Tally (only the chair sees it until it is published)',
    'vote.opened': 'The vote is open',
    'vote.closed': 'The vote is closed and its tally frozen',
    'vote.published': 'The result is published',
  },
});

const SECONDS = [0, 60, 120, 180, 300];
let panel = null;

export function mountVotePanel(root, { sessionId, live }) {
  panel = { root, sessionId, live, poll: null, turnout: null, tally: null, result: null, departments: [], busy: false };
  ensureStylesheet();
  root.classList.add('vote-panel');
  root.setAttribute('aria-labelledby', 'vote-heading');
  render();
  onLanguageChange(render);
  setInterval(tickClock, 500);
  get(`/api/sessions/${sessionId}/snapshot`).then(onVoteSnapshot).catch((err) => toast(err.message, 'error'));
  return { onVoteEvent, onVoteSnapshot };
}

/** Applies a (re)loaded snapshot: the open or closed vote, with its tally for the chair when closed. */
export async function onVoteSnapshot(snapshot) {
  if (!panel) return;
  panel.departments = snapshot.session?.departments ?? panel.departments;
  panel.poll = snapshot.poll ?? null;
  panel.turnout = snapshot.poll?.turnout ?? null;
  panel.result = null;
  panel.tally = null;
  if (panel.poll?.state === 'closed') await loadTally();
  render();
}

/** Feed every live event here; the vote's own ones update the panel. */
export function onVoteEvent(e) {
  if (!panel) return;
  const d = e.data;
  switch (e.type) {
    case 'poll.opened': Object.assign(panel, { poll: d.poll, turnout: null, tally: null, result: null }); break;
    case 'poll.turnout': if (panel.poll?.id === d.pollId) panel.turnout = d; break;
    case 'poll.closed':
      if (panel.poll?.id === d.poll.id) { panel.poll = { ...panel.poll, ...d.poll }; loadTally().then(render); }
      break;
    case 'poll.published':
      if (panel.poll?.id === d.result.pollId) { panel.result = d.result; panel.poll = { ...panel.poll, state: 'published' }; }
      break;
    default: return;
  }
  render();
}

async function loadTally() {
  try { panel.tally = await get(`/api/sessions/${panel.sessionId}/polls/${panel.poll.id}/tally`); }
  catch (err) { toast(err.message, 'error'); }
}

async function command(url, body, done) {
  if (panel.busy) return;
  panel.busy = true; render();
  try { const answer = await post(url, body); done?.(answer); }
  catch (err) { toast(err.fullMessage ?? err.message, 'error'); }
  finally { panel.busy = false; render(); }
}

function openVote(form) {
  const data = new FormData(form);
  const seconds = Number(data.get('seconds'));
  const departmentId = data.get('departmentId') ? Number(data.get('departmentId')) : undefined;
  command(`/api/sessions/${panel.sessionId}/polls`, { title: data.get('title') || undefined, departmentId, seconds: seconds || undefined }, (poll) => {
    if (panel.poll?.id !== poll.id) Object.assign(panel, { poll, tally: null, result: null });
    toast(t('vote.opened'), 'ok');
  });
}

const closeVote = () => command(`/api/sessions/${panel.sessionId}/polls/${panel.poll.id}/close`, {}, (tally) => {
  panel.tally = tally; panel.poll = { ...panel.poll, state: tally.state };
  toast(t('vote.closed'), 'ok');
});

const publishVote = () => command(`/api/sessions/${panel.sessionId}/polls/${panel.poll.id}/publish`, {}, (result) => {
  panel.result = result; panel.poll = { ...panel.poll, state: 'published' };
  toast(t('vote.published'), 'ok');
});

function render() {
  const { root, poll } = panel;
  const body = [el('h2', { id: 'vote-heading' }, t('vote.heading'))];
  if (!poll || (poll.state === 'published' && !panel.result)) body.push(openForm());
  else body.push(current());
  replaceChildren(root, body);
  applyI18n(root);
}

function openForm() {
  const form = el('form', { class: 'vote-form', 'aria-label': t('vote.open') },
    el('label', { for: 'vote-title' }, t('vote.title')),
    el('input', { id: 'vote-title', name: 'title', maxlength: '200', placeholder: t('vote.titleHint') }),
    el('label', { for: 'vote-department' }, t('vote.department')),
    el('select', { id: 'vote-department', name: 'departmentId' },
      el('option', { value: '' }, t('vote.departmentCurrent')),
      panel.departments.map((d) => el('option', { value: String(d.id) }, d.name))),
    el('label', { for: 'vote-seconds' }, t('vote.seconds')),
    el('select', { id: 'vote-seconds', name: 'seconds' },
      SECONDS.map((n) => el('option', { value: String(n) }, n ? t('vote.secondsN', { n }) : t('vote.noLimit')))),
    el('button', { type: 'submit', class: 'primary', id: 'vote-open', disabled: panel.busy }, t('vote.open')));
  form.addEventListener('submit', (e) => { e.preventDefault(); openVote(form); });
  return form;
}

function current() {
  const { poll, turnout, tally, result } = panel;
  const voted = turnout?.voted ?? tally?.voted ?? 0;
  const entitled = turnout?.entitled ?? tally?.entitled ?? 0;
  const parts = [
    el('p', { class: 'vote-title' }, poll.title),
    el('p', {}, el('span', { class: `badge vote-state vote-${poll.state}`, id: 'vote-state' }, t(`vote.state.${poll.state}`)), ' ',
      el('span', { id: 'vote-clock', class: 'vote-clock' })),
    el('p', { class: 'vote-turnout', id: 'vote-turnout', 'aria-live': 'polite' }, t('poll.turnout', { voted, entitled })),
    el('progress', { max: String(Math.max(entitled, 1)), value: String(voted), 'aria-label': t('poll.turnout', { voted, entitled }) }),
  ];
  if (poll.state === 'open') parts.push(el('button', { type: 'button', class: 'primary', id: 'vote-close', onclick: closeVote, disabled: panel.busy }, t('vote.close')));
  const shown = result ?? tally;
  if (shown && poll.state !== 'open') parts.push(summary(shown, !result));
  if (poll.state === 'closed') parts.push(el('button', { type: 'button', class: 'primary', id: 'vote-publish', onclick: publishVote, disabled: panel.busy }, t('vote.publish')));
  if (poll.state === 'published') parts.push(el('button', { type: 'button', id: 'vote-next', onclick: () => { panel.result = null; render(); } }, t('vote.next')));
  return el('div', { class: 'vote-current' }, parts);
}

function summary(r, preview) {
  const rows = [
    [t('choice.satisfied'), r.satisfied], [t('choice.basicallySatisfied'), r.basicallySatisfied], [t('choice.dissatisfied'), r.dissatisfied],
    [t('poll.voted'), `${r.voted} / ${r.entitled}`], [t('poll.rate'), percent(r.rate)],
  ];
  return el('div', { class: 'vote-summary', id: 'vote-summary' },
    preview ? el('p', { class: 'muted small' }, t('vote.preview')) : null,
    el('p', { class: 'vote-verdict', id: 'vote-verdict' }, verdictLabel(r.verdict)),
    el('dl', { class: 'vote-counts' }, rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, String(v))])),
    el('p', { class: 'muted small' }, ruleLabel(r)),
    r.enteredByHand ? el('p', { class: 'muted small' }, t('poll.byHand', { by: r.enteredBy ?? '' })) : null,
    r.publicRating ? el('p', { class: 'muted small' }, `${t('poll.publicRating')}: ${t('choice.satisfied')} ${r.publicRating.satisfied} · ${t('choice.basicallySatisfied')} ${r.publicRating.basicallySatisfied} · ${t('choice.dissatisfied')} ${r.publicRating.dissatisfied}`) : null);
}

function tickClock() {
  const node = panel && $('#vote-clock', panel.root);
  if (!node) return;
  const left = panel.poll?.state === 'open' ? remainingMs(panel.poll, panel.live?.serverNow?.() ?? Date.now()) : null;
  node.textContent = left === null ? '' : t('vote.left', { time: mmss(Math.max(0, left)) });
}

function ensureStylesheet() {
  if (document.querySelector('link[href="/css/vote-panel.css"]')) return;
  document.head.append(el('link', { rel: 'stylesheet', href: '/css/vote-panel.css' }));
}
