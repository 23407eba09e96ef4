// One dataset: its UDL (to copy), kind, columns with types, nullability and primary key, row
// estimate, description, fingerprint and when it was scanned.
import {get, inTenant, path} from '../api.js';
import {copyButton, el, facts, table, when} from '../dom.js';
import {load} from '../states.js';

export function datasetPage(container, udl) {
  const url = path(`/api/v1/datasets/${encodeURIComponent(udl)}`, inTenant());
  return load(container, () => get(url), render, 'Loading the dataset');
}

function render(d) {
  const primaryKey = new Set(d.primaryKey || []);
  const columns = [...d.columns].sort((a, b) => a.position - b.position);
  return el('article', {class: 'dataset', 'aria-labelledby': 'dataset-title'},
    el('h2', {id: 'dataset-title'}, d.name),
    el('p', {class: 'udl'}, el('code', {id: 'dataset-udl'}, d.udl), ' ', copyButton(d.udl, 'Copy UDL')),
    facts([
      ['Kind', d.kind],
      ['Depot', el('a', {href: `#/datasets/depot/${encodeURIComponent(d.depot)}`}, d.depot)],
      ['Collection', d.collection],
      ['Source type', d.sourceType],
      ['Row estimate', d.rowEstimate === null ? null : Number(d.rowEstimate).toLocaleString()],
      ['Description', d.description],
      ['Fingerprint', d.fingerprint ? el('code', {class: 'fingerprint'}, d.fingerprint) : null],
      ['Scanned', when(d.scannedAt)],
    ]),
    el('h3', {}, `Columns (${columns.length})`),
    table('Columns', ['#', 'Name', 'Type', 'Nullable', 'Primary key'],
      columns.map((c) => [String(c.position), c.name, el('code', {}, c.type),
        c.nullable ? 'yes' : 'no', primaryKey.has(c.name) ? 'PK' : '']),
      {id: 'columns'}),
    properties(d.properties));
}

function properties(props) {
  const entries = Object.entries(props || {});
  if (!entries.length) return null;
  return [el('h3', {}, 'Properties'), facts(entries.map(([k, v]) => [k, String(v)]))];
}
