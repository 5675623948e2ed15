// GenGlossary GUI entry point: a hash router over two screens, the
// projects home and a project view (see project.js).
import { h, clear, fmtTime, newID } from './dom.js';
import { api, listAll, Capabilities, ApiError } from './api.js';
import { ProjectView } from './project.js';
import { stateBadge, showErrors, toast, formDialog, confirmDialog } from './ui.js';
import { setPrompt } from './auth.js';
import { tokenPrompt } from './authprompt.js';

// A 401 (serve --auth-token) opens the token prompt; set before any request.
setPrompt(tokenPrompt);

const main = () => document.getElementById('main');
const caps = Capabilities.load();
let view = null; // the open ProjectView, kept while only its tab changes

/** parseRoute reads #/p/{pid}/{tab}/{arg} or #/ (home). */
function parseRoute() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'p' && parts[1]) return { name: 'project', pid: parts[1], tab: parts[2] || 'files', arg: parts[3] || '' };
  return { name: 'home', select: new URLSearchParams(location.hash.split('?')[1] || '').get('select') || '' };
}

async function route() {
  const r = parseRoute();
  if (r.name === 'project') {
    if (view && view.pid === r.pid) {
      view.show(r.tab, r.arg);
      return;
    }
    if (view) view.dispose();
    view = new ProjectView(r.pid, await caps, main());
    await view.start(r.tab, r.arg);
    return;
  }
  if (view) { view.dispose(); view = null; }
  await renderHome(r.select);
}

// ---- Projects home -------------------------------------------------------

async function renderHome(selectID) {
  const el = main();
  document.title = 'Projects - GenGlossary';
  const c = await caps;
  const err = h('div', { class: 'error-box', role: 'alert' });
  const listBox = h('div', { 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading projects…'));
  const card = h('aside', { class: 'card', 'aria-label': 'Selected project' }, h('p', { class: 'muted' }, 'Select a project to see its overview.'));
  const newBtn = h('button', { class: 'primary', id: 'new-project', onclick: () => newProjectDialog() }, 'New project');
  clear(el, h('div', { class: 'home' },
    h('section', { 'aria-labelledby': 'projects-h' },
      h('div', { class: 'row' }, h('h1', { id: 'projects-h' }, 'Projects'), h('span', { class: 'spacer' }), newBtn),
      err, listBox),
    card));

  let projects;
  try {
    projects = await listAll('/api/projects');
  } catch (e) {
    showErrors(err, e);
    listBox.replaceChildren();
    return;
  }
  listBox.removeAttribute('aria-busy');
  if (projects.length === 0) {
    clear(listBox, h('p', { class: 'notice' }, 'No projects yet. Create one with "New project", then add documents.'));
    return;
  }
  projects.sort((a, b) => String(b.updated_at).localeCompare(String(a.updated_at)));
  const rows = new Map();
  const select = (p) => {
    for (const [id, tr] of rows) {
      tr.classList.toggle('selected', id === p.id);
      tr.setAttribute('aria-selected', String(id === p.id));
    }
    renderCard(card, p, c, err);
    history.replaceState(null, '', `#/?select=${encodeURIComponent(p.id)}`);
  };
  const tbody = h('tbody');
  for (const p of projects) {
    const open = h('a', { href: `#/p/${p.id}/files`, class: 'project-link' }, p.name);
    const tr = h('tr', {
      tabindex: '0', 'aria-selected': 'false', dataset: { id: p.id },
      onclick: (e) => { if (e.target !== open) select(p); },
      onkeydown: (e) => {
        if (e.target !== tr) return;
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(p); }
        if (e.key === 'ArrowDown' && tr.nextElementSibling) { e.preventDefault(); tr.nextElementSibling.focus(); }
        if (e.key === 'ArrowUp' && tr.previousElementSibling) { e.preventDefault(); tr.previousElementSibling.focus(); }
      },
    },
    h('td', null, open),
    h('td', { class: 'hide-narrow' }, fmtTime(p.updated_at)),
    h('td', { class: 'num' }, p.document_count),
    h('td', { class: 'num' }, p.term_count),
    h('td', { class: 'num hide-narrow' }, p.issue_count),
    h('td', null, stateBadge(p.state)));
    rows.set(p.id, tr);
    tbody.appendChild(tr);
  }
  clear(listBox, h('table', { id: 'projects-table', 'aria-label': 'Projects (select a row for its overview)' },
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col', class: 'hide-narrow' }, 'Last update'),
      h('th', { scope: 'col', class: 'num' }, 'Documents'), h('th', { scope: 'col', class: 'num' }, 'Terms'),
      h('th', { scope: 'col', class: 'num hide-narrow' }, 'Issues'), h('th', { scope: 'col' }, 'State'))),
    tbody));
  const pre = projects.find((p) => p.id === selectID) || projects[0];
  select(pre);
}

