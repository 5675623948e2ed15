// The project tabs. Each renders into a fresh box from the API; ctx holds
// pid, project, caps (which routes this server has), arg (from the URL),
// view (the ProjectView: startRun, refreshProject, onProject) and alive().
import { h, clear, fmtBytes, fmtTime } from './dom.js';
import { api, listAll, ApiError, download } from './api.js';
import { showErrors, toast, field, formValues, confirmDialog } from './ui.js';

const P = '/api/projects/{pid}';

// ---- shared pieces ---------------------------------------------------------

/** unavailable says plainly that this server has no route for a tab. */
function unavailable(box, title, route) {
  clear(box, h('h2', null, title),
    h('p', { class: 'notice', id: 'not-available' },
      `${title} is not available on this server version: it has no `, h('code', null, route),
      ' route (see /api/openapi.json). Runs still work; their results will show here once the server offers this route.'));
}

function rerunButton(ctx, scope, label, errBox) {
  return h('button', { class: 'rerun', 'data-scope': scope, onclick: () => ctx.view.startRun(scope, errBox) }, label);
}

/** termOf reads a term's text whatever the payload calls it. */
const termOf = (x) => x.term_text ?? x.term ?? x.term_name ?? '';
const occCount = (x) => x.occurrence_count ?? x.occurrences_count ?? (Array.isArray(x.occurrences) ? x.occurrences.length : x.frequency ?? 0);
const firstDoc = (x) => x.first_document ?? (Array.isArray(x.documents) ? x.documents[0] : '') ?? '';
const conf = (c) => (typeof c === 'number' ? c.toFixed(2) : '');

/**
 * table renders rows the keyboard can select (Tab to a row, Enter/Space
 * selects, arrows move). onSelect(item, tr) is called on selection.
 */
function table(id, label, columns, items, onSelect) {
  const tbody = h('tbody');
  let selected = null;
  const select = (item, tr) => {
    if (selected) { selected.classList.remove('selected'); selected.setAttribute('aria-selected', 'false'); }
    selected = tr;
    tr.classList.add('selected');
    tr.setAttribute('aria-selected', 'true');
    onSelect(item, tr);
  };
  for (const item of items) {
    const tr = h('tr', {
      tabindex: onSelect ? '0' : null, 'aria-selected': onSelect ? 'false' : null,
      onclick: onSelect ? () => select(item, tr) : null,
      onkeydown: onSelect ? (e) => {
        if (e.target !== tr) return;
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(item, tr); }
        if (e.key === 'ArrowDown' && tr.nextElementSibling) { e.preventDefault(); tr.nextElementSibling.focus(); }
        if (e.key === 'ArrowUp' && tr.previousElementSibling) { e.preventDefault(); tr.previousElementSibling.focus(); }
      } : null,
    }, columns.map((c) => h('td', { class: c.num ? 'num' : (c.cls || null) }, c.cell(item))));
    tbody.appendChild(tr);
  }
  const t = h('table', { id, 'aria-label': label },
    h('thead', null, h('tr', null, columns.map((c) => h('th', { scope: 'col', class: c.num ? 'num' : (c.cls || null) }, c.title)))),
    tbody);
  t.selectFirst = () => { if (items.length) select(items[0], tbody.firstChild); };
  return t;
}

function occurrenceList(occs, limit = 50) {
  if (!occs || occs.length === 0) return h('p', { class: 'muted' }, 'No occurrences recorded.');
  return h('ul', { class: 'occ-list', 'aria-label': 'Occurrences' }, occs.slice(0, limit).map((o) =>
    h('li', { class: 'occ' }, h('code', null, `${o.document}:${o.line}`), h('span', { class: 'ctx' }, o.context || ''))),
  occs.length > limit ? h('li', { class: 'muted' }, `… and ${occs.length - limit} more`) : null);
}

async function loadList(box, ctx, path) {
  try {
    return await listAll(path.replace('{pid}', ctx.pid));
  } catch (e) {
    box.appendChild(h('p', { class: 'error-box', role: 'alert' }, e instanceof ApiError ? e.detail : e.message));
    return null;
  }
}

// ---- Files -------------------------------------------------------------------

