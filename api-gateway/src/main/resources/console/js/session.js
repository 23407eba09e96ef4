// Signing in and out. The key goes once, in a POST body, to /api/v1/session; the gateway answers
// an HttpOnly cookie (invisible to scripts) and a CSRF token this page keeps in memory.
import {del, get, post} from './api.js';
import {changed, state} from './state.js';

/** Whether the session cookie still signs this browser in (after a reload). */
export async function resume() {
  try {
    const session = await get('/api/v1/session', {signIn: true});
    await begin(session);
    return true;
  } catch (e) {
    if (e.status === 401) return false;
    throw e;
  }
}

export async function signIn(token) {
  const session = await post('/api/v1/session', {token}, {signIn: true});
  await begin(session);
}

export async function signOut() {
  try {
    await del('/api/v1/session');
  } finally {
    forget();
  }
}

/** Drops everything known about the user (signed out, or the session ended). */
export function forget() {
  state.csrf = null;
  state.me = null;
  state.tenant = null;
  state.tenants = [];
}

async function begin(session) {
  state.csrf = session.csrfToken;
  state.me = await get('/api/v1/users/me');
  state.tenants = await tenantsOf(state.me);
  state.tenant = state.tenants.includes(session.defaultTenant)
    ? session.defaultTenant : state.tenants[0] || session.defaultTenant;
}

/** The caller's tenants; a member of every tenant (the operator) gets them listed. */
async function tenantsOf(me) {
  if (!me.tenants.includes('*')) return [...me.tenants].sort();
  const answer = await get('/api/v1/tenants');
  return answer.items.map((t) => t.name).sort();
}

export function switchTenant(tenant) {
  state.tenant = tenant;
  changed('tenant');
}
