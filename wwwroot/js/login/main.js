// Sign-in for staff and members. After success, go to ?next= (same-site paths only) or the
// page for the account's role.
import { addStrings, applyI18n, bindLanguageSwitch, t } from '../i18n.js';
import { post } from '../api.js';
import { $ } from '../dom.js';
import { homeFor } from '../auth.js';

addStrings({
  'zh-CN': { 'login.title': '工作人员与委员登录', 'login.userName': '用户名', 'login.password': '密码', 'login.hint': '观众无需登录，直接打开首页即可观看和提问。', 'login.busy': '正在登录…' },
  en: { 'login.title': 'Sign in (staff and members)', 'login.userName': 'User name', 'login.password': 'Password', 'login.hint': 'Viewers need no account: open the front page to watch and ask.', 'login.busy': 'Signing in…' },
});

function safeNext() {
  const next = new URLSearchParams(location.search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

applyI18n();
bindLanguageSwitch($('#lang'));
$('#userName').focus();
$('#form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const button = $('#submit');
  button.disabled = true;
  button.textContent = t('login.busy');
  $('#error').textContent = '';
  try {
    const me = await post('/api/auth/login', { userName: $('#userName').value, password: $('#password').value });
    location.assign(safeNext() ?? homeFor(me.roles));
  } catch (err) {
    $('#error').textContent = err.fullMessage ?? err.message;
    button.disabled = false;
    button.textContent = t('common.signIn');
  }
});
