// Small helpers for building the page from data. User text only ever goes in through
// textContent (never innerHTML), so markup in a question is shown, not run.
export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

/** el('li', { class: 'q', dataset: { id } }, 'text', childNode…) */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replaces all children of a node. */
export function replaceChildren(node, ...children) { node.replaceChildren(...children.flat().filter(Boolean)); }

/** Formats a time (Date or ISO string) as HH:mm in the local zone. */
export function hhmm(value) {
  const d = value instanceof Date ? value : new Date(value);
  return d.toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false });
}

/** mm:ss for a clock; negative values show as overtime with a minus sign. */
export function mmss(ms) {
  const sign = ms < 0 ? '-' : '';
  const total = Math.ceil(Math.abs(ms) / 1000);
  return `${sign}${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** Shows a short message in a polite live region (screen readers announce it). */
export function toast(message, kind = 'info') {
  let region = document.getElementById('toast');
  if (!region) {
    region = el('div', { id: 'toast', role: 'status', 'aria-live': 'polite' });
    document.body.append(region);
  }
  const item = el('div', { class: `toast toast-${kind}` }, message);
  region.append(item);
  setTimeout(() => item.remove(), 4000);
}
