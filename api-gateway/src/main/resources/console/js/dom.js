// Building the page: every piece of data becomes text (textContent), never markup.

/**
 * An element: el('a', {href: '#/x', class: 'link', onclick: fn}, 'text', child, ...).
 * Attributes starting with "on" become listeners; null and false attributes are left out;
 * children are nodes or strings (strings become text nodes), arrays are flattened.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces a node's children. */
export function replace(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** A status badge: active, pending, error, deleting, ... */
export function badge(status) {
  const text = status || 'unknown';
  return el('span', {class: `badge badge-${text.replace(/[^a-z-]/g, '')}`}, text);
}

/** A table with a caption (for screen readers), headers and rows of cells (nodes or text). */
export function table(caption, headers, rows, attrs = {}) {
  return el('div', {class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': caption},
    el('table', attrs,
      el('caption', {class: 'visually-hidden'}, caption),
      el('thead', {}, el('tr', {}, headers.map((h) => el('th', {scope: 'col'}, h)))),
      el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c)))))));
}

/** A definition list from [term, value] pairs; values may be nodes. */
export function facts(pairs) {
  return el('dl', {class: 'facts'},
    pairs.filter(([, v]) => v !== undefined).map(([k, v]) =>
      [el('dt', {}, k), el('dd', {}, v === null || v === '' ? '—' : v)]));
}

/** "3 min ago" for an ISO instant or epoch millis; the exact time goes in the title. */
export function when(instant) {
  if (instant === null || instant === undefined) return '—';
  const date = new Date(instant);
  const seconds = Math.round((Date.now() - date.getTime()) / 1000);
  const text = seconds < -60 ? date.toISOString().slice(0, 10)
    : seconds < 60 ? `${Math.max(seconds, 0)} s ago`
    : seconds < 3600 ? `${Math.round(seconds / 60)} min ago`
      : seconds < 86400 ? `${Math.round(seconds / 3600)} h ago`
        : date.toISOString().slice(0, 10);
  return el('time', {datetime: date.toISOString(), title: date.toISOString()}, text);
}

/** Copies text to the clipboard; answers whether it worked. */
export async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** A button that copies `text` and says so for a moment. */
export function copyButton(text, label = 'Copy') {
  const button = el('button', {type: 'button', class: 'secondary small', 'aria-label': `${label}: ${text}`}, label);
  button.addEventListener('click', async () => {
    const ok = await copy(text);
    button.textContent = ok ? 'Copied' : 'Select and copy by hand';
    setTimeout(() => { button.textContent = label; }, 1500);
  });
  return button;
}
