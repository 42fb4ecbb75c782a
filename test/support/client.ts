import type { FastifyInstance } from 'fastify';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/server/platform/access.js';

/** Response bodies are whatever JSON the server sent; tests assert on their shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export type Reply<T = Json> = {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
  cookies: { name: string; value: string; [attr: string]: unknown }[];
};

export type RequestOptions = {
  headers?: Record<string, string>;
  query?: Record<string, string | number>;
  /** Set false to leave out the X-CSRF-Token header on a write. */
  csrf?: boolean;
};

export type SessionState = { cookie?: string | null; csrfToken?: string | null; bearer?: string | null };

/** A caller that keeps its session cookie and sends the CSRF token (or an API key) on every request. */
export type TestClient = {
  cookie: string | null;
  csrfToken: string | null;
  bearer: string | null;
  user: Json;
  request<T = Json>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, opts?: RequestOptions): Promise<Reply<T>>;
  get<T = Json>(url: string, opts?: RequestOptions): Promise<Reply<T>>;
  post<T = Json>(url: string, body?: unknown, opts?: RequestOptions): Promise<Reply<T>>;
  patch<T = Json>(url: string, body?: unknown, opts?: RequestOptions): Promise<Reply<T>>;
  delete<T = Json>(url: string, opts?: RequestOptions): Promise<Reply<T>>;
};

/** A client over app.inject(); starts anonymous unless given a cookie or a bearer key. */
export function createClient(app: FastifyInstance, init: SessionState = {}): TestClient {
  const c: TestClient = {
    cookie: init.cookie ?? null,
    csrfToken: init.csrfToken ?? null,
    bearer: init.bearer ?? null,
    user: null,
    async request(method, url, body, opts = {}) {
      const headers: Record<string, string> = { ...opts.headers };
      if (c.bearer) headers.authorization = `Bearer ${c.bearer}`;
      if (c.cookie) headers.cookie = `${SESSION_COOKIE}=${c.cookie}`;
      if (c.csrfToken && method !== 'GET' && opts.csrf !== false) headers[CSRF_HEADER] = c.csrfToken;
      const query = opts.query ? Object.fromEntries(Object.entries(opts.query).map(([k, v]) => [k, String(v)])) : undefined;
      const res = await app.inject({ method, url, query, headers, ...(body === undefined ? {} : { payload: body as object }) });
      const reply = { status: res.statusCode, body: parseBody(res.body, res.headers['content-type']), headers: res.headers, cookies: res.cookies } as Reply;
      remember(c, reply);
      return reply;
    },
    get: (url, opts) => c.request('GET', url, undefined, opts),
    post: (url, body, opts) => c.request('POST', url, body ?? {}, opts),
    patch: (url, body, opts) => c.request('PATCH', url, body ?? {}, opts),
    delete: (url, opts) => c.request('DELETE', url, undefined, opts),
  };
  return c;
}

function parseBody(text: string, contentType: unknown): Json {
  if (text === '') return null;
  return String(contentType ?? '').includes('json') ? JSON.parse(text) : text;
}

// Follows the server's session cookie and picks up the CSRF token from setup/login/me replies.
function remember(c: TestClient, reply: Reply): void {
  const set = reply.cookies.find((k) => k.name === SESSION_COOKIE);
  if (set) {
    const expired = set.value === '' || (set.expires instanceof Date && set.expires.getTime() <= Date.now()) || set.maxAge === 0;
    c.cookie = expired ? null : set.value;
    if (expired) c.csrfToken = null;
  }
  const b = reply.body as { user?: unknown; csrfToken?: unknown } | null;
  if (reply.status === 200 && b && typeof b === 'object' && b.user && typeof b.csrfToken === 'string' && !c.bearer) {
    c.csrfToken = b.csrfToken;
    c.user = b.user;
  }
}
