// Calls the HTTP API with JSON in the user's language. Errors arrive as ProblemDetails and are
// thrown as ApiError, whose message is already in the user's language.
import { currentLanguage, t } from './i18n.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || t('error.generic'));
    this.status = status;
    this.problem = problem ?? {};
    this.errors = problem?.errors ?? {};
    this.code = problem?.code;
  }

  /** All field messages joined, or the general message. */
  get fullMessage() {
    const fields = Object.values(this.errors).flat();
    return fields.length ? fields.join(' ') : this.message;
  }
}

export async function api(method, url, body) {
  const headers = { Accept: 'application/json', 'Accept-Language': currentLanguage() === 'en' ? 'en' : 'zh-CN' };
  const init = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new ApiError(0, { detail: t('error.network') });
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') ?? '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export const get = (url) => api('GET', url);
export const post = (url, body = {}) => api('POST', url, body);
export const put = (url, body = {}) => api('PUT', url, body);
export const del = (url) => api('DELETE', url);

/** A random id for idempotent submissions (a retry sends the same id). */
export function newId() { return crypto.randomUUID(); }