async function filesTab(box, ctx) {
  if (ctx.arg) return fileView(box, ctx, ctx.arg);
  const errBox = h('div', { class: 'error-box', role: 'alert', id: 'upload-error' });
  const input = h('input', { type: 'file', id: 'file-input', multiple: true, accept: '.md,.markdown,.mdx,.rst,.rest,.adoc,.asciidoc,.html,.htm,.txt,text/markdown,text/x-rst,text/asciidoc,text/html,text/plain', class: 'sr-only', tabindex: '-1' });
  input.addEventListener('change', () => { if (input.files.length) upload([...input.files]); });
  const pick = h('button', { id: 'choose-files', onclick: () => input.click() }, 'Choose files…');
  const status = h('span', { class: 'muted', role: 'status', 'aria-live': 'polite', id: 'upload-status' });
  const zone = h('div', { class: 'dropzone', id: 'dropzone', 'aria-describedby': 'drop-hint' },
    h('p', { id: 'drop-hint' }, 'Drop Markdown (.md, .markdown, .mdx), reStructuredText (.rst), AsciiDoc (.adoc), HTML (.html), .txt or README and INSTALL files (README.Debian too) here (several at once), or '), pick, input, ' ', status);
  zone.addEventListener('dragover', (e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    const files = [...(e.dataTransfer?.files || [])];
    if (files.length) upload(files);
  });
  const listBox = h('div');
  clear(box, h('div', { class: 'tab-head' }, h('h2', null, 'Files'), h('span', { class: 'spacer' })), zone, errBox, listBox);

  async function upload(files) {
    showErrors(errBox, null);
    status.textContent = `Uploading ${files.length} file(s)…`;
    const failed = [];
    if (ctx.caps.has('POST', `${P}/files/bulk`)) {
      const fd = new FormData();
      for (const f of files) fd.append('files', f, f.name);
      try {
        const res = await api('POST', `/api/projects/${ctx.pid}/files/bulk`, fd);
        if (res && res.extract_started === false && res.reason) toast(`Files added; extract not started: ${res.reason}`);
        else if (res && res.extract_started) toast('Files added; an incremental extract started');
        if (res && res.run) ctx.view.onRun(res.run);
      } catch (e) {
        failed.push(`${e.problem?.file_name ? e.problem.file_name + ': ' : ''}${e.detail || e.message}`);
      }
    } else {
      for (const f of files) {
        const fd = new FormData();
        fd.append('file', f, f.name);
        try {
          await api('POST', `/api/projects/${ctx.pid}/files`, fd);
        } catch (e) {
          failed.push(`${f.name}: ${e.detail || e.message}`);
        }
      }
    }
    input.value = '';
    status.textContent = failed.length ? '' : `Added ${files.length} file(s).`;
    if (failed.length) clear(errBox, h('ul', null, failed.map((m) => h('li', null, m))));
    await renderList();
    ctx.view.refreshProject();
  }

  async function renderList() {
    const items = await loadList(listBox, ctx, `${P}/files`);
    if (!items || !ctx.alive()) return;
    items.sort((a, b) => a.file_name.localeCompare(b.file_name));
    const hasReflected = items.some((d) => 'reflected' in d);
    clear(listBox, items.length === 0 ? h('p', { class: 'notice' }, 'No documents yet: add Markdown or text files above.') :
      table('files-table', `Files (${items.length})`, [
        { title: 'Name', cell: (d) => h('a', { href: `#/p/${ctx.pid}/files/${d.id}`, class: 'file-link' }, d.file_name) },
        { title: 'Size', num: true, cell: (d) => fmtBytes(d.size) },
        { title: 'SHA-256', cls: 'hide-narrow', cell: (d) => h('code', { title: d.sha256 }, d.sha256.slice(0, 12)) },
        hasReflected ? { title: 'In terms', cell: (d) => (d.reflected ? 'reflected' : h('span', { class: 'badge state-needs_rerun' }, 'needs re-run')) } : null,
        { title: 'Actions', cell: (d) => h('button', { class: 'danger delete-file', 'aria-label': `Delete ${d.file_name}`, onclick: () => del(d) }, 'Delete') },
      ].filter(Boolean), items, null));
  }

  async function del(d) {
    if (!(await confirmDialog(`Delete "${d.file_name}" from the project?`, 'Delete'))) return;
    try {
      await api('DELETE', `/api/projects/${ctx.pid}/files/${d.id}`);
      toast(`Deleted ${d.file_name}`);
      await renderList();
      ctx.view.refreshProject();
    } catch (e) {
      showErrors(errBox, e);
    }
  }
  await renderList();
}

