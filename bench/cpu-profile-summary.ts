// Summarises the server's V8 CPU profile from `BENCH_CPU_PROF=dir npm run bench:orders`:
//   npx tsx bench/cpu-profile-summary.ts dir [connections] [rows]
// With `connections` (e.g. 16) only the samples taken during that run count (dir/runs.json).
// Prints where the time went by package (or src/ directory), then by function: self time (the
// function itself) and inclusive time (it and what it called synchronously). Async callers lose
// their share after the first await; read inclusive time with that in mind.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };
type Window = { connections: number; startUs: number; endUs: number };

/** The largest .cpuprofile in dir (the main thread; the smaller one is tsx's loader worker). */
function mainProfile(dir: string): string {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(dir, f));
  if (files.length === 0) throw new Error(`no .cpuprofile in ${dir}`);
  return files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
}

/** node_modules package, src/ directory, or V8's own buckets (GC, idle, program). */
function packageOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const src = /\/((?:src|bench)\/.*)\/[^/]+$/.exec(url);
  if (src) return src[1];
  return url.startsWith('node:') ? 'node (internal)' : url.slice(0, 60);
}

function frameName(n: ProfileNode): string {
  const { functionName, url, lineNumber } = n.callFrame;
  const where = url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/((?:src|bench)\/)/, '$1');
  return `${functionName || '(anonymous)'} ${where ? `${where}:${lineNumber + 1}` : ''}`.trim();
}

function summarise(profile: Profile, window: Window | undefined, rows: number): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  let at = profile.startTime;
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    at += dt;
    if (window && (at < window.startUs || at > window.endUs)) return;
    self.set(id, (self.get(id) ?? 0) + dt);
    total += dt;
  });
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  const pkgSelf = new Map<string, number>();
  const pkgIncl = new Map<string, number>();
  const fnSelf = new Map<string, number>();
  const fnIncl = new Map<string, number>();
  for (const [id, t] of self) {
    const leaf = byId.get(id) as ProfileNode;
    add(pkgSelf, packageOf(leaf.callFrame.url, leaf.callFrame.functionName), t);
    add(fnSelf, frameName(leaf), t);
    const seenPkg = new Set<string>();
    const seenFn = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur) as ProfileNode;
      const p = packageOf(n.callFrame.url, n.callFrame.functionName);
      const f = frameName(n);
      // Count a package or function once per sample, however often it recurs on the stack.
      if (!seenPkg.has(p)) {
        seenPkg.add(p);
        add(pkgIncl, p, t);
      }
      if (!seenFn.has(f)) {
        seenFn.add(f);
        add(fnIncl, f, t);
      }
    }
  }
  const top = (title: string, m: Map<string, number>, n: number) => {
    console.log(`\n${title}`);
    for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) {
      console.log(`${((100 * v) / total).toFixed(1).padStart(6)}%  ${(v / 1000).toFixed(0).padStart(7)} ms  ${k}`);
    }
  };
  console.log(`${window ? `run at ${window.connections} connections` : 'whole profile'}: ${(total / 1e6).toFixed(2)} s of samples`);
  top('self time by package', pkgSelf, 20);
  top('inclusive time by package', pkgIncl, 20);
  top('self time by function', fnSelf, rows);
  top('inclusive time by function', fnIncl, rows);
}

const [target, connections, rows] = process.argv.slice(2);
if (!target) {
  console.error('usage: npx tsx bench/cpu-profile-summary.ts <dir|file.cpuprofile> [connections] [rows]');
  process.exit(2);
}
const isDir = statSync(target).isDirectory();
const file = isDir ? mainProfile(target) : target;
let window: Window | undefined;
if (connections) {
  const windows = JSON.parse(readFileSync(join(isDir ? target : join(file, '..'), 'runs.json'), 'utf8')) as Window[];
  window = windows.find((w) => w.connections === Number(connections));
  if (!window) throw new Error(`no run at ${connections} connections in runs.json`);
}
console.log(file);
summarise(JSON.parse(readFileSync(file, 'utf8')) as Profile, window, Number(rows ?? 40));
