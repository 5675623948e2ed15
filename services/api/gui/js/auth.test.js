// Run with: node --test services/api/gui/js/
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';

// MemStorage is a Web Storage stand-in that records its calls.
class MemStorage {
  constructor() { this.m = new Map(); this.calls = []; }
  getItem(k) { this.calls.push(['get', k]); return this.m.has(k) ? this.m.get(k) : null; }
  setItem(k, v) { this.calls.push(['set', k, v]); this.m.set(k, String(v)); }
  removeItem(k) { this.calls.push(['remove', k]); this.m.delete(k); }
}

// The module picks sessionStorage when it loads; localStorage must never be
// touched (a token there would outlive the tab).
const session = new MemStorage();
globalThis.sessionStorage = session;
globalThis.localStorage = new Proxy({}, { get() { throw new Error('localStorage used'); } });
const auth = await import('./auth.js');
const { api, ApiError } = await import('./api.js');
const {
  TokenStore, STORAGE_KEY, VERIFY_PATH, configure, getToken, setToken, clearToken,
  authHeaders, withAccessToken, authFetch, askForToken, ensureToken,
} = auth;

const TOKEN = 'right-token-0123456789';

function res(status, body = null, type = 'application/problem+json') {
  return new Response(body === null ? null : JSON.stringify(body), { status, headers: body === null ? {} : { 'Content-Type': type } });
}

// fakeServer answers like serve --auth-token TOKEN (or without a token when
// token is empty) and records the Authorization header of each request.
function fakeServer(token = TOKEN) {
  const seen = [];
  const fetch = async (url, opts = {}) => {
    const a = (opts.headers || {}).Authorization || null;
    seen.push({ url, auth: a, method: opts.method || 'GET', body: opts.body });
    if (token && a !== `Bearer ${token}`) return res(401, { status: 401, title: 'Unauthorized', detail: 'a valid bearer token is required' });
    return res(200, { items: [], total: 0 }, 'application/json');
  };
  return { fetch, seen };
}

// fakePrompt answers each prompt with the next token in answers, checking
// it with verify as the dialog does (a refused one is "typed again").
function fakePrompt(...answers) {
  const calls = [];
  const prompt = async ({ reason, verify }) => {
    calls.push(reason);
    for (;;) {
      const t = answers.shift();
      if (t === undefined) throw new Error('no more answers');
      if (await verify(t)) return t;
      calls.push(`refused ${t}`);
    }
  };
  return { prompt, calls };
}

beforeEach(() => {
  session.m.clear();
  session.calls = [];
  configure({ store: new TokenStore(globalThis.sessionStorage), prompt: null, fetch: fakeServer('').fetch });
});

test('the token lives in sessionStorage under one key; set trims, empty clears', () => {
  assert.equal(getToken(), null);
  setToken(`  ${TOKEN}\n`);
  assert.equal(session.m.get(STORAGE_KEY), TOKEN);
  assert.equal(getToken(), TOKEN);
  setToken('   ');
  assert.equal(getToken(), null);
  assert.equal(session.m.has(STORAGE_KEY), false);
  setToken(TOKEN);
  clearToken();
  assert.equal(getToken(), null);
  assert.equal(session.m.size, 0);
});

test('the default store is sessionStorage, not localStorage', async () => {
  // The store made when auth.js loaded (before configure replaced it).
  const fresh = await import(`./auth.js?fresh=${Date.now()}`);
  fresh.setToken(TOKEN);
  assert.equal(session.m.get(fresh.STORAGE_KEY), TOKEN);
  fresh.clearToken();
});

test('a storage that throws falls back to memory', () => {
  const broken = { getItem() { throw new Error('denied'); }, setItem() { throw new Error('denied'); }, removeItem() { throw new Error('denied'); } };
  const s = new TokenStore(broken);
  s.set(TOKEN);
  assert.equal(s.get(), TOKEN);
  s.clear();
  assert.equal(s.get(), null);
  const none = new TokenStore(null);
  none.set('x');
  assert.equal(none.get(), 'x');
});

test('authHeaders adds Bearer only with a token and does not change its argument', () => {
  const h = { Accept: 'application/json' };
  assert.deepEqual(authHeaders(h), { Accept: 'application/json' });
  setToken(TOKEN);
  assert.deepEqual(authHeaders(h), { Accept: 'application/json', Authorization: `Bearer ${TOKEN}` });
  assert.deepEqual(h, { Accept: 'application/json' });
});

