// The admin's sheet of personal sign-in links: issue, reissue or revoke each person's link and
// print the QR codes, committee members and evaluator-group members alike, each card labelled with
// the person's capacity. A token is shown only in the answer that issued it, so QR codes appear for
// links issued on this page now; reload and they are gone (issue again to print again). Revoking or
// reissuing ends the person's current sign-in at once (the server changes the account's stamp), and
// the page says so.
import { addStrings, applyI18n, bindLanguageSwitch, onLanguageChange, t } from '../i18n.js';
import { api, get, post, del } from '../api.js';
import { $, el, hhmm, replaceChildren, toast } from '../dom.js';
import { requireRole } from '../auth.js';

addStrings({
  'zh-CN': {
    'links.title': '个人登录二维码',
    'links.help': '二维码只在生成时显示一次，请生成后立即打印。重新生成或收回链接会使原来的链接失效，此人当前的登录也会立即结束。',
    'links.issueAll': '为全部人员生成新链接',
    'links.confirmAll': '原有链接将全部失效，每人当前的登录也会立即结束。确定吗？',
    'links.yes': '确定生成',
    'links.print': '打印',
    'links.issue': '生成链接',
    'links.reissue': '重新生成',
    'links.revoke': '收回链接',
    'links.none': '未生成链接',
    'links.issuedAt': '链接生成于 {time}，二维码需重新生成才能再次显示',
    'links.revoked': '已收回 {name} 的链接，其当前登录已立即结束。',
    'links.reissued': '已为 {name} 生成新链接：原链接已失效，其当前登录已立即结束。',
    'links.issuedAll': '已为全部 {n} 人生成新链接：原链接均已失效，当前登录已全部结束。',
    'links.qrAlt': '{name} 的个人登录二维码',
    'links.empty': '名单中还没有测评人员。',
    'links.official': '常委会组成人员',
    'links.groupLabel': '身份：{group}',
    'links.endsNow': '此人当前的登录会立即结束',
  },
  en: {
    'links.title': 'Personal sign-in codes',
    'links.help': 'A QR code is shown only when it is issued: print right after issuing. Reissuing or revoking stops the earlier link and ends the person\'s current sign-in at once.',
    'links.issueAll': 'Issue new links for everyone',
    'links.confirmAll': 'Every earlier link will stop working and everyone\'s current sign-in ends at once. Continue?',
    'links.yes': 'Issue them',
    'links.print': 'Print',
    'links.issue': 'Issue link',
    'links.reissue': 'Reissue',
    'links.revoke': 'Revoke',
    'links.none': 'No link issued',
    'links.issuedAt': 'Link issued at {time}; reissue to show its code again',
    'links.revoked': 'Link of {name} revoked; their current sign-in has ended.',
    'links.reissued': 'New link issued to {name}: the earlier link no longer works and their current sign-in has ended.',
    'links.issuedAll': 'New links issued to all {n}: earlier links no longer work and every current sign-in has ended.',
    'links.qrAlt': 'Personal sign-in QR code of {name}',
    'links.empty': 'The roster has no one yet.',
    'links.official': 'Committee member',
    'links.groupLabel': 'Capacity: {group}',
    'links.endsNow': 'Their current sign-in ends at once',
  },
});

const state = { sessionId: null, members: [], groups: [], issued: new Map() };

const groupOf = (m) => (m.groupId === null || m.groupId === undefined ? t('links.official')
  : state.groups.find((g) => g.id === m.groupId)?.name ?? t('links.official'));

async function qrImage(memberId, issued) {
  // The token goes in a header, never in an image URL that could be logged or kept in history.
  const response = await fetch(`/api/sessions/${state.sessionId}/members/${memberId}/link.png`, {
    headers: { 'X-Sign-In-Token': issued.token }, credentials: 'same-origin',
  });
  if (!response.ok) throw new Error(t('error.generic'));
  return URL.createObjectURL(await response.blob());
}

