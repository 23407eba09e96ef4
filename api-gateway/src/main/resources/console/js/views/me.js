// Me: who I am (tags, use-cases, tenants) and my API keys: create (the token shown once), revoke.
import {del, get, post} from '../api.js';
import {badge, copyButton, el, facts, replace, table, when} from '../dom.js';
import {state} from '../state.js';
import {failure, load} from '../states.js';

const EXPIRY = [['30 days', 30], ['7 days', 7], ['90 days', 90], ['1 year', 365]];

export function meView(container) {
  const me = state.me;
  const keys = el('div', {id: 'api-keys'});
  const created = el('div', {id: 'api-key-created', 'aria-live': 'polite'});
  const expiry = el('select', {id: 'key-expiry'},
    EXPIRY.map(([label, days]) => el('option', {value: String(days * 86400)}, label)));
  const create = el('button', {type: 'button', id: 'create-key'}, 'Create API key');
  const base = `/api/v1/users/${encodeURIComponent(me.id)}/apikeys`;
  const show = () => load(keys, () => get(base), (answer) => keysTable(answer.items, base, show), 'Loading API keys');
  create.addEventListener('click', async () => {
    create.disabled = true;
    try {
      const key = await post(base, {expiresInSeconds: Number(expiry.value)});
      replace(created, el('div', {class: 'once', role: 'status'},
        el('p', {}, el('strong', {}, 'Your new API key, shown once: '), 'store it now; it cannot be shown again.'),
        el('p', {}, el('code', {id: 'new-token'}, key.token), ' ', copyButton(key.token, 'Copy key')),
        el('p', {class: 'hint'}, 'Key ', el('code', {id: 'new-key-id'}, key.keyId), `, expires ${key.expiresAt}.`)));
      show();
    } catch (e) {
      replace(created, failure(e));
    } finally {
      create.disabled = false;
    }
  });
  container.append(
    el('h1', {}, me.name || me.id),
    facts([
      ['User id', me.id],
      ['Type', me.type],
      ['Tenants', me.tenants.includes('*') ? 'every tenant' : me.tenants.join(', ')],
    ]),
    el('h2', {}, 'Tags'),
    list(me.tags, 'No tags.', 'tags'),
    el('h2', {}, 'Use-cases'),
    list(me.useCases, 'No use-cases.', 'use-cases'),
    el('h2', {}, 'API keys'),
    el('div', {class: 'actions'}, el('label', {for: 'key-expiry'}, 'Expires in '), expiry, create),
    created,
    keys);
  show();
}

function list(items, none, id) {
  if (!items || !items.length) return el('p', {class: 'state state-empty', id}, none);
  return el('ul', {class: 'chips', id}, items.map((t) => el('li', {}, el('code', {}, t))));
}

function keysTable(items, base, reload) {
  if (!items.length) return el('p', {class: 'state state-empty'}, 'No API keys yet: create one above.');
  return table('API keys', ['Key', 'Created', 'Expires', 'State', ''],
    items.map((k) => [el('code', {}, k.keyId), when(k.createdAt), when(k.expiresAt),
      badge(k.revoked ? 'revoked' : 'active'),
      k.revoked ? '' : revokeButton(k.keyId, base, reload)]),
    {id: 'api-keys-table'});
}

function revokeButton(keyId, base, reload) {
  const area = el('span', {});
  const ask = el('button', {type: 'button', class: 'secondary small', 'aria-label': `Revoke key ${keyId}`}, 'Revoke…');
  ask.addEventListener('click', () => {
    const confirm = el('button', {type: 'button', class: 'danger small'}, 'Revoke now');
    confirm.addEventListener('click', async () => {
      try {
        await del(`${base}/${encodeURIComponent(keyId)}`);
        reload();
      } catch (e) {
        replace(area, failure(e));
      }
    });
    replace(area, confirm);
    confirm.focus();
  });
  area.append(ask);
  return area;
}
