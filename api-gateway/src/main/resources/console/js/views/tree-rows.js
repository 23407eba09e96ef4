// The source tree as the rows on screen: depot → collection → dataset, only what is expanded,
// or with a filter every depot, collection and dataset whose name holds it.
import {indexOf, isLoading} from './catalog-index.js';

/**
 * depots: depot resources (live); expanded: a Set of row keys; filter: lower-case text or ''.
 * Answers [{key, level, kind, label, ...}] in display order.
 */
export function treeRows(depots, expanded, filter) {
  const rows = [];
  for (const depot of depots) {
    const index = indexOf(depot.name);
    const depotMatches = !filter || depot.name.toLowerCase().includes(filter);
    const collections = index ? filtered(index.collections, filter, depotMatches) : [];
    if (filter && !depotMatches && collections.length === 0) continue;
    const key = `d:${depot.name}`;
    const open = expanded.has(key) || Boolean(filter && collections.length && !depotMatches);
    rows.push({key, level: 1, kind: 'depot', label: depot.name, depot: depot.name,
      status: depot.status, sourceType: depot.spec && depot.spec.type, expandable: true, open,
      count: index ? index.collections.reduce((n, c) => n + c.datasets.length, 0) : null});
    if (!open) continue;
    if (!index) {
      rows.push(note(depot.name, isLoading(depot.name) ? 'Loading datasets…' : 'Expanding…'));
    } else if (index.error) {
      rows.push(note(depot.name, index.error.message, 'error'));
    } else if (index.collections.length === 0) {
      rows.push(note(depot.name, depot.status === 'active'
        ? 'No datasets yet: scanning may still run (Scan now on the depot page)'
        : `No datasets: the depot is ${depot.status}`));
    }
    for (const c of collections) {
      const ckey = `c:${depot.name}/${c.name}`;
      const copen = expanded.has(ckey) || Boolean(filter && c.matched);
      rows.push({key: ckey, level: 2, kind: 'collection', label: c.name, depot: depot.name,
        collection: c.name, expandable: true, open: copen, count: c.datasets.length});
      if (!copen) continue;
      for (const d of c.datasets) {
        rows.push({key: `s:${d.udl}`, level: 3, kind: 'dataset', label: d.name, depot: depot.name,
          udl: d.udl, datasetKind: d.kind, columns: d.columns});
      }
    }
  }
  return rows;
}

function note(depot, text, tone = 'info') {
  return {key: `n:${depot}`, level: 2, kind: 'note', label: text, tone, depot};
}

/** The collections to show: all of them, or with a filter those holding matching datasets. */
function filtered(collections, filter, depotMatches) {
  if (!filter || depotMatches) return collections;
  const out = [];
  for (const c of collections) {
    const nameMatches = c.name.toLowerCase().includes(filter);
    const datasets = nameMatches ? c.datasets : c.datasets.filter((d) => d.lname.includes(filter));
    if (datasets.length) out.push({name: c.name, datasets, matched: !nameMatches});
  }
  return out;
}
