// A depot in the Datasets section: status and type, "Scan now", and its recent scan runs.
import {get, inTenant, path, post} from '../api.js';
import {badge, el, replace, table, when} from '../dom.js';
import {live} from '../live.js';
import {failure, load} from '../states.js';
import * as catalog from './catalog-index.js';

const FOLLOW_MS = 1000;
const FOLLOW_TIMES = 30;

export function depotCatalog(container, name) {
  const depot = live.find('depot', name);
  const runs = el('div', {id: 'scan-runs'});
  const notice = el('p', {class: 'notice', role: 'status'});
  const scan = el('button', {type: 'button', id: 'scan-now'}, 'Scan now');
  container.append(el('article', {'aria-labelledby': 'depot-title'},
    el('h2', {id: 'depot-title'}, name, ' ', depot ? badge(depot.status) : null),
    el('p', {}, depot && depot.spec ? `${depot.spec.type} depot · ` : '',
      el('a', {href: `#/resources/depot/${encodeURIComponent(name)}`}, 'connection and check details')),
    depot && depot.details && depot.details.message
      ? el('p', {class: 'state state-error', role: 'alert'}, depot.details.message) : null,
    el('div', {class: 'actions'}, scan,
      el('button', {type: 'button', class: 'secondary', onclick: () => catalog.load(name, true)},
        'Reload datasets')),
    notice,
    el('h3', {}, 'Recent scans'),
    runs));
  const show = () => load(runs, () => get(runsUrl(name)), renderRuns, 'Loading scan runs');
  scan.addEventListener('click', () => scanNow(name, scan, notice, show));
  show();
}

function runsUrl(name) {
  return path(`/api/v1/depots/${encodeURIComponent(name)}/scans`, inTenant());
}

async function scanNow(name, button, notice, show) {
  button.disabled = true;
  const before = Date.now();
  try {
    await post(path(`/api/v1/depots/${encodeURIComponent(name)}/scan`, inTenant()));
    replace(notice, 'Scan requested; following it…');
    const run = await follow(name, before);
    await settled(name, run);
    replace(notice, 'Scan finished.');
    show();
  } catch (e) {
    replace(notice, failure(e));
  } finally {
    button.disabled = false;
  }
}

/** Waits (bounded) until a run started after `since` has finished. */
async function follow(name, since) {
  for (let i = 0; i < FOLLOW_TIMES; i++) {
    await new Promise((resolve) => setTimeout(resolve, FOLLOW_MS));
    const answer = await get(runsUrl(name));
    const run = answer.items.find((r) => Date.parse(r.startedAt) >= since - 1000);
    if (run && run.finishedAt) return run;
  }
  throw new Error('the scan did not finish within 30 s; see Recent scans');
}

/**
 * Reloads the depot's datasets until they hold what the run saw: the run and its datasets come on
 * two topics, so the datasets may reach the gateway a moment after the run.
 */
async function settled(name, run) {
  for (let i = 0; i < FOLLOW_TIMES; i++) {
    await catalog.load(name, true);
    if (run.status !== 'finished' || catalog.datasetCount(name) === run.datasetsSeen) return;
    await new Promise((resolve) => setTimeout(resolve, FOLLOW_MS / 2));
  }
}

function renderRuns(answer) {
  if (!answer.items.length) return el('p', {class: 'state state-empty'}, 'No scans yet.');
  return table('Recent scans',
    ['Status', 'Trigger', 'Started', 'Duration', 'Listed', 'Seen', 'Added', 'Changed', 'Removed', 'Errors'],
    answer.items.map((r) => [badge(r.status), r.trigger, when(r.startedAt),
      r.durationMs === null ? '—' : `${r.durationMs} ms`,
      r.objectsListed == null ? '—' : String(r.objectsListed),
      String(r.datasetsSeen), String(r.added), String(r.changed), String(r.removed),
      r.errors && r.errors.length ? el('ul', {class: 'errors'}, r.errors.map((e) => el('li', {}, typeof e === 'string' ? e : JSON.stringify(e)))) : '—']),
    {id: 'scan-runs-table'});
}
