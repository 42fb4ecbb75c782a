import fc from 'fast-check';

// Requests made invalid by construction from the OpenAPI document: every one of them breaks a rule
// the document states (a type, a bound, a required property, an enum, the media type, the JSON
// syntax, an id that names nothing), so the only right answers are 4xx.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Schema = Record<string, any>;
type Key = string | number;

export type Op = {
  method: string;
  /** OpenAPI template, e.g. /api/v1/sales-orders/{id}/confirm */
  path: string;
  params: { name: string; in: string; schema: Schema; required?: boolean }[];
  /** The JSON body schema, when the operation takes one. */
  body?: Schema;
};

export type BadRequest = {
  kind: string;
  /** The operation, as METHOD /template */
  op: string;
  method: string;
  url: string;
  contentType?: string;
  headers?: Record<string, string>;
  payload?: string | Buffer;
};

/** Every operation of the document. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function operations(doc: any): Op[] {
  const ops: Op[] = [];
  for (const [path, item] of Object.entries<Record<string, Schema>>(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      ops.push({ method: method.toUpperCase(), path, params: op.parameters ?? [], body: op.requestBody?.content?.['application/json']?.schema });
    }
  }
  return ops;
}

type JsonType = 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object';

function typeOf(v: unknown): JsonType {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v as JsonType;
}

/** The JSON types a schema accepts, or null when it does not say (anything goes). */
function acceptedTypes(s: Schema): Set<JsonType> | null {
  const branches = s.anyOf ?? s.oneOf;
  if (branches) {
    const all = new Set<JsonType>();
    for (const b of branches) {
      const t = acceptedTypes(b);
      if (!t) return null;
      t.forEach((x) => all.add(x));
    }
    return all;
  }
  if (s.type) {
    const t = new Set<JsonType>(Array.isArray(s.type) ? s.type : [s.type]);
    if (t.has('number')) t.add('integer');
    return t;
  }
  if (s.enum) return new Set(s.enum.map(typeOf).flatMap((t: JsonType) => (t === 'integer' ? ['integer', 'number'] : [t])));
  if (s.const !== undefined) return new Set([typeOf(s.const)]);
  return null;
}

const samples: unknown[] = ['wrong-type', 12345, 3.25, true, null, [1, 'a'], { nested: 'object' }];

/** Values of a JSON type the schema does not accept (none when it accepts anything). */
function wrongValues(s: Schema): unknown[] {
  const ok = acceptedTypes(s);
  if (!ok) return [];
  return samples.filter((v) => !ok.has(typeOf(v)) && !(typeOf(v) === 'integer' && ok.has('number')));
}

function objectBranch(s: Schema): Schema | undefined {
  if (s.type === 'object' || s.properties) return s;
  const branches: Schema[] | undefined = s.anyOf ?? s.oneOf;
  const real = branches?.filter((b) => b.type !== 'null');
  return real?.length === 1 ? objectBranch(real[0]) : undefined;
}

function arrayBranch(s: Schema): Schema | undefined {
  if (s.type === 'array') return s;
  const branches: Schema[] | undefined = s.anyOf ?? s.oneOf;
  const real = branches?.filter((b) => b.type !== 'null');
  return real?.length === 1 ? arrayBranch(real[0]) : undefined;
}

/** A plausible value: required properties only, known ids where the name says which. */
export function baseValue(s: Schema, name: string, ids: Record<string, string>): unknown {
  const branches: Schema[] | undefined = s.anyOf ?? s.oneOf;
  if (branches) return baseValue(branches.find((b) => b.type !== 'null') ?? branches[0], name, ids);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.default !== undefined) return s.default;
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const k of s.required ?? []) if (s.properties?.[k]) o[k] = baseValue(s.properties[k], k, ids);
      return o;
    }
    case 'array': {
      const n = Math.max(s.minItems ?? 0, s.maxItems === 0 ? 0 : 1);
      return Array.from({ length: n }, () => baseValue(s.items ?? {}, name, ids));
    }
    case 'integer':
    case 'number': {
      const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
      return Math.min(Math.max(lo, 1), s.maximum ?? Number.MAX_SAFE_INTEGER);
    }
    case 'boolean':
      return false;
    case 'string': {
      if (ids[name]) return ids[name];
      if (s.format === 'date' || s.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return '2026-03-02';
      if (s.format === 'date-time') return '2026-03-02T08:00:00.000Z';
      if (s.format === 'email') return 'chaos@example.com';
      if (s.format === 'uri' || s.format === 'url') return 'https://example.com/hook';
      return 'x'.repeat(Math.max(s.minLength ?? 1, 1));
    }
    default:
      return 'x';
  }
}

