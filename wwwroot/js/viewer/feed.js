// The live text feed (图文直播): newest first, plain text with the clerk's line breaks kept.
import { $, el, hhmm } from '../dom.js';

export function renderFeed(posts) {
  $('#feed').replaceChildren(...posts.map((p) =>
    el('li', { dataset: { id: p.id } }, el('time', { datetime: p.postedAt, class: 'muted small', text: hhmm(p.postedAt) }), el('p', { text: p.text }))));
  $('#feed-empty').classList.toggle('hidden', posts.length > 0);
}
