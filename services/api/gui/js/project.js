// The project view: global bar (state badge, scope, Run, Stop, progress),
// left nav with a spinner on the running step, the open tab, and the log
// panel. Everything live comes from two SSE streams: the project's events
// (run records, project changes) and the followed run's log.
import { h, clear, fmtTime } from './dom.js';
import { api, ApiError } from './api.js';
import { getToken, withAccessToken, ensureToken } from './auth.js';
import { LogStore } from './logstore.js';
import { RunStream } from './runstream.js';
import { stateBadge, showErrors, toast } from './ui.js';
import { TABS } from './tabs.js';

export const SCOPES = [
  ['full', 'Full'], ['from_terms', 'From terms'], ['from_provisional', 'From provisional'],
  ['extract', 'Extract only'], ['provisional', 'Provisional only'], ['issues', 'Issues only'], ['refined', 'Refined only'],
];
const STEP_LABELS = { extract: 'Extract', provisional: 'Provisional', issues: 'Issues', refined: 'Refined' };
const STEP_TAB = { extract: 'terms', provisional: 'provisional', issues: 'issues', refined: 'refined' };
const NAV = [
  ['files', 'Files'], ['terms', 'Terms'], ['provisional', 'Provisional'], ['issues', 'Issues'],
  ['refined', 'Refined'], ['viewer', 'Document viewer'], ['settings', 'Settings'],
];

export const isActive = (run) => !!run && (run.status === 'pending' || run.status === 'running');

export class ProjectView {
  constructor(pid, caps, mainEl) {
    this.pid = pid;
    this.caps = caps;
    this.main = mainEl;
    this.project = null;
    this.run = null;
    this.progress = null; // the latest progress event of the followed run
    this.tab = 'files';
    this.arg = '';
    this.store = new LogStore();
    this.stream = null;
    this.feed = null;
    this.feedTimer = null;
    this.feedFailures = 0;
    this.endedFor = '';
    this.starting = false;
    this.disposed = false;
    this.stick = true;
  }

  // ---- lifecycle --------------------------------------------------------