type Site = { path: Key[]; schema: Schema; parents: Schema[] };

/** Every property position in a body schema (through objects and array items), with the schemas on the way. */
function sites(root: Schema, path: Key[] = [], parents: Schema[] = [], depth = 0): Site[] {
  const out: Site[] = [{ path, schema: root, parents }];
  if (depth > 6) return out;
  const obj = objectBranch(root);
  if (obj?.properties) {
    for (const [k, sub] of Object.entries<Schema>(obj.properties)) out.push(...sites(sub, [...path, k], [...parents, obj], depth + 1));
  }
  const arr = arrayBranch(root);
  if (arr?.items && arr.maxItems !== 0) out.push(...sites(arr.items, [...path, 0], [...parents, arr], depth + 1));
  return out;
}

/** Applies `change` at `path` in a copy of `base`, building missing containers from their schemas. */
function mutate(base: unknown, site: Site, ids: Record<string, string>, change: (holder: Record<Key, unknown>, key: Key) => void): unknown {
  const root = structuredClone(base);
  if (site.path.length === 0) {
    const holder: Record<Key, unknown> = { v: root };
    change(holder, 'v');
    return holder.v;
  }
  let cur = root as Record<Key, unknown>;
  for (let i = 0; i < site.path.length - 1; i++) {
    const k = site.path[i];
    if (cur[k] === undefined || cur[k] === null || typeof cur[k] !== 'object') {
      const sub = site.parents[i + 1];
      cur[k] = baseValue(sub, String(k), ids);
      if (Array.isArray(cur[k]) && (cur[k] as unknown[]).length === 0) (cur[k] as unknown[]).push(baseValue(sub.items ?? {}, String(k), ids));
    }
    cur = cur[k] as Record<Key, unknown>;
  }
  change(cur, site.path[site.path.length - 1]);
  return root;
}

const hugeLength = fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 100 }), fc.integer({ min: 10_000, max: 100_000 }));

/** Values that break a bound of the schema (range, length, item count, enum, date format). */
function outOfRange(s: Schema): fc.Arbitrary<unknown>[] {
  const out: fc.Arbitrary<unknown>[] = [];
  const t = acceptedTypes(s);
  const only = (x: JsonType) => t !== null && [...t].every((y) => y === x || y === 'null' || (x === 'number' && y === 'integer'));
  if (only('integer') || only('number')) {
    if (s.maximum !== undefined) out.push(fc.integer({ min: 1, max: 1e6 }).map((d) => s.maximum + d));
    if (s.exclusiveMaximum !== undefined) out.push(fc.integer({ min: 0, max: 1e6 }).map((d) => s.exclusiveMaximum + d));
    if (s.minimum !== undefined) out.push(fc.integer({ min: 1, max: 1e6 }).map((d) => s.minimum - d));
    if (s.exclusiveMinimum !== undefined) out.push(fc.integer({ min: 0, max: 1e6 }).map((d) => s.exclusiveMinimum - d));
    if (only('integer')) out.push(fc.integer({ min: 0, max: 1000 }).map((n) => n + 0.5));
  }
  if (only('string')) {
    if (s.maxLength !== undefined) out.push(hugeLength.map((d) => '長'.repeat(s.maxLength + d)));
    if ((s.minLength ?? 0) > 0) out.push(fc.constant(''));
    if (s.enum) out.push(fc.string({ minLength: 1, maxLength: 12 }).filter((v) => !s.enum.includes(v)).map((v) => `not-${v}`));
    if (s.format === 'date' || s.format === 'date-time') out.push(fc.constantFrom('2026-13-45', 'yesterday', '2026/03/02', '02-03-2026'));
  }
  if (only('array')) {
    if (s.maxItems !== undefined && s.maxItems <= 5000) out.push(fc.constant(null).map(() => Array.from({ length: s.maxItems + 1 }, () => 'x')));
    if ((s.minItems ?? 0) > 0) out.push(fc.constant([]));
  }
  return out;
}

