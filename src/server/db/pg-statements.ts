import type pg from 'pg';

/**
 * Makes a PostgreSQL connection prepare each distinct SQL text once, as sqlite-statements.ts does
 * for SQLite: Kysely sends every query unnamed, so the server parsed and planned the same dozen
 * statements again on every order. Here a query with parameters gets a name on its connection the
 * first time its text is seen, and later runs send only the values (Bind/Execute). At most `max`
 * texts per connection are named (multi-row inserts make one text per row count); the rest run
 * unnamed as before.
 */
export function preparedStatements(client: pg.PoolClient, max = 400): void {
  const names = new Map<string, string>();
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (config: unknown, values?: unknown, callback?: unknown) => {
    if (typeof config === 'string' && Array.isArray(values) && values.length > 0) {
      let name = names.get(config);
      if (name === undefined && names.size < max) {
        name = `jxc_${names.size}`;
        names.set(config, name);
      }
      if (name !== undefined) return query({ name, text: config, values }, callback);
    }
    return query(config, values, callback);
  };
}
