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

/** One file part for upload(); `type` is its Content-Type (application/octet-stream unless given). */
export type UploadFile = { name: string; content: string | Buffer; type?: string };

/** Request options plus `lang`, sent as Accept-Language (the server falls back to zh-CN without it). */
export type UploadOptions = RequestOptions & { lang?: string };

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
  /** POSTs multipart/form-data: the text `fields`, then `file` as the `file` part (null sends none). */
  upload<T = Json>(url: string, file: UploadFile | null, fields?: Record<string, string>, opts?: UploadOptions): Promise<Reply<T>>;
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
    upload(url, file, fields = {}, { lang, ...opts } = {}) {
      const { boundary, payload } = multipart(file, fields);
      const headers: Record<string, string> = { ...opts.headers, 'content-type': `multipart/form-data; boundary=${boundary}` };
      if (lang) headers['accept-language'] = lang;
      return c.request('POST', url, payload, { ...opts, headers });
    },
  };
  return c;
}

function multipart(file: UploadFile | null, fields: Record<string, string>): { boundary: string; payload: Buffer } {
  const boundary = `----jxc${Math.random().toString(16).slice(2)}`;
  const part = (head: string, body: string | Buffer) => [Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`), Buffer.from(body), Buffer.from('\r\n')];
  const payload = Buffer.concat([
    ...Object.entries(fields).flatMap(([k, v]) => part(`Content-Disposition: form-data; name="${k}"`, v)),
    ...(file ? part(`Content-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}`, file.content) : []),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return { boundary, payload };
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
