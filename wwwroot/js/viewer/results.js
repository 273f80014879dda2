// The satisfaction vote while it runs (turnout only) and the published results: the members'
// official result and the viewers' rating, each labelled, never mixed.
import { $, el } from '../dom.js';
import { t } from '../i18n.js';

export function renderPoll(poll) {
  const open = poll && (poll.state === 'open' || poll.state === 'closed');
  $('#poll').classList.toggle('hidden', !open);
  if (!open) return;
  const turnout = poll.turnout;
  $('#poll-text').textContent = poll.state === 'closed'
    ? t('poll.closed', { title: poll.title })
    : turnout ? t('poll.open', { title: poll.title, voted: turnout.voted, entitled: turnout.entitled }) : t('poll.openNoTurnout', { title: poll.title });
}

const percent = (rate) => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);

function counts(r) {
  return el('ul', { class: 'tally' },
    ['satisfied', 'basicallySatisfied', 'dissatisfied'].map((k) => el('li', {}, el('span', { text: t(`results.${k}`) }), el('strong', { text: String(r[k] ?? 0) }))));
}

export function renderResults(results) {
  $('#results').replaceChildren(...results.map((r) => {
    const verdict = el('span', { class: `badge verdict-${r.verdict}`, text: t(`verdict.${r.verdict}`) });
    const members = el('div', { class: 'result-members' },
      el('h4', { text: t('results.members') }), counts(r),
      el('p', {}, el('strong', { text: t('results.rate', { rate: percent(r.rate) }) }), ' ', verdict),
      el('p', { class: 'muted small', text: t('results.turnout', { entitled: r.entitled, voted: r.voted }) + (r.enteredByHand ? ` · ${t('results.byHand')}` : '') }));
    const rating = r.publicRating;
    const publicPart = rating && (rating.satisfied + rating.basicallySatisfied + rating.dissatisfied) > 0
      ? el('div', { class: 'result-public' }, el('h4', { text: t('results.public') }), counts(rating),
        el('p', { class: 'muted small', text: t('results.publicTotal', { n: rating.satisfied + rating.basicallySatisfied + rating.dissatisfied }) }))
      : null;
    return el('li', { class: 'result', dataset: { id: r.pollId } },
      el('h3', { text: r.departmentName ? `${r.departmentName} · ${r.title}` : r.title }), members, publicPart);
  }));
  $('#results-empty').classList.toggle('hidden', results.length > 0);
}
