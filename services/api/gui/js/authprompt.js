// The access-token prompt: a modal dialog shown when the API answers 401
// (a server started with --auth-token). It stays until the server accepts a
// token: nothing in the GUI works without one. See auth.js.
import { h, newID } from './dom.js';

const MESSAGES = {
  missing: () => ['This server needs an access token: the one it was started with (', h('code', null, '--auth-token'), '). It is kept for this browser tab only.'],
  rejected: () => ['The saved access token is no longer accepted (the server may have been restarted with another one). Enter the current token.'],
};

/**
 * tokenPrompt shows the dialog and resolves with a token that verify(token)
 * accepted. verify resolves false for a refused token and throws when the
 * server cannot be reached.
 */
export function tokenPrompt({ reason = 'missing', verify }) {
  return new Promise((resolve) => {
    const tid = newID('dlg');
    const did = newID('desc');
    const iid = newID('token');
    const eid = newID('err');
    const err = h('p', { class: 'error-box', id: eid, role: 'alert' });
    const input = h('input', {
      id: iid, name: 'token', type: 'password', required: true, autocomplete: 'off',
      autocapitalize: 'off', spellcheck: 'false', 'aria-describedby': did,
    });
    const btn = h('button', { type: 'submit', class: 'primary', id: 'auth-submit' }, 'Continue');
    const form = h('form', { id: 'auth-form', novalidate: true },
      h('div', { class: 'field' }, h('label', { for: iid }, 'Access token'), input),
      err,
      h('div', { class: 'row' }, btn));
    const dlg = h('dialog', { id: 'auth-dialog', 'aria-labelledby': tid, 'aria-describedby': did, 'aria-modal': 'true' },
      h('h2', { id: tid }, 'Access token required'),
      h('p', { id: did, class: 'muted' }, (MESSAGES[reason] || MESSAGES.missing)()),
      form);
    let done = false;

    const fail = (msg) => {
      err.textContent = msg;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', `${did} ${eid}`);
      input.focus();
      input.select();
    };

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const token = input.value.trim();
      if (!token) { fail('Enter the access token.'); return; }
      btn.disabled = true;
      dlg.setAttribute('aria-busy', 'true');
      let ok = false;
      try {
        ok = await verify(token);
        if (!ok) fail('This token was not accepted. Check it and try again.');
      } catch {
        fail('The server cannot be reached. Is genglossary serve running?');
      } finally {
        btn.disabled = false;
        dlg.removeAttribute('aria-busy');
      }
      if (!ok) return;
      done = true;
      dlg.close();
      dlg.remove();
      resolve(token);
    });

    // Focus stays in the dialog: Tab and Shift+Tab cycle through its controls.
    dlg.addEventListener('keydown', (e) => {
      if (e.key !== 'Tab') return;
      const items = [...dlg.querySelectorAll('input, button, select, textarea, a[href]')].filter((el) => !el.disabled);
      if (items.length === 0) return;
      const first = items[0];
      const last = items[items.length - 1];
      if (e.shiftKey && (document.activeElement === first || !dlg.contains(document.activeElement))) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (document.activeElement === last || !dlg.contains(document.activeElement))) {
        e.preventDefault();
        first.focus();
      }
    });
    // Escape must not dismiss it; if the browser closes it anyway, reopen.
    dlg.addEventListener('cancel', (e) => e.preventDefault());
    dlg.addEventListener('close', () => {
      if (done) return;
      if (dlg.isConnected) dlg.showModal();
      input.focus();
    });

    document.body.appendChild(dlg);
    dlg.showModal();
    input.focus();
  });
}
