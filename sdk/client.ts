// A typed client for the jxc REST API over fetch. The types come from schema.d.ts, which
// `npm run sdk` generates from the server's OpenAPI document; this file is written by hand.
//
//   import { createJxcClient, ApiError } from './sdk/client.js';
//   const jxc = createJxcClient({ baseUrl: 'http://localhost:3000', apiKey: 'jxc_…' });
//   const product = await jxc.post('/api/v1/products', { body: { sku: 'A-1', name: '螺丝', baseUnit: '个' } });
//   const page = await jxc.get('/api/v1/products', { query: { q: '螺丝' } });
//   await jxc.get('/api/v1/products/{id}', { path: { id: product.id } });
//   try { … } catch (err) { if (err instanceof ApiError && err.code === 'DUPLICATE') … }
import type { paths } from './schema.js';

export type { paths } from './schema.js';

/** The HTTP methods the client offers. */
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The paths that have an operation for `M`. */
export type PathsWith<M extends Method> = {
  [P in keyof paths]: [NonNullable<paths[P][M & keyof paths[P]]>] extends [never] ? never : P;
}[keyof paths];

/** The operation object of `M` on `P`. */
export type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M & keyof paths[P]]>;

type Params<O> = O extends { parameters: infer X } ? X : never;
type JsonOf<X> = X extends { content: { 'application/json': infer B } } ? B : unknown;
type PathOption<O> = Params<O> extends { path: infer T } ? { path: T } : { path?: undefined };
type QueryOption<O> = Params<O> extends { query: infer Q } ? { query: Q } : { query?: NonNullable<Params<O> extends { query?: infer Q } ? Q : never> };
type BodyOption<O> = O extends { requestBody: infer R } ? { body: JsonOf<R> } : O extends { requestBody?: infer R } ? ([NonNullable<R>] extends [never] ? { body?: undefined } : { body?: JsonOf<NonNullable<R>> }) : { body?: undefined };

/** What every call takes besides its parameters. */
export type CallOptions = {
  /** Retry-safe key for document-creating POSTs: the same key and body returns the first result. */
  idempotencyKey?: string;
  /** More headers (they win over the client's own). */
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

/** The options of one call: path and query parameters and the JSON body, each required when the API requires it. */
export type RequestOptions<P extends keyof paths, M extends Method> = PathOption<Operation<P, M>> & QueryOption<Operation<P, M>> & BodyOption<Operation<P, M>> & CallOptions;

type SuccessStatus = 200 | 201 | 202 | 204;
/** The JSON body of a successful reply (undefined for 204). */
export type ResponseBody<P extends keyof paths, M extends Method> = Operation<P, M> extends { responses: infer R }
  ? { [S in keyof R]: S extends SuccessStatus ? (S extends 204 ? undefined : JsonOf<R[S]>) : never }[keyof R]
  : unknown;

type Args<P extends keyof paths, M extends Method> = Partial<RequestOptions<P, M>> extends RequestOptions<P, M> ? [options?: RequestOptions<P, M>] : [options: RequestOptions<P, M>];

/** The error body the server sends: `{"error": {"code", "message", "details"}}`. */
export type ApiErrorBody = { error: { code: string; message: string; details: unknown } };

/** A reply outside 2xx. `code` is the server's error code (VALIDATION_FAILED, INSUFFICIENT_STOCK, …) or HTTP_<status> without one. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
  }
}

export type ClientOptions = {
  /** Where the server is, e.g. `http://localhost:3000` (paths start with /api). */
  baseUrl: string;
  /** An API key (系统设置 → API 密钥), sent as `Authorization: Bearer <key>`. */
  apiKey?: string;
  /** Language of error messages: `zh-CN` (the server's default) or `en`. */
  lang?: string;
  /** Another fetch (tests, proxies); the global one otherwise. */
  fetch?: typeof fetch;
};

export type JxcClient = {
  get<P extends PathsWith<'get'>>(path: P, ...args: Args<P, 'get'>): Promise<ResponseBody<P, 'get'>>;
  post<P extends PathsWith<'post'>>(path: P, ...args: Args<P, 'post'>): Promise<ResponseBody<P, 'post'>>;
  put<P extends PathsWith<'put'>>(path: P, ...args: Args<P, 'put'>): Promise<ResponseBody<P, 'put'>>;
  patch<P extends PathsWith<'patch'>>(path: P, ...args: Args<P, 'patch'>): Promise<ResponseBody<P, 'patch'>>;
  delete<P extends PathsWith<'delete'>>(path: P, ...args: Args<P, 'delete'>): Promise<ResponseBody<P, 'delete'>>;
};

type LooseOptions = CallOptions & { path?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };

/** A client for one server and one API key. */
export function createJxcClient(options: ClientOptions): JxcClient {
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, '');
  const call = async (method: Method, path: string, opts: LooseOptions = {}): Promise<unknown> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
    if (options.lang) headers['accept-language'] = options.lang;
    if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    Object.assign(headers, opts.headers);
    const res = await doFetch(base + fillPath(path, opts.path) + queryString(opts.query), {
      method: method.toUpperCase(),
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
    const body = await readBody(res);
    if (!res.ok) throw toApiError(res.status, body);
    return body;
  };
  const bind = (method: Method) => (path: string, opts?: LooseOptions) => call(method, path, opts);
  return { get: bind('get'), post: bind('post'), put: bind('put'), patch: bind('patch'), delete: bind('delete') } as JxcClient;
}

function fillPath(path: string, params: Record<string, unknown> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (params[name] === undefined) throw new TypeError(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(params[name]));
  });
}

// Arrays repeat the key (?status=a&status=b); undefined and null are left out.
function queryString(query: Record<string, unknown> = {}): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined && v !== null) q.append(key, String(v));
  }
  const text = q.toString();
  return text ? `?${text}` : '';
}

// JSON when the server says so; files (xlsx, CSV, PDF) as an ArrayBuffer; nothing as undefined.
async function readBody(res: Response): Promise<unknown> {
  if (res.status === 204) return undefined;
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    const text = await res.text();
    return text === '' ? undefined : JSON.parse(text);
  }
  if (type.startsWith('text/')) return res.text();
  const buf = await res.arrayBuffer();
  return buf.byteLength === 0 ? undefined : buf;
}

function toApiError(status: number, body: unknown): ApiError {
  const e = (body as Partial<ApiErrorBody> | undefined)?.error;
  if (e && typeof e.code === 'string') return new ApiError(status, e.code, e.message ?? e.code, e.details ?? null);
  return new ApiError(status, `HTTP_${status}`, typeof body === 'string' && body ? body : `HTTP ${status}`, body ?? null);
}