/** Every kind of broken body for one JSON body schema, each from a plausible base. */
function badBodies(body: Schema, ids: Record<string, string>): fc.Arbitrary<{ kind: string; value: unknown }>[] {
  const base = baseValue(body, '', ids);
  const all = sites(body);
  const out: fc.Arbitrary<{ kind: string; value: unknown }>[] = [];
  const pick = <T>(xs: T[]) => fc.constantFrom(...xs);
  const wrong = all.filter((s) => wrongValues(s.schema).length > 0);
  if (wrong.length) out.push(pick(wrong).chain((site) => pick(wrongValues(site.schema)).map((v) => ({ kind: site.path.length ? 'body: wrong type' : 'body: not an object', value: mutate(base, site, ids, (h, k) => { h[k] = v; }) }))));
  const ranged = all.map((site) => ({ site, arbs: outOfRange(site.schema) })).filter((x) => x.arbs.length > 0);
  if (ranged.length) out.push(pick(ranged).chain(({ site, arbs }) => fc.oneof(...arbs).map((v) => ({ kind: 'body: out of range', value: mutate(base, site, ids, (h, k) => { h[k] = v; }) }))));
  const withRequired = all.filter((s) => (objectBranch(s.schema)?.required ?? []).length > 0 && objectBranch(s.schema) === s.schema);
  if (withRequired.length) {
    out.push(pick(withRequired).chain((site) => pick(site.schema.required as string[]).map((k) => ({
      kind: 'body: required missing',
      value: mutate(base, { ...site, path: [...site.path, k], parents: [...site.parents, site.schema] }, ids, (h, key) => { delete h[key]; }),
    }))));
  }
  const strict = all.filter((s) => objectBranch(s.schema) === s.schema && s.schema.additionalProperties === false);
  if (strict.length) {
    out.push(pick(strict).chain((site) => fc.stringMatching(/^[a-z]{1,10}$/).filter((k) => !site.schema.properties?.[`zz${k}`]).map((k) => ({
      kind: 'body: unknown property',
      value: mutate(base, { ...site, path: [...site.path, `zz${k}`], parents: [...site.parents, site.schema] }, ids, (h, key) => { h[key] = 1; }),
    }))));
  }
  return out;
}

/** Query, path or header values that break the parameter's schema. */
function badParamValues(s: Schema): fc.Arbitrary<string>[] {
  const out: fc.Arbitrary<string>[] = [];
  const t = acceptedTypes(s);
  const numeric = t !== null && [...t].every((x) => x === 'integer' || x === 'number');
  if (numeric) {
    out.push(fc.constantFrom('abc', 'NaN', '1e', '--1', '一'));
    out.push(...outOfRange(s).map((a) => a.map(String)));
  }
  if (s.enum) out.push(fc.stringMatching(/^[a-z0-9]{1,10}$/).map((v) => `zz-${v}`));
  const str = (s.anyOf ?? [s]).find((b: Schema) => b.type === 'string');
  if (str && !s.enum) {
    if (str.maxLength !== undefined) out.push(hugeLength.filter((d) => d < 20_000).map((d) => 'q'.repeat(str.maxLength + d)));
    if (str.format === 'date' || str.format === 'date-time' || str.pattern === '^\\d{4}-\\d{2}-\\d{2}$') out.push(fc.constantFrom('2026-13-45', 'yesterday', '2026/03/02'));
  }
  return out;
}

const invalidJson = fc.oneof(
  fc.constantFrom('{', '{"a":', "{'a':1}", '[1,2', 'nul', '{"x":1}}', '{"a":01}', '"unterminated', '{,}', 'undefined'),
  fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '' && !isJson(s)),
);

function isJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

