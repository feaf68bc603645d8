import { ParleyError } from '../core/index.js';
import type { SqlDriver, SqlExecutor } from './sql.js';

/** One schema step. SQL is written once for both dialects (TEXT, INTEGER, DOUBLE PRECISION, no `?` literals). */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

/**
 * The schema history. Never edit a released step: add a new one. Version 1 is what the first
 * store wrote (its frozen copy with data is `fixtures/v1.sql`, used by the migration test).
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'documents and their extraction layers',
    sql: `
CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  content_hash TEXT NOT NULL UNIQUE,
  external_id TEXT,
  title TEXT,
  published TEXT,
  url TEXT,
  publisher TEXT,
  source TEXT,
  text TEXT NOT NULL,
  extraction TEXT NOT NULL,
  ingested_at TEXT NOT NULL
);
CREATE INDEX documents_published ON documents (published, id);
CREATE TABLE entities (
  doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  country TEXT,
  sector TEXT,
  role TEXT,
  affiliation TEXT,
  attributes TEXT,
  PRIMARY KEY (doc_id, id)
);
CREATE TABLE mentions (
  doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  entity_id TEXT NOT NULL,
  start_off INTEGER NOT NULL,
  end_off INTEGER NOT NULL,
  text TEXT NOT NULL,
  form TEXT NOT NULL
);
CREATE INDEX mentions_doc ON mentions (doc_id);
CREATE TABLE event_mentions (
  doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  type TEXT NOT NULL,
  mode TEXT,
  cameo TEXT,
  modality TEXT NOT NULL,
  in_quote INTEGER NOT NULL,
  trigger_start INTEGER NOT NULL,
  trigger_end INTEGER NOT NULL,
  trigger_text TEXT NOT NULL,
  sentence_start INTEGER NOT NULL,
  sentence_end INTEGER NOT NULL,
  date_value TEXT,
  date_precision TEXT,
  location_name TEXT,
  location_country TEXT,
  actors TEXT NOT NULL,
  recipients TEXT NOT NULL,
  attribution TEXT,
  quantities TEXT NOT NULL,
  PRIMARY KEY (doc_id, id)
);
CREATE TABLE dates (
  doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  start_off INTEGER NOT NULL,
  end_off INTEGER NOT NULL,
  text TEXT NOT NULL,
  value TEXT NOT NULL,
  precision TEXT NOT NULL,
  type TEXT NOT NULL,
  mod TEXT
);
CREATE INDEX dates_doc ON dates (doc_id);
CREATE TABLE quantities (
  doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  start_off INTEGER NOT NULL,
  end_off INTEGER NOT NULL,
  text TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  approx INTEGER NOT NULL,
  of_text TEXT,
  kind TEXT,
  qualifier TEXT
);
CREATE INDEX quantities_doc ON quantities (doc_id);
CREATE TABLE quotes (
  doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  start_off INTEGER NOT NULL,
  end_off INTEGER NOT NULL,
  text TEXT NOT NULL,
  speaker_id TEXT,
  speaker_text TEXT,
  cue TEXT
);
CREATE INDEX quotes_doc ON quotes (doc_id);
CREATE TABLE attributions (
  doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  kind TEXT,
  source_start INTEGER,
  source_end INTEGER,
  source_text TEXT,
  source_entity_id TEXT,
  cue_start INTEGER NOT NULL,
  cue_end INTEGER NOT NULL,
  cue_text TEXT NOT NULL,
  content_start INTEGER NOT NULL,
  content_end INTEGER NOT NULL
);
CREATE INDEX attributions_doc ON attributions (doc_id);
`,
  },
  {
    version: 2,
    description: 'per-document event count, entity keys, merged events and store state',
    sql: `
ALTER TABLE documents ADD COLUMN event_count INTEGER NOT NULL DEFAULT 0;
UPDATE documents SET event_count = (SELECT COUNT(*) FROM event_mentions e WHERE e.doc_id = documents.id);
ALTER TABLE documents ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
UPDATE documents SET sort_key = COALESCE(published, '~') || '|' || id;
CREATE INDEX documents_sort ON documents (sort_key);
ALTER TABLE entities ADD COLUMN entity_key TEXT NOT NULL DEFAULT '';
ALTER TABLE entities ADD COLUMN mention_count INTEGER NOT NULL DEFAULT 0;
UPDATE entities SET entity_key = kind || '|' || lower(name);
UPDATE entities SET mention_count = (SELECT COUNT(*) FROM mentions m WHERE m.doc_id = entities.doc_id AND m.entity_id = entities.id);
CREATE INDEX entities_key ON entities (entity_key);
CREATE INDEX event_mentions_doc ON event_mentions (doc_id);
CREATE TABLE merged_events (
  id TEXT PRIMARY KEY,
  sort_key TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  modality TEXT NOT NULL,
  date_start TEXT,
  date_end TEXT,
  actor_keys TEXT NOT NULL,
  recipient_keys TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE TABLE store_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO store_state (key, value) VALUES ('merged_dirty', '1');
`,
  },
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** The version table's DDL (the same in both dialects). */
const VERSION_TABLE = 'CREATE TABLE IF NOT EXISTS parley_schema (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)';

/** Reads the current schema version (0 for an empty database). */
export async function currentVersion(ex: SqlExecutor): Promise<number> {
  const rows = await ex.all<{ v: number | null }>('SELECT MAX(version) AS v FROM parley_schema');
  return Number(rows[0]?.v ?? 0);
}

/**
 * Brings the database to SCHEMA_VERSION in one transaction under the migration lock (all steps or none).
 * A store written by a newer Parley is refused rather than damaged.
 */
export async function migrate(db: SqlDriver): Promise<number> {
  return db.migrationTransaction(async (tx) => {
    await tx.exec(VERSION_TABLE);
    let version = await currentVersion(tx);
    if (version > SCHEMA_VERSION) {
      throw new ParleyError('STORE_ERROR', `the store has schema version ${version}, newer than this Parley (${SCHEMA_VERSION}): upgrade Parley`);
    }
    for (const m of MIGRATIONS) {
      if (m.version <= version) continue;
      await tx.exec(m.sql);
      await tx.run('INSERT INTO parley_schema (version, description, applied_at) VALUES (?, ?, ?)', [m.version, m.description, new Date().toISOString()]);
      version = m.version;
    }
    return version;
  });
}
