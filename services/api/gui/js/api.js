// The API client: JSON in and out, RFC 9457 problems turned into ApiError
// with the server's detail and, on 422, its per-field messages. Requests go
// through authFetch (auth.js): the access token, when the server wants one.
import { authFetch } from './auth.js';

/** ApiError is a failed request: status 0 when the server was unreachable. */
export class ApiError extends Error {
  constructor(status, detail, fields = null, problem = null) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.detail = detail;
    this.fields = fields; // {field: message} from a 422's "errors"
    this.problem = problem || {};
  }
}

/** api sends one request; body is JSON-encoded unless it is FormData. */
export async function api(method, path, body, { signal } = {}) {
  const opts = { method, headers: { Accept: 'application/json' }, signal };
  if (body instanceof FormData) {
    opts.body = body;
  } else if (body !== undefined) {
    opts.headers['Content-Type'] = 'application/json';
    opts.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await authFetch(path, opts);
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'The server cannot be reached. Is genglossary serve running?');
  }
  if (res.status === 204) return null;
  if (!res.ok) throw await apiError(res);
  const ct = res.headers.get('Content-Type') || '';
  if (ct.includes('json')) return res.json();
  return res.text();
}

/** apiError turns a failed response into an ApiError (problem details read when JSON). */
export async function apiError(res) {
  const ct = res.headers.get('Content-Type') || '';
  let p = {};
  if (ct.includes('json')) p = await res.json().catch(() => ({}));
  const detail = p.detail || `${res.status} ${res.statusText}`;
  return new ApiError(res.status, detail, p.errors && typeof p.errors === 'object' ? p.errors : null, p);
}

/**
 * download fetches path with the access token and saves the answer as
 * fileName through an object URL (a plain <a href> cannot send the
 * Authorization header). It throws ApiError like api().
 */
export async function download(path, fileName) {
  let res;
  try {
    res = await authFetch(path, { headers: { Accept: '*/*' } });
  } catch {
    throw new ApiError(0, 'The server cannot be reached. Is genglossary serve running?');
  }
  if (!res.ok) throw await apiError(res);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return blob;
}

/** listAll reads every page of a paginated list (items/total). */
export async function listAll(path, { limit = 500, max = 5000 } = {}) {
  const items = [];
  const sep = path.includes('?') ? '&' : '?';
  for (let offset = 0; offset < max; offset += limit) {
    const page = await api('GET', `${path}${sep}limit=${limit}&offset=${offset}`);
    const got = page.items || [];
    items.push(...got);
    if (got.length < limit || items.length >= (page.total ?? 0)) break;
  }
  return items;
}

/**
 * Capabilities tells which operations this server offers, read from its
 * OpenAPI document (held to the router by a test), so the GUI never calls
 * a route that does not exist and can say so instead.
 */
export class Capabilities {
  constructor(doc) {
    this.ops = new Set();
    for (const [p, ops] of Object.entries((doc && doc.paths) || {})) {
      for (const m of Object.keys(ops)) {
        if (m !== 'parameters') this.ops.add(`${m.toUpperCase()} ${norm(p)}`);
      }
    }
  }
  /** has reports whether e.g. has('GET', '/api/projects/{pid}/terms'). */
  has(method, path) {
    return this.ops.has(`${method.toUpperCase()} ${norm(path)}`);
  }
  static async load() {
    try {
      return new Capabilities(await api('GET', '/api/openapi.json'));
    } catch {
      return new Capabilities(null);
    }
  }
}

function norm(p) {
  return p.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '');
}
