// The gateway's API, same origin, signed in by the session cookie (HttpOnly: scripts never see it).
import {state} from './state.js';

/** An answer other than 2xx: the server's error body, or the gateway could not be reached. */
export class ApiError extends Error {
  constructor(status, code, message, field) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field || null;
  }

  get unreachable() {
    return this.status === 0;
  }

  get forbidden() {
    return this.status === 403;
  }
}

const reachability = new Set();
const signedOut = new Set();

/** fn(true|false) whenever the gateway becomes reachable or unreachable. */
export function onReachability(fn) {
  reachability.add(fn);
  return () => reachability.delete(fn);
}

/** fn(message) when a request finds the session ended (401). */
export function onSignedOut(fn) {
  signedOut.add(fn);
}

/** A path with a query; null and undefined values are left out. */
export function path(base, query = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== null && v !== undefined && v !== false) params.set(k, String(v));
  }
  const text = params.toString();
  return text ? `${base}?${text}` : base;
}

/** The request's tenant as a query parameter. */
export function inTenant(query = {}) {
  return {tenant: state.tenant, ...query};
}

/**
 * Sends a request and answers the parsed JSON body.
 * options: {body: object|string, contentType, signal}
 */
export async function request(method, url, options = {}) {
  const headers = {Accept: 'application/json'};
  let body;
  if (options.body !== undefined) {
    headers['Content-Type'] = options.contentType || 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  if (method !== 'GET' && state.csrf) headers['X-CSRF-Token'] = state.csrf;
  let response;
  try {
    response = await fetch(url, {method, headers, body, credentials: 'same-origin',
      cache: 'no-store', signal: options.signal});
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    reachability.forEach((fn) => fn(false));
    throw new ApiError(0, 'unreachable', 'The gateway is unreachable: check that Datadock runs, then retry.');
  }
  reachability.forEach((fn) => fn(true));
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (response.ok) return json;
  const error = (json && json.error) || {};
  const failure = new ApiError(response.status, error.code || `http_${response.status}`,
    error.message || `${response.status} ${response.statusText}`, error.field);
  if (response.status === 401 && !options.signIn) signedOut.forEach((fn) => fn(failure.message));
  throw failure;
}

export const get = (url, options) => request('GET', url, options);
export const post = (url, body, options = {}) => request('POST', url, {...options, body});
export const del = (url, options) => request('DELETE', url, options);
