// The one door to the server: JSON in and out, the CSRF token on writes, the UI language on every call.

export type FieldError = { field: string; message: string };
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
export type Query = Record<string, string | number | boolean | null | undefined>;

/** An error reply from the API (`{error:{code,message,details}}`), or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
  }

  /** Field-level errors, when the server sent them. */
  get fieldErrors(): FieldError[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter((d): d is FieldError => typeof d?.field === 'string' && typeof d?.message === 'string');
  }
}

let csrfToken = '';
let language = 'zh-CN';
let onUnauthenticated: () => void = () => {};

/** Remembers the CSRF token from login, setup or /me. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Sets the language sent as Accept-Language, so server messages match the UI. */
export function setApiLanguage(lng: string): void {
  language = lng;
}

/** Called when any request (other than the session probes) comes back 401. */
export function setUnauthenticatedHandler(fn: () => void): void {
  onUnauthenticated = fn;
}

/** Builds `path?query`, leaving out empty values. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

type RequestOptions = { query?: Query; body?: unknown; form?: FormData; quiet401?: boolean; headers?: Record<string, string> };

/** Sends one request to `/api/v1{path}` and returns the parsed JSON (undefined for 204). */
export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { ...opts.headers, 'Accept-Language': language, Accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(withQuery(`/api/v1${path}`, opts.query), { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', language === 'en' ? 'Cannot reach the server' : '无法连接服务器');
  }
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => null)) as { error?: { code: string; message: string; details?: unknown } } | null;
  if (!res.ok) {
    const e = data?.error;
    const err = new ApiError(res.status, e?.code ?? `HTTP_${res.status}`, e?.message ?? `HTTP ${res.status}`, e?.details ?? null);
    if (res.status === 401 && !opts.quiet401) onUnauthenticated();
    throw err;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query, opts: Omit<RequestOptions, 'query'> = {}) => request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  del: <T = void>(path: string) => request<T>('DELETE', path),
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, { form }),
};

function filenameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain ? plain[1] : fallback;
}

/**
 * Downloads a file (exports, import templates). Fetched rather than linked so the file's headings
 * follow the UI language (Accept-Language) and errors show as messages instead of a JSON page.
 */
export async function downloadFile(path: string, query?: Query, fallbackName = 'download'): Promise<void> {
  const res = await fetch(withQuery(`/api/v1${path}`, query), { headers: { 'Accept-Language': language }, credentials: 'same-origin' });
  if (!res.ok) {
    const data = (await res.json().catch(() => null)) as { error?: { code: string; message: string; details?: unknown } } | null;
    if (res.status === 401) onUnauthenticated();
    throw new ApiError(res.status, data?.error?.code ?? `HTTP_${res.status}`, data?.error?.message ?? `HTTP ${res.status}`, data?.error?.details ?? null);
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filenameOf(res, fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
