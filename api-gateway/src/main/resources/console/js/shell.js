// The frame around every view: tenant switcher, live indicator, sign out, the navigation.
import {el, replace} from './dom.js';
import {live} from './live.js';
import {onReachability} from './api.js';
import {state} from './state.js';
import {switchTenant} from './session.js';

const SECTIONS = [
  ['#/datasets', 'Datasets'],
  ['#/resources/depot', 'Resources'],
  ['#/apply', 'Apply'],
  ['#/me', 'Me'],
];

/** Builds the frame in `root`; answers the element views render into, and how to take it down. */
export function shell(root, onSignOut) {
  const main = el('main', {id: 'main', tabindex: '-1'});
  const banner = el('div', {class: 'banner', role: 'alert', hidden: true},
    'The gateway is unreachable. Showing what was last loaded; retrying.');
  const indicator = el('span', {class: 'live live-off', role: 'status', 'aria-live': 'polite'});
  const nav = el('nav', {'aria-label': 'Sections'},
    el('ul', {}, SECTIONS.map(([href, label]) => el('li', {}, el('a', {href, class: 'nav-link'}, label)))));
  const skip = el('a', {href: '#main', class: 'skip', onclick: (e) => { e.preventDefault(); main.focus(); }},
    'Skip to content');
  replace(root, el('div', {class: 'app'},
    skip,
    el('header', {class: 'topbar'},
      el('span', {class: 'brand'}, 'Datadock'),
      tenantSwitcher(),
      indicator,
      el('span', {class: 'who', title: 'signed in as'}, state.me.name || state.me.id),
      el('button', {type: 'button', class: 'secondary small', id: 'sign-out', onclick: onSignOut}, 'Sign out')),
    banner, nav, main));

  const showStatus = () => {
    indicator.className = `live live-${live.status}`;
    indicator.textContent = live.status === 'live' ? 'live' : live.status === 'off' ? '' : 'reconnecting…';
  };
  const routed = (e) => markCurrent(nav, e.detail);
  const offs = [
    live.subscribe(showStatus),
    onReachability((reachable) => { banner.hidden = reachable; }),
    () => document.removeEventListener('routed', routed),
  ];
  document.addEventListener('routed', routed);
  showStatus();
  return {main, dispose: () => offs.forEach((off) => off())};
}

function tenantSwitcher() {
  const select = el('select', {id: 'tenant', onchange: (e) => switchTenant(e.target.value)},
    state.tenants.map((t) => el('option', {value: t, selected: t === state.tenant}, t)));
  return el('label', {class: 'tenant'}, 'Tenant ', select);
}

function markCurrent(nav, hash) {
  for (const link of nav.querySelectorAll('a')) {
    const section = link.getAttribute('href').slice(1).split('/')[1];
    if (hash.split('/')[1] === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}
