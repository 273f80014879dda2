// The admin's setup page: pick or create a session, edit its details, clock settings and rule set,
// its departments, agenda and (read-only) roster, and move it between states.
import './strings.js';
import '../chair/strings.js';
import '../screen/public-session.js';
import { applyI18n, bindLanguageSwitch, onLanguageChange, t } from '../i18n.js';
import { get, post, put } from '../api.js';
import { $, $$, el, replaceChildren, toast } from '../dom.js';
import { state, url, showError, change, onReload } from './store.js';
import { requireRole, signOut } from '../auth.js';
import { renderDepartments, renderAgenda, renderRoster, fillAgendaSelects, bindAddForms } from './lists.js';

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
  form.ruleSet.value = s?.ruleSet ?? 'rate';
  form.rateThreshold.value = Math.round((s?.rateThreshold ?? 0.8) * 100);
  form.quorumShare.value = Math.round((s?.quorumShare ?? 0.5) * 100);
  form.namedVoting.checked = s?.namedVoting ?? false;
  for (const p of $$('[data-error-for]', form)) p.textContent = '';
}

function readSettings() {
  const form = $('#settings');
  const number = (input) => (input.value === '' ? null : Number(input.value));
  const share = (input) => (input.value === '' ? null : Number(input.value) / 100);
  return {
    title: form.title.value, topic: form.topic.value, description: form.description.value,
    scheduledStart: form.scheduledStart.value ? new Date(form.scheduledStart.value).toISOString() : null,
    streamUrl: form.streamUrl.value.trim() || null,
    askSeconds: number(form.askSeconds), answerSeconds: number(form.answerSeconds), followUpSeconds: number(form.followUpSeconds),
    followUpAllowed: form.followUpAllowed.checked, ruleSet: form.ruleSet.value,
    rateThreshold: share(form.rateThreshold), quorumShare: share(form.quorumShare), namedVoting: form.namedVoting.checked,
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
  for (const card of ['#departments-card', '#agenda-card', '#roster-card']) $(card).classList.toggle('hidden', state.creating || !state.sessionId);
}

function render() {
  renderToolbar();
  if (state.creating || !state.setup) return;
  renderDepartments(state.setup.departments);
  fillAgendaSelects(state.setup.departments);
  renderAgenda(state.setup.agenda, state.setup.departments);
  renderRoster(state.setup.roster);
}

async function loadSetup() {
  if (!state.sessionId) return;
  state.setup = await get(url('/setup'));
  render();
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
  for (const p of $$('[data-error-for]', $('#settings'))) p.textContent = '';
  try {
    if (state.creating) {
      const created = await post('/api/sessions', body);
      toast(t('admin.created'), 'ok');
      await loadSessions();
      await choose(created.id);
    } else {
      await put(url(), body);
      toast(t('admin.saved'), 'ok');
      await Promise.all([loadSessions(), loadSetup()]);
    }
  } catch (err) {
    showError(err, $('#settings'));
  }
}

async function main() {
  applyI18n();
  bindLanguageSwitch($('#lang'));
  onLanguageChange(render);
  await requireRole('Admin');
  $('#sign-out').addEventListener('click', signOut);
  $('#settings').addEventListener('submit', saveSettings);
  bindAddForms();
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
