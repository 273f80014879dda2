// The two questions the vote panel must ask before it acts: why a subject rated before is rated
// again (the earlier result is then marked superseded), and whether an invalid result is to be
// published anyway. Each is a modal <dialog> built once and appended to <body> (vote-console.html
// has no markup for them); each returns a promise of the answer, null / false when cancelled.
import './vote-strings.js';
import { t } from '../i18n.js';
import { $, el } from '../dom.js';
import { invalidText } from '../polls/labels.js';

function dialogShell(id, ...content) {
  const dialog = el('dialog', { id, class: 'vote-dialog', 'aria-labelledby': `${id}-title` }, el('form', { method: 'dialog', novalidate: true }, content));
  document.body.append(dialog);
  return dialog;
}

/** Resolves with what done(form) returns when the form is submitted, or `cancelled` on Cancel / Escape. */
function ask(dialog, cancelled, done) {
  return new Promise((resolve) => {
    const form = $('form', dialog);
    const finish = (value) => { form.onsubmit = null; dialog.oncancel = null; $('.dialog-cancel', dialog).onclick = null; dialog.close(); resolve(value); };
    form.onsubmit = (e) => { e.preventDefault(); const value = done(form); if (value !== undefined) finish(value); };
    dialog.oncancel = (e) => { e.preventDefault(); finish(cancelled); };
    $('.dialog-cancel', dialog).onclick = () => finish(cancelled);
    dialog.showModal();
  });
}

const buttons = (submitId, submitText) => el('div', { class: 'dialog-buttons' },
  el('button', { type: 'button', class: 'dialog-cancel', text: t('common.cancel') }),
  el('button', { type: 'submit', class: 'primary', id: submitId, text: submitText }));

/** Shows the server's explanation (409 poll.alreadyEvaluated) and asks for the reason; null when cancelled. */
export function askSupersedeReason(detail) {
  $('#supersede-dialog')?.remove();
  const dialog = dialogShell('supersede-dialog',
    el('h3', { id: 'supersede-dialog-title', text: t('vote.reasonTitle') }),
    el('p', { id: 'supersede-detail', class: 'dialog-detail', text: detail }),
    el('label', { for: 'supersede-reason', text: t('vote.reasonLabel') }),
    el('textarea', {
      id: 'supersede-reason', rows: '3', maxlength: '500', required: true, 'aria-describedby': 'supersede-detail supersede-error',
      oninput: () => { $('#supersede-error').textContent = ''; },
    }),
    el('p', { id: 'supersede-error', class: 'error-text', role: 'alert' }),
    buttons('supersede-submit', t('vote.reasonSubmit')));
  const answer = ask(dialog, null, () => {
    const reason = $('#supersede-reason').value.trim();
    if (reason) return reason;
    $('#supersede-error').textContent = t('vote.reasonNeeded');
    $('#supersede-reason').focus();
    return undefined;
  });
  $('#supersede-reason').focus();
  return answer;
}

/** Lists each invalid item with its reason and asks whether to publish anyway; false when cancelled. */
export function confirmInvalidPublish(result) {
  $('#publish-dialog')?.remove();
  const invalid = result.items.filter((item) => item.verdict === 'invalid' && !item.superseded);
  const dialog = dialogShell('publish-dialog',
    el('h3', { id: 'publish-dialog-title', text: t('vote.invalidTitle') }),
    el('p', { text: t('vote.invalidIntro') }),
    el('ul', { id: 'publish-invalid', class: 'dialog-detail' }, invalid.map((item) =>
      el('li', {}, el('strong', { text: item.title }), el('span', { text: `：${invalidText(item)}` })))),
    el('p', { class: 'dialog-warning', text: t('vote.invalidWarning') }),
    buttons('publish-confirm', t('vote.publishAnyway')));
  const answer = ask(dialog, false, () => true);
  // The safe choice has the focus: Enter alone must not publish an invalid result.
  $('.dialog-cancel', dialog).focus();
  return answer;
}
