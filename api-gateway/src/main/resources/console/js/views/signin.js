// Sign in with an API key or the admin token. The key is posted once and then forgotten by the
// page: the gateway keeps it and answers an HttpOnly session cookie.
import {el, replace} from '../dom.js';
import {signIn} from '../session.js';

export function signInView(root, message, onSignedIn) {
  const input = el('input', {id: 'token', name: 'token', type: 'password', autocomplete: 'off',
    required: true, spellcheck: 'false', 'aria-describedby': 'token-hint'});
  const error = el('p', {class: 'field-error', id: 'sign-in-error', role: 'alert'});
  const button = el('button', {type: 'submit'}, 'Sign in');
  const form = el('form', {class: 'sign-in', method: 'post', 'aria-labelledby': 'sign-in-title'},
    el('h1', {id: 'sign-in-title'}, 'Datadock'),
    message ? el('p', {class: 'notice', role: 'status'}, message) : null,
    el('label', {for: 'token'}, 'API key or admin token'),
    input,
    el('p', {class: 'hint', id: 'token-hint'},
      'An API key (datadock user apikey create) or the admin token the launcher printed. ',
      'It is sent once and kept by the gateway, never stored in this browser.'),
    error,
    button);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const token = input.value.trim();
    if (!token) return;
    button.disabled = true;
    error.textContent = '';
    try {
      await signIn(token);
      input.value = '';
      onSignedIn();
    } catch (failure) {
      error.textContent = failure.message;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    } finally {
      button.disabled = false;
    }
  });
  replace(root, el('div', {class: 'sign-in-page'}, form));
  input.focus();
}
