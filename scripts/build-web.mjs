// Builds the web app into dist/web. With --if-stale it skips the build when dist/web is newer
// than every file under src/web, so `npm start` stays fast after the first run.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'dist/web/index.html');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

if (!existsSync(join(root, 'src/web/index.html'))) process.exit(0);
if (process.argv.includes('--if-stale') && existsSync(out)) {
  const srcTime = Math.max(newest(join(root, 'src/web')), statSync(join(root, 'vite.config.ts')).mtimeMs);
  if (statSync(out).mtimeMs >= srcTime) process.exit(0);
}
const vite = join(root, 'node_modules/vite/bin/vite.js');
if (!existsSync(vite)) {
  console.error('vite is not installed; run `npm install` first');
  process.exit(1);
}
const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
