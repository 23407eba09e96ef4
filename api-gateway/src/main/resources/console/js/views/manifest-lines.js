// Where in a pasted manifest a server error points: the document (from "document N: ...") and
// the line of the field it names (spec.spec.port → the "port:" line under "spec:" under "spec:").

/** The documents of a YAML stream (split on "---" lines), each with its first line's number. */
export function documents(text) {
  const lines = text.split('\n');
  const docs = [];
  let current = {start: 0, lines: []};
  lines.forEach((line, i) => {
    if (/^---\s*$/.test(line)) {
      if (current.lines.some((l) => l.trim())) docs.push(current);
      current = {start: i + 1, lines: []};
    } else {
      current.lines.push(line);
    }
  });
  if (current.lines.some((l) => l.trim()) || !docs.length) docs.push(current);
  return docs;
}

/** The document number (1-based) a message names, or null. */
export function documentOf(message) {
  const match = /^document (\d+):/.exec(message || '');
  return match ? Number(match[1]) : null;
}

/** The line number (0-based, in the whole text) of `field` in document `number` (1-based). */
export function lineOf(text, number, field) {
  const docs = documents(text);
  const doc = docs[Math.min(Math.max(number, 1), docs.length) - 1];
  if (!field) return doc.start;
  let from = 0;
  let to = doc.lines.length;
  let indent = -1;
  let found = firstContent(doc.lines);
  for (const part of field.split('.').map((p) => p.replace(/\[\d+\]$/, ''))) {
    const hit = findKey(doc.lines, from, to, indent, part);
    if (hit === null) break;
    found = hit.line;
    if (hit.flow) break;
    indent = indentOf(doc.lines[hit.line]);
    from = hit.line + 1;
    to = blockEnd(doc.lines, from, indent);
  }
  return doc.start + found;
}

function findKey(lines, from, to, indent, key) {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const block = new RegExp(`^\\s*(- )?["']?${escaped}["']?\\s*:`);
  const flow = new RegExp(`[{,]\\s*["']?${escaped}["']?\\s*:`);
  for (let i = from; i < to; i++) {
    if (indentOf(lines[i]) > indent && block.test(lines[i])) return {line: i, flow: false};
  }
  for (let i = from; i < to; i++) {
    if (flow.test(lines[i])) return {line: i, flow: true};
  }
  return null;
}

function blockEnd(lines, from, indent) {
  for (let i = from; i < lines.length; i++) {
    if (lines[i].trim() && !lines[i].trim().startsWith('#') && indentOf(lines[i]) <= indent) return i;
  }
  return lines.length;
}

function indentOf(line) {
  return line.length - line.trimStart().length;
}

function firstContent(lines) {
  const i = lines.findIndex((l) => l.trim() && !l.trim().startsWith('#'));
  return i < 0 ? 0 : i;
}
