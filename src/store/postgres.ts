import pg from 'pg';
import { ParleyError } from '../core/index.js';
import { toPgPlaceholders, type SqlDriver, type SqlExecutor, type SqlValue } from './sql.js';

/** Arbitrary constant key of the advisory lock taken while migrating. */
const MIGRATION_LOCK = 7_420_191;

// COUNT(*) and other int8 values come back as strings by default; our counts fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));

/**
 * pg behind the async driver interface. A `schema` query parameter in the URL
 * (postgres://…/db?schema=name) puts the store in that schema (created when missing).
 */
export class PostgresDriver implements SqlDriver {
  readonly dialect = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly schema: string | null;
  private ready: Promise<void> | null = null;

  constructor(url: string) {
    let conn = url;
    let schema: string | null = null;
    try {
      const u = new URL(url);
      schema = u.searchParams.get('schema');
      u.searchParams.delete('schema');
      conn = u.toString();
    } catch (e) {
      throw new ParleyError('BAD_OPTION', `--db '${redact(url)}' is not a valid postgres:// URL`, { cause: e });
    }
    if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
      throw new ParleyError('BAD_OPTION', `schema '${schema}' must be lower-case letters, digits and _`);
    }
    this.schema = schema;
    this.pool = new pg.Pool({
      connectionString: conn,
      max: 4,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    this.pool.on('error', () => undefined);
  }

  /** Connects once (creating the schema when asked), turning connection failures into one clear error. */
  private init(): Promise<void> {
    this.ready ??= (async () => {
      try {
        const c = await this.pool.connect();
        try {
          if (this.schema) await c.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
        } finally {
          c.release();
        }
      } catch (e) {
        throw new ParleyError('STORE_ERROR', `cannot connect to PostgreSQL: ${(e as Error).message}`, { cause: e });
      }
    })();
    return this.ready;
  }

  private static executor(q: pg.Pool | pg.PoolClient): SqlExecutor {
    const query = async (sql: string, params?: readonly SqlValue[]) => {
      try {
        return await q.query(params ? toPgPlaceholders(sql) : sql, params as SqlValue[] | undefined);
      } catch (e) {
        throw new ParleyError('STORE_ERROR', `PostgreSQL store: ${(e as Error).message}`, { cause: e });
      }
    };
    return {
      all: async <T>(sql: string, params: readonly SqlValue[] = []) => (await query(sql, params)).rows as T[],
      run: async (sql: string, params: readonly SqlValue[] = []) => (await query(sql, params)).rowCount ?? 0,
      exec: async (sql: string) => {
        await query(sql);
      },
    };
  }

  async all<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    await this.init();
    return PostgresDriver.executor(this.pool).all<T>(sql, params);
  }

  async run(sql: string, params?: readonly SqlValue[]): Promise<number> {
    await this.init();
    return PostgresDriver.executor(this.pool).run(sql, params);
  }

  async exec(sql: string): Promise<void> {
    await this.init();
    return PostgresDriver.executor(this.pool).exec(sql);
  }

  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>, lock = false): Promise<T> {
    await this.init();
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      if (lock) await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const out = await fn(PostgresDriver.executor(client));
      await client.query('COMMIT');
      return out;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  migrationTransaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.transaction(fn, true);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** The URL with its password hidden, for messages. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
