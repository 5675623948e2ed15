// Shared widgets: state badge, error display, toast, dialogs.
import { h, clear, newID } from './dom.js';
import { ApiError } from './api.js';

export const STATE_LABELS = {
  empty: 'Empty', up_to_date: 'Up-to-date', needs_rerun: 'Needs re-run', running: 'Running', failed: 'Failed',
};

/** stateBadge renders a project state as a badge. */
export function stateBadge(state, attrs = {}) {
  const s = STATE_LABELS[state] ? state : 'empty';
  return h('span', { class: `badge state-${s}`, ...attrs }, STATE_LABELS[s]);
}

/**
 * showErrors writes err's message into box and, when form is given and err
 * carries per-field messages (a 422's "errors"), puts each one under its
 * input (aria-invalid + aria-describedby). Pass err = null to clear.
 */
export function showErrors(box, err, form = null) {
  if (form) {
    for (const el of form.querySelectorAll('.field-error')) el.remove();
    for (const el of form.querySelectorAll('[aria-invalid]')) {
      el.removeAttribute('aria-invalid');
      el.setAttribute('aria-describedby', (el.dataset.hintId || ''));
    }
  }
  if (!err) { box.replaceChildren(); return; }
  const detail = err instanceof ApiError ? err.detail : String(err.message || err);
  clear(box, detail);
  if (!form || !(err instanceof ApiError) || !err.fields) return;
  let first = null;
  for (const [name, msg] of Object.entries(err.fields)) {
    const input = form.querySelector(`[name="${CSS.escape(name)}"]`);
    if (!input) continue;
    const id = newID('err');
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', `${input.dataset.hintId || ''} ${id}`.trim());
    input.insertAdjacentElement('afterend', h('span', { class: 'field-error', id }, msg));
    first = first || input;
  }
  if (first) first.focus();
}

let toastTimer = null;
/** toast shows a short status message (announced to screen readers). */
export function toast(msg) {
  const t = document.getElementById('toast');
  t.textContent = msg;
  t.classList.add('show');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => t.classList.remove('show'), 3500);
}

/** field renders a labelled input from a spec {name,label,type,value,options,hint,...}. */
export function field(spec) {
  const id = newID(spec.name);
  let input;
  if (spec.type === 'select') {
    input = h('select', { id, name: spec.name }, spec.options.map(([v, l]) => h('option', { value: v }, l)));
    input.value = spec.value;
  } else if (spec.type === 'textarea') {
    input = h('textarea', { id, name: spec.name, rows: spec.rows || 4 });
    input.value = spec.value ?? '';
  } else {
    input = h('input', {
      id, name: spec.name, type: spec.type || 'text', value: spec.value ?? '', required: spec.required || null,
      maxlength: spec.maxlength || null, min: spec.min ?? null, max: spec.max ?? null, step: spec.step ?? null, autocomplete: 'off',
    });
  }
  let hint = null;
  if (spec.hint) {
    const hid = newID('hint');
    input.dataset.hintId = hid;
    input.setAttribute('aria-describedby', hid);
    hint = h('span', { class: 'muted', id: hid, style: null }, spec.hint);
  }
  return h('div', { class: 'field' }, h('label', { for: id }, spec.label), input, hint);
}

/** formValues reads a form's named controls. */
export function formValues(form) {
  const out = {};
  for (const el of form.elements) {
    if (!el.name) continue;
    out[el.name] = el.type === 'checkbox' ? el.checked : el.value.trim();
  }
  return out;
}

/**
 * formDialog opens a modal form; onSubmit(values) may throw an ApiError,
 * shown in the dialog next to the fields it names. The dialog closes when
 * onSubmit resolves.
 */
export function formDialog({ title, fields, submit, onSubmit, id }) {
  const tid = newID('dlg');
  const err = h('div', { class: 'error-box', role: 'alert' });
  const btn = h('button', { type: 'submit', class: 'primary' }, submit);
  const form = h('form', { method: 'dialog', novalidate: true },
    fields.map(field), err,
    h('div', { class: 'row' }, btn, h('button', { type: 'button', onclick: () => dlg.close() }, 'Cancel')));
  const dlg = h('dialog', { id, 'aria-labelledby': tid }, h('h2', { id: tid }, title), form);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    btn.disabled = true;
    try {
      await onSubmit(formValues(form));
      dlg.close();
    } catch (ex) {
      showErrors(err, ex, form);
    } finally {
      btn.disabled = false;
    }
  });
  dlg.addEventListener('close', () => dlg.remove());
  document.body.appendChild(dlg);
  dlg.showModal();
  return dlg;
}

/** confirmDialog asks a yes/no question; resolves true when confirmed. */
export function confirmDialog(message, yes = 'OK') {
  return new Promise((resolve) => {
    const tid = newID('dlg');
    let answer = false;
    const ok = h('button', { class: 'danger', id: 'confirm-yes', onclick: () => { answer = true; dlg.close(); } }, yes);
    const dlg = h('dialog', { role: 'alertdialog', 'aria-labelledby': tid, id: 'confirm-dialog' },
      h('p', { id: tid }, message),
      h('div', { class: 'row' }, ok, h('button', { onclick: () => dlg.close(), autofocus: true }, 'Cancel')));
    dlg.addEventListener('close', () => { dlg.remove(); resolve(answer); });
    document.body.appendChild(dlg);
    dlg.showModal();
  });
}
