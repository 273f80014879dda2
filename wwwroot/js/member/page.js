// What the member page's modules share: which card is shown, the screen-reader announcement, focus.
import { $ } from '../dom.js';

const SECTIONS = ['loading', 'signed-out', 'waiting', 'ballot', 'sheet', 'result'];

export function show(...ids) { for (const id of SECTIONS) $(`#${id}`).classList.toggle('hidden', !ids.includes(id)); }
export function announce(text) { $('#announce').textContent = text; }
export function focus(selector) { requestAnimationFrame(() => $(selector)?.focus()); }
