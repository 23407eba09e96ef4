// A refused manifest: every document's error, each under the line of the field it names.
import {el} from '../dom.js';
import {documentOf, documents, lineOf} from './manifest-lines.js';

/**
 * The errors of a refused manifest. The gateway stops at the first invalid document, so with
 * several documents each one is dry-run alone too, to show every document's error at once.
 */
export async function errorsOf(manifest, error, dryRun) {
  const first = {document: documentOf(error.message) || 1, field: error.field, message: error.message};
  const docs = /^\s*[[{]/.test(manifest) ? [] : documents(manifest);
  if (docs.length < 2) return [first];
  const each = await Promise.all(docs.map((doc, i) =>
    dryRun(doc.lines.join('\n')).then(() => null, (e) =>
      (e.status === 422 || e.status === 400 || e.status === 403)
        ? {document: i + 1, field: e.field, message: `document ${i + 1}: ${e.message}`} : null)));
  const found = each.filter(Boolean);
  return found.length ? found : [first];
}

/** The manifest with line numbers, each error right under its field's line. */
export function annotated(manifest, errors, dryRun) {
  const byLine = new Map();
  for (const error of errors) {
    const line = lineOf(manifest, error.document, error.field);
    if (!byLine.has(line)) byLine.set(line, []);
    byLine.get(line).push(error);
  }
  const items = [];
  manifest.split('\n').forEach((line, i) => {
    items.push(el('li', {class: byLine.has(i) ? 'line line-invalid' : 'line', dataset: {line: String(i + 1)}},
      el('code', {}, line || ' ')));
    for (const error of byLine.get(i) || []) {
      items.push(el('li', {class: 'field-error', role: 'alert', dataset: {field: error.field || '', line: String(i + 1)}},
        error.field ? el('strong', {}, `${error.field}: `) : null, error.message));
    }
  });
  return el('div', {class: 'manifest-errors'},
    el('p', {class: 'state state-error', id: 'apply-summary'},
      `${dryRun ? 'Not valid' : 'Not applied'}: ${errors.length} error(s). Nothing was applied.`),
    el('ol', {class: 'manifest-lines', 'aria-label': 'The manifest, with its errors'}, items));
}
