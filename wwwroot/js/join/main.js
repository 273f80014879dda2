// Printable join page: /join.html?s={sessionId} shows the session's QR code, title and address.
import { addStrings, applyI18n, bindLanguageSwitch, onLanguageChange, t } from '../i18n.js';
import { get } from '../api.js';
import { $ } from '../dom.js';

addStrings({
  'zh-CN': { 'join.print': '打印', 'join.scan': '扫码观看直播、点赞、提问', 'join.qr': '扫码进入“{title}”', 'join.missing': '没有找到该会议。' },
  en: { 'join.print': 'Print', 'join.scan': 'Scan to watch, like and ask', 'join.qr': 'QR code to join "{title}"', 'join.missing': 'No such session.' },
});

async function main() {
  applyI18n();
  bindLanguageSwitch($('#lang'));
  $('#print').addEventListener('click', () => window.print());
  const sessions = await get('/api/sessions');
  const requested = new URLSearchParams(location.search).get('s');
  const session = sessions.find((s) => s.id === requested) ?? (requested ? null : sessions[0]);
  if (!session) { $('#error').textContent = t('join.missing'); return; }
  $('#title').textContent = session.title;
  $('#topic').textContent = session.topic;
  // The printed address is the one the QR code encodes (Join:PublicUrl when the operator set it).
  const { url } = await get(`/api/sessions/${session.id}/join`);
  $('#url').textContent = url;
  $('#qr').src = `/api/sessions/${session.id}/qr.png`;
  const label = () => { $('#qr').alt = t('join.qr', { title: session.title }); };
  label();
  onLanguageChange(label);
  document.title = `${session.title} · ${t('join.scan')}`;
}

main();
