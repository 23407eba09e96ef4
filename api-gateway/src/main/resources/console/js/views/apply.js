// Apply: paste or upload a manifest (several documents allowed), validate it with the dry run
// (each error shown at its field), apply it, and follow each depot until it settles.
import {inTenant, path, post} from '../api.js';
import {el, replace} from '../dom.js';
import {state} from '../state.js';
import {failure} from '../states.js';
import {annotated, errorsOf} from './apply-errors.js';
import {resultsTable} from './apply-results.js';

let draft = '';

export function applyView(container) {
  const text = el('textarea', {id: 'manifest', rows: 16, spellcheck: 'false', 'aria-describedby': 'manifest-hint'});
  text.value = draft;
  text.addEventListener('input', () => { draft = text.value; });
  const file = el('input', {type: 'file', id: 'manifest-file', accept: '.yaml,.yml,.json,application/yaml,application/json'});
  file.addEventListener('change', async () => {
    if (!file.files.length) return;
    text.value = await file.files[0].text();
    draft = text.value;
  });
  const validate = el('button', {type: 'button', id: 'validate', class: 'secondary'}, 'Validate');
  const apply = el('button', {type: 'button', id: 'apply'}, 'Apply');
  const outcome = el('section', {id: 'apply-outcome', 'aria-live': 'polite', 'aria-label': 'Outcome'});
  container.append(
    el('h1', {}, 'Apply'),
    el('label', {for: 'manifest'}, `Manifest for tenant ${state.tenant}`),
    el('p', {class: 'hint', id: 'manifest-hint'},
      'YAML or JSON; several documents separated by ---. Nothing is applied unless every document is valid.'),
    text,
    el('div', {class: 'actions'},
      el('label', {for: 'manifest-file', class: 'file-label'}, 'Upload a file '), file,
      validate, apply),
    outcome);

  let stopFollowing = () => {};
  async function send(dryRun) {
    const manifest = text.value;
    if (!manifest.trim()) {
      replace(outcome, el('p', {class: 'field-error', role: 'alert'}, 'Paste or upload a manifest first.'));
      return;
    }
    stopFollowing();
    validate.disabled = apply.disabled = true;
    text.removeAttribute('aria-invalid');
    replace(outcome, el('p', {class: 'state state-loading', role: 'status'}, dryRun ? 'Validating…' : 'Applying…'));
    try {
      const answer = await submit(manifest, dryRun);
      const table = resultsTable(answer.results, dryRun);
      stopFollowing = table.stop;
      replace(outcome, el('p', {class: 'notice', role: 'status', id: 'apply-summary'},
        dryRun ? `Valid: ${answer.results.length} document(s). Nothing was applied.`
          : `Applied ${answer.results.length} document(s).`), table.node);
    } catch (e) {
      if (e.status === 422 || e.status === 400 || (e.status === 403 && e.field)) {
        const errors = await errorsOf(manifest, e, (doc) => submit(doc, true));
        text.setAttribute('aria-invalid', 'true');
        replace(outcome, annotated(manifest, errors, dryRun));
        const first = outcome.querySelector('.field-error');
        if (first) first.scrollIntoView({block: 'center'});
      } else {
        replace(outcome, failure(e));
      }
    } finally {
      validate.disabled = apply.disabled = false;
    }
  }
  validate.addEventListener('click', () => send(true));
  apply.addEventListener('click', () => send(false));
  return () => stopFollowing();
}

function submit(manifest, dryRun) {
  const json = /^\s*[[{]/.test(manifest);
  return post(path('/api/v1/resources', inTenant({dryRun})), manifest,
    {contentType: json ? 'application/json' : 'application/yaml'});
}