/** A multipart/form-data body: text fields and at most one file part named `file`. */
function multipart(file: { name: string; content: Uint8Array } | null, fields: Record<string, string> = {}): { contentType: string; payload: Buffer } {
  const boundary = '----jxcchaos7d1f';
  const part = (head: string, body: Uint8Array | string) => [Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`), Buffer.from(body), Buffer.from('\r\n')];
  const payload = Buffer.concat([
    ...Object.entries(fields).flatMap(([k, v]) => part(`Content-Disposition: form-data; name="${k}"`, v)),
    ...(file ? part(`Content-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream`, file.content) : []),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return { contentType: `multipart/form-data; boundary=${boundary}`, payload };
}

const bytes = (prefix: number[]) => fc.uint8Array({ minLength: 0, maxLength: 2000 }).map((b) => new Uint8Array([...prefix, ...b]));

/** Files no import can read: a damaged .xlsx (zip header, then noise), an old .xls, binary text, an unsupported type, nothing. */
const unreadableFile = fc.oneof(
  bytes([0x50, 0x4b, 0x03, 0x04]).map((content) => ({ name: 'data.xlsx', content })),
  bytes([0xd0, 0xcf, 0x11, 0xe0]).map((content) => ({ name: 'data.xls', content })),
  bytes([0x41, 0x00, 0x42]).map((content) => ({ name: 'data.csv', content })),
  fc.constantFrom('pdf', 'exe', 'docx', 'json').chain((ext) => bytes([0x25]).map((content) => ({ name: `data.${ext}`, content }))),
  fc.constant({ name: 'empty.csv', content: new Uint8Array() }),
);

/** The bad requests one operation admits; none when nothing about it can be broken (a GET without parameters). */
export function badRequests(op: Op, ids: Record<string, string>): fc.Arbitrary<BadRequest>[] {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const goodPath = (override: Record<string, string> = {}) => op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (override[name] !== undefined) return encodeURIComponent(override[name]);
    const p = pathParams.find((x) => x.name === name);
    if (p?.schema.enum) return encodeURIComponent(p.schema.enum[0]);
    const segment = op.path.split('/').at(op.path.split('/').indexOf(`{${name}}`) - 1) ?? '';
    return encodeURIComponent(ids[name] ?? ids[segment] ?? `no-such-${name}`);
  });
  const json = (v: unknown) => (v === undefined ? undefined : JSON.stringify(v));
  const hasBody = op.method !== 'GET' && op.method !== 'HEAD';
  const base = op.body ? baseValue(op.body, '', ids) : undefined;
  const plain = (kind: string, url: string, payload?: string): BadRequest => ({ kind, op: `${op.method} ${op.path}`, method: op.method, url, ...(payload === undefined ? {} : { contentType: 'application/json', payload }) });
  const out: fc.Arbitrary<BadRequest>[] = [];

  for (const p of op.params) {
    const values = badParamValues(p.schema);
    if (!values.length) continue;
    const arb = fc.oneof(...values);
    if (p.in === 'query') out.push(arb.map((v) => plain(`query: ${p.name}`, `${goodPath()}?${new URLSearchParams({ [p.name]: v })}`, json(base))));
    if (p.in === 'header') out.push(arb.map((v) => ({ ...plain(`header: ${p.name}`, goodPath(), json(base)), headers: { [p.name]: v } })));
    if (p.in === 'path') out.push(arb.map((v) => plain(`path: ${p.name} invalid`, goodPath({ [p.name]: v }), json(base))));
  }
  if (op.params.some((p) => p.in === 'query' && p.required)) out.push(fc.constant(null).map(() => plain('query: required missing', goodPath(), json(base))));
  // An id that names nothing: 404 (the body is the plausible one, so the id is what is wrong).
  for (const p of pathParams.filter((x) => !x.schema.enum)) {
    out.push(fc.nat(999_999).map((n) => plain(`path: ${p.name} unknown`, goodPath({ [p.name]: `zz${String(n).padStart(24, '0')}` }), json(base))));
  }
  if (hasBody) {
    out.push(invalidJson.map((text) => plain('body: invalid JSON', goodPath(), text)));
    out.push(fc.constantFrom('application/xml', 'application/x-www-form-urlencoded', 'image/png').map((ct) => ({ ...plain('content-type: unsupported', goodPath()), contentType: ct, payload: ct === 'application/xml' ? '<order/>' : 'a=1&b=2' })));
  }
  // Uploads (the import routes take multipart/form-data, which the document does not describe):
  // JSON instead of a form, a form without the file, a file no reader can read.
  if (op.method === 'POST' && !op.body && op.path.startsWith('/api/v1/imports/')) {
    out.push(fc.constant(null).map(() => plain('upload: JSON instead of a form', goodPath(), '{}')));
    out.push(fc.constant(null).map(() => ({ ...plain('upload: no file', goodPath()), ...multipart(null, { note: 'x' }) })));
    out.push(unreadableFile.map((f) => ({ ...plain('upload: unreadable file', goodPath()), ...multipart(f) })));
  }
  if (op.body) {
    out.push(fc.constant(null).map(() => ({ ...plain('content-type: multipart', goodPath()), ...multipart({ name: 'x.csv', content: Buffer.from('a,b') }) })));
    out.push(fc.constant(null).map(() => ({ ...plain('content-type: text/plain', goodPath()), contentType: 'text/plain', payload: JSON.stringify(base) })));
    for (const b of badBodies(op.body, ids)) out.push(b.map(({ kind, value }) => plain(kind, goodPath(), json(value) ?? '')));
    const accepted = acceptedTypes(op.body);
    if (accepted) out.push(fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 })).filter((v) => !accepted.has(typeOf(v))).map((v) => plain('body: not an object', goodPath(), JSON.stringify(v))));
  }
  return out;
}
