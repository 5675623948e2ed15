// Run with: node --test services/api/gui/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RunStream, streamURL } from './runstream.js';

// FakeES is a scriptable EventSource.
class FakeES {
  static all = [];
  constructor(url) {
    this.url = url;
    this.readyState = 0;
    this.listeners = {};
    this.closed = false;
    FakeES.all.push(this);
  }
  addEventListener(name, fn) { (this.listeners[name] ||= []).push(fn); }
  close() { this.closed = true; this.readyState = 2; }
  emit(name, data, id) {
    // Like a browser: lastEventId keeps the last id seen on this source.
    if (id !== undefined) this.lastId = String(id);
    const e = { data: data === undefined ? '' : JSON.stringify(data), lastEventId: this.lastId || '' };
    for (const fn of this.listeners[name] || []) fn(e);
  }
  open() { this.readyState = 1; this.emit('open'); }
  drop(state) { this.readyState = state; for (const fn of this.listeners.error || []) fn({}); }
}

function harness(opts = {}) {
  FakeES.all = [];
  const got = [];
  const timers = [];
  const rs = new RunStream('/api/projects/p/runs/r/logs', {
    log: (d, id) => got.push(['log', id, d.message]),
    progress: (d, id) => got.push(['progress', id, d.progress_current]),
    step: (d, id) => got.push(['step', id, d.step]),
    complete: (d) => got.push(['complete', d.status]),
    state: (s) => got.push(['state', s]),
  }, {
    EventSource: FakeES,
    setTimeout: (fn, ms) => { timers.push({ fn, ms }); return timers.length; },
    clearTimeout: () => {},
    ...opts,
  });
  return { rs, got, timers };
}

test('history then live events, then complete closes the source', () => {
  const { rs, got } = harness();
  rs.open();
  const es = FakeES.all[0];
  assert.equal(es.url, '/api/projects/p/runs/r/logs');
  es.open();
  es.emit('log', { message: 'one' }, 1);
  es.emit('progress', { progress_current: 1 }, 2);
  es.emit('step', { step: 'extract' }, 3);
  es.emit('complete', { status: 'completed' });
  assert.equal(es.closed, true);
  assert.deepEqual(got, [
    ['state', 'open'], ['log', 1, 'one'], ['progress', 2, 1], ['step', 3, 'extract'],
    ['complete', 'completed'], ['state', 'closed'],
  ]);
  // Nothing after complete (an error event from the closed source included).
  es.drop(2);
  assert.equal(FakeES.all.length, 1);
});

test('a native reconnect that replays from Last-Event-ID never repeats a line', () => {
  const { rs, got } = harness();
  rs.open();
  const es = FakeES.all[0];
  es.emit('log', { message: 'a' }, 5);
  es.emit('log', { message: 'b' }, 6);
  es.drop(0); // CONNECTING: the browser retries by itself
  assert.equal(FakeES.all.length, 1, 'no second EventSource while the browser retries');
  es.emit('log', { message: 'b' }, 6); // a server that resent the last line
  es.emit('log', { message: 'c' }, 7);
  assert.deepEqual(got.filter((g) => g[0] === 'log'), [['log', 5, 'a'], ['log', 6, 'b'], ['log', 7, 'c']]);
});

test('a source that gave up is reopened after a backoff with last_event_id', () => {
  const { rs, got, timers } = harness({ retryMs: 100 });
  rs.open();
  const first = FakeES.all[0];
  first.emit('log', { message: 'a' }, 41);
  first.drop(2); // CLOSED: e.g. a 503 on reconnect
  assert.equal(timers.length, 1);
  assert.equal(timers[0].ms, 100);
  timers[0].fn();
  const second = FakeES.all[1];
  assert.equal(second.url, '/api/projects/p/runs/r/logs?last_event_id=41');
  second.drop(2);
  assert.equal(timers[1].ms, 200, 'backoff doubles');
  timers[1].fn();
  const third = FakeES.all[2];
  third.open();
  third.emit('log', { message: 'a' }, 41);
  third.emit('log', { message: 'b' }, 42);
  third.emit('complete', { status: 'cancelled' });
  assert.deepEqual(got.filter((g) => g[0] === 'log' || g[0] === 'complete'), [['log', 41, 'a'], ['log', 42, 'b'], ['complete', 'cancelled']]);
});

