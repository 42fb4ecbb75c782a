import { sql, type SelectQueryBuilder } from 'kysely';
import { DomainError } from './errors.js';

export type ListArgs = { q?: string; page: number; pageSize: number; sort?: string };
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyQuery = SelectQueryBuilder<any, any, any>;

/** Adds a case-insensitive "contains" search over the given columns (same on SQLite and PostgreSQL). */
export function searchWhere<Q extends AnyQuery>(query: Q, q: string | undefined, columns: string[], extra?: (eb: any) => any): Q {
  if (!q) return query;
  const pattern = `%${likeEscape(q)}%`;
  return query.where((eb: any) =>
    eb.or([...columns.map((c) => sql<boolean>`lower(coalesce(${sql.ref(c)}, '')) like ${pattern} escape '\\'`), ...(extra ? [extra(eb)] : [])]),
  ) as Q;
}

const likeEscape = (s: string) => s.toLowerCase().replace(/[\\%_]/g, (c) => '\\' + c);

/** Rows whose JSON string-array column contains `tag` (case-insensitive, exact element). */
export function whereTag<Q extends AnyQuery>(query: Q, column: string, tag: string): Q {
  const pattern = `%${likeEscape(JSON.stringify(tag))}%`;
  return query.where(sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`) as Q;
}

/** Applies `sort` ("name" or "-name") when the field is in `allowed` (field → column), else the default. */
export function sortBy<Q extends AnyQuery>(query: Q, sort: string | undefined, allowed: Record<string, string>, fallback: string): Q {
  if (sort && !allowed[sort.replace(/^-/, '')]) {
    const fields = Object.keys(allowed).join(', ');
    throw new DomainError('VALIDATION_FAILED', { summary: `sort: ${sort}` }, [
      { field: 'sort', in: 'querystring', message: { zh: `不能按「${sort}」排序，可选：${fields}`, en: `Cannot sort by "${sort}"; use one of ${fields}` } },
    ]);
  }
  const spec = sort || fallback;
  const desc = spec.startsWith('-');
  const column = allowed[spec.replace(/^-/, '')];
  // A unique tie-breaker keeps pages stable.
  return (query as any).orderBy(column, desc ? 'desc' : 'asc').orderBy(idColumn(column), 'asc') as Q;
}

function idColumn(column: string): string {
  const dot = column.indexOf('.');
  return dot > 0 ? `${column.slice(0, dot)}.id` : 'id';
}

/** Runs a filtered query as one page plus the total count. */
export async function paginate<T>(filtered: AnyQuery, sorted: SelectQueryBuilder<any, any, T>, args: ListArgs): Promise<Page<T>> {
  const countRow = await (filtered as any)
    .clearSelect()
    .select((eb: any) => eb.fn.countAll().as('total'))
    .executeTakeFirst();
  const items = (await sorted.limit(args.pageSize).offset((args.page - 1) * args.pageSize).execute()) as T[];
  return { items, total: Number(countRow?.total ?? 0), page: args.page, pageSize: args.pageSize };
}

/** Sort keys that are valid for a list (for the schema's description). */
export const sortHelp = (allowed: Record<string, string>) => `One of ${Object.keys(allowed).join(', ')}; prefix - for descending`;
