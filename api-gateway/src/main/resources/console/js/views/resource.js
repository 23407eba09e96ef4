// One resource: what `datadock get --details` prints, kept current from the watch stream, and
// Delete with the server's answer shown as it is (the dependency message included).
import {del, get, inTenant, path} from '../api.js';
import {badge, el, facts, replace, when} from '../dom.js';
import {live} from '../live.js';
import {failure, load} from '../states.js';
import {depotSections, secretSections} from './resource-parts.js';

export function resourceView(container, {type, name}) {
  const url = path(`/api/v1/resources/${encodeURIComponent(type)}/${encodeURIComponent(name)}`, inTenant());
  const body = el('div', {id: 'resource-detail'});
  container.append(
    el('p', {class: 'crumbs'}, el('a', {href: `#/resources/${type}`}, 'Resources'), ` / ${type}`),
    body);
  let shown = null;
  const show = (resource) => {
    shown = resource;
    return page(resource, () => deleted(body, type));
  };
  load(body, () => get(url), show, `Loading ${type} ${name}`);
  return live.subscribe((resource) => {
    if (resource && shown && resource.type === type && resource.name === name
        && Number(resource.resourceVersion) > Number(shown.resourceVersion)) {
      replace(body, show(resource));
    }
  });
}

function page(r, onDeleted) {
  return el('article', {'aria-labelledby': 'resource-title'},
    el('h1', {id: 'resource-title'}, r.name, ' ', badge(r.status)),
    r.details && r.details.message
      ? el('p', {class: 'state state-error', role: 'alert', id: 'resource-message'}, r.details.message) : null,
    facts([
      ['Type', `${r.type}${r.spec && r.spec.type ? ` (${r.spec.type})` : ''}`],
      ['Version', r.version],
      ['Description', r.spec ? r.spec.description : null],
      ['Tenant', r.tenant],
      ['Workspace', r.workspace],
      ['Owner', r.owner],
      ['Resource version', r.resourceVersion],
      ['Created', when(r.createdAt)],
      ['Updated', when(r.updatedAt)],
    ]),
    r.type === 'depot' ? depotSections(r) : secretSections(r),
    deleteControl(r, onDeleted));
}

function deleteControl(r, onDeleted) {
  const area = el('section', {class: 'danger', 'aria-label': 'Delete'});
  const ask = el('button', {type: 'button', class: 'danger', id: 'delete'}, `Delete ${r.type}…`);
  const outcome = el('div', {id: 'delete-outcome'});
  ask.addEventListener('click', () => {
    const confirm = el('button', {type: 'button', class: 'danger', id: 'delete-confirm'}, `Delete ${r.name}`);
    const cancel = el('button', {type: 'button', class: 'secondary'}, 'Cancel');
    replace(outcome, el('p', {role: 'alertdialog', 'aria-label': 'Confirm delete'},
      `Delete ${r.type} ${r.name}? `, confirm, ' ', cancel));
    cancel.addEventListener('click', () => { replace(outcome); ask.focus(); });
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      try {
        const url = path(`/api/v1/resources/${encodeURIComponent(r.type)}/${encodeURIComponent(r.name)}`,
          inTenant());
        await del(url);
        onDeleted();
      } catch (e) {
        replace(outcome, failure(e));
      }
    });
    confirm.focus();
  });
  area.append(ask, outcome);
  return [el('h2', {}, 'Delete'), area];
}

function deleted(body, type) {
  replace(body, el('p', {class: 'notice', role: 'status', id: 'deleted'}, 'Deleted. ',
    el('a', {href: `#/resources/${type}`}, `Back to the ${type} list`)));
}
