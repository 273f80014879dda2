// The admin's setup page: pick or create a session, edit its details, clock settings and rules
// (named presets only, locked once the sitting has gone live), its departments, agenda, evaluator
// groups and roster, and move it between states. Settings save with a full PUT of all 16 fields.
import './strings.js';
import '../chair/strings.js';
import '../screen/public-session.js';
import { applyI18n, bindLanguageSwitch, onLanguageChange, t } from '../i18n.js';
import { api, get, post, put } from '../api.js';
import { $, el, replaceChildren, toast } from '../dom.js';
import { state, url, showError, clearErrors, change, onReload } from './store.js';
import { requireRole, signOut } from '../auth.js';
import { renderDepartments, renderAgenda, renderRoster, fillAgendaSelects, bindAddForms } from './lists.js';
import { renderGroups, bindGroupForms } from './groups.js';
import { RULE_FIELDS, bindRules, fillRules, loadPresets, readRules, refreshFrozen, relabel, unsayableRule } from './rules.js';

const MOVES = { draft: ['openForQuestions', 'live'], openForQuestions: ['live', 'draft', 'ended'], live: ['paused', 'ended'], paused: ['live', 'ended'], ended: [] };

function localInput(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

function fillSettings(s) {
  const form = $('#settings');
  form.title.value = s?.title ?? '';
  form.topic.value = s?.topic ?? '';
  form.description.value = s?.description ?? '';
  form.scheduledStart.value = localInput(s?.scheduledStart);
  form.streamUrl.value = s?.streamUrl ?? '';
  form.askSeconds.value = s?.askSeconds ?? 120;
  form.answerSeconds.value = s?.answerSeconds ?? 300;
  form.followUpSeconds.value = s?.followUpSeconds ?? 120;
  form.followUpAllowed.checked = s?.followUpAllowed ?? true;
  fillRules(s);
  clearErrors(form);
  $('#rules-error').textContent = '';
}

function readSettings() {
  const form = $('#settings');
  const number = (input) => (input.value === '' ? null : Number(input.value));
  // Every one of the 16 fields, so a PUT never erases what the form did not show.
  return {
    title: form.title.value, topic: form.topic.value, description: form.description.value,
    scheduledStart: form.scheduledStart.value ? new Date(form.scheduledStart.value).toISOString() : null,
    streamUrl: form.streamUrl.value.trim() || null,
    askSeconds: number(form.askSeconds), answerSeconds: number(form.answerSeconds), followUpSeconds: number(form.followUpSeconds),
    followUpAllowed: form.followUpAllowed.checked, ...readRules(),
  };
}

function renderToolbar() {
  const select = $('#session-select');
  replaceChildren(select, state.sessions.map((s) => el('option', { value: s.id, text: `${s.title} · ${t(`state.${s.state}`)}` })));
  if (state.creating) select.append(el('option', { value: '', text: t('admin.newTitle') }));
  select.value = state.creating ? '' : state.sessionId ?? '';
  const s = state.setup?.settings;
  $('#state').textContent = s && !state.creating ? t(`state.${s.state}`) : '';
  replaceChildren($('#transitions'), s && !state.creating ? MOVES[s.state].map((to) =>
    el('button', { type: 'button', dataset: { to }, text: t(`admin.moveTo.${to}`), onclick: () => change(() => post(url('/transitions'), { to })).then(loadSessions) })) : []);
  for (const [id, page] of [['#link-chair', 'chair'], ['#link-screen', 'screen'], ['#link-overlay', 'overlay']]) {
    $(id).href = state.sessionId ? `/${page}.html?s=${state.sessionId}` : `/${page}.html`;
  }
  $('#link-member-links').href = state.sessionId ? `/member-links.html?s=${state.sessionId}` : '/member-links.html';
  for (const card of ['#departments-card', '#agenda-card', '#groups-card', '#roster-card']) $(card).classList.toggle('hidden', state.creating || !state.sessionId);
}

function render() {
  renderToolbar();
  if (state.creating || !state.setup) return;
  renderDepartments(state.setup.departments);
  fillAgendaSelects(state.setup.departments);
  renderAgenda(state.setup.agenda, state.setup.departments);
  renderGroups(state.groups);
  renderRoster(state.setup.roster);
}

async function loadSetup() {
  if (!state.sessionId) return;
  [state.setup, state.groups] = await Promise.all([get(url('/setup')), get(url('/evaluator-groups'))]);
  render();
  // Going live (from this page or elsewhere) locks the rules: show it without a reload.
  if (!state.creating) refreshFrozen(state.setup.settings);
}

async function loadSessions() {
  state.sessions = await get('/api/sessions');
  renderToolbar();
}

async function choose(id) {
  state.creating = false;
  state.sessionId = id;
  history.replaceState(null, '', `?s=${id}`);
  await loadSetup();
  fillSettings(state.setup.settings);
}

async function saveSettings(event) {
  event.preventDefault();
  const body = readSettings();
  clearErrors($('#settings'));
  $('#rules-error').textContent = '';
  try {
    if (state.creating) {
      const created = await post('/api/sessions', body);
      toast(t('admin.created'), 'ok');
      await loadSessions();
      await choose(created.id);
    } else {
      // Normally a full PUT. A live session whose stored bar no preset names cannot say its rule in a
      // PUT, so its other fields go by PATCH (all of them, still erasing nothing) and the rule stays.
      if (unsayableRule(state.setup.settings)) {
        for (const k of RULE_FIELDS) delete body[k];
        await api('PATCH', url(), { ...body, streamUrl: body.streamUrl ?? '' });   // PATCH keeps a null; '' clears
      } else {
        await put(url(), body);
      }
      toast(t('admin.saved'), 'ok');
      await Promise.all([loadSessions(), loadSetup()]);
      fillSettings(state.setup.settings);
    }
  } catch (err) {
    // The rules were locked meanwhile (the sitting went live): say so by the rules, in the server's words.
    if (err.code === 'session.rulesFrozen') {
      $('#rules-error').textContent = err.message;
      await loadSetup().catch(() => {});
    } else {
      showError(err, $('#settings'));
    }
  }
}

async function main() {
  applyI18n();
  bindLanguageSwitch($('#lang'));
  onLanguageChange(() => { render(); relabel(); });
  await requireRole('Admin');
  await loadPresets();
  bindRules();
  $('#sign-out').addEventListener('click', signOut);
  $('#settings').addEventListener('submit', saveSettings);
  bindAddForms();
  bindGroupForms();
  onReload(loadSetup);
  $('#session-select').addEventListener('change', (e) => { if (e.target.value) choose(e.target.value); });
  $('#new-session').addEventListener('click', () => {
    state.creating = true;
    fillSettings(null);
    renderToolbar();
    $('#f-title').focus();
  });
  await loadSessions();
  const requested = new URLSearchParams(location.search).get('s');
  const first = state.sessions.find((s) => s.id === requested) ?? state.sessions[0];
  if (first) await choose(first.id);
  else { toast(t('admin.noSessions')); $('#new-session').click(); }
}

main();