  async start(tab, arg) {
    this.renderSkeleton();
    try {
      this.project = await api('GET', `/api/projects/${this.pid}`);
    } catch (e) {
      clear(this.main, h('div', { class: 'content' },
        h('p', { class: 'error-box', role: 'alert' }, e instanceof ApiError && e.status === 404 ? 'This project does not exist (it may have been deleted).' : e.message),
        h('a', { href: '#/' }, 'Back to projects')));
      return;
    }
    this.renderBar();
    this.openFeed();
    try {
      const run = await api('GET', `/api/projects/${this.pid}/runs/current`);
      if (!this.run) this.onRun(run);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) showErrors(this.runErr, e);
      this.setLogTitle('No run yet');
    }
    this.show(tab, arg);
  }

  dispose() {
    this.disposed = true;
    if (this.stream) this.stream.close();
    if (this.feed) this.feed.close();
    clearTimeout(this.feedTimer);
  }

  // ---- layout -----------------------------------------------------------

  renderSkeleton() {
    this.badgeBox = h('span', { id: 'state-badge', role: 'status', 'aria-live': 'polite', 'aria-label': 'Project state' });
    this.scopeSel = h('select', { id: 'scope', 'aria-label': 'Run scope' }, SCOPES.map(([v, l]) => h('option', { value: v }, l)));
    this.runBtn = h('button', { id: 'run-btn', class: 'primary', onclick: () => this.startRun(this.scopeSel.value) }, 'Run');
    this.stopBtn = h('button', { id: 'stop-btn', class: 'danger', disabled: true, onclick: () => this.stopRun() }, 'Stop');
    this.progressEl = h('progress', { id: 'run-progress', max: 1, value: 0, 'aria-label': 'Run progress' });
    this.progressText = h('span', { id: 'progress-text', 'aria-live': 'polite' });
    this.runErr = h('div', { id: 'run-error', class: 'error-box', role: 'alert' });
    this.title = h('h1', { id: 'project-name' }, '…');
    this.navLinks = {};
    const nav = h('nav', { class: 'leftnav', 'aria-label': 'Project sections' }, h('ul', null, NAV.map(([id, label]) => {
      const a = h('a', { href: `#/p/${this.pid}/${id}`, id: `nav-${id}` }, h('span', null, label), h('span', { class: 'nav-spin' }));
      this.navLinks[id] = a;
      return h('li', null, a);
    })));
    this.content = h('section', { class: 'content', id: 'tab-content', tabindex: '-1', 'aria-live': 'off' });
    this.logLines = h('div', { id: 'log-lines', class: 'loglines', role: 'log', 'aria-label': 'Run log', tabindex: '0' });
    this.logLines.addEventListener('scroll', () => {
      const el = this.logLines;
      this.stick = el.scrollHeight - el.scrollTop - el.clientHeight < 8;
      this.jumpBtn.hidden = this.stick;
    });
    this.logTitle = h('span', { class: 'log-title', id: 'log-title' }, 'Log');
    this.logStatus = h('span', { class: 'log-status', id: 'log-status' });
    this.jumpBtn = h('button', { id: 'log-jump', hidden: true, onclick: () => { this.stick = true; this.scrollLog(); this.jumpBtn.hidden = true; } }, 'Jump to latest');
    this.logToggle = h('button', { id: 'log-toggle', 'aria-expanded': 'true', 'aria-controls': 'log-lines', onclick: () => this.toggleLog() }, 'Hide log');
    this.logPanel = h('section', { class: 'logpanel', 'aria-label': 'Log panel' },
      h('div', { class: 'logpanel-head' }, this.logToggle, this.logTitle, this.logStatus, h('span', { class: 'spacer' }), this.jumpBtn),
      this.logLines);
    if (localStorage.getItem('gg.log.collapsed') === '1') this.toggleLog();
    clear(this.main, h('div', { class: 'project' },
      h('div', { class: 'globalbar', role: 'region', 'aria-label': 'Run controls' },
        h('a', { href: '#/', 'aria-label': 'All projects' }, '← Projects'),
        this.title, this.badgeBox,
        h('span', { class: 'spacer' }),
        this.scopeSel, this.runBtn, this.stopBtn,
        h('span', { class: 'progress-box' }, this.progressEl, this.progressText),
        this.runErr),
      nav, this.content, this.logPanel));
  }

  toggleLog() {
    const collapsed = this.logPanel.classList.toggle('collapsed');
    this.logToggle.setAttribute('aria-expanded', String(!collapsed));
    this.logToggle.textContent = collapsed ? 'Show log' : 'Hide log';
    localStorage.setItem('gg.log.collapsed', collapsed ? '1' : '0');
  }

  renderBar() {
    const p = this.project;
    if (!p) return;
    this.title.textContent = p.name;
    document.title = `${p.name} - GenGlossary`;
    const run = this.run;
    const active = isActive(run);
    clear(this.badgeBox, stateBadge(active ? 'running' : p.state));
    this.runBtn.disabled = active || this.starting;
    this.runBtn.title = active ? 'A run is active; stop it or wait for it to finish' : '';
    this.stopBtn.disabled = !active || !!run.cancel_requested;
    let text = '';
    let cur = 0;
    let total = 0;
    if (active) {
      const pr = this.progress && this.progress.run_id === run.id ? this.progress : null;
      const step = (pr && pr.step) || run.current_step;
      cur = pr ? pr.progress_current : run.progress_current;
      total = pr ? pr.progress_total : run.progress_total;
      if (run.status === 'pending') text = 'Waiting for a runner…';
      else text = `${STEP_LABELS[step] || step || 'Starting'} ${cur} / ${total}${pr && pr.current_term ? ' — ' + pr.current_term : ''}`;
      if (run.cancel_requested) text += ' (stopping…)';
    } else if (run) {
      text = `Last run (${run.scope}): ${run.status}${run.finished_at ? ' ' + fmtTime(run.finished_at) : ''}`;
      if (run.status === 'failed' && run.error_message) text += ` — ${run.error_message}`;
    }
    this.progressText.textContent = text;
    if (active && total > 0) {
      this.progressEl.max = total;
      this.progressEl.value = Math.min(cur, total);
    } else if (active) {
      this.progressEl.removeAttribute('value'); // indeterminate
    } else {
      this.progressEl.max = 1;
      this.progressEl.value = run && run.status === 'completed' ? 1 : 0;
    }
    const spinTab = active && run.status === 'running' ? STEP_TAB[(this.progress && this.progress.run_id === run.id && this.progress.step) || run.current_step] : '';
    for (const [id, a] of Object.entries(this.navLinks)) {
      const slot = a.querySelector('.nav-spin');
      if (id === spinTab) {
        if (!slot.firstChild) slot.appendChild(h('span', { class: 'spinner', role: 'img', 'aria-label': '(running)' }));
      } else {
        slot.replaceChildren();
      }
    }
  }

  // ---- tabs -------------------------------------------------------------

  show(tab, arg = '') {
    if (!TABS[tab]) tab = 'files';
    const changed = tab !== this.tab || arg !== this.arg;
    this.tab = tab;
    this.arg = arg;
    for (const [id, a] of Object.entries(this.navLinks)) {
      if (id === tab) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    this.renderTab();
    if (changed && document.activeElement && document.activeElement.closest('.leftnav') === null) this.content.focus({ preventScroll: true });
  }

  /** renderTab (re)draws the open tab from the API. */
  renderTab() {
    if (!this.project) return;
    const box = h('div', { class: 'tab', 'data-tab': this.tab });
    clear(this.content, box);
    const ctx = {
      pid: this.pid, project: this.project, caps: this.caps, arg: this.arg, view: this,
      alive: () => box.isConnected,
    };
    Promise.resolve(TABS[this.tab](box, ctx)).catch((e) => {
      box.appendChild(h('p', { class: 'error-box', role: 'alert' }, e instanceof ApiError ? e.detail : `Unexpected error: ${e.message}`));
    });
  }

  // ---- runs -------------------------------------------------------------

  /** startRun asks for a run of scope; errors go to errBox (default: the bar's). */
  async startRun(scope, errBox = this.runErr, body = {}) {
    showErrors(this.runErr, null);
    if (errBox !== this.runErr) showErrors(errBox, null);
    this.starting = true;
    this.renderBar();
    try {
      const run = await api('POST', `/api/projects/${this.pid}/runs`, { scope, ...body });
      this.onRun(run);
      toast(`Run started (${scope})`);
      return run;
    } catch (e) {
      showErrors(errBox, e);
      const active = e instanceof ApiError && e.problem && e.problem.active_run_id;
      if (active) {
        try { this.onRun(await api('GET', `/api/projects/${this.pid}/runs/${active}`)); } catch { /* shown already */ }
      }
      return null;
    } finally {
      this.starting = false;
      this.renderBar();
    }
  }

  async stopRun() {
    const run = this.run;
    if (!isActive(run)) return;
    showErrors(this.runErr, null);
    this.stopBtn.disabled = true;
    try {
      this.onRun(await api('DELETE', `/api/projects/${this.pid}/runs/${run.id}`));
    } catch (e) {
      showErrors(this.runErr, e);
      this.renderBar();
    }
  }

  /** onRun takes a run record (from the events stream or a response). */
  onRun(run) {
    if (this.disposed || !run || !run.id) return;
    const prev = this.run;
    if (prev && run.id < prev.id) return; // an older run (ids are ULIDs: time-ordered)
    // A response read before the run ended can arrive after its end (a Stop's
    // answer after the stream's "complete"): an ended run never restarts.
    if (prev && prev.id === run.id && !isActive(prev) && isActive(run)) return;
    const isNew = !prev || prev.id !== run.id;
    const wasActive = !isNew && isActive(prev);
    this.run = run;
    if (isNew && !prev && !isActive(run)) this.endedFor = run.id; // already finished when the page opened
    if (isNew) {
      if (isActive(run)) showErrors(this.runErr, null);
      this.follow(run);
    }
    this.renderBar();
    if (!isActive(run) && (wasActive || (isNew && prev))) this.runEnded(run);
  }

  /** runEnded refreshes the project and the open tab once per run. */
  async runEnded(run) {
    if (this.endedFor === run.id) return;
    this.endedFor = run.id;
    if (run.status === 'failed') showErrors(this.runErr, new Error(`Run failed: ${run.error_message || 'see the log'}`));
    toast(`Run ${run.status}`);
    await this.refreshProject();
    this.renderTab();
  }

  async refreshProject() {
    try {
      this.project = await api('GET', `/api/projects/${this.pid}`);
      this.renderBar();
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) this.projectGone();
    }
  }

  onProject(p) {
    const renamed = this.project && p.name !== this.project.name;
    this.project = p;
    this.renderBar();
    if (renamed && this.tab === 'settings') this.renderTab();
  }

  projectGone() {
    this.dispose();
    toast('This project was deleted');
    location.hash = '#/';
  }

  // ---- project events (SSE) ----------------------------------------------

  openFeed() {
    if (this.disposed) return;
    // EventSource cannot send the Authorization header: ?access_token= instead.
    const es = new EventSource(withAccessToken(`/api/projects/${this.pid}/events`));
    this.feed = es;
    const note = document.getElementById('conn-note');
    let opened = false;
    es.addEventListener('open', () => {
      note.textContent = '';
      if (this.feedFailures > 0 || opened) this.refreshProject(); // catch up after a gap
      opened = true;
      this.feedFailures = 0;
    });
    es.addEventListener('run', (e) => this.onRun(JSON.parse(e.data)));
    es.addEventListener('project', (e) => this.onProject(JSON.parse(e.data)));
    es.addEventListener('project_deleted', () => this.projectGone());
    es.addEventListener('error', () => {
      if (this.disposed || es !== this.feed) return;
      note.textContent = 'Connection lost; reconnecting…';
      if (es.readyState !== EventSource.CLOSED) return;
      es.close();
      this.feedFailures += 1;
      const wait = Math.min(10000, 500 * 2 ** (this.feedFailures - 1));
      // It gave up: maybe a 401 (a token the server no longer accepts), which
      // EventSource cannot tell apart. ensureToken asks for a new one then.
      this.feedTimer = setTimeout(() => { ensureToken().then(() => this.openFeed()); }, wait);
    });
  }

  // ---- log panel ---------------------------------------------------------

  setLogTitle(text) { this.logTitle.textContent = text; }

  /** follow shows run's log: history first, then live lines. */
  follow(run) {
    if (this.stream) this.stream.close();
    this.store.reset(run.id);
    this.progress = null;
    this.logLines.replaceChildren();
    this.stick = true;
    this.jumpBtn.hidden = true;
    this.setLogTitle(`Log — run ${run.scope} (${run.id.slice(-6)}, ${fmtTime(run.created_at)})`);
    const stream = new RunStream(`/api/projects/${this.pid}/runs/${run.id}/logs`, {
      log: (d, id) => this.addLine({ seq: id, level: d.level, message: d.message, time: d.time }),
      progress: (d, id) => {
        this.store.seen(id);
        this.progress = d;
        if (isActive(this.run) && this.run.id === d.run_id) this.renderBar();
      },
      step: (d, id) => {
        this.store.seen(id);
        if (this.run && this.run.id === d.run_id && d.status === 'started') {
          this.progress = { run_id: d.run_id, step: d.step, progress_current: 0, progress_total: 0, current_term: '' };
          this.renderBar();
        }
      },
      complete: (d) => {
        this.addStatusLine(`— run ${d.status}${d.error_message ? ': ' + d.error_message : ''} —`, d.status === 'failed' ? 'error' : 'info');
        if (this.run && this.run.id === run.id && isActive(this.run)) {
          // The project stream will say so too; do not wait for it.
          this.onRun({ ...this.run, status: d.status, error_message: d.error_message || '', cancel_requested: false });
        }
      },
      state: (s) => {
        this.logStatus.textContent = s === 'open' ? (isActive(this.run) ? '● live' : '') : s === 'reconnecting' ? 'reconnecting…' : 'ended';
      },
    }, { lastId: 0, token: getToken, beforeRetry: ensureToken });
    this.stream = stream;
    stream.open();
  }

  addLine(line) {
    const evicted = this.store.add(line);
    if (evicted < 0) return;
    for (let i = 0; i < evicted && this.logLines.firstChild; i++) this.logLines.firstChild.remove();
    const l = this.store.lines[this.store.lines.length - 1];
    const t = l.time ? new Date(l.time) : null;
    this.logLines.appendChild(h('div', { class: `logline lvl-${l.level}`, 'data-seq': l.seq },
      h('span', { class: 't' }, t && !Number.isNaN(t.getTime()) ? t.toLocaleTimeString() : ''),
      h('span', { class: 'lv' }, l.level.toUpperCase()), ' ', l.message));
    this.scrollLog();
  }

  addStatusLine(text, level) {
    this.logLines.appendChild(h('div', { class: `logline lvl-${level} log-end` }, text));
    this.scrollLog();
  }

  scrollLog() {
    if (!this.stick || this.scrollPending) return;
    this.scrollPending = true;
    requestAnimationFrame(() => {
      this.scrollPending = false;
      if (this.stick) this.logLines.scrollTop = this.logLines.scrollHeight;
    });
  }
}
