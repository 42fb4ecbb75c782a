import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/server/db/create-db.js';
import { createTestDatabase, dialectLabel, type TestDatabase } from '../support/index.js';

const root = resolve(import.meta.dirname, '../..');
type Run = { code: number; stdout: string; stderr: string };

/** Runs a CLI script with `npx tsx` the way `npm run` does, with these variables over a clean environment. */
function run(script: string, env: Record<string, string>): Promise<Run> {
  const { DATABASE_URL: _d, PORT: _p, JXC_ADMIN_EMAIL: _e, JXC_ADMIN_PASSWORD: _w, ...base } = process.env;
  return new Promise((done) => {
    execFile('npx', ['tsx', script], { cwd: root, env: { ...base, ...env }, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

describe(`CLI: npm run migrate, npm run demo ${dialectLabel}`, { timeout: 60_000 }, () => {
  let dir: string;
  let url: string;
  let database: TestDatabase;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jxc-cli-'));
    database = await createTestDatabase();
    url = database.url;
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await database.drop();
  });

  it('migrate runs the migrations once, then has nothing to do', async () => {
    const first = await run('src/server/cli/migrate.ts', { DATABASE_URL: url });
    expect(first, first.stderr).toMatchObject({ code: 0 });
    expect(first.stdout).toContain('Applied migration 0001-foundation');
    const again = await run('src/server/cli/migrate.ts', { DATABASE_URL: url });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Already up to date');
  });

  it('demo fills the empty database, prints a summary and the next step', async () => {
    const res = await run('src/server/cli/demo.ts', { DATABASE_URL: url });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/products\s+200 \(\d+ barcodes\)/);
    expect(res.stdout).toMatch(/customers\s+50/);
    expect(res.stdout).toMatch(/suppliers\s+10/);
    expect(res.stdout).toMatch(/warehouses\s+2/);
    expect(res.stdout).toContain('npm start, open http://localhost:3000, create the administrator');
    const { db, close } = createDb(url);
    try {
      expect((await db.selectFrom('products').select('id').execute()).length).toBe(200);
    } finally {
      await close();
    }
  });

  it('demo refuses a database that has data: exit 1, a clear message, nothing written', async () => {
    const res = await run('src/server/cli/demo.ts', { DATABASE_URL: url });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('already holds master data (200 products, 50 customers, 10 suppliers, 2 warehouses)');
    expect(res.stderr).toContain('Nothing was written');
    expect(res.stdout).not.toContain('Demo data written');
  });

  it('demo migrates a brand-new database itself and names the port it will run on', async () => {
    const res = await run('src/server/cli/demo.ts', { DATABASE_URL: `sqlite:${join(dir, 'fresh.sqlite')}`, PORT: '8123' });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('Applied migrations: 0001-foundation');
    expect(res.stdout).toContain('http://localhost:8123');
  });

  it('both exit 2 with the variable named when the configuration is bad', async () => {
    const runs = await Promise.all(['src/server/cli/migrate.ts', 'src/server/cli/demo.ts'].map((script) => run(script, { DATABASE_URL: 'mysql://localhost/jxc' })));
    for (const res of runs) {
      expect(res.code).toBe(2);
      expect(res.stderr).toContain('DATABASE_URL: must start with sqlite: or postgres://');
    }
  });
});
