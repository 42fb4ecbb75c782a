import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlSnapshot, StatementStats } from './sql-stats-preload.js';

/** Node arguments and environment that load the statement counter into the server child. */
export function sqlStatsArgs(dir: string): { nodeArgs: string[]; env: Record<string, string> } {
  return { nodeArgs: ['--import', join(import.meta.dirname, 'sql-stats-preload.ts')], env: { BENCH_SQL_STATS_FILE: join(dir, 'sql-stats') } };
}

/** Asks the server (SIGUSR2) for its counters and waits, at most 10 s, for the snapshot file. */
export async function takeSnapshot(pid: number, dir: string, n: number): Promise<SqlSnapshot> {
  const file = join(dir, `sql-stats.${n}.json`);
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 200 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 50)); // the write is synchronous, but let it finish
  return JSON.parse(readFileSync(file, 'utf8')) as SqlSnapshot;
}

/** Statements, their cost per order and COMMIT's spread between two snapshots. */
export function describeSqlStats(before: SqlSnapshot, after: SqlSnapshot, orders: number, top = 12): string {
  const rows = Object.entries(after.statements).map(([sql, a]) => {
    const b: StatementStats = before.statements[sql] ?? { prepares: 0, prepareNs: 0, runs: 0, runNs: 0 };
    return { sql, runs: a.runs - b.runs, runNs: a.runNs - b.runNs, prepareNs: a.prepareNs - b.prepareNs };
  }).filter((r) => r.runs > 0);
  const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + f(r), 0);
  const us = (ns: number) => (ns / 1000).toFixed(0);
  const commits = after.commitsNs.slice(before.commitsNs.length).sort((x, y) => x - y);
  const pct = (p: number) => (commits.length ? us(commits[Math.floor(p * (commits.length - 1))]) : '-');
  const lines = [
    `    SQL per order: ${(sum((r) => r.runs) / orders).toFixed(1)} statements; prepare ${us(sum((r) => r.prepareNs) / orders)} µs, execute ${us(sum((r) => r.runNs) / orders)} µs per order` +
      `; COMMIT p50 ${pct(0.5)} µs, p99 ${pct(0.99)} µs, max ${pct(1)} µs`,
    ...rows.sort((x, y) => y.prepareNs + y.runNs - (x.prepareNs + x.runNs)).slice(0, top).map((r) =>
      `    ${(r.runs / orders).toFixed(2).padStart(5)}/order  prepare ${us(r.prepareNs / r.runs).padStart(4)} µs  execute ${us(r.runNs / r.runs).padStart(5)} µs  ${r.sql.replace(/\s+/g, ' ').slice(0, 110)}`),
  ];
  return lines.join('\n');
}
