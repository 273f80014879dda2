// Signing the phone in by a personal link, and out again: a link refused outside the sitting says
// why (the server's words); a 401 later means the link was revoked or reissued, and the page then
// stops following the session instead of reconnecting forever.
import './strings.js';
import { t } from '../i18n.js';
import { post } from '../api.js';
import { $ } from '../dom.js';
import { focus, show } from './page.js';

const BY_LINK = 'il.member.byLink';
let ended = false;
let onEnd = () => {};

export const signedOut = () => ended;

/** What to stop when the sign-in ends (the live connection). */
export function whenSignedOut(fn) { onEnd = fn; }

/**
 * The signed-out card, with why: { key } for our words (they follow the language switch through
 * data-i18n), { text } for the server's own (already in the page's language), nothing for the default.
 */
export function showSignedOut(titleKey, { key, text } = {}) {
  ended = true;
  $('#signed-out-title').dataset.i18n = titleKey;
  $('#signed-out-title').textContent = t(titleKey);
  const why = $('#signed-out-text');
  if (key) { why.dataset.i18n = key; why.textContent = t(key); }
  else if (text) { delete why.dataset.i18n; why.textContent = text; }
  for (const id of ['attendance', 'notices', 'status', 'who']) $(`#${id}`).classList.add('hidden');
  show('signed-out');
}

/** True (and the page signed out) when an API error is the 401 of an ended sign-in. */
export function endedBy(err) {
  if (err?.status !== 401) return false;
  if (!ended) {
    const byLink = sessionStorage.getItem(BY_LINK);
    showSignedOut(byLink ? 'member.linkEndedTitle' : 'member.signedOutTitle', { key: byLink ? 'member.linkEnded' : 'member.signedOutText' });
    onEnd();
    focus('#signed-out-title');
  }
  return true;
}

/** The token arrives in the fragment (never sent to a server); it is removed from the address at once. False when refused. */
export async function exchangeLinkToken() {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (!match) return true;
  history.replaceState(null, '', location.pathname + location.search);
  try {
    const signedIn = await post('/api/members/sign-in', { token: decodeURIComponent(match[1]) });
    sessionStorage.setItem('il.member.session', signedIn.sessionId);
    sessionStorage.setItem(BY_LINK, '1');
    return true;
  } catch (err) {
    // Before or after the sitting (403) the server says which, and when the link will work.
    showSignedOut('member.linkRefusedTitle', err.status === 401 ? { key: 'member.linkInvalid' } : { text: err.message });
    return false;
  }
}
