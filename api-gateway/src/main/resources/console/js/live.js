// The tenant's resources, kept current by the watch stream (Server-Sent Events): no polling.
// The browser reconnects by itself sending Last-Event-ID; when the stream is refused (the
// gateway restarting, a 503) it is reopened here with since=<last event id>, so no change is lost.
import {get, path} from './api.js';

const MAX_BACKOFF_MS = 15000;

export function keyOf(resource) {
  return `${resource.type}/${resource.workspace || ''}/${resource.name}`;
}

class Live {
  constructor() {
    this.items = new Map();
    this.listeners = new Set();
    this.source = null;
    this.tenant = null;
    this.lastId = null;
    this.synced = false;
    this.status = 'off';
    this.backoff = 1000;
    this.timer = null;
  }

  /** Follows `tenant`'s resources from now on (a snapshot first). */
  start(tenant) {
    this.stop();
    this.tenant = tenant;
    this.items.clear();
    this.lastId = null;
    this.synced = false;
    this.open();
  }

  stop() {
    clearTimeout(this.timer);
    if (this.source) this.source.close();
    this.source = null;
    this.setStatus('off');
  }

  open() {
    const url = path('/api/v1/watch', {tenant: this.tenant, since: this.lastId});
    const source = new EventSource(url, {withCredentials: true});
    this.source = source;
    this.setStatus('connecting');
    source.addEventListener('open', () => {
      this.backoff = 1000;
      this.setStatus('live');
    });
    for (const type of ['added', 'modified', 'deleted']) {
      source.addEventListener(type, (e) => this.change(type, e));
    }
    source.addEventListener('reset', () => {
      this.items.clear();
      this.synced = false;
    });
    source.addEventListener('synced', (e) => {
      this.lastId = e.lastEventId || this.lastId;
      this.synced = true;
      this.notify(null);
    });
    source.addEventListener('error', () => this.failed(source));
  }

  change(type, event) {
    const resource = JSON.parse(event.data);
    this.lastId = event.lastEventId || this.lastId;
    if (type === 'deleted') this.items.delete(keyOf(resource));
    else this.items.set(keyOf(resource), resource);
    if (this.synced) this.notify(resource);
  }

  failed(source) {
    if (source !== this.source) return;
    if (source.readyState === EventSource.CONNECTING) {
      this.setStatus('reconnecting');
      return;
    }
    // Refused (not 200): find out whether the session ended (then sign-in shows), else retry.
    source.close();
    this.setStatus('reconnecting');
    this.timer = setTimeout(async () => {
      try {
        await get('/api/v1/session');
      } catch (e) {
        if (e.status === 401) return;
      }
      if (source === this.source) this.open();
    }, this.backoff);
    this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
  }

  setStatus(status) {
    this.status = status;
    this.notify(null);
  }

  notify(resource) {
    this.listeners.forEach((fn) => fn(resource));
  }

  /** fn(changedResource | null) on every change once synced, and on status changes. */
  subscribe(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  list(type) {
    return [...this.items.values()].filter((r) => r.type === type)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  find(type, name) {
    return [...this.items.values()].find((r) => r.type === type && r.name === name) || null;
  }
}

export const live = new Live();