async function fileView(box, ctx, fid) {
  clear(box, h('p', { class: 'muted' }, 'Loading…'));
  let d;
  try {
    d = await api('GET', `/api/projects/${ctx.pid}/files/${fid}`);
  } catch (e) {
    clear(box, h('a', { href: `#/p/${ctx.pid}/files` }, '← All files'), h('p', { class: 'error-box', role: 'alert' }, e.detail || e.message));
    return;
  }
  clear(box,
    h('div', { class: 'tab-head' }, h('a', { href: `#/p/${ctx.pid}/files` }, '← All files'), h('h2', { id: 'file-title' }, d.file_name),
      h('span', { class: 'muted' }, `${fmtBytes(d.size)}, added ${fmtTime(d.created_at)}`),
      h('a', { href: `#/p/${ctx.pid}/viewer/${d.id}` }, 'Open in document viewer')),
    h('pre', { class: 'doc', id: 'file-content', tabindex: '0', 'aria-labelledby': 'file-title' }, d.content));
}

// ---- Terms ---------------------------------------------------------------------

async function termsTab(box, ctx) {
  if (!ctx.caps.has('GET', `${P}/terms`)) return unavailable(box, 'Terms', 'GET /api/projects/{pid}/terms');
  const errBox = h('div', { class: 'error-box', role: 'alert', id: 'terms-error' });
  const search = h('input', { type: 'search', id: 'terms-search', placeholder: 'Filter terms', 'aria-label': 'Filter terms by text' });
  const catSel = h('select', { id: 'terms-category', 'aria-label': 'Filter by category' }, h('option', { value: '' }, 'All categories'));
  const listBox = h('div');
  const detail = h('aside', { class: 'card detail', id: 'term-detail', 'aria-label': 'Term details' }, h('p', { class: 'muted' }, 'Select a term for its occurrences.'));
  const extras = h('div', { class: 'term-extras' });
  const canAdd = ctx.caps.has('POST', `${P}/terms`);
  const addForm = canAdd ? h('form', { class: 'row', id: 'term-add', 'aria-label': 'Add a term' },
    h('input', { name: 'term_text', 'aria-label': 'New term', placeholder: 'New term', required: true }),
    h('button', { type: 'submit' }, 'Add term')) : null;
  if (addForm) {
    addForm.addEventListener('submit', async (e) => {
      e.preventDefault();
      const v = formValues(addForm);
      try {
        await api('POST', `/api/projects/${ctx.pid}/terms`, { term_text: v.term_text });
        toast(`Added "${v.term_text}"`);
        ctx.view.renderTab();
      } catch (ex) { showErrors(errBox, ex, addForm); }
    });
  }
  clear(box, h('div', { class: 'tab-head' }, h('h2', null, 'Terms'), search, catSel, h('span', { class: 'spacer' }),
    rerunButton(ctx, 'extract', 'Re-extract', errBox)), addForm, errBox,
  h('div', { class: 'split' }, listBox, detail), extras);
  const items = await loadList(listBox, ctx, `${P}/terms`);
  if (!items || !ctx.alive()) return;
  for (const c of [...new Set(items.map((t) => t.category).filter(Boolean))].sort()) catSel.appendChild(h('option', { value: c }, c));
  const draw = () => {
    const q = search.value.trim().toLowerCase();
    const shown = items.filter((t) => (!q || termOf(t).toLowerCase().includes(q)) && (!catSel.value || t.category === catSel.value));
    clear(listBox, items.length === 0 ? h('p', { class: 'notice' }, 'No terms yet: run Full or Extract.') :
      h('p', { class: 'muted', role: 'status' }, `${shown.length} of ${items.length} terms`),
    shown.length ? table('terms-table', 'Terms', [
      { title: 'Term', cell: (t) => h('span', null, termOf(t), t.required ? [' ', h('span', { class: 'badge state-up_to_date' }, 'required')] : null, t.manual ? [' ', h('span', { class: 'badge state-empty' }, 'manual')] : null) },
      { title: 'Category', cell: (t) => t.category || '' },
      { title: 'Occurrences', num: true, cell: occCount },
      { title: 'First document', cls: 'hide-narrow', cell: firstDoc },
    ], shown, (t) => termDetail(detail, ctx, t, errBox)) : null);
  };
  search.addEventListener('input', draw);
  catSel.addEventListener('change', draw);
  draw();
  await termExtras(extras, ctx, errBox);
}

