import type SQLite from 'better-sqlite3';
import {
  SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler,
  type CompiledQuery, type DatabaseConnection, type DatabaseIntrospector, type Dialect, type DialectAdapter,
  type Driver, type Kysely, type QueryCompiler, type QueryResult,
} from 'kysely';

/** What the driver needs of a statement (better-sqlite3's, through the statement cache). */
type Statement = SQLite.Statement<unknown[], unknown>;
/** A connection whose statements are prepared once per SQL text (sqlite-statements.ts). */
export type StatementSource = { prepare(sql: string): Statement; close(): void };

const UNIT = 'jxc_unit';

export type GroupCommitOptions = {
  writer: StatementSource;
  /** The writer's own connection: whether SQLite still holds the batch open after an error. */
  raw: SQLite.Database;
  /** A read-only connection to the same file. */
  reader: StatementSource;
  /** Transactions per batch at most (default 64). */
  maxBatch?: number;
  /** Called after each batch commits, with the number of transactions and lone writes in it. */
  onCommit?: (units: number) => void;
};

type Waiting = { resolve: () => void; reject: (e: unknown) => void };

/**
 * Group commit for SQLite (docs/decisions.md §15). better-sqlite3 is synchronous, so a request's
 * transaction runs start to finish inside one turn of the event loop, and each one paid for its own
 * COMMIT: writing every page it dirtied to the WAL, about a third of an order's CPU. Here each
 * transaction runs inside a SAVEPOINT of a batch transaction that stays open until the event loop
 * has taken in the other requests already waiting on their sockets (setImmediate); then one COMMIT
 * writes the pages of the whole batch, and only then does each transaction's commit resolve, so no
 * reply is sent before its writes are committed.
 *
 * - A transaction that fails rolls back to its savepoint; the others in the batch are untouched.
 * - If SQLite ends the batch on its own (I/O error, disk full) or COMMIT fails, every transaction in
 *   the batch gets the error: none of them replied yet, so nobody was told "done".
 * - Reads outside a transaction go to a second, read-only connection and see only committed data
 *   (WAL snapshot), never a batch in progress. Writes outside a transaction join the batch and
 *   resolve after its COMMIT.
 * - A transaction that awaits something outside the database holds the writer; the others queue
 *   and the batch commits when it ends, as with one connection.
 */
export class GroupCommitSqliteDriver implements Driver {
  #writer: StatementSource;
  #raw: SQLite.Database;
  #reader: StatementSource;
  #maxBatch: number;
  /** A transaction or a lone write is using the writer. */
  #busy = false;
  #queue: Array<() => void> = [];
  #batchOpen = false;
  /** Units finished in the open batch, waiting for its COMMIT. */
  #done: Waiting[] = [];
  #commitScheduled = false;
  #onCommit: ((units: number) => void) | undefined;

  constructor(opts: GroupCommitOptions) {
    this.#onCommit = opts.onCommit;
    this.#writer = opts.writer;
    this.#raw = opts.raw;
    this.#reader = opts.reader;
    this.#maxBatch = opts.maxBatch ?? 64;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new Lease(this);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await this.lock();
    try {
      this.openBatch();
      this.run(`savepoint ${UNIT}`);
    } catch (e) {
      this.unlock();
      throw e;
    }
    (connection as Lease).inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    if (!lease.inTransaction) throw new Error('commit without a transaction');
    lease.inTransaction = false;
    try {
      this.run(`release ${UNIT}`);
    } catch (e) {
      this.abandonUnit();
      throw e;
    }
    return this.finishUnit();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    // After a failed batch COMMIT the unit is already over (and the writer handed on): nothing to undo.
    if (!lease.inTransaction) return;
    lease.inTransaction = false;
    this.abandonUnit();
  }

  async savepoint(_c: DatabaseConnection, name: string): Promise<void> {
    this.run(`savepoint "${name}"`);
  }

  async rollbackToSavepoint(_c: DatabaseConnection, name: string): Promise<void> {
    this.run(`rollback to "${name}"`);
  }

