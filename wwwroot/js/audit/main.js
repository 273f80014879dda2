// Audit log of moderation (admins and moderators) and the sensitive-word list (admins).
import { addStrings, applyI18n, bindLanguageSwitch, onLanguageChange, t } from '../i18n.js';
import { get, put } from '../api.js';
import { requireRole } from '../auth.js';
import { $, el, hhmm, toast } from '../dom.js';

addStrings({
  'zh-CN': {
    'audit.title': '审核记录', 'audit.back': '返回审核台', 'audit.log': '审核决定', 'audit.csv': '导出 CSV',
    'audit.at': '时间', 'audit.moderator': '审核员', 'audit.action': '操作', 'audit.before': '原文字',
    'audit.after': '新文字 / 合并到', 'audit.reason': '理由', 'audit.empty': '还没有审核决定。',
    'audit.prev': '上一页', 'audit.next': '下一页', 'audit.summary': '共 {total} 条，第 {from}–{to} 条',
    'audit.words': '敏感词表', 'audit.wordsHint': '每行一个词（中文或英文）。命中的问题会提示审核员注意，不会自动拒绝。清空后恢复默认词表。',
    'audit.stored': '当前使用：管理员维护的词表', 'audit.configured': '当前使用：默认词表', 'audit.saved': '已保存',
    'audit.undone': '（已撤销）',
    'action.approve': '通过', 'action.reject': '不采纳', 'action.edit': '编辑', 'action.merge': '合并', 'action.undo': '撤销',
  },
  en: {
    'audit.title': 'Audit log', 'audit.back': 'Back to moderation', 'audit.log': 'Moderation decisions', 'audit.csv': 'Export CSV',
    'audit.at': 'Time', 'audit.moderator': 'Moderator', 'audit.action': 'Action', 'audit.before': 'Text before',
    'audit.after': 'Text after / merged into', 'audit.reason': 'Reason', 'audit.empty': 'No decisions yet.',
    'audit.prev': 'Previous', 'audit.next': 'Next', 'audit.summary': '{total} in all, {from}–{to} shown',
    'audit.words': 'Sensitive words', 'audit.wordsHint': 'One word per line (Chinese or English). Matches are flagged for moderators, never rejected automatically. Clear the list to return to the defaults.',
    'audit.stored': 'In force: the list kept by admins', 'audit.configured': 'In force: the default list', 'audit.saved': 'Saved',
    'audit.undone': ' (undone)',
    'action.approve': 'Approve', 'action.reject': 'Reject', 'action.edit': 'Edit', 'action.merge': 'Merge', 'action.undo': 'Undo',
  },
});

const LIMIT = 100;
const state = { sessionId: null, offset: 0, page: null, words: null };

function render() {
  const page = state.page;
  if (page) {
    $('#rows').replaceChildren(...page.items.map((d) => el('tr', { class: d.undoneAt ? 'undone' : '' },
      el('td', { text: `${new Date(d.at).toLocaleDateString()} ${hhmm(d.at)}` }),
      el('td', { text: d.moderator }),
      el('td', { text: t(`action.${d.action}`) + (d.undoneAt ? t('audit.undone') : '') + (d.action === 'undo' && d.reason ? ` · ${t(`action.${d.reason}`)}` : '') }),
      el('td', { class: 'text', text: d.beforeText ?? '' }),
      el('td', { class: 'text', text: d.afterText ?? '' }),
      el('td', { text: d.action === 'undo' ? '' : (d.reason ?? '') }))));
    $('#summary').textContent = t('audit.summary', { total: page.total, from: page.total ? page.offset + 1 : 0, to: page.offset + page.items.length });
    $('#empty').classList.toggle('hidden', page.total > 0);
    $('#prev').disabled = page.offset === 0;
    $('#next').disabled = page.offset + page.items.length >= page.total;
  }
  if (state.words) $('#words-source').textContent = t(state.words.stored ? 'audit.stored' : 'audit.configured');
}

async function load() {
  try {
    state.page = await get(`/api/sessions/${state.sessionId}/moderation/audit?offset=${state.offset}&limit=${LIMIT}`);
  } catch (err) { $('#summary').textContent = err.fullMessage; }
  render();
}

async function loadWords() {
  state.words = await get('/api/moderation/sensitive-words');
  $('#words-text').value = state.words.words.join('\n');
  $('#words').classList.remove('hidden');
  $('#words-save').addEventListener('click', async () => {
    try {
      state.words = await put('/api/moderation/sensitive-words', { words: $('#words-text').value.split('\n') });
      $('#words-text').value = state.words.words.join('\n');
      toast(t('audit.saved'), 'ok');
      render();
    } catch (err) { toast(err.fullMessage, 'error'); }
  });
  render();
}

async function main() {
  applyI18n();
  bindLanguageSwitch($('#lang'));
  onLanguageChange(render);
  const me = await requireRole('Admin', 'Moderator');
  const sessions = await get('/api/sessions');
  const requested = new URLSearchParams(location.search).get('s');
  const session = sessions.find((s) => s.id === requested) ?? sessions[0];
  if (!session) { $('#summary').textContent = t('audit.empty'); return; }
  state.sessionId = session.id;
  $('#session-title').textContent = session.title;
  $('#csv').href = `/api/sessions/${session.id}/moderation/audit.csv`;
  $('#back').href = `/moderate.html?s=${session.id}`;
  $('#prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - LIMIT); load(); });
  $('#next').addEventListener('click', () => { state.offset += LIMIT; load(); });
  await load();
  if (me.roles.includes('Admin')) await loadWords().catch((err) => toast(err.fullMessage, 'error'));
}

main();
