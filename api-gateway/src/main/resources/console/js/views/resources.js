// Secrets, instance secrets and depots of the tenant, as the CLI lists them, kept current by the
// watch stream: a change shows as it happens, with no reload and no polling.
import {badge, el, replace, table, when} from '../dom.js';
import {live} from '../live.js';
import {state} from '../state.js';
import {empty, loading} from '../states.js';

export const TYPES = [
  ['depot', 'Depots'],
  ['secret', 'Secrets'],
  ['instance-secret', 'Instance secrets'],
];
let scope = 'mine';

export function resourcesView(container, {type}) {
  if (!TYPES.some(([t]) => t === type)) {
    container.append(empty(`Unknown resource type '${type}'`, 'see depots', '#/resources/depot'));
    return undefined;
  }
  const label = TYPES.find(([t]) => t === type)[1];
  const body = el('div', {id: 'resource-list'});
  const scopes = ['mine', 'all'].map((s) => el('button', {type: 'button', class: 'secondary small',
    'aria-pressed': String(s === scope), dataset: {scope: s},
    onclick: () => { scope = s; scopes.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.scope === scope))); draw(); }},
  s === 'mine' ? 'Mine' : 'All'));
  container.append(
    el('h1', {}, 'Resources'),
    el('nav', {class: 'tabs', 'aria-label': 'Resource types'}, TYPES.map(([t, text]) =>
      el('a', {href: `#/resources/${t}`, 'aria-current': t === type ? 'page' : null}, text))),
    el('div', {class: 'toolbar'}, el('span', {role: 'group', 'aria-label': 'Whose'}, scopes),
      el('a', {href: '#/apply', class: 'button-link'}, 'Apply a manifest')),
    body);

  let changedKey = null;
  function draw() {
    if (!live.synced) {
      replace(body, loading(`Loading ${label.toLowerCase()}`));
      return;
    }
    const items = live.list(type).filter((r) => scope === 'all' || r.owner === state.me.id);
    if (!items.length) {
      replace(body, empty(`No ${label.toLowerCase()} ${scope === 'mine' ? 'of yours ' : ''}yet`, 'apply one', '#/apply'));
      return;
    }
    replace(body, table(label, ['Name', 'Version', 'Type', 'Workspace', 'Status', 'Owner', 'Updated'],
      items.map((r) => [
        el('a', {href: `#/resources/${type}/${encodeURIComponent(r.name)}`}, r.name),
        r.version, (r.spec && r.spec.type) || '—', r.workspace || '—', badge(r.status), r.owner,
        when(r.updatedAt)]),
      {id: 'resources-table', 'data-type': type}));
    if (changedKey) flash(body, changedKey);
  }
  const off = live.subscribe((resource) => {
    changedKey = resource && resource.type === type ? resource.name : null;
    draw();
  });
  draw();
  return off;
}

function flash(body, name) {
  for (const link of body.querySelectorAll('tbody a')) {
    if (link.textContent === name) link.closest('tr').classList.add('changed');
  }
}
