import Database from 'better-sqlite3';
import { ParleyError } from '../core/index.js';
import type { SqlDriver, SqlExecutor, SqlValue } from './sql.js';

/** Runs a SQLite call, turning its failures into STORE_ERROR with the SQLite message. */
function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ParleyError) throw e;
    throw new ParleyError('STORE_ERROR', `SQLite store: ${(e as Error).message}`, { cause: e });
  }
}

/**
 * better-sqlite3 behind the async driver interface. The file is in WAL mode, so readers never block
 * the writer and a killed process leaves only committed transactions. Operations are queued so that
 * an open transaction (which awaits between statements) never interleaves with other work.
 */
export class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly direct: SqlExecutor;

  constructor(path: string) {
    try {
      this.db = new Database(path);
      // The wait for another writer's lock is set first, so that switching to WAL waits too.
      this.db.pragma('busy_timeout = 10000');
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
    } catch (e) {
      throw new ParleyError('STORE_ERROR', `cannot open the SQLite store ${path}: ${(e as Error).message}`, { cause: e });
    }
    this.direct = {
      all: async <T>(sql: string, params: readonly SqlValue[] = []) => guard(() => this.prepare(sql).all(...params) as T[]),
      run: async (sql: string, params: readonly SqlValue[] = []) => guard(() => this.prepare(sql).run(...params).changes),
      exec: async (sql: string) => guard(() => void this.db.exec(sql)),
      runEach: async (sql: string, rows: readonly (readonly SqlValue[])[]) =>
        guard(() => {
          const st = this.prepare(sql);
          for (const r of rows) st.run(...r);
        }),
    };
  }

  private prepare(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      if (this.statements.size > 256) this.statements.clear();
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  all<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.serial(() => this.direct.all<T>(sql, params));
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.serial(() => this.direct.run(sql, params));
  }

  exec(sql: string): Promise<void> {
    return this.serial(() => this.direct.exec(sql));
  }

  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      // IMMEDIATE takes the write lock up front, so two processes never deadlock upgrading a read lock.
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const out = await fn(this.direct);
        this.db.exec('COMMIT');
        return out;
      } catch (e) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw e;
      }
    });
  }

  migrationTransaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.transaction(fn);
  }

  async close(): Promise<void> {
    await this.queue;
    this.statements.clear();
    if (this.db.open) this.db.close();
  }
}
