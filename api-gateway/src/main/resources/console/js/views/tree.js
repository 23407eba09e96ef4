// A windowed tree: however many rows (10,000 datasets and more), only those in view are in the
// document. Keyboard: arrows move, Right/Left expand and collapse, Enter opens, Home/End.
import {badge, el} from '../dom.js';

export const ROW_HEIGHT = 30;
const OVERSCAN = 10;

export class WindowedTree {
  /** actions: {toggle(row), open(row)} */
  constructor(label, actions) {
    this.actions = actions;
    this.rows = [];
    this.active = 0;
    this.spacer = el('div', {class: 'tree-spacer'});
    this.node = el('div', {class: 'tree', role: 'tree', tabindex: 0, 'aria-label': label},
      this.spacer);
    this.node.addEventListener('scroll', () => this.schedule());
    this.node.addEventListener('keydown', (e) => this.key(e));
    this.frame = null;
  }

  /** New rows; keeps the active row by key when it is still there. */
  setRows(rows) {
    const activeKey = this.rows[this.active] && this.rows[this.active].key;
    this.rows = rows;
    const kept = rows.findIndex((r) => r.key === activeKey);
    this.active = kept >= 0 ? kept : Math.min(this.active, Math.max(rows.length - 1, 0));
    this.spacer.style.height = `${rows.length * ROW_HEIGHT}px`;
    this.draw();
  }

  schedule() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.draw();
    });
  }

  draw() {
    const top = this.node.scrollTop;
    const height = this.node.clientHeight || 600;
    const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(this.rows.length, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
    const items = [];
    for (let i = first; i < last; i++) items.push(this.item(this.rows[i], i));
    this.spacer.replaceChildren(...items);
    const active = this.rows[this.active];
    if (active) this.node.setAttribute('aria-activedescendant', rowId(this.active));
    else this.node.removeAttribute('aria-activedescendant');
  }

  item(row, i) {
    const node = el('div', {
      id: rowId(i), role: row.kind === 'note' ? 'none' : 'treeitem',
      class: `tree-row tree-${row.kind}${i === this.active ? ' tree-active' : ''}${row.tone === 'error' ? ' tree-error' : ''}`,
      'aria-level': row.level, 'aria-expanded': row.expandable ? String(row.open) : null,
      'aria-selected': i === this.active ? 'true' : 'false',
      dataset: {kind: row.kind, name: row.label, depot: row.depot, udl: row.udl || ''},
    },
    row.expandable ? el('span', {class: 'chevron', 'aria-hidden': 'true'}, row.open ? '▾' : '▸') : null,
    el('span', {class: 'tree-label'}, row.label),
    details(row));
    // CSSOM, not a style attribute: the Content-Security-Policy allows no inline style
    node.style.top = `${i * ROW_HEIGHT}px`;
    node.style.paddingLeft = `${(row.level - 1) * 1.25 + 0.5}rem`;
    node.addEventListener('click', (e) => {
      this.active = i;
      if (row.expandable && (e.target.classList.contains('chevron') || row.kind === 'collection')) {
        this.actions.toggle(row);
      } else if (row.kind !== 'note') {
        this.actions.open(row);
      }
      this.node.focus({preventScroll: true});
    });
    return node;
  }

  key(e) {
    const row = this.rows[this.active];
    const moves = {ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10};
    if (moves[e.key]) this.moveTo(this.active + moves[e.key]);
    else if (e.key === 'Home') this.moveTo(0);
    else if (e.key === 'End') this.moveTo(this.rows.length - 1);
    else if (e.key === 'ArrowRight' && row && row.expandable && !row.open) this.actions.toggle(row);
    else if (e.key === 'ArrowLeft' && row && row.expandable && row.open) this.actions.toggle(row);
    else if (e.key === 'ArrowLeft' && row) this.moveTo(this.parentOf(this.active));
    else if ((e.key === 'Enter' || e.key === ' ') && row && row.kind !== 'note') this.actions.open(row);
    else return;
    e.preventDefault();
  }

  parentOf(i) {
    const level = this.rows[i].level;
    for (let j = i - 1; j >= 0; j--) if (this.rows[j].level < level) return j;
    return i;
  }

  moveTo(i) {
    this.active = Math.max(0, Math.min(i, this.rows.length - 1));
    const top = this.active * ROW_HEIGHT;
    if (top < this.node.scrollTop) this.node.scrollTop = top;
    else if (top + ROW_HEIGHT > this.node.scrollTop + this.node.clientHeight) {
      this.node.scrollTop = top + ROW_HEIGHT - this.node.clientHeight;
    }
    this.draw();
  }
}

function rowId(i) {
  return `tree-row-${i}`;
}

function details(row) {
  if (row.kind === 'depot') {
    return el('span', {class: 'tree-meta'}, badge(row.status),
      row.sourceType ? el('span', {class: 'type'}, row.sourceType) : null,
      row.count !== null ? el('span', {class: 'count'}, `${row.count}`) : null);
  }
  if (row.kind === 'collection') return el('span', {class: 'tree-meta count'}, `${row.count}`);
  if (row.kind === 'dataset') return el('span', {class: 'tree-meta type'}, row.datasetKind);
  return null;
}
