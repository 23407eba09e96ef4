// How long the tree takes, written on the tree element (data-first-screen-ms, data-expand-ms,
// data-filter-ms) once the browser has painted: what the browser tests and the benchmark read.

let firstScreenDone = false;

export class Timings {
  constructor() {
    this.started = {};
    this.node = null;
  }

  attach(node) {
    this.node = node;
  }

  start(what) {
    this.started[what] = performance.now();
  }

  /** Records what started, once painted. */
  stop(what) {
    const started = this.started[what];
    if (started === undefined) return;
    delete this.started[what];
    afterPaint(() => this.write(what, performance.now() - started));
  }

  /** The first time this page shows the depots: milliseconds since navigation began. */
  firstScreen() {
    if (firstScreenDone) return;
    firstScreenDone = true;
    afterPaint(() => this.write('firstScreen', performance.now()));
  }

  write(what, ms) {
    const name = what.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    if (this.node) this.node.setAttribute(`data-${name}-ms`, String(Math.round(ms)));
  }
}

function afterPaint(fn) {
  requestAnimationFrame(() => setTimeout(fn, 0));
}
