// The rule settings of the setup page: every choice is a named preset from GET /api/rule-presets
// (never a typed decimal), the rule in force is spelled out under them, and once the sitting has
// gone live the whole fieldset is locked.
import { t } from '../i18n.js';
import { get } from '../api.js';
import { $, el, replaceChildren } from '../dom.js';
import { words } from '../polls/labels.js';

// 参加测评人数下限 counts people, so never valid ballots (the server refuses that base too).
const TURNOUT_BASES = ['roster', 'present'];
const FIELDS = ['ruleSet', 'bar', 'barBase', 'turnout', 'turnoutBase'];
const CHECKS = ['namedVoting', 'allowBlankItems'];

let presets = null;
let saved = null;   // the settings the server holds (null while creating a session)

export async function loadPresets() {
  presets = await get('/api/rule-presets');
}

const form = () => $('#settings');
const nameOf = (list, key, keyField = 'key') => list.find((o) => o[keyField] === key);

function options(select, list, keyField, value, missingName, frozen = false) {
  const opts = list.map((o) => el('option', { value: o[keyField], text: words(o, 'name') }));
  // A stored fraction no preset names (a session migrated from a typed decimal): show it; before the
  // sitting the admin picks a preset to save, once live it stays as it is.
  if (value && !list.some((o) => o[keyField] === value)) opts.unshift(el('option', { value, text: value }));
  if (!value && missingName) opts.unshift(el('option', { value: '', text: frozen ? missingName : t('admin.presetMissing', { name: missingName }) }));
  replaceChildren(select, opts);
  select.value = value ?? '';
}

/** Fills the rule inputs from settings (or the presets' default for a new session). */
export function fillRules(settings) {
  saved = settings;
  const rule = settings?.rule ?? presets.default;
  const f = form();
  const value = {
    ruleSet: settings?.ruleSet ?? rule.ruleSet,
    bar: settings ? settings.bar : rule.bar.preset,
    barBase: settings?.barBase ?? rule.barBase,
    turnout: settings ? settings.turnout : rule.turnout.preset,
    turnoutBase: settings?.turnoutBase ?? rule.turnoutBase,
  };
  options(f.ruleSet, presets.ruleSets, 'key', value.ruleSet);
  const frozen = settings?.rulesFrozen ?? false;
  options(f.bar, presets.thresholds, 'preset', value.bar, words(rule.bar, 'name'), frozen);
  options(f.barBase, presets.bases, 'key', value.barBase);
  options(f.turnout, presets.thresholds, 'preset', value.turnout, words(rule.turnout, 'name'), frozen);
  options(f.turnoutBase, presets.bases.filter((b) => TURNOUT_BASES.includes(b.key)), 'key', value.turnoutBase);
  f.namedVoting.checked = settings?.namedVoting ?? false;
  f.allowBlankItems.checked = settings?.allowBlankItems ?? true;
  lock(settings?.rulesFrozen ?? false);
  describe();
}

export const RULE_FIELDS = [...FIELDS, ...CHECKS];

/**
 * True when a full PUT cannot carry the saved rule: the sitting is live and the bar or minimum
 * turnout is a fraction no preset names (a PUT needs a preset key, and any other is a change).
 */
export function unsayableRule(settings) {
  return !!settings?.rulesFrozen && (!settings.bar || !settings.turnout);
}

/** The rule fields of a PUT/POST body. */
export function readRules() {
  const f = form();
  const body = Object.fromEntries(FIELDS.map((k) => [k, f[k].value || null]));
  for (const k of CHECKS) body[k] = f[k].checked;
  return body;
}

/** After a reload: a sitting that has gone live locks the rules, and shows them as saved. */
export function refreshFrozen(settings) {
  if (settings.rulesFrozen && !saved?.rulesFrozen) fillRules(settings);
  else { saved = settings; describe(); }
}

function lock(frozen) {
  for (const k of [...FIELDS, ...CHECKS]) form()[k].disabled = frozen;
  $('#rules-frozen').classList.toggle('hidden', !frozen);
  $('#rules').dataset.frozen = String(frozen);
}

function changed() {
  if (!saved) return false;
  const now = readRules();
  return FIELDS.some((k) => (now[k] ?? null) !== (saved[k] ?? null)) || CHECKS.some((k) => now[k] !== saved[k]);
}

/** The rule in one sentence, built from the chosen presets in the words the server uses (RuleWords). */
function sentence() {
  const r = readRules();
  return t(r.ruleSet === 'majority' ? 'admin.sentence.majority' : 'admin.sentence.rate', {
    ruleSet: words(nameOf(presets.ruleSets, r.ruleSet), 'name'),
    bar: words(nameOf(presets.thresholds, r.bar, 'preset'), 'name'),
    barBase: words(nameOf(presets.bases, r.barBase), 'name'),
    turnout: words(nameOf(presets.thresholds, r.turnout, 'preset'), 'name'),
    turnoutBase: words(nameOf(presets.bases, r.turnoutBase), 'name'),
  });
}

const SEP = () => t('admin.ruleSep');

function extras(source) {
  return `${t(source.namedVoting ? 'admin.ruleNamed' : 'admin.ruleSecret')}${SEP()}${t(source.allowBlankItems ? 'admin.ruleBlankAllowed' : 'admin.ruleBlankNotAllowed')}`;
}

/** Shows the saved rule (rule.textZh) and, after a change, what saving would make it. */
export function describe() {
  if (!presets) return;
  const lines = [];
  if (saved) lines.push(el('p', { id: 'rule-now', text: t('admin.ruleNow', { text: `${words(saved.rule)}${SEP()}${extras(saved)}` }) }));
  if (!saved || changed()) {
    lines.push(el('p', { id: 'rule-new', class: saved ? 'rule-new' : '', text: saved
      ? t('admin.ruleNew', { text: `${sentence()}${SEP()}${extras(readRules())}` })
      : `${sentence()}${SEP()}${extras(readRules())}` }));
  }
  replaceChildren($('#rule-text'), lines);
}

export function bindRules() {
  for (const k of [...FIELDS, ...CHECKS]) form()[k].addEventListener('change', describe);
}

/** Re-labels the options in the page's language, keeping what is chosen. */
export function relabel() {
  if (!presets) return;
  const chosen = readRules();
  const keep = saved;
  fillRules(keep);
  const f = form();
  for (const k of FIELDS) f[k].value = chosen[k] ?? '';
  for (const k of CHECKS) f[k].checked = chosen[k];
  describe();
}