function renderCard(card, p, c, err) {
  const lr = p.last_run;
  const canClone = c.has('POST', '/api/projects/{pid}/clone');
  const cardErr = h('div', { class: 'error-box', role: 'alert' });
  clear(card,
    h('h2', null, p.name),
    h('dl', null,
      h('dt', null, 'State'), h('dd', null, stateBadge(p.state)),
      h('dt', null, 'LLM provider'), h('dd', null, p.llm_provider || 'builtin'),
      h('dt', null, 'Model'), h('dd', null, p.llm_model || '—'),
      h('dt', null, 'Base URL'), h('dd', null, p.llm_base_url || '—'),
      h('dt', null, 'Documents'), h('dd', null, p.document_count),
      h('dt', null, 'Terms / issues'), h('dd', null, `${p.term_count} / ${p.issue_count}`),
      h('dt', null, 'Last run'), h('dd', null, lr ? `${lr.scope}: ${lr.status}${lr.finished_at ? ', ' + fmtTime(lr.finished_at) : ''}` : 'never'),
      h('dt', null, 'Created'), h('dd', null, fmtTime(p.created_at))),
    h('div', { class: 'row' },
      h('a', { class: 'button primary', href: `#/p/${p.id}/files`, id: 'open-project' }, 'Open'),
      h('button', {
        id: 'clone-project', disabled: !canClone,
        title: canClone ? null : 'Cloning is not available on this server version',
        onclick: () => cloneDialog(p),
      }, 'Clone'),
      h('button', { class: 'danger', id: 'delete-project', onclick: () => deleteProject(p, cardErr) }, 'Delete')),
    canClone ? null : h('p', { class: 'muted', style: null }, 'Clone: not available on this server version.'),
    cardErr);
}

function providerFields(values = {}) {
  const prov = values.llm_provider || 'builtin';
  return [
    { name: 'name', label: 'Name', value: values.name || '', required: true, maxlength: 100 },
    { name: 'llm_provider', label: 'LLM provider', type: 'select', value: prov, options: [['builtin', 'builtin (offline, no model)'], ['openai', 'openai (OpenAI-compatible endpoint)']] },
    { name: 'llm_model', label: 'Model', value: values.llm_model || '', hint: 'Required for openai, e.g. gpt-4o-mini or qwen2.5:7b' },
    { name: 'llm_base_url', label: 'Base URL', value: values.llm_base_url || '', type: 'url', hint: 'e.g. http://localhost:11434/v1; API keys come from the runner\'s environment' },
  ];
}

function newProjectDialog() {
  formDialog({
    title: 'New project', submit: 'Create', id: 'new-project-dialog', fields: providerFields(),
    onSubmit: async (v) => {
      const body = { name: v.name, llm_provider: v.llm_provider };
      if (v.llm_model) body.llm_model = v.llm_model;
      if (v.llm_base_url) body.llm_base_url = v.llm_base_url;
      const p = await api('POST', '/api/projects', body);
      location.hash = `#/p/${p.id}/files`;
    },
  });
}

function cloneDialog(p) {
  formDialog({
    title: `Clone "${p.name}"`, submit: 'Clone', id: 'clone-dialog',
    fields: [{ name: 'new_name', label: 'New name', value: `${p.name} (copy)`, required: true, maxlength: 100 }],
    onSubmit: async (v) => {
      const np = await api('POST', `/api/projects/${p.id}/clone`, { new_name: v.new_name });
      toast(`Cloned into "${np.name || v.new_name}"`);
      location.hash = `#/?select=${encodeURIComponent(np.id)}`;
      route();
    },
  });
}

async function deleteProject(p, errBox) {
  const ok = await confirmDialog(`Delete project "${p.name}" with its documents and results? This cannot be undone.`, 'Delete');
  if (!ok) return;
  try {
    await api('DELETE', `/api/projects/${p.id}`);
    toast(`Deleted "${p.name}"`);
    history.replaceState(null, '', '#/');
    route();
  } catch (e) {
    showErrors(errBox, e);
  }
}

window.addEventListener('hashchange', () => { route().catch(fatal); });
route().catch(fatal);

function fatal(e) {
  console.error(e);
  const el = main();
  el.appendChild(h('p', { class: 'error-box', role: 'alert' }, e instanceof ApiError ? e.detail : `Unexpected error: ${e.message}`));
}

export { route, newID };
