// The access token for a server started with --auth-token (docs/security.md).
//
// The token lives in sessionStorage (gone when the tab closes; never
// localStorage). authFetch sends it as "Authorization: Bearer <token>"; when
// the server answers 401 it forgets a token it no longer accepts, asks for
// one through the prompt set with setPrompt (a modal, see authprompt.js),
// and sends the request again. Concurrent 401s share one prompt. A server
// without --auth-token never answers 401, so nothing is ever asked or sent.
//
// EventSource cannot set headers: withAccessToken appends ?access_token= to
// the two SSE URLs, the only routes that accept it.

export const STORAGE_KEY = 'genglossary.accessToken';

/**
 * TokenStore keeps the token in a Storage (sessionStorage in the browser),
 * falling back to memory when the storage is missing or throws (storage
 * disabled by the user).
 */
export class TokenStore {
  constructor(storage) {
    this.storage = storage || null;
    this.mem = null;
  }
  get() {
    try {
      if (this.storage) return this.storage.getItem(STORAGE_KEY) || null;
    } catch { /* fall back to memory */ }
    return this.mem;
  }
  set(token) {
    const t = String(token || '').trim();
    if (!t) { this.clear(); return; }
    this.mem = t;
    try { if (this.storage) this.storage.setItem(STORAGE_KEY, t); } catch { /* memory only */ }
  }
  clear() {
    this.mem = null;
    try { if (this.storage) this.storage.removeItem(STORAGE_KEY); } catch { /* memory only */ }
  }
}

function defaultStorage() {
  try { return globalThis.sessionStorage || null; } catch { return null; }
}

let store = new TokenStore(defaultStorage());
let prompt = null; // async ({reason, verify}) => token
let pending = null; // the prompt being shown, shared by concurrent 401s
let fetchImpl = (...a) => globalThis.fetch(...a);

/** configure replaces the store, the prompt or fetch (tests; app.js sets the prompt). */
export function configure({ store: s, prompt: p, fetch: f } = {}) {
  if (s !== undefined) store = s;
  if (p !== undefined) prompt = p;
  if (f !== undefined) fetchImpl = f;
  pending = null;
}

/** setPrompt installs the function that asks the user for a token. */
export function setPrompt(p) { prompt = p; }

export function getToken() { return store.get(); }
export function setToken(t) { store.set(t); }
export function clearToken() { store.clear(); }

/** authHeaders returns a copy of headers with Authorization set when a token is known. */
export function authHeaders(headers = {}, token = store.get()) {
  const out = { ...headers };
  if (token) out.Authorization = `Bearer ${token}`;
  return out;
}

/**
 * withAccessToken appends access_token=<token> to an SSE URL (only the two
 * SSE routes accept it). Without a token the URL is returned unchanged.
 */
export function withAccessToken(url, token = store.get()) {
  if (!token) return url;
  return url + (url.includes('?') ? '&' : '?') + 'access_token=' + encodeURIComponent(token);
}

/** VERIFY_PATH is read with a candidate token to check it before keeping it. */
export const VERIFY_PATH = '/api/projects?limit=1';

/**
 * verifyToken reports whether the server accepts token: false on 401, true
 * on any other answer (a 5xx is not the token's fault). It throws when the
 * server cannot be reached.
 */
export async function verifyToken(token) {
  const res = await fetchImpl(VERIFY_PATH, { headers: { Accept: 'application/json', Authorization: `Bearer ${token}` } });
  return res.status !== 401;
}

/**
 * askForToken shows the prompt (once for all callers waiting at the same
 * time) and resolves when a token the server accepts is stored. reason is
 * 'missing' (no token was sent) or 'rejected' (the stored one was refused).
 */
export function askForToken(reason = 'missing') {
  if (!prompt) return Promise.reject(new Error('no token prompt'));
  if (!pending) {
    pending = Promise.resolve()
      .then(() => prompt({ reason, verify: verifyToken }))
      .then((t) => { store.set(t); })
      .finally(() => { pending = null; });
  }
  return pending;
}

/**
 * authFetch is fetch with the token: on 401 it forgets a refused token,
 * asks for a new one and retries. Without a prompt (or when asking fails)
 * the 401 response is returned to the caller as is.
 */
export async function authFetch(url, opts = {}) {
  for (;;) {
    const token = store.get();
    const res = await fetchImpl(url, { ...opts, headers: authHeaders(opts.headers || {}, token) });
    if (res.status !== 401 || !prompt) return res;
    if (opts.signal && opts.signal.aborted) return res;
    if (token && store.get() !== token) continue; // another request already got a new token
    if (token) store.clear();
    try {
      await askForToken(token ? 'rejected' : 'missing');
    } catch {
      return res;
    }
  }
}

/**
 * ensureToken makes one authenticated request (VERIFY_PATH) so that a
 * refused or missing token is asked for before an EventSource reconnects:
 * EventSource does not tell a 401 from a network error. Errors are ignored.
 */
export async function ensureToken() {
  try {
    const res = await authFetch(VERIFY_PATH, { headers: { Accept: 'application/json' } });
    if (res.body && res.body.cancel) res.body.cancel().catch(() => {});
  } catch { /* the server is down: the caller's backoff goes on */ }
}
