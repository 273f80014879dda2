// Who is signed in, and sending staff pages to the sign-in page when nobody (or the wrong role) is.
import { get, post } from './api.js';

/** The page each role lands on after signing in. */
export function homeFor(roles = []) {
  if (roles.includes('Admin')) return '/admin.html';
  if (roles.includes('Chair')) return '/chair.html';
  if (roles.includes('Moderator')) return '/moderate.html';
  if (roles.includes('Clerk')) return '/clerk.html';
  if (roles.includes('Member')) return '/member.html';
  return '/';
}

/**
 * Resolves with the signed-in account when it has one of the roles; otherwise sends the browser to
 * the sign-in page (returning here afterwards) and never resolves.
 */
export async function requireRole(...roles) {
  const me = await get('/api/auth/me');
  if (me.authenticated && me.roles.some((r) => roles.includes(r))) return me;
  location.assign(`/login.html?next=${encodeURIComponent(location.pathname + location.search)}`);
  return new Promise(() => {});
}

export async function signOut() {
  await post('/api/auth/logout');
  location.assign('/login.html');
}
