// The API client: JSON in and out, RFC 9457 problems turned into ApiError
// with the server's detail and, on 422, its per-field messages.

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
    res = await fetch(path, opts);
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'The server cannot be reached. Is genglossary serve running?');
  }
  if (res.status === 204) return null;
  const ct = res.headers.get('Content-Type') || '';
  if (!res.ok) {
    let p = {};
    if (ct.includes('json')) p = await res.json().catch(() => ({}));
    const detail = p.detail || `${res.status} ${res.statusText}`;
    throw new ApiError(res.status, detail, p.errors && typeof p.errors === 'object' ? p.errors : null, p);
  }
  if (ct.includes('json')) return res.json();
  return res.text();
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