// termExtras lists excluded terms and synonym groups with their controls.
async function termExtras(box, ctx, errBox) {
  const base = `/api/projects/${ctx.pid}`;
  const parts = [];
  const reload = () => ctx.view.renderTab();
  if (ctx.caps.has('GET', `${P}/excluded-terms`)) {
    const ex = await loadList(box, ctx, `${P}/excluded-terms`);
    if (ex) {
      const canDel = ctx.caps.has('DELETE', `${P}/excluded-terms/{id}`);
      parts.push(h('details', { class: 'card', id: 'excluded-terms' }, h('summary', null, `Excluded terms (${ex.length})`),
        ex.length ? h('ul', null, ex.map((x) => h('li', null, `${x.term_text} `, h('span', { class: 'muted' }, `(${x.source})`), ' ',
          canDel ? h('button', { 'aria-label': `Include ${x.term_text} again`, onclick: async () => {
            // An automatic exclusion (a common noun) is undone by making
            // the term required: the next extract would exclude it again.
            try { await api('DELETE', `${base}/excluded-terms/${x.id}`); toast(x.source === 'auto' ? `"${x.term_text}" is now a required term` : `"${x.term_text}" included again; re-run to apply`); reload(); } catch (e) { showErrors(errBox, e); }
          } }, 'Include again') : null))) : h('p', { class: 'muted' }, 'None.')));
    }
  }
  if (ctx.caps.has('GET', `${P}/synonym-groups`)) {
    const groups = await loadList(box, ctx, `${P}/synonym-groups`);
    if (groups) {
      const form = h('form', { id: 'synonym-add', class: 'row', 'aria-label': 'New synonym group' },
        h('input', { name: 'primary', 'aria-label': 'Primary term', placeholder: 'Primary term' }),
        h('input', { name: 'members', 'aria-label': 'Members, comma-separated', placeholder: 'Members, comma-separated' }),
        h('button', { type: 'submit' }, 'Add group'));
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        const v = formValues(form);
        try {
          await api('POST', `${base}/synonym-groups`, { primary: v.primary, members: v.members.split(/[,、]/).map((m) => m.trim()).filter(Boolean) });
          toast('Synonym group added; re-run to apply');
          reload();
        } catch (ex) { showErrors(errBox, ex, form); }
      });
      parts.push(h('details', { class: 'card', id: 'synonym-groups' }, h('summary', null, `Synonym groups (${groups.length})`),
        h('ul', null, groups.map((g) => h('li', null, h('strong', null, g.primary), ` = ${g.members.join(', ')} `,
          h('button', { 'aria-label': `Delete synonym group ${g.primary}`, onclick: async () => {
            try { await api('DELETE', `${base}/synonym-groups/${g.id}`); reload(); } catch (e) { showErrors(errBox, e); }
          } }, 'Delete')))),
        ctx.caps.has('POST', `${P}/synonym-groups`) ? form : null));
    }
  }
  if (ctx.alive()) clear(box, parts);
}

