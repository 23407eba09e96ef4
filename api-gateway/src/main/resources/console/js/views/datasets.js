// Datasets, the first section: the source tree (depot → collection → dataset) beside the page of
// what is chosen in it. "If your source appears with datasets listed, a depot is already active."
import {el} from '../dom.js';
import {go} from '../router.js';
import {live} from '../live.js';
import {onChange} from '../state.js';
import {empty, loading} from '../states.js';
import * as catalog from './catalog-index.js';
import {treeRows} from './tree-rows.js';
import {WindowedTree} from './tree.js';
import {datasetPage} from './dataset.js';
import {depotCatalog} from './depot-catalog.js';
import {Timings} from './timings.js';

const expanded = new Set();
let filter = '';
onChange(() => {
  expanded.clear();
  catalog.clear();
  filter = '';
});

export function datasetsView(container, params) {
  const timings = new Timings();
  const tree = new WindowedTree('Source tree', {toggle, open});
  timings.attach(tree.node);
  const search = el('input', {type: 'search', id: 'dataset-filter', value: filter,
    autocomplete: 'off', placeholder: 'orders, sales, …'});
  const status = el('div', {class: 'tree-status'});
  const detail = el('section', {class: 'detail', 'aria-label': 'Selection'});
  container.append(el('h1', {}, 'Datasets'),
    el('div', {class: 'split'},
      el('section', {class: 'tree-pane', 'aria-label': 'Source tree'},
        el('label', {for: 'dataset-filter'}, 'Filter by name'), search, status, tree.node),
      detail));

  function refresh() {
    if (!live.synced) {
      status.replaceChildren(loading('Loading depots'));
      return;
    }
    const depots = live.list('depot');
    status.replaceChildren(depots.length ? '' : empty('No depots yet', 'apply one', '#/apply'));
    tree.setRows(treeRows(depots, expanded, filter));
    if (depots.length) timings.firstScreen();
  }

  function toggle(row) {
    if (expanded.has(row.key)) {
      expanded.delete(row.key);
    } else {
      expanded.add(row.key);
      timings.start('expand');
      if (row.kind === 'depot') catalog.load(row.depot);
    }
    refresh();
    if (row.kind !== 'depot' || catalog.indexOf(row.depot)) timings.stop('expand');
  }

  function open(row) {
    if (row.kind === 'depot') go(`#/datasets/depot/${encodeURIComponent(row.depot)}`);
    else if (row.kind === 'dataset') go(`#/datasets/dataset/${encodeURIComponent(row.udl)}`);
    else toggle(row);
  }

  const filterChanged = () => {
    if (filter === search.value.trim().toLowerCase()) return;
    filter = search.value.trim().toLowerCase();
    timings.start('filter');
    if (filter) live.list('depot').forEach((d) => catalog.load(d.name));
    refresh();
    timings.stop('filter');
  };
  search.addEventListener('input', filterChanged);
  search.addEventListener('change', filterChanged);

  const offs = [
    live.subscribe((resource) => {
      if (resource && resource.type === 'depot') catalog.forget(resource.name);
      if (resource && resource.type === 'depot' && expanded.has(`d:${resource.name}`)) {
        catalog.load(resource.name);
      }
      refresh();
    }),
    catalog.onLoaded((depot) => {
      refresh();
      if (catalog.indexOf(depot)) timings.stop('expand');
    }),
  ];
  reveal(params);
  refresh();
  showDetail(detail, params);
  return () => offs.forEach((off) => off());
}

/** Opens the tree down to what the page shows. */
function reveal(params) {
  const depot = params.depot || (params.udl && depotOf(params.udl));
  if (!depot) return;
  expanded.add(`d:${depot}`);
  catalog.load(depot);
  const collection = params.udl && params.udl.split('/')[3];
  if (collection) expanded.add(`c:${depot}/${collection}`);
}

function depotOf(udl) {
  const match = /^dataos:\/\/([^/:]+)/.exec(udl);
  return match ? match[1] : null;
}

function showDetail(detail, params) {
  if (params.udl) datasetPage(detail, params.udl);
  else if (params.depot) depotCatalog(detail, params.depot);
  else {
    detail.append(el('p', {class: 'hint'},
      'Choose a depot to see its scans, or a dataset to see its columns. ',
      'A depot listed with datasets is already active: no need to create another.'));
  }
}
