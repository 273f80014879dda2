// The setup page's shared state and the one way it saves: run the command, say so, reload.
import { t } from '../i18n.js';
import { $, $$, toast } from '../dom.js';

export const state = { sessions: [], sessionId: null, setup: null, creating: false };

export const url = (path = '') => `/api/sessions/${state.sessionId}${path}`;

let reload = async () => {};

/** The page registers how to re-read the setup after a change. */
export function onReload(fn) { reload = fn; }

/** Shows field errors beside their fields (or a toast when a message has no field on the page). */
export function showError(err, root = document) {
  for (const p of $$('[data-error-for]', root)) p.textContent = '';
  const fields = Object.entries(err.errors ?? {});
  for (const [field, messages] of fields) {
    const target = $(`[data-error-for="${field}"]`, root);
    if (target) target.textContent = messages.join(' ');
  }
  if (!fields.length || fields.some(([f]) => !$(`[data-error-for="${f}"]`, root))) toast(err.fullMessage ?? err.message, 'error');
}

/** Runs a change, then reloads the setup so the page shows what the server holds. */
export async function change(action, message = t('admin.saved')) {
  try {
    await action();
    toast(message, 'ok');
    await reload();
    return true;
  } catch (err) {
    showError(err);
    return false;
  }
}
