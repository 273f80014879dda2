// The stream player: hls.js where the browser needs it, native HLS on Safari; a poster that says
// why when there is no stream or it fails. Nothing else on the page depends on it.
/* global Hls */
import { $ } from '../dom.js';
import { t, onLanguageChange } from '../i18n.js';

let shown = null;   // 'none' | 'failed' | 'playing'
let hls = null;
let currentUrl;

function poster(kind) {
  shown = kind;
  $('#video').classList.toggle('hidden', kind !== 'playing');
  $('#poster').classList.toggle('hidden', kind === 'playing');
  if (kind === 'playing') return;
  $('#poster-title').textContent = t(kind === 'failed' ? 'viewer.streamFailed' : 'viewer.noStream');
  $('#poster-note').textContent = t(kind === 'failed' ? 'viewer.streamFailedNote' : 'viewer.noStreamNote');
}

onLanguageChange(() => { if (shown && shown !== 'playing') poster(shown); });

export function showStream(url) {
  if (url === currentUrl) return;
  currentUrl = url;
  const video = $('#video');
  if (hls) { hls.destroy(); hls = null; }
  video.removeAttribute('src');
  if (!url) { poster('none'); return; }
  video.onerror = () => poster('failed');
  if (typeof Hls !== 'undefined' && Hls.isSupported()) {
    hls = new Hls({ lowLatencyMode: true });
    hls.on(Hls.Events.ERROR, (_, data) => { if (data.fatal) poster('failed'); });
    hls.on(Hls.Events.MANIFEST_PARSED, () => poster('playing'));
    hls.loadSource(url);
    hls.attachMedia(video);
  } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
    video.src = url;
    video.addEventListener('loadedmetadata', () => poster('playing'), { once: true });
  } else {
    poster('failed');
  }
}
