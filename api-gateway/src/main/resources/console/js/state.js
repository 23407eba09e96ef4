// What the page knows about the signed-in user, in memory only: never localStorage, never the URL.

export const state = {
  /** the session's CSRF token, sent with every state-changing request */
  csrf: null,
  /** GET /api/v1/users/me */
  me: null,
  /** the tenant every view shows; chosen with the tenant switcher */
  tenant: null,
  /** the caller's tenants, for the switcher */
  tenants: [],
};

const listeners = new Set();

/** Calls fn(reason) when the tenant or the signed-in user changes. */
export function onChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function changed(reason) {
  listeners.forEach((fn) => fn(reason));
}

export function hasUseCase(name) {
  return Boolean(state.me && state.me.useCases && state.me.useCases.includes(name));
}
