// Every visible string goes through t(). Chinese (zh-CN) is the default; English is a switch
// remembered on the device. Pages add their own strings with addStrings().
const STORAGE_KEY = 'il.lang';
const strings = {
  'zh-CN': {
    'app.name': '专题询问直播',
    'lang.switch': 'English',
    'status.connecting': '正在连接…',
    'status.live': '实时',
    'status.reconnecting': '连接中断，正在重连…',
    'status.offline': '已离线，请检查网络',
    'state.draft': '草稿',
    'state.openForQuestions': '征集问题中',
    'state.live': '直播中',
    'state.paused': '暂停',
    'state.ended': '已结束',
    'error.network': '网络错误，请稍后重试。',
    'error.generic': '操作失败。',
    'common.loading': '加载中…',
    'common.empty': '暂无内容',
    'common.cancel': '取消',
    'common.save': '保存',
    'common.close': '关闭',
    'common.signOut': '退出登录',
    'common.signIn': '登录',
  },
  en: {
    'app.name': 'Special Inquiry Live',
    'lang.switch': '中文',
    'status.connecting': 'Connecting…',
    'status.live': 'Live',
    'status.reconnecting': 'Connection lost, reconnecting…',
    'status.offline': 'Offline. Check your network.',
    'state.draft': 'Draft',
    'state.openForQuestions': 'Collecting questions',
    'state.live': 'Live',
    'state.paused': 'Paused',
    'state.ended': 'Ended',
    'error.network': 'Network error. Please try again.',
    'error.generic': 'Something went wrong.',
    'common.loading': 'Loading…',
    'common.empty': 'Nothing yet',
    'common.cancel': 'Cancel',
    'common.save': 'Save',
    'common.close': 'Close',
    'common.signOut': 'Sign out',
    'common.signIn': 'Sign in',
  },
};

let language = localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
const listeners = new Set();

export function currentLanguage() { return language; }

/** Adds a page's strings: addStrings({ 'zh-CN': {...}, en: {...} }). */
export function addStrings(more) {
  for (const [lang, table] of Object.entries(more)) Object.assign(strings[lang] ??= {}, table);
}

/** Translates a key; {name} placeholders are filled from params. Unknown keys show the key itself. */
export function t(key, params = {}) {
  const template = strings[language][key] ?? strings['zh-CN'][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) => (name in params ? String(params[name]) : `{${name}}`));
}

/** Fills every [data-i18n] element's text (and [data-i18n-placeholder], [data-i18n-aria]) under root. */
export function applyI18n(root = document) {
  document.documentElement.lang = language;
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', t(el.dataset.i18nAria));
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
}

export function setLanguage(lang) {
  language = lang === 'en' ? 'en' : 'zh-CN';
  localStorage.setItem(STORAGE_KEY, language);
  applyI18n();
  for (const fn of listeners) fn(language);
}

/** Called after the language changes, to re-render text built in code. */
export function onLanguageChange(fn) { listeners.add(fn); }

/** Wires a button that toggles between Chinese and English. */
export function bindLanguageSwitch(button) {
  button.addEventListener('click', () => setLanguage(language === 'en' ? 'zh-CN' : 'en'));
  onLanguageChange(() => { button.textContent = t('lang.switch'); });
  button.textContent = t('lang.switch');
}