async function termDetail(card, ctx, t, errBox) {
  clear(card, h('h3', null, termOf(t)), h('p', { class: 'muted' }, 'Loading…'));
  let full = t;
  try { full = await api('GET', `/api/projects/${ctx.pid}/terms/${t.id}`); } catch (e) { showErrors(errBox, e); }
  const base = `/api/projects/${ctx.pid}`;
  const name = termOf(full);
  const actions = [];
  const act = (label, id, fn, cls) => actions.push(h('button', { id, class: cls || null, onclick: async () => {
    try { await fn(); toast(`${label}: ${name}`); ctx.view.renderTab(); } catch (e) { showErrors(errBox, e); }
  } }, label));
  if (ctx.caps.has('POST', `${P}/excluded-terms`)) {
    act('Exclude', 'term-exclude', () => api('POST', `${base}/excluded-terms`, { term_text: name }));
  }
  if (full.required && ctx.caps.has('DELETE', `${P}/required-terms/{id}`)) {
    act('Not required', 'term-unrequire', async () => {
      const req = (await listAll(`${base}/required-terms`)).find((q) => q.term_text === name);
      if (req) await api('DELETE', `${base}/required-terms/${req.id}`);
    });
  } else if (!full.required && ctx.caps.has('POST', `${P}/required-terms`)) {
    act('Required', 'term-require', () => api('POST', `${base}/required-terms`, { term_text: name }));
  }
  if (ctx.caps.has('DELETE', `${P}/terms/{id}`)) act('Delete', 'term-delete', () => api('DELETE', `${base}/terms/${t.id}`), 'danger');
  let editForm = null;
  if (ctx.caps.has('PATCH', `${P}/terms/{id}`)) {
    editForm = h('form', { id: 'term-edit', 'aria-label': `Edit ${name}` },
      field({ name: 'term_text', label: 'Term', value: name, maxlength: 200 }),
      field({ name: 'category', label: 'Category', type: 'select', value: full.category || 'technical_term',
        options: ['person_name', 'place_name', 'organization', 'title', 'technical_term', 'common_noun'].map((c) => [c, c]) }),
      field({ name: 'user_notes', label: 'Note (passed to the LLM)', type: 'textarea', value: full.user_notes ?? full.user_note ?? '', rows: 3 }),
      h('button', { type: 'submit' }, 'Save'));
    editForm.addEventListener('submit', async (e) => {
      e.preventDefault();
      const v = formValues(editForm);
      const body = {};
      if (v.term_text !== name) body.term_text = v.term_text;
      if (v.category !== (full.category || '')) body.category = v.category;
      if (v.user_notes !== (full.user_notes ?? '')) body.user_notes = v.user_notes;
      try { await api('PATCH', `${base}/terms/${t.id}`, body); toast('Saved'); ctx.view.renderTab(); } catch (ex) { showErrors(errBox, ex, editForm); }
    });
  }
  clear(card, h('h3', null, name),
    h('p', null, `Category: ${full.category || '—'}; ${occCount(full)} occurrence(s)`),
    actions.length ? h('div', { class: 'row' }, actions) : null,
    editForm, h('h4', null, 'Occurrences'), occurrenceList(full.occurrences));
}

// ---- Provisional ---------------------------------------------------------------

async function provisionalTab(box, ctx) {
  if (!ctx.caps.has('GET', `${P}/provisional`)) return unavailable(box, 'Provisional glossary', 'GET /api/projects/{pid}/provisional');
  await entriesTab(box, ctx, {
    title: 'Provisional', path: `${P}/provisional`, scope: 'provisional', rerun: 'Re-run provisional', id: 'provisional',
    detail: provisionalDetail,
  });
}

function provisionalDetail(card, ctx, e, errBox) {
  const canEdit = ctx.caps.has('PATCH', `${P}/provisional/{id}`);
  const out = h('output', { id: 'conf-out', for: 'conf' }, conf(e.confidence));
  const form = h('form', { id: 'provisional-edit', 'aria-label': `Edit ${termOf(e)}` },
    field({ name: 'definition', label: 'Definition', type: 'textarea', value: e.definition, rows: 5 }),
    field({ name: 'confidence', label: 'Confidence', type: 'range', value: String(e.confidence ?? 0), min: 0, max: 1, step: 0.05 }),
    out, h('div', { class: 'row' },
      h('button', { type: 'submit', class: 'primary', disabled: !canEdit }, 'Save'),
      h('button', { type: 'button', id: 'regenerate', onclick: () => regenerate(ctx, e, errBox) }, 'Regenerate this entry')),
    canEdit ? null : h('p', { class: 'muted' }, 'Editing is not available on this server version.'));
  const slider = form.querySelector('[name=confidence]');
  slider.addEventListener('input', () => { out.value = Number(slider.value).toFixed(2); });
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const v = formValues(form);
    try {
      await api('PATCH', `/api/projects/${ctx.pid}/provisional/${e.id}`, { definition: v.definition, confidence: Number(v.confidence) });
      toast(`Saved "${termOf(e)}"`);
      ctx.view.renderTab();
    } catch (ex) { showErrors(errBox, ex, form); }
  });
  clear(card, h('h3', null, termOf(e)), e.aliases && e.aliases.length ? h('p', null, `Aliases: ${e.aliases.join(', ')}`) : null,
    form, h('h4', null, 'Occurrences'), occurrenceList(e.occurrences, 10));
}

