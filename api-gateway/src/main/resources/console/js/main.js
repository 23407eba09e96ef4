// The console's entry: resume or sign in, then the sections behind hash routes.
import {onSignedOut} from './api.js';
import {live} from './live.js';
import {render, route, start, stop} from './router.js';
import {forget, resume, signOut} from './session.js';
import {shell} from './shell.js';
import {onChange, state} from './state.js';
import {failure} from './states.js';
import {signInView} from './views/signin.js';
import {datasetsView} from './views/datasets.js';
import {resourcesView} from './views/resources.js';
import {resourceView} from './views/resource.js';
import {applyView} from './views/apply.js';
import {meView} from './views/me.js';

route('/datasets', (c) => datasetsView(c, {}));
route('/datasets/depot/:depot', (c, p) => datasetsView(c, p));
route('/datasets/dataset/:udl', (c, p) => datasetsView(c, p));
route('/resources/:type', resourcesView);
route('/resources/:type/:name', resourceView);
route('/apply', applyView);
route('/me', meView);

const root = document.getElementById('app');
let dispose = null;

async function boot() {
  try {
    if (await resume()) enter();
    else showSignIn();
  } catch (e) {
    root.replaceChildren(failure(e, boot));
  }
}

function enter() {
  const frame = shell(root, async () => {
    try {
      await signOut();
    } finally {
      leave('Signed out.');
    }
  });
  dispose = frame.dispose;
  live.start(state.tenant);
  start(frame.main, '#/datasets');
}

function leave(message) {
  stop();
  live.stop();
  if (dispose) dispose();
  dispose = null;
  forget();
  showSignIn(message);
}

function showSignIn(message) {
  signInView(root, message, enter);
}

onSignedOut((message) => {
  if (state.me) leave(message);
});

onChange((reason) => {
  if (reason === 'tenant') {
    live.start(state.tenant);
    render();
  }
});

// A page left (or kept in the back/forward cache) closes its stream: browsers allow few
// connections per host, and a forgotten stream would hold one.
window.addEventListener('pagehide', () => live.stop());
window.addEventListener('pageshow', (e) => {
  if (e.persisted && state.me) live.start(state.tenant);
});

boot();
