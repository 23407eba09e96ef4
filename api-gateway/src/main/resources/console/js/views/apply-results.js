// The outcome of an apply per document; depots followed on the watch stream until they settle.
import {badge, el, replace, table} from '../dom.js';
import {live} from '../live.js';

const SETTLED = new Set(['active', 'error']);

/** Answers {node, stop}: the table, and how to stop following its depots. */
export function resultsTable(results, dryRun) {
  const cells = new Map();
  const rows = results.map((r, i) => {
    const status = el('span', {class: 'follow', dataset: {name: r.name, type: r.type}},
      dryRun ? '—' : badge(r.status));
    if (!dryRun && r.type === 'depot') cells.set(r.name, {cell: status, result: r});
    const link = dryRun ? r.name : el('a', {href: `#/resources/${r.type}/${encodeURIComponent(r.name)}`}, r.name);
    return [String(i + 1), link, r.type, r.outcome, status];
  });
  const node = table('Outcome per document', ['#', 'Name', 'Type', 'Outcome', 'Status'], rows, {id: 'apply-results'});
  const follow = () => {
    for (const [name, {cell, result}] of cells) {
      const depot = live.find('depot', name);
      if (!depot || Number(depot.resourceVersion) < Number(result.resourceVersion || 0)) continue;
      const message = depot.details && depot.details.message;
      replace(cell, badge(depot.status),
        SETTLED.has(depot.status) ? null : ' following…',
        depot.status === 'error' && message ? el('span', {class: 'reason'}, ` ${message}`) : null);
      if (SETTLED.has(depot.status)) cells.delete(name);
    }
  };
  const stop = cells.size ? live.subscribe(follow) : () => {};
  follow();
  return {node, stop};
}
