// The parts of a resource's page that depend on its type.
import {get, inTenant, path} from '../api.js';
import {badge, el, replace, table, when} from '../dom.js';
import {hasUseCase} from '../state.js';
import {failure} from '../states.js';

/** A depot: its connection fields, each secret reference's decision, the check's steps. */
export function depotSections(r) {
  const spec = r.spec || {};
  const details = r.details || {};
  const check = details.check;
  return [
    el('h2', {}, 'Connection'),
    table('Connection fields', ['Field', 'Value'],
      Object.entries(spec.connection || {}).map(([k, v]) => [k, text(v)]), {id: 'connection'}),
    el('h2', {}, 'Secret references'),
    (details.references || []).length
      ? table('Secret references', ['Secret', 'Purposes', 'Decision', 'Reason'],
        details.references.map((ref) => [ref.secret, (ref.purposes || []).join(', '),
          badge(ref.state), ref.reason || ref.message || '']), {id: 'references'})
      : el('p', {class: 'state state-empty'}, 'No secret references.'),
    el('h2', {}, 'Connection check'),
    details.checking ? el('p', {class: 'state state-loading', role: 'status'}, 'Checking…') : null,
    check
      ? [el('p', {}, check.passed ? 'Passed' : 'Failed', check.verified ? '' : ' (not verified: no live check for this source)',
        ` · ${check.durationMs} ms · `, when(check.checkedAt)),
      table('Check steps', ['Step', 'Result', 'Message'],
        (check.steps || []).map((s) => [s.name, badge(s.status), s.message || '']), {id: 'check-steps'})]
      : el('p', {class: 'state state-empty'}, 'Not checked yet.'),
  ];
}

/** A secret or instance secret: its keys, values as ***, and "reveal" for unsanitize-resource. */
export function secretSections(r) {
  const data = (r.spec && r.spec.data) || {};
  const keys = el('div', {id: 'secret-keys'}, keysTable(data));
  const parts = [el('h2', {}, 'Keys'), keys];
  if (hasUseCase('unsanitize-resource')) {
    const reveal = el('button', {type: 'button', class: 'secondary', id: 'reveal',
      'aria-describedby': 'reveal-hint'}, 'Reveal values');
    reveal.addEventListener('click', async () => {
      if (reveal.dataset.shown) {
        replace(keys, keysTable(data));
        reveal.textContent = 'Reveal values';
        delete reveal.dataset.shown;
        return;
      }
      try {
        const url = path(`/api/v1/resources/${encodeURIComponent(r.type)}/${encodeURIComponent(r.name)}`,
          inTenant({unsanitize: true}));
        const plain = await get(url);
        replace(keys, keysTable((plain.spec && plain.spec.data) || {}));
        reveal.textContent = 'Hide values';
        reveal.dataset.shown = 'true';
      } catch (e) {
        replace(keys, keysTable(data), failure(e));
      }
    });
    parts.push(el('p', {}, reveal, ' ', el('span', {class: 'hint', id: 'reveal-hint'},
      'Revealing is audited (purpose unsanitize).')));
  }
  return parts;
}

function keysTable(data) {
  const entries = Object.entries(data);
  if (!entries.length) return el('p', {class: 'state state-empty'}, 'No keys.');
  return table('Keys', ['Key', 'Value'], entries.map(([k, v]) => [k, el('code', {}, text(v))]), {id: 'keys'});
}

function text(v) {
  return v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v);
}
