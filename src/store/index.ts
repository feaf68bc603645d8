/** The store: one interface, SQLite and PostgreSQL implementations, migrations, exports. */
export * from './store.js';
export { openStore, isPostgresUrl, DEFAULT_DB } from './open.js';
export { SqlStore, contentHash } from './sql-store.js';
export { SqliteDriver } from './sqlite.js';
export { PostgresDriver, redact } from './postgres.js';
export { MIGRATIONS, SCHEMA_VERSION, migrate } from './migrations.js';
export { dateRange, type DayRange } from './dates.js';
export * from './export.js';
export { situationOf } from './situation.js';