// regenerate re-defines one provisional entry in a small run of its own.
async function regenerate(ctx, e, errBox) {
  if (!ctx.caps.has('POST', `${P}/provisional/{id}/regenerate`)) {
    return ctx.view.startRun('provisional', errBox, { terms: [termOf(e)] });
  }
  try {
    const run = await api('POST', `/api/projects/${ctx.pid}/provisional/${e.id}/regenerate`);
    if (run && run.id) ctx.view.onRun(run);
    toast(`Regenerating "${termOf(e)}"`);
  } catch (ex) {
    showErrors(errBox, ex);
    const active = ex instanceof ApiError && ex.problem && ex.problem.active_run_id;
    if (active) ctx.view.onRun(await api('GET', `/api/projects/${ctx.pid}/runs/${active}`).catch(() => null));
  }
  return null;
}

async function entriesTab(box, ctx, o) {
  const errBox = h('div', { class: 'error-box', role: 'alert', id: `${o.id}-error` });
  const listBox = h('div');
  const detail = h('aside', { class: 'card detail', id: `${o.id}-detail`, 'aria-label': 'Entry details' }, h('p', { class: 'muted' }, 'Select an entry.'));
  const search = h('input', { type: 'search', id: `${o.id}-search`, placeholder: 'Filter', 'aria-label': `Filter ${o.title} entries` });
  clear(box, h('div', { class: 'tab-head' }, h('h2', null, o.title), search, h('span', { class: 'spacer' }), o.extra || null,
    rerunButton(ctx, o.scope, o.rerun, errBox)), errBox, h('div', { class: 'split' }, listBox, detail));
  const items = await loadList(listBox, ctx, o.path);
  if (!items || !ctx.alive()) return;
  const draw = () => {
    const q = search.value.trim().toLowerCase();
    const shown = items.filter((e) => !q || termOf(e).toLowerCase().includes(q) || String(e.definition || '').toLowerCase().includes(q));
    clear(listBox, items.length === 0 ? h('p', { class: 'notice' }, `No ${o.title.toLowerCase()} entries yet: run the pipeline.`) :
      h('p', { class: 'muted', role: 'status' }, `${shown.length} of ${items.length} entries`),
    shown.length ? table(`${o.id}-table`, o.title, [
      { title: 'Term', cell: termOf },
      { title: 'Definition', cell: (e) => e.definition || '' },
      { title: 'Confidence', num: true, cell: (e) => conf(e.confidence) },
      o.aliases ? { title: 'Aliases', cls: 'hide-narrow', cell: (e) => (e.aliases || []).join(', ') } : null,
    ].filter(Boolean), shown, (e) => o.detail(detail, ctx, e, errBox)) : null);
  };
  search.addEventListener('input', draw);
  draw();
}

// ---- Issues ------------------------------------------------------------------------

const ISSUE_TYPES = [['', 'All types'], ['unclear', 'Unclear'], ['contradiction', 'Contradiction'], ['missing_relation', 'Missing relation'], ['unnecessary', 'Unnecessary']];

async function issuesTab(box, ctx) {
  if (!ctx.caps.has('GET', `${P}/issues`)) return unavailable(box, 'Issues', 'GET /api/projects/{pid}/issues');
  const errBox = h('div', { class: 'error-box', role: 'alert', id: 'issues-error' });
  const typeSel = h('select', { id: 'issue-type', 'aria-label': 'Issue type' }, ISSUE_TYPES.map(([v, l]) => h('option', { value: v }, l)));
  const listBox = h('div');
  clear(box, h('div', { class: 'tab-head' }, h('h2', null, 'Issues'), typeSel, h('span', { class: 'spacer' }),
    rerunButton(ctx, 'issues', 'Re-run review', errBox)), errBox, listBox);
  const draw = async () => {
    const q = typeSel.value ? `?issue_type=${encodeURIComponent(typeSel.value)}` : '';
    clear(listBox);
    const items = await loadList(listBox, ctx, `${P}/issues${q}`);
    if (!items || !ctx.alive()) return;
    clear(listBox, h('p', { class: 'muted', role: 'status' }, `${items.length} issue(s)`),
      items.length ? table('issues-table', 'Issues', [
        { title: 'Term', cell: termOf },
        { title: 'Type', cell: (i) => i.issue_type },
        { title: 'Description', cell: (i) => i.description },
        { title: 'Exclude', cell: (i) => (i.should_exclude ? `yes${i.exclusion_reason ? ': ' + i.exclusion_reason : ''}` : '') },
      ], items, null) : h('p', { class: 'notice' }, 'No issues.'));
  };
  typeSel.addEventListener('change', draw);
  await draw();
}

// ---- Refined -------------------------------------------------------------------------

