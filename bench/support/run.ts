import { cpus, loadavg } from 'node:os';
import { freshDatabase, type BenchDatabase } from './database.js';
import type { BenchServer } from './server.js';

/**
 * Runs one benchmark on a fresh database (DATABASE_URL's server, else a SQLite file; or the one
 * `database` gives): prints the
 * header, and whatever happens (also Ctrl-C) stops the server the bench started, shows its output
 * and drops the database. Exits with the bench's code (1 on an error).
 */
export function runBench(
  name: string,
  describe: string,
  bench: (db: BenchDatabase, track: (s: BenchServer) => void) => Promise<number>,
  afterCleanUp?: () => void,
  database: () => Promise<BenchDatabase> = () => freshDatabase(process.env.DATABASE_URL),
): void {
  const main = async (): Promise<number> => {
    const db = await database();
    console.log(`${name} on ${db.label}; ${describe}; node ${process.version}; ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    let server: BenchServer | undefined;
    let cleaning: Promise<void> | undefined;
    const cleanUp = () =>
      (cleaning ??= (async () => {
        await server?.stop();
        const log = server?.log().trim();
        if (log) console.log(`server output (LOG_LEVEL=warn):\n${log.split('\n').slice(0, 40).join('\n')}`);
        await db.drop();
        afterCleanUp?.();
      })());
    process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));
    try {
      return await bench(db, (s) => (server = s));
    } finally {
      await cleanUp();
    }
  };
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
