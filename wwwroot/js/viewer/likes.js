// The like button: each tap shows at once; taps are batched and sent a few times a second over the
// hub (or HTTP when the hub is down), so a tapping crowd never sends one message per tap.
import { $ } from '../dom.js';
import { post } from '../api.js';

const SEND_EVERY_MS = 400;
const MAX_PER_SEND = 50;
let unsent = 0;
let serverTotal = 0;
let shown = 0;
let sending = false;

function show() {
  shown = Math.max(shown, serverTotal + unsent);
  $('#likes').textContent = shown.toLocaleString();
}

export function setLikeTotal(total) {
  serverTotal = total;
  show();
}

export function initLikes({ sessionId, live }) {
  const button = $('#like');
  button.addEventListener('click', () => {
    unsent += 1;
    shown += 1;
    show();
    button.classList.remove('pop');
    void button.offsetWidth;   // restart the little animation
    button.classList.add('pop');
  });
  setInterval(async () => {
    if (sending || unsent === 0) return;
    const taps = Math.min(unsent, MAX_PER_SEND);
    sending = true;
    try {
      if (live.connection.state === 'Connected') await live.invoke('Like', sessionId, taps);
      else await post(`/api/sessions/${sessionId}/likes`, { taps });
      unsent -= taps;
    } catch {
      // Kept and sent with the next batch.
    } finally {
      sending = false;
    }
  }, SEND_EVERY_MS);
}
