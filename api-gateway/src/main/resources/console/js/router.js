// Hash routes (#/datasets, #/resources/depot/x): the page is one file, so links and reloads work
// without the server knowing any route.

const routes = [];
let outlet = null;
let cleanup = null;
let fallback = '#/datasets';

/** A route: pattern '/resources/:type/:name'; view(container, params) may answer a cleanup. */
export function route(pattern, view) {
  const names = [];
  const regex = new RegExp(`^${pattern.replace(/:([a-z]+)\*?/gi, (m, name) => {
    names.push(name);
    return m.endsWith('*') ? '(.+)' : '([^/]+)';
  })}$`);
  routes.push({regex, names, view});
}

export function start(container, home) {
  outlet = container;
  fallback = home;
  window.addEventListener('hashchange', render);
  render();
}

export function stop() {
  window.removeEventListener('hashchange', render);
  if (cleanup) cleanup();
  cleanup = null;
}

/** Renders the current route again (after a tenant switch). */
export function render() {
  if (!outlet) return;
  const hash = window.location.hash.slice(1) || '';
  const match = routes.map((r) => ({r, m: r.regex.exec(hash)})).find((x) => x.m);
  if (!match) {
    window.location.hash = fallback;
    return;
  }
  if (cleanup) cleanup();
  const params = {};
  match.r.names.forEach((name, i) => { params[name] = decodeURIComponent(match.m[i + 1]); });
  outlet.replaceChildren();
  const result = match.r.view(outlet, params);
  cleanup = typeof result === 'function' ? result : null;
  document.dispatchEvent(new CustomEvent('routed', {detail: hash}));
}

export function go(hash) {
  if (window.location.hash === hash) render();
  else window.location.hash = hash;
}