async function refinedTab(box, ctx) {
  if (!ctx.caps.has('GET', `${P}/refined`)) return unavailable(box, 'Refined glossary', 'GET /api/projects/{pid}/refined');
  const canExport = ctx.caps.has('GET', `${P}/refined/export-md`);
  const base = ctx.project.name.replace(/[^\p{L}\p{N}._-]+/gu, '_') || 'glossary';
  const exp = canExport
    ? h('span', { class: 'row' }, exportLink(ctx, 'export-md', `${base}.md`, 'Export Markdown'),
      ctx.caps.has('GET', `${P}/refined/export-json`) ? exportLink(ctx, 'export-json', `${base}.json`, 'Export JSON') : null)
    : h('span', { class: 'muted', id: 'export-md-unavailable' }, 'Export: not available on this server version');
  await entriesTab(box, ctx, {
    title: 'Refined', path: `${P}/refined`, scope: 'refined', rerun: 'Re-run refine', id: 'refined', aliases: true, extra: exp,
    detail: (card, c, e) => clear(card, h('h3', null, termOf(e)), h('p', null, e.definition),
      h('p', { class: 'muted' }, `Confidence ${conf(e.confidence)}${e.aliases && e.aliases.length ? '; aliases: ' + e.aliases.join(', ') : ''}`),
      h('h4', null, 'Occurrences'), occurrenceList(e.occurrences)),
  });
}

/**
 * exportLink is a download link for .../refined/{name}. A click fetches it
 * with the access token (a plain link cannot send the Authorization header)
 * and saves the answer through an object URL; href stays for copying.
 */
function exportLink(ctx, name, fileName, label) {
  const url = `/api/projects/${ctx.pid}/refined/${name}`;
  const a = h('a', { class: 'button', id: name, href: url, download: fileName }, label);
  a.addEventListener('click', async (e) => {
    e.preventDefault();
    if (a.getAttribute('aria-busy') === 'true') return;
    a.setAttribute('aria-busy', 'true');
    try {
      await download(url, fileName);
      toast(`Saved ${fileName}`);
    } catch (ex) {
      toast(`Export failed: ${ex instanceof ApiError ? ex.detail : ex.message}`);
    } finally {
      a.removeAttribute('aria-busy');
    }
  });
  return a;
}

// ---- Document viewer -------------------------------------------------------------------

async function viewerTab(box, ctx) {
  const docs = await loadList(box, ctx, `${P}/files`);
  if (!docs || !ctx.alive()) return;
  docs.sort((a, b) => a.file_name.localeCompare(b.file_name));
  if (docs.length === 0) { clear(box, h('h2', null, 'Document viewer'), h('p', { class: 'notice' }, 'No documents yet.')); return; }
  const fid = docs.some((d) => d.id === ctx.arg) ? ctx.arg : docs[0].id;
  const sel = h('select', { id: 'viewer-doc', 'aria-label': 'Document' }, docs.map((d) => h('option', { value: d.id }, d.file_name)));
  sel.value = fid;
  sel.addEventListener('change', () => { location.hash = `#/p/${ctx.pid}/viewer/${sel.value}`; });
  const docBox = h('div');
  const card = h('aside', { class: 'card detail', id: 'term-card', 'aria-label': 'Term card', 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'Select a highlighted term.'));
  const source = ctx.caps.has('GET', `${P}/refined`) ? 'refined' : ctx.caps.has('GET', `${P}/provisional`) ? 'provisional' : '';
  clear(box, h('div', { class: 'tab-head' }, h('h2', null, 'Document viewer'), sel,
    source ? null : h('span', { class: 'muted', id: 'viewer-no-terms' }, 'Term highlighting is not available on this server version.')),
  h('div', { class: 'split' }, docBox, card));
  let doc;
  let entries = [];
  try {
    [doc, entries] = await Promise.all([
      api('GET', `/api/projects/${ctx.pid}/files/${fid}`),
      source ? listAll(`/api/projects/${ctx.pid}/${source}`) : Promise.resolve([]),
    ]);
  } catch (e) {
    docBox.appendChild(h('p', { class: 'error-box', role: 'alert' }, e.detail || e.message));
    return;
  }
  if (!ctx.alive()) return;
  const byTerm = new Map();
  for (const e of entries) {
    for (const name of [termOf(e), ...(e.aliases || [])]) if (name && !byTerm.has(name)) byTerm.set(name, e);
  }
  const pre = h('pre', { class: 'doc', id: 'viewer-content' }, highlight(doc.content, [...byTerm.keys()], (name, mark) => showCard(name, mark)));
  clear(docBox, pre);

  function showCard(name, mark) {
    const e = byTerm.get(name);
    const marks = [...pre.querySelectorAll('mark.term')].filter((m) => byTerm.get(m.dataset.term) === e);
    for (const m of pre.querySelectorAll('mark.current')) m.classList.remove('current');
    mark.classList.add('current');
    const idx = marks.indexOf(mark);
    const next = h('button', { id: 'next-occurrence', onclick: () => { const m = marks[(idx + 1) % marks.length]; m.focus(); showCard(m.dataset.term, m); } },
      `Next occurrence (${idx + 1} of ${marks.length} here)`);
    clear(card, h('h3', null, termOf(e)), h('p', null, e.definition || ''),
      h('p', { class: 'muted' }, `Confidence ${conf(e.confidence)}`), next,
      h('h4', null, 'Occurrences in all documents'), occurrenceList(e.occurrences, 20));
  }
}

