// The datasets of each depot, loaded on demand (when a depot is expanded or a filter needs it)
// and kept for the tenant's session in this page; what the tree is built from.
import {get, inTenant, path} from '../api.js';

const indexes = new Map();
const loading = new Map();
const listeners = new Set();

/** { status, collections: [{name, datasets: [{name, udl, kind, columns, lname}]}], error } */
export function indexOf(depot) {
  return indexes.get(depot) || null;
}

export function isLoading(depot) {
  return loading.has(depot);
}

/** Loads (once, or again with force) a depot's datasets; listeners hear when it arrives. */
export function load(depot, force = false) {
  if (!force && (indexes.has(depot) || loading.has(depot))) return loading.get(depot);
  const started = performance.now();
  const promise = get(path('/api/v1/datasets', inTenant({depot})))
    .then((answer) => {
      for (const c of answer.collections) {
        for (const d of c.datasets) d.lname = d.name.toLowerCase();
      }
      indexes.set(depot, {status: answer.status, collections: answer.collections,
        loadMs: Math.round(performance.now() - started)});
    })
    .catch((e) => indexes.set(depot, {status: null, collections: [], error: e}))
    .finally(() => {
      loading.delete(depot);
      listeners.forEach((fn) => fn(depot));
    });
  loading.set(depot, promise);
  listeners.forEach((fn) => fn(depot));
  return promise;
}

export function forget(depot) {
  indexes.delete(depot);
}

export function clear() {
  indexes.clear();
}

export function onLoaded(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function datasetCount(depot) {
  const index = indexes.get(depot);
  return index ? index.collections.reduce((n, c) => n + c.datasets.length, 0) : null;
}
