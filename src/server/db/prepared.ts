import type { CompiledQuery, Compilable, DialectAdapter, Kysely, QueryResult } from 'kysely';
import type { Database } from './schema.js';

/** Stands for one argument while a prepared query is built; `path` says where it is in the arguments. */
class Slot {
  constructor(readonly path: readonly (string | number)[]) {}
}

type Template = { compiled: CompiledQuery; bind: ((args: unknown) => unknown)[] };

/** Kysely's builder, transformer (CamelCasePlugin) and compiler cost ~25 µs a statement; this skips them after the first run. */
export type Prepared<A, O> = {
  /** The rows the query returns. */
  rows(db: Kysely<Database>, args: A): Promise<O[]>;
  /** The first row, or undefined. */
  first(db: Kysely<Database>, args: A): Promise<O | undefined>;
  /** Rows inserted, updated or deleted. */
  affected(db: Kysely<Database>, args: A): Promise<number>;
};

/**
 * A query written with Kysely's builder once and compiled once per database (and per shape of
 * its arguments: the lengths of the arrays in them), then run with new arguments as they come.
 * `build` receives stand-ins for the arguments: every leaf (a string, number, null, …) may only
 * be passed to the query as a value, never inspected (an `if` on it, or string concatenation,
 * would see the stand-in). Arrays and plain objects are walked; `undefined` binds as null.
 */
export function prepared<A, O>(build: (db: Kysely<Database>, args: A) => Compilable<O>): Prepared<A, O> {
  const byAdapter = new WeakMap<DialectAdapter, Map<string, Template>>();
  const run = async (db: Kysely<Database>, args: A): Promise<QueryResult<O>> => {
    const adapter = db.getExecutor().adapter;
    let templates = byAdapter.get(adapter);
    if (!templates) byAdapter.set(adapter, (templates = new Map()));
    const shape = shapeOf(args);
    let t = templates.get(shape);
    if (!t) {
      t = compile(db, build, args);
      // Bounded: documents of many sizes (multi-row inserts) would otherwise keep a text for each.
      if (templates.size >= MAX_SHAPES) templates.delete(templates.keys().next().value as string);
      templates.set(shape, t);
    }
    const parameters = t.bind.map((get) => get(args));
    return db.executeQuery<O>({ ...t.compiled, parameters } as CompiledQuery<O>);
  };
  return {
    rows: async (db, args) => (await run(db, args)).rows,
    first: async (db, args) => (await run(db, args)).rows[0],
    affected: async (db, args) => Number((await run(db, args)).numAffectedRows ?? 0n),
  };
}

function compile<A, O>(db: Kysely<Database>, build: (db: Kysely<Database>, args: A) => Compilable<O>, args: A): Template {
  const compiled = build(db, standIns(args, []) as A).compile();
  const bind = compiled.parameters.map((p): ((args: unknown) => unknown) => {
    if (!(p instanceof Slot)) return () => p;
    const path = p.path;
    return (a) => {
      let v = a;
      for (const k of path) v = (v as Record<string | number, unknown>)[k];
      return v === undefined ? null : v;
    };
  });
  return { compiled, bind };
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

function standIns(v: unknown, path: (string | number)[]): unknown {
  if (Array.isArray(v)) return v.map((x, i) => standIns(x, [...path, i]));
  if (isPlain(v)) return Object.fromEntries(Object.keys(v).map((k) => [k, standIns(v[k], [...path, k])]));
  return new Slot(path);
}

const MAX_SHAPES = 64;

/**
 * What decides the SQL text: the lengths of the arrays and the keys of the objects in the
 * arguments (an insert's columns are its row's keys). Leaves do not count.
 */
function shapeOf(v: unknown): string {
  if (Array.isArray(v)) {
    let s = `[${v.length}`;
    for (const x of v) if (typeof x === 'object' && x !== null) s += shapeOf(x);
    return `${s}]`;
  }
  if (isPlain(v)) {
    let s = '{';
    for (const k in v) {
      const x = v[k];
      s += typeof x === 'object' && x !== null ? `${k}${shapeOf(x)},` : `${k},`;
    }
    return `${s}}`;
  }
  return '';
}
