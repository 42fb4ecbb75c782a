import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// Which suites run:
//   server-sqlite    always
//   server-postgres  when TEST_DATABASE_URL is set; under CI=true always, and a missing or silent
//                    PostgreSQL fails the run (see test/support/postgres-global-setup.ts)
//   e2e              when /usr/bin/chromium exists; under CI=true always (missing Chromium fails)
//   chaos            always (npm run test:chaos runs it alone): real server processes killed and
//                    restarted, bad requests by the thousand, every role against every endpoint;
//                    its PostgreSQL parts run when TEST_DATABASE_URL is set, and always under CI=true
const ci = process.env.CI === 'true';
const serverFiles = ['test/http/**/*.test.ts', 'test/unit/**/*.test.ts', 'src/server/**/*.test.ts'];
// Every test builds its own app and database, so files can share a worker's module cache
// (isolate: false): this halves the run time, as importing Fastify and friends dominates it.
// The price: no vi.mock of shared modules and no module-level state that a test must not see twice.
const serverOptions = { testTimeout: 20_000, hookTimeout: 60_000, isolate: false };

const projects: TestProjectInlineConfiguration[] = [
  { extends: true, test: { name: 'server-sqlite', include: serverFiles, env: { JXC_TEST_DB: 'sqlite' }, ...serverOptions } },
];
if (process.env.TEST_DATABASE_URL || ci) {
  projects.push({
    extends: true,
    test: {
      name: 'server-postgres',
      include: serverFiles,
      env: { JXC_TEST_DB: 'postgres' },
      globalSetup: ['test/support/postgres-global-setup.ts'],
      ...serverOptions,
    },
  });
}
if (existsSync('/usr/bin/chromium') || ci) {
  projects.push({
    extends: true,
    test: {
      name: 'e2e',
      include: ['test/e2e/**/*.test.ts'],
      env: { JXC_TEST_DB: 'sqlite' },
      globalSetup: ['test/support/e2e-global-setup.ts'],
      fileParallelism: false,
      testTimeout: 120_000,
      hookTimeout: 180_000,
    },
  });
}

projects.push({
  extends: true,
  test: {
    name: 'chaos',
    include: ['test/chaos/**/*.test.ts'],
    env: { JXC_TEST_DB: 'sqlite' },
    ...(process.env.TEST_DATABASE_URL || ci ? { globalSetup: ['test/support/postgres-global-setup.ts'] } : {}),
    // Each file starts its own server processes and loads them: one file at a time.
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  test: {
    environment: 'node',
    // Tests mostly wait on the database and argon2 threads, so two workers pay off even on 2 cores.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects,
  },
});