test('events of a replaced source are ignored and close stops retries', () => {
  const { rs, got, timers } = harness();
  rs.open();
  const first = FakeES.all[0];
  first.drop(2);
  timers[0].fn();
  first.emit('log', { message: 'stale' }, 1);
  assert.equal(got.filter((g) => g[0] === 'log').length, 0);
  rs.close();
  assert.equal(FakeES.all[1].closed, true);
  FakeES.all[1].drop(2);
  assert.equal(timers.length, 1);
});

test('resuming from a known id', () => {
  const { rs } = harness({ lastId: 12 });
  rs.open();
  assert.equal(FakeES.all[0].url, '/api/projects/p/runs/r/logs?last_event_id=12');
});

// ---- access token (serve --auth-token) ----

test('streamURL adds last_event_id and an encoded access_token', () => {
  const u = '/api/projects/p/runs/r/logs';
  assert.equal(streamURL(u), u);
  assert.equal(streamURL(u, { lastId: 0, token: null }), u);
  assert.equal(streamURL(u, { lastId: 7 }), `${u}?last_event_id=7`);
  assert.equal(streamURL(u, { token: 'abc' }), `${u}?access_token=abc`);
  assert.equal(streamURL(u, { lastId: 7, token: 'a+b/c=d&e f' }), `${u}?last_event_id=7&access_token=a%2Bb%2Fc%3Dd%26e%20f`);
  assert.equal(streamURL(`${u}?x=1`, { token: 't' }), `${u}?x=1&access_token=t`);
});

test('every EventSource carries the current token; resume keeps last_event_id', async () => {
  let token = 'first-token-0123456789';
  const order = [];
  const { rs, timers } = harness({
    retryMs: 10,
    token: () => token,
    beforeRetry: async () => { order.push('beforeRetry'); token = 'second/token+0123456789'; },
  });
  rs.open();
  const first = FakeES.all[0];
  assert.equal(first.url, '/api/projects/p/runs/r/logs?access_token=first-token-0123456789');
  first.emit('log', { message: 'a' }, 3);
  first.drop(0); // the browser retries by itself with the same URL and Last-Event-ID
  assert.equal(FakeES.all.length, 1);
  first.drop(2); // gave up (a 401 looks the same as a network error)
  assert.equal(FakeES.all.length, 1, 'no new source before the backoff');
  timers[0].fn();
  assert.deepEqual(order, ['beforeRetry']);
  assert.equal(FakeES.all.length, 1, 'the new source waits for beforeRetry (it may ask for a token)');
  await new Promise((r) => setImmediate(r));
  const second = FakeES.all[1];
  assert.equal(second.url, '/api/projects/p/runs/r/logs?last_event_id=3&access_token=second%2Ftoken%2B0123456789');
});

test('a failing beforeRetry still reopens, and close during it opens nothing', async () => {
  const { rs, timers } = harness({ beforeRetry: async () => { throw new Error('down'); } });
  rs.open();
  FakeES.all[0].drop(2);
  timers[0].fn();
  await new Promise((r) => setImmediate(r));
  assert.equal(FakeES.all.length, 2);
  assert.equal(FakeES.all[1].url, '/api/projects/p/runs/r/logs', 'no token: URL unchanged');
  let release;
  const h2 = harness({ beforeRetry: () => new Promise((r) => { release = r; }) });
  h2.rs.open();
  FakeES.all[0].drop(2);
  h2.timers[0].fn();
  h2.rs.close();
  release();
  await new Promise((r) => setImmediate(r));
  assert.equal(FakeES.all.length, 1, 'closed while waiting: no new source');
});