/**
 * highlight returns content as text nodes with each term (longest first,
 * case-sensitive, word-bounded for Latin terms) wrapped in a focusable
 * <mark>; onPick(term, mark) runs on click or Enter.
 */
export function highlight(content, terms, onPick) {
  const frag = document.createDocumentFragment();
  const sorted = terms.filter((t) => t.length >= 2).sort((a, b) => b.length - a.length).slice(0, 2000);
  if (sorted.length === 0) { frag.appendChild(document.createTextNode(content)); return frag; }
  const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(sorted.map((t) => (/^[\p{Script=Latin}\d]/u.test(t) ? `(?<![\\p{L}\\p{N}])${esc(t)}(?![\\p{L}\\p{N}])` : esc(t))).join('|'), 'gu');
  let last = 0;
  for (const m of content.matchAll(re)) {
    if (m.index > last) frag.appendChild(document.createTextNode(content.slice(last, m.index)));
    const mark = h('mark', { class: 'term', tabindex: '0', role: 'button', dataset: { term: m[0] }, 'aria-label': `Term ${m[0]}` }, m[0]);
    mark.addEventListener('click', () => onPick(m[0], mark));
    mark.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onPick(m[0], mark); } });
    frag.appendChild(mark);
    last = m.index + m[0].length;
  }
  if (last < content.length) frag.appendChild(document.createTextNode(content.slice(last)));
  return frag;
}

// ---- Settings -----------------------------------------------------------------------------

function settingsTab(box, ctx) {
  const p = ctx.project;
  const errBox = h('div', { class: 'error-box', role: 'alert', id: 'settings-error' });
  const form = h('form', { id: 'settings-form', 'aria-label': 'Project settings', novalidate: true },
    field({ name: 'name', label: 'Name', value: p.name, maxlength: 100 }),
    field({ name: 'llm_provider', label: 'LLM provider', type: 'select', value: p.llm_provider || 'builtin', options: [['builtin', 'builtin (offline, no model)'], ['openai', 'openai (OpenAI-compatible endpoint)']] }),
    field({ name: 'llm_model', label: 'Model', value: p.llm_model || '', hint: 'Required for openai' }),
    field({ name: 'llm_base_url', label: 'Base URL', value: p.llm_base_url || '', hint: 'http or https; API keys come from the runner\'s environment, never from here' }),
    errBox,
    h('button', { type: 'submit', class: 'primary', id: 'settings-save' }, 'Save'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    const body = {};
    for (const k of ['name', 'llm_provider', 'llm_model', 'llm_base_url']) if (v[k] !== (p[k] || '')) body[k] = v[k];
    showErrors(errBox, null, form);
    if (Object.keys(body).length === 0) { toast('Nothing to save'); return; }
    try {
      const np = await api('PATCH', `/api/projects/${ctx.pid}`, body);
      ctx.view.onProject(np);
      toast('Settings saved');
      ctx.view.renderTab();
    } catch (ex) {
      showErrors(errBox, ex, form);
    }
  });
  clear(box, h('h2', null, 'Settings'), form);
}

export const TABS = {
  files: filesTab, terms: termsTab, provisional: provisionalTab, issues: issuesTab,
  refined: refinedTab, viewer: viewerTab, settings: settingsTab,
};
