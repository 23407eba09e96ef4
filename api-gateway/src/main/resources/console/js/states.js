// The states every view shows the same way: loading, empty, error, forbidden, unreachable.
import {el} from './dom.js';

export function loading(what = 'Loading') {
  return el('p', {class: 'state state-loading', role: 'status'}, `${what}…`);
}

/** Nothing to show, and what to do about it: empty('No depots yet', 'apply one', '#/apply'). */
export function empty(text, action, href) {
  return el('p', {class: 'state state-empty'}, text,
    action ? [': ', el('a', {href}, action)] : null);
}

/** A failed request, as the server said it; 403 says which role is missing. */
export function failure(error, retry) {
  if (error && error.forbidden) {
    return el('div', {class: 'state state-forbidden', role: 'alert'},
      el('strong', {}, 'Forbidden. '), error.message,
      el('p', {class: 'hint'}, 'Ask an operator for the role or use-case named above.'));
  }
  const unreachable = error && error.unreachable;
  return el('div', {class: `state ${unreachable ? 'state-unreachable' : 'state-error'}`, role: 'alert'},
    el('strong', {}, unreachable ? 'Gateway unreachable. ' : 'Error. '),
    error ? error.message : 'Something went wrong.',
    retry ? [' ', el('button', {type: 'button', class: 'secondary small', onclick: retry}, 'Retry')] : null);
}

/**
 * Shows loading in `container`, then what render(result) builds, or the failure.
 * Answers the result (or undefined after a failure).
 */
export async function load(container, fetcher, render, what) {
  container.replaceChildren(loading(what));
  try {
    const result = await fetcher();
    container.replaceChildren(render(result));
    return result;
  } catch (e) {
    container.replaceChildren(failure(e, () => load(container, fetcher, render, what)));
    return undefined;
  }
}