function card(m) {
  const issued = state.issued.get(m.id);
  const img = el('img', { alt: t('links.qrAlt', { name: m.displayName }), class: issued ? '' : 'hidden' });
  if (issued) {
    if (issued.url) img.src = issued.url;
    else {
      qrImage(m.id, issued).then((url) => { issued.url = url; img.src = url; }).catch((err) => {
        // A link revoked or reissued while its code was loading is no error: that code is gone.
        if (state.issued.get(m.id) === issued) toast(err.message, 'error');
      });
    }
  }
  const stateText = issued ? '' : m.hasLink ? t('links.issuedAt', { time: hhmm(m.linkIssuedAt) }) : t('links.none');
  const holdsLink = m.hasLink || issued;
  return el('li', { class: `member-card${issued ? '' : ' no-link'}${m.groupId ? ' evaluator' : ''}`, dataset: { memberId: m.id, groupId: m.groupId ?? '' } },
    el('h3', {}, m.displayName),
    el('span', { class: 'group' }, t('links.groupLabel', { group: groupOf(m) })),
    el('span', { class: 'muted small' }, m.userName ?? ''),
    img,
    issued ? el('span', { class: 'link' }, issued.link) : el('span', { class: 'muted state' }, stateText),
    el('div', { class: 'actions' },
      el('button', { type: 'button', title: holdsLink ? t('links.endsNow') : undefined, onclick: () => issue(m) }, holdsLink ? t('links.reissue') : t('links.issue')),
      holdsLink ? el('button', { type: 'button', title: t('links.endsNow'), onclick: () => revoke(m) }, t('links.revoke')) : null));
}

function render() {
  $('#loading').classList.add('hidden');
  replaceChildren($('#members'), state.members.length ? state.members.map(card) : el('li', { class: 'empty' }, t('links.empty')));
}

async function reload() {
  [state.members, state.groups] = await Promise.all([
    get(`/api/sessions/${state.sessionId}/members`), get(`/api/sessions/${state.sessionId}/evaluator-groups`)]);
  render();
}

async function issue(m) {
  try {
    const reissue = m.hasLink || state.issued.has(m.id);
    const issued = await post(`/api/sessions/${state.sessionId}/members/${m.id}/link`);
    state.issued.set(m.id, issued);
    if (reissue) toast(t('links.reissued', { name: m.displayName }), 'ok');
    await reload();
  } catch (err) { $('#error').textContent = err.message; }
}

async function revoke(m) {
  try {
    await del(`/api/sessions/${state.sessionId}/members/${m.id}/link`);
    state.issued.delete(m.id);
    toast(t('links.revoked', { name: m.displayName }), 'ok');
    await reload();
  } catch (err) { $('#error').textContent = err.message; }
}

async function issueAll() {
  $('#confirm-all').classList.add('hidden');
  try {
    const all = await api('POST', `/api/sessions/${state.sessionId}/members/links`, {});
    state.issued = new Map(all.map((i) => [i.memberId, i]));
    toast(t('links.issuedAll', { n: all.length }), 'ok');
    await reload();
  } catch (err) { $('#error').textContent = err.message; }
}

async function main() {
  applyI18n();
  bindLanguageSwitch($('#lang'));
  onLanguageChange(render);
  await requireRole('Admin');
  $('#issue-all').addEventListener('click', () => { $('#confirm-all').classList.remove('hidden'); $('#confirm-all-yes').focus(); });
  $('#confirm-all-yes').addEventListener('click', issueAll);
  $('#confirm-all-no').addEventListener('click', () => $('#confirm-all').classList.add('hidden'));
  $('#print').addEventListener('click', () => window.print());
  const sessions = await get('/api/sessions');
  const requested = new URLSearchParams(location.search).get('s');
  const session = sessions.find((s) => s.id === requested) ?? sessions[0];
  if (!session) { $('#loading').textContent = t('links.empty'); return; }
  state.sessionId = session.id;
  $('#session-title').textContent = session.title;
  try { await reload(); } catch (err) { $('#error').textContent = err.message; }
}

main();
