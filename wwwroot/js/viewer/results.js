// The satisfaction vote while it runs (turnout only) and the published results: the committee
// members' official result (the shared result view: every figure with its base) and, apart and
// labelled as public opinion, the viewers' own rating. The two are never mixed.
import { $, el } from '../dom.js';
import { t } from '../i18n.js';
import { CHOICES, choiceLabel } from '../polls/labels.js';
import { renderResult } from '../polls/result-view.js';

export function renderPoll(poll) {
  const open = poll && (poll.state === 'open' || poll.state === 'closed');
  $('#poll').classList.toggle('hidden', !open);
  if (!open) return;
  const turnout = poll.turnout;
  const sheet = poll.kind === 'sheet' ? 'Sheet' : '';
  const params = { title: poll.title, n: poll.items?.length ?? 0, voted: turnout?.voted, entitled: turnout?.entitled };
  $('#poll-text').textContent = poll.state === 'closed'
    ? t('poll.closed', params)
    : t(turnout ? `poll.open${sheet}` : `poll.open${sheet}NoTurnout`, params);
}

function publicRating(rating) {
  if (!rating?.total) return null;
  return el('div', { class: 'result-public' },
    el('p', { class: 'result-label', text: t('results.public') }),
    el('ul', { class: 'tally' }, CHOICES.map((k) => el('li', {}, el('span', { text: choiceLabel(k) }), el('strong', { text: String(rating[k] ?? 0) })))),
    el('p', { class: 'muted small', text: t('results.publicTotal', { n: rating.total }) }));
}

export function renderResults(results) {
  $('#results').replaceChildren(...results.map((r) => el('li', { class: 'result', dataset: { id: r.pollId } },
    el('div', { class: 'result-members' },
      el('p', { class: 'result-label', text: t('results.members') }),
      renderResult(r, { narrow: true, headingLevel: 3 })),
    publicRating(r.publicRating))));
  $('#results-empty').classList.toggle('hidden', results.length > 0);
}
