/** A value bound to a `?` placeholder. */
export type SqlValue = string | number | null;

/** Runs SQL on one connection (or inside one transaction). Placeholders are `?` in every dialect. */
export interface SqlExecutor {
  all<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs a statement and returns the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Runs several `;`-separated statements without parameters. */
  exec(sql: string): Promise<void>;
  /** Runs one statement once per row of parameters, when the driver does that faster than multi-row SQL (SQLite). */
  runEach?(sql: string, rows: readonly (readonly SqlValue[])[]): Promise<void>;
}

/** A database driver: SQLite (better-sqlite3) or PostgreSQL (pg). */
export interface SqlDriver extends SqlExecutor {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Like `transaction`, but first takes the migration lock (serialises concurrent openers). */
  migrationTransaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Largest number of parameters put in one multi-row INSERT (under SQLite's and pg's limits). */
const MAX_PARAMS = 30_000;

/** Inserts rows: one prepared statement per row where that is cheap (SQLite), else multi-row INSERTs (few round trips for pg). */
export async function insertMany(
  ex: SqlExecutor,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly SqlValue[])[],
): Promise<void> {
  if (rows.length === 0) return;
  const perRow = `(${columns.map(() => '?').join(', ')})`;
  if (ex.runEach) {
    await ex.runEach(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${perRow}`, rows);
    return;
  }
  const chunk = Math.max(1, Math.min(500, Math.floor(MAX_PARAMS / columns.length)));
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${part.map(() => perRow).join(', ')}`;
    await ex.run(sql, part.flat());
  }
}

/** Rewrites `?` placeholders to pg's `$1, $2, ...` (our SQL never has `?` inside literals). */
export function toPgPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
