// The setup page's shared state and the one way it saves: run the command, say so, reload.
import { t } from '../i18n.js';
import { $, $$, toast } from '../dom.js';

export const state = { sessions: [], sessionId: null, setup: null, groups: [], creating: false };

export const url = (path = '') => `/api/sessions/${state.sessionId}${path}`;

let reload = async () => {};

/** The page registers how to re-read the setup after a change. */
export function onReload(fn) { reload = fn; }

/** Empties every error line under root. */
export function clearErrors(root = document) {
  for (const p of $$('[data-error-for]', root)) p.textContent = '';
}

/**
 * Shows field errors beside their fields; a refusal without fields (a 409 such as member.voteOpen)
 * goes, in the server's words, to the given card's [data-error-for="_form"] line, or a toast without one.
 */
export function showError(err, root = null) {
  const scope = root ?? document;
  clearErrors(scope);
  const fields = Object.entries(err.errors ?? {});
  for (const [field, messages] of fields) {
    const target = $(`[data-error-for="${field}"]`, scope);
    if (target) target.textContent = messages.join(' ');
  }
  const unplaced = fields.filter(([f]) => !$(`[data-error-for="${f}"]`, scope));
  if (fields.length && !unplaced.length) return;
  const message = unplaced.length ? unplaced.flatMap(([, m]) => m).join(' ') : err.message;
  const line = root && $('[data-error-for="_form"]', root);
  if (line) line.textContent = message;
  else toast(message, 'error');
}

/** Runs a change, then reloads the setup so the page shows what the server holds. */
export async function change(action, message = t('admin.saved'), root = null) {
  try {
    await action();
    clearErrors(root ?? document);
    toast(message, 'ok');
    await reload();
    return true;
  } catch (err) {
    showError(err, root);
    return false;
  }
}
