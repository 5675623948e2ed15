// RunStream follows one run's log over SSE (GET .../runs/{rid}/logs):
// history first, then live events, until "complete".
//
// Reconnection: while the EventSource is CONNECTING after a dropped
// connection the browser reconnects by itself and sends Last-Event-ID (the
// last "id:" it saw), so the server resumes after it. If the EventSource
// gives up (CLOSED: an HTTP error or a non-SSE answer on reconnect), a new
// one is opened after a backoff with ?last_event_id= set to the last id
// handled. Events whose id is not after the last one handled are dropped,
// so no line is ever repeated. "complete" closes the stream for good: the
// server ends the response after it, and an EventSource left open would
// reconnect.
//
// Access token: EventSource cannot send an Authorization header, so the
// token (opts.token(), read again on every open) goes in ?access_token=.
// EventSource does not tell a 401 from a network error, so before opening a
// new source after it gave up, opts.beforeRetry() (auth.js ensureToken) gets
// the chance to ask for a new token.

import { withAccessToken } from './auth.js';

/**
 * streamURL is the URL a (re)opened EventSource uses: the logs URL with
 * last_event_id (resume after the last id handled) and access_token.
 */
export function streamURL(url, { lastId = 0, token = null } = {}) {
  let u = url;
  if (lastId > 0) u += (u.includes('?') ? '&' : '?') + 'last_event_id=' + lastId;
  return withAccessToken(u, token);
}

const CLOSED = 2;

export class RunStream {
  /**
   * @param {string} url the logs URL
   * @param {object} handlers log(data, id), progress(data, id), step(data, id),
   *   complete(data), state('open'|'reconnecting'|'closed')
   * @param {object} opts EventSource, setTimeout, clearTimeout (for tests),
   *   retryMs (first backoff, default 500), maxRetryMs (default 10000),
   *   lastId (resume after this id), token (() => access token or null),
   *   beforeRetry (async, awaited before a new EventSource replaces one
   *   that gave up)
   */
  constructor(url, handlers, opts = {}) {
    this.url = url;
    this.h = handlers;
    this.ES = opts.EventSource || globalThis.EventSource;
    this.setTimeout = opts.setTimeout || globalThis.setTimeout.bind(globalThis);
    this.clearTimeout = opts.clearTimeout || globalThis.clearTimeout.bind(globalThis);
    this.retryMs = opts.retryMs ?? 500;
    this.maxRetryMs = opts.maxRetryMs ?? 10000;
    this.lastId = Number(opts.lastId) || 0;
    this.token = opts.token || (() => null);
    this.beforeRetry = opts.beforeRetry || null;
    this.es = null;
    this.timer = null;
    this.failures = 0;
    this.done = false;
    this.stopped = false;
  }

  /** open starts (or restarts) the connection. */
  open() {
    if (this.done || this.stopped) return;
    const es = new this.ES(streamURL(this.url, { lastId: this.lastId, token: this.token() }));
    this.es = es;
    for (const name of ['log', 'progress', 'step']) {
      es.addEventListener(name, (e) => this.event(es, name, e));
    }
    es.addEventListener('complete', (e) => {
      if (es !== this.es) return;
      this.done = true;
      es.close();
      let data = {};
      try { data = JSON.parse(e.data || '{}'); } catch { /* keep {} */ }
      this.call('complete', data);
      this.call('state', 'closed');
    });
    es.addEventListener('open', () => {
      if (es !== this.es) return;
      this.failures = 0;
      this.call('state', 'open');
    });
    es.addEventListener('error', () => this.error(es));
  }

  event(es, name, e) {
    if (es !== this.es || this.done) return;
    const id = Number(e.lastEventId) || 0;
    if (id > 0) {
      if (id <= this.lastId) return; // already handled before a reconnect
      this.lastId = id;
    }
    let data;
    try { data = JSON.parse(e.data); } catch { return; }
    this.call(name, data, id);
  }

  error(es) {
    if (es !== this.es || this.done || this.stopped) return;
    this.call('state', 'reconnecting');
    if (es.readyState !== CLOSED) return; // the browser retries by itself
    es.close();
    this.failures += 1;
    const wait = Math.min(this.maxRetryMs, this.retryMs * 2 ** (this.failures - 1));
    this.clearTimeout(this.timer);
    this.timer = this.setTimeout(() => { this.timer = null; this.reopen(); }, wait);
  }

  /** reopen opens a new source after beforeRetry (which may ask for a token). */
  async reopen() {
    if (this.beforeRetry) {
      try { await this.beforeRetry(); } catch { /* open anyway; the backoff goes on */ }
    }
    this.open();
  }

  /** close stops following the run (navigation away, another run). */
  close() {
    this.stopped = true;
    this.clearTimeout(this.timer);
    if (this.es) this.es.close();
  }

  call(name, ...args) {
    const f = this.h[name];
    if (typeof f === 'function') f(...args);
  }
}
