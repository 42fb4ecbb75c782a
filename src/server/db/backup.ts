// Backups of a live database (`npm run jxc -- backup <path>`): SQLite through the online backup
// API, PostgreSQL through pg_dump's custom format. Both read one consistent snapshot while the
// server keeps writing. The copy goes to a temporary file beside the target and is renamed onto
// it only when complete, so a failed backup leaves nothing behind.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { sqlitePath } from './create-db.js';

export type BackupRefusal = 'NO_PATH' | 'DIR_MISSING' | 'NOT_A_DIR' | 'DIR_NOT_WRITABLE' | 'TARGET_EXISTS' | 'TARGET_IS_DIR' | 'TARGET_IS_DATABASE' | 'NO_DATABASE';

const messages: Record<BackupRefusal, (p: string) => [zh: string, en: string]> = {
  NO_PATH: () => ['缺少备份文件路径', 'no backup path given'],
  DIR_MISSING: (p) => [`目录不存在：${p}`, `the directory does not exist: ${p}`],
  NOT_A_DIR: (p) => [`不是目录：${p}`, `not a directory: ${p}`],
  DIR_NOT_WRITABLE: (p) => [`目录不可写：${p}`, `the directory is not writable: ${p}`],
  TARGET_EXISTS: (p) => [`文件已存在：${p}（加 --force 覆盖）`, `the file already exists: ${p} (add --force to overwrite it)`],
  TARGET_IS_DIR: (p) => [`目标是一个目录：${p}（请给出文件名）`, `the target is a directory: ${p} (give a file name)`],
  TARGET_IS_DATABASE: (p) => [`目标就是数据库文件本身：${p}`, `the target is the database file itself: ${p}`],
  NO_DATABASE: (p) => [`没有可备份的数据库：${p}`, `there is no database to back up: ${p}`],
};

/** A backup refused before anything was written; the message is in Chinese and English. */
export class BackupRefusedError extends Error {
  constructor(
    readonly reason: BackupRefusal,
    readonly path: string,
  ) {
    const [zh, en] = messages[reason](path);
    super(`备份失败：${zh}\nbackup failed: ${en}`);
    this.name = 'BackupRefusedError';
  }
}

/** A backup that started but failed (pg_dump missing or refused); its partial file is removed. */
export class BackupFailedError extends Error {
  constructor(zh: string, en: string, detail = '') {
    super(`备份失败：${zh}\nbackup failed: ${en}${detail ? `\n${detail}` : ''}`);
    this.name = 'BackupFailedError';
  }
}

export type BackupResult = { path: string; bytes: number; ms: number; method: 'sqlite-online-backup' | 'pg_dump' };

/** Backs the database at `databaseUrl` up to the file `target`; refuses (BackupRefusedError) before writing on a bad target. */
export async function backupDatabase(databaseUrl: string, target: string, opts: { force?: boolean } = {}): Promise<BackupResult> {
  const started = Date.now();
  if (!target) throw new BackupRefusedError('NO_PATH', '');
  const path = resolve(target);
  const sqliteFile = databaseUrl.startsWith('sqlite:') ? sqlitePath(databaseUrl) : null;
  if (sqliteFile !== null && (sqliteFile === ':memory:' || !existsSync(sqliteFile))) throw new BackupRefusedError('NO_DATABASE', sqliteFile);
  if (sqliteFile === path) throw new BackupRefusedError('TARGET_IS_DATABASE', path);
  checkTarget(path, opts.force ?? false);
  const temp = reserveTempFile(path);
  try {
    if (sqliteFile !== null) await backupSqlite(sqliteFile, temp);
    else await pgDump(databaseUrl, temp);
    renameSync(temp, path);
  } catch (err) {
    if (existsSync(temp)) unlinkSync(temp);
    throw err;
  }
  return { path, bytes: statSync(path).size, ms: Date.now() - started, method: sqliteFile !== null ? 'sqlite-online-backup' : 'pg_dump' };
}

function checkTarget(path: string, force: boolean): void {
  const dir = dirname(path);
  if (!existsSync(dir)) throw new BackupRefusedError('DIR_MISSING', dir);
  if (!statSync(dir).isDirectory()) throw new BackupRefusedError('NOT_A_DIR', dir);
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory()) throw new BackupRefusedError('TARGET_IS_DIR', path);
  if (!force) throw new BackupRefusedError('TARGET_EXISTS', path);
}

// Creating the file is the only honest test of writability (root passes access(2) on a read-only
// place; ACLs and read-only mounts fool it too).
function reserveTempFile(path: string): string {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${Date.now().toString(36)}.partial`);
  try {
    closeSync(openSync(temp, 'wx'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOENT') throw new BackupRefusedError('DIR_NOT_WRITABLE', dirname(path));
    throw err;
  }
  return temp;
}

// SQLite's backup restarts whenever another connection writes between two steps; under steady
// order entry a page-at-a-time copy could restart for ever, so after the first step the rest goes
// in one step, under one read snapshot (WAL: the server's writes go on meanwhile).
async function backupSqlite(file: string, temp: string): Promise<void> {
  const source = new SQLite(file, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(temp, { progress: ({ totalPages }) => totalPages + 1 });
  } finally {
    source.close();
  }
}

// The password goes to pg_dump in PGPASSWORD, not on its command line (visible to `ps`).
function pgDump(databaseUrl: string, temp: string): Promise<void> {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  return new Promise((done, fail) => {
    const child = spawn('pg_dump', ['--format=custom', '--file', temp, '--dbname', url.toString()], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (err: NodeJS.ErrnoException) =>
      fail(err.code === 'ENOENT' ? new BackupFailedError('找不到 pg_dump', 'pg_dump not found (apt-get install postgresql-client)') : err),
    );
    child.on('close', (code) => (code === 0 ? done() : fail(new BackupFailedError(`pg_dump 退出码 ${code}`, `pg_dump exited with ${code}`, stderr.trim()))));
  });
}