  async releaseSavepoint(_c: DatabaseConnection, name: string): Promise<void> {
    this.run(`release "${name}"`);
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    if (this.#batchOpen && !this.#busy) this.commitBatch();
    this.#reader.close();
    this.#writer.close();
  }

  /** A statement of a transaction: on the writer, inside its savepoint. */
  executeInTransaction(query: CompiledQuery): QueryResult<unknown> {
    return execute(this.#writer.prepare(query.sql), query.parameters);
  }

  /** A statement outside a transaction: a read on the reader, a write joins the batch. */
  async executeAlone(query: CompiledQuery): Promise<QueryResult<unknown>> {
    const stmt = this.#writer.prepare(query.sql);
    if (stmt.readonly) return execute(this.#reader.prepare(query.sql), query.parameters);
    await this.lock();
    let result: QueryResult<unknown>;
    try {
      this.openBatch();
      result = execute(stmt, query.parameters);
    } catch (e) {
      // A failed statement undoes itself; the batch goes on unless SQLite ended it.
      this.afterFailure();
      throw e;
    }
    await this.finishUnit();
    return result;
  }

  *streamAlone(query: CompiledQuery): Generator<QueryResult<unknown>> {
    const stmt = this.#reader.prepare(query.sql);
    for (const row of stmt.iterate(query.parameters as unknown[])) yield { rows: [row] };
  }

  private lock(): Promise<void> {
    if (!this.#busy) {
      this.#busy = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#queue.push(resolve));
  }

  /** Hands the writer to the next in line, or frees it. A batch that is full or wanted commits first. */
  private unlock(): void {
    if (this.#batchOpen && this.#done.length >= this.#maxBatch) this.commitBatch();
    const next = this.#queue.shift();
    if (next) next();
    else {
      this.#busy = false;
      if (this.#batchOpen && !this.#commitScheduled) this.scheduleCommit();
    }
  }

  private openBatch(): void {
    if (this.#batchOpen) return;
    this.run('begin immediate');
    this.#batchOpen = true;
    this.scheduleCommit();
  }

  private scheduleCommit(): void {
    if (this.#commitScheduled) return;
    this.#commitScheduled = true;
    setImmediate(() => {
      this.#commitScheduled = false;
      // A unit still running (it awaits something) keeps the batch open; its unlock commits.
      if (this.#batchOpen && !this.#busy) this.commitBatch();
    });
  }

  private finishUnit(): Promise<void> {
    const waiting = new Promise<void>((resolve, reject) => this.#done.push({ resolve, reject }));
    this.unlock();
    return waiting;
  }

  private abandonUnit(): void {
    try {
      this.run(`rollback to ${UNIT}`);
      this.run(`release ${UNIT}`);
    } catch {
      // The batch itself is gone; afterFailure tells the others.
    }
    this.afterFailure();
  }

  /** After a failed unit: if SQLite rolled back the whole batch, everyone in it hears so. */
  private afterFailure(): void {
    if (this.#batchOpen && !this.#raw.inTransaction) {
      this.#batchOpen = false;
      this.failBatch(new Error('SQLite rolled back the batch transaction after an error in another request'));
    }
    this.unlock();
  }

  private commitBatch(): void {
    const done = this.#done;
    this.#done = [];
    this.#batchOpen = false;
    try {
      this.run('commit');
    } catch (e) {
      try { if (this.#raw.inTransaction) this.run('rollback'); } catch { /* nothing left to undo */ }
      for (const w of done) w.reject(e);
      return;
    }
    this.#onCommit?.(done.length);
    for (const w of done) w.resolve();
  }

  private failBatch(e: unknown): void {
    const done = this.#done;
    this.#done = [];
    for (const w of done) w.reject(e);
  }

  private run(sql: string): void {
    this.#writer.prepare(sql).run();
  }
}

class Lease implements DatabaseConnection {
  inTransaction = false;
  #driver: GroupCommitSqliteDriver;

  constructor(driver: GroupCommitSqliteDriver) {
    this.#driver = driver;
  }

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.inTransaction) {
      try {
        return Promise.resolve(this.#driver.executeInTransaction(query) as QueryResult<R>);
      } catch (e) {
        return Promise.reject(e);
      }
    }
    return this.#driver.executeAlone(query) as Promise<QueryResult<R>>;
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (this.inTransaction) throw new Error('streaming inside a transaction is not supported');
    for (const r of this.#driver.streamAlone(query)) yield r as QueryResult<R>;
  }
}

function execute(stmt: Statement, parameters: ReadonlyArray<unknown>): QueryResult<unknown> {
  // An array binds its items as the statement's positional parameters (as Kysely's driver passes them).
  if (stmt.reader) return { rows: stmt.all(parameters as unknown[]) };
  const { changes, lastInsertRowid } = stmt.run(parameters as unknown[]);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

export class GroupCommitSqliteDialect implements Dialect {
  #opts: GroupCommitOptions;

  constructor(opts: GroupCommitOptions) {
    this.#opts = opts;
  }

  createDriver(): Driver {
    return new GroupCommitSqliteDriver(this.#opts);
  }

  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}
