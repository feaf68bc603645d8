import { resolve } from 'node:path';
import { SqlStore } from './sql-store.js';
import { SqliteDriver } from './sqlite.js';
import { PostgresDriver } from './postgres.js';
import type { Store } from './store.js';

/** The store used when no --db is given: ./parley.db in the working folder. */
export const DEFAULT_DB = 'parley.db';

/** True when `db` names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/**
 * Opens a store: a postgres:// URL opens PostgreSQL, anything else is a SQLite file path
 * (created when missing). Pending migrations are applied.
 */
export async function openStore(db: string = DEFAULT_DB): Promise<Store> {
  if (isPostgresUrl(db)) return SqlStore.open(new PostgresDriver(db));
  return SqlStore.open(new SqliteDriver(db === ':memory:' ? db : resolve(db)));
}