test('withAccessToken encodes the token and keeps other parameters', () => {
  assert.equal(withAccessToken('/api/projects/p/events'), '/api/projects/p/events', 'no token: unchanged');
  setToken('a+b/c=d&e');
  assert.equal(withAccessToken('/api/projects/p/events'), '/api/projects/p/events?access_token=a%2Bb%2Fc%3Dd%26e');
  assert.equal(withAccessToken('/x?last_event_id=4'), '/x?last_event_id=4&access_token=a%2Bb%2Fc%3Dd%26e');
  assert.equal(withAccessToken('/x', 'given'), '/x?access_token=given');
});

test('without --auth-token nothing is asked or sent', async () => {
  const srv = fakeServer('');
  const p = fakePrompt();
  configure({ fetch: srv.fetch, prompt: p.prompt });
  const out = await api('GET', '/api/projects');
  assert.deepEqual(out, { items: [], total: 0 });
  await api('POST', '/api/projects', { name: 'x' });
  assert.deepEqual(p.calls, []);
  assert.deepEqual(srv.seen.map((s) => s.auth), [null, null]);
  assert.equal(session.calls.filter((c) => c[0] !== 'get').length, 0, 'nothing stored');
});

test('a 401 asks once, stores the token, and retries with the header', async () => {
  const srv = fakeServer();
  const p = fakePrompt('wrong-token-0000000000', TOKEN);
  configure({ fetch: srv.fetch, prompt: p.prompt });
  const out = await api('POST', '/api/projects', { name: 'x' });
  assert.deepEqual(out, { items: [], total: 0 });
  assert.deepEqual(p.calls, ['missing', 'refused wrong-token-0000000000']);
  assert.equal(getToken(), TOKEN);
  assert.equal(session.m.get(STORAGE_KEY), TOKEN);
  assert.deepEqual(srv.seen.map((s) => [s.method, s.url, s.auth]), [
    ['POST', '/api/projects', null],
    ['GET', VERIFY_PATH, 'Bearer wrong-token-0000000000'],
    ['GET', VERIFY_PATH, `Bearer ${TOKEN}`],
    ['POST', '/api/projects', `Bearer ${TOKEN}`],
  ]);
  assert.equal(srv.seen[3].body, '{"name":"x"}', 'the body is sent again');
  // Later requests carry it without asking.
  await api('GET', '/api/projects');
  assert.equal(srv.seen.at(-1).auth, `Bearer ${TOKEN}`);
  assert.equal(p.calls.length, 2);
});

test('concurrent 401s share one prompt', async () => {
  const srv = fakeServer();
  const p = fakePrompt(TOKEN);
  configure({ fetch: srv.fetch, prompt: p.prompt });
  const got = await Promise.all([api('GET', '/api/openapi.json'), api('GET', '/api/projects'), api('GET', '/api/projects/p')]);
  assert.equal(got.length, 3);
  assert.deepEqual(p.calls, ['missing']);
});

test('a token the server stops accepting is cleared and asked for again', async () => {
  setToken('old-token-0123456789');
  const srv = fakeServer();
  let sawStored;
  const p = fakePrompt(TOKEN);
  configure({
    fetch: srv.fetch,
    prompt: (o) => { sawStored = getToken(); return p.prompt(o); },
  });
  await api('DELETE', '/api/projects/p');
  assert.equal(sawStored, null, 'the refused token was cleared before asking');
  assert.deepEqual(p.calls, ['rejected']);
  assert.equal(getToken(), TOKEN);
  assert.deepEqual(srv.seen.map((s) => s.auth), ['Bearer old-token-0123456789', `Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
});

test('without a prompt (or when it fails) the 401 reaches the caller', async () => {
  configure({ fetch: fakeServer().fetch, prompt: null });
  await assert.rejects(api('GET', '/api/projects'), (e) => e instanceof ApiError && e.status === 401);
  configure({ prompt: async () => { throw new Error('closed'); } });
  const r = await authFetch('/api/projects');
  assert.equal(r.status, 401);
  await assert.rejects(askForToken(), /closed/);
});

test('ensureToken asks when the token is missing and never throws', async () => {
  const srv = fakeServer();
  const p = fakePrompt(TOKEN);
  configure({ fetch: srv.fetch, prompt: p.prompt });
  await ensureToken();
  assert.equal(getToken(), TOKEN);
  configure({ fetch: async () => { throw new TypeError('Failed to fetch'); } });
  await ensureToken(); // the server is down: no throw
});
