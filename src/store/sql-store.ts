import { createHash } from 'node:crypto';
import { ParleyError } from '../core/index.js';
import type { Extraction } from '../output/schema.js';
import { mergeMentions, type MergedEvent, type MentionInput } from '../situation/index.js';
import { dateRange } from './dates.js';
import { migrate } from './migrations.js';
import { insertMany, type SqlDriver, type SqlExecutor, type SqlValue } from './sql.js';
import type {
  DocumentFilter,
  DocumentInput,
  DocumentRow,
  EntityFilter,
  EntityRow,
  EventFilter,
  PutResult,
  Store,
  StoreCounts,
  StoredDocument,
} from './store.js';

/**
 * Fault injection for the crash test: with PARLEY_FAULT_KILL_IN_TX=n the process SIGKILLs itself
 * inside the n-th document's transaction, after its rows are written and before the commit.
 */
const KILL_IN_TX = Number(process.env.PARLEY_FAULT_KILL_IN_TX ?? 0);
let puts = 0;

/** Options of a SQL store. */
export interface SqlStoreOptions {
  /** Merges event mentions across documents; defaults to the situation's `mergeMentions`. */
  readonly merge?: (mentions: readonly MentionInput[]) => MergedEvent[];
  /** Rows read per page by the streaming listings (tests use small pages to cross page edges). */
  readonly pageSize?: number;
}

/**
 * sha256 (hex) of a document's text with runs of white space folded to one space and the ends
 * trimmed: the key that makes the same content stored once, however it was wrapped or re-saved.
 */
export function contentHash(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim(), 'utf8').digest('hex');
}

/** The `documents.sort_key`: publication date first (undated last), then id. */
export function documentSortKey(published: string | null, id: string): string {
  return `${published ?? '~'}|${id}`;
}

/** Lower-case `|a|b|` list of a participant's key, name and country, for exact case-insensitive matching with LIKE. */
export function participantKeys(ps: readonly { key: string; name: string; country: string | null }[]): string {
  const keys = new Set<string>();
  for (const p of ps) for (const k of [p.key, p.name, p.country]) if (k) keys.add(k.toLowerCase());
  return `|${[...keys].join('|')}|`;
}

/** The modality a merged status stands for (what `--modality` filters on). */
export function statusModality(status: string): string {
  if (status === 'confirmed') return 'asserted';
  if (status === 'denied') return 'negated';
  return status;
}

/** Escapes LIKE wildcards (with `\` as the ESCAPE character). */
function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const b = (x: boolean) => (x ? 1 : 0);
const json = (x: unknown) => JSON.stringify(x);

interface DocRowDb {
  id: string;
  content_hash: string;
  external_id: string | null;
  title: string | null;
  published: string | null;
  url: string | null;
  publisher: string | null;
  source: string | null;
  event_count: number;
  ingested_at: string;
  sort_key: string;
  text?: string;
  extraction?: string;
}

const DOC_COLUMNS = 'id, content_hash, external_id, title, published, url, publisher, source, event_count, ingested_at, sort_key';

function docRow(r: DocRowDb): DocumentRow {
  return {
    id: r.id,
    contentHash: r.content_hash,
    externalId: r.external_id,
    title: r.title,
    published: r.published,
    url: r.url,
    publisher: r.publisher,
    source: r.source,
    eventCount: Number(r.event_count),
    ingestedAt: r.ingested_at,
  };
}

function storedDoc(r: DocRowDb): StoredDocument {
  return { ...docRow(r), text: r.text ?? '', extraction: JSON.parse(r.extraction ?? 'null') as Extraction };
}

/**
 * The store over SQL, shared by the SQLite and PostgreSQL drivers: one schema, one set of queries.
 * Listings page with keyset pagination on indexed sort keys, so they stream in constant memory
 * and never hold a connection busy between pages.
 */
export class SqlStore implements Store {
  readonly kind: 'sqlite' | 'postgres';

  private readonly merge: (mentions: readonly MentionInput[]) => MergedEvent[];
  private readonly page: number;

  private constructor(
    private readonly db: SqlDriver,
    options: SqlStoreOptions,
  ) {
    this.kind = db.dialect;
    this.merge = options.merge ?? mergeMentions;
    this.page = Math.max(1, Math.floor(options.pageSize ?? 500));
  }

  /** Opens a store on a driver, applying pending migrations. */
  static async open(db: SqlDriver, options: SqlStoreOptions = {}): Promise<SqlStore> {
    try {
      await migrate(db);
    } catch (e) {
      await db.close().catch(() => undefined);
      if (e instanceof ParleyError) throw e;
      throw new ParleyError('STORE_ERROR', `cannot prepare the store: ${(e as Error).message}`, { cause: e });
    }
    return new SqlStore(db, options);
  }

  async schemaVersion(): Promise<number> {
    const rows = await this.db.all<{ v: number }>('SELECT MAX(version) AS v FROM parley_schema');
    return Number(rows[0]?.v ?? 0);
  }

  async hasContent(hash: string): Promise<boolean> {
    const rows = await this.db.all('SELECT 1 AS x FROM documents WHERE content_hash = ?', [hash]);
    return rows.length > 0;
  }

  async putDocument(d: DocumentInput): Promise<PutResult> {
    const x = d.extraction;
    return this.db.transaction(async (tx) => {
      const inserted = await tx.run(
        `INSERT INTO documents (id, content_hash, external_id, title, published, url, publisher, source, text, extraction, ingested_at, event_count, sort_key)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        [
          d.id,
          d.contentHash,
          d.meta.externalId,
          d.meta.title,
          d.meta.published,
          d.meta.url,
          d.meta.publisher,
          d.meta.source,
          d.text,
          json(x),
          new Date().toISOString(),
          x.events.length,
          documentSortKey(d.meta.published, d.id),
        ],
      );
      if (inserted === 0) return 'duplicate';
      await insertLayers(tx, d.id, x);
      if (KILL_IN_TX > 0 && ++puts === KILL_IN_TX) process.kill(process.pid, 'SIGKILL');
      await tx.run("UPDATE store_state SET value = '1' WHERE key = 'merged_dirty'");
      return 'new';
    });
  }

  async getDocument(id: string): Promise<StoredDocument | null> {
    const rows = await this.db.all<DocRowDb>(`SELECT ${DOC_COLUMNS}, text, extraction FROM documents WHERE id = ?`, [id]);
    return rows[0] ? storedDoc(rows[0]) : null;
  }

  private async *docPages(ex: SqlExecutor, filter: DocumentFilter, full: boolean | 'extraction'): AsyncGenerator<DocRowDb> {
    const cols = full === 'extraction' ? `${DOC_COLUMNS}, extraction` : full ? `${DOC_COLUMNS}, text, extraction` : DOC_COLUMNS;
    const where: string[] = ['sort_key > ?'];
    const params: SqlValue[] = [];
    if (filter.since) {
      where.push('published >= ?');
      params.push(filter.since);
    }
    if (filter.until) {
      where.push('published <= ?');
      params.push(filter.until);
    }
    let after = '';
    for (;;) {
      const rows = await ex.all<DocRowDb>(`SELECT ${cols} FROM documents WHERE ${where.join(' AND ')} ORDER BY sort_key LIMIT ${this.page}`, [after, ...params]);
      for (const r of rows) yield r;
      if (rows.length < this.page) return;
      after = rows[rows.length - 1]!.sort_key;
    }
  }

  async *documents(filter: DocumentFilter = {}): AsyncIterable<DocumentRow> {
    for await (const r of this.docPages(this.db, filter, false)) yield docRow(r);
  }

  async *storedDocuments(filter: DocumentFilter = {}): AsyncIterable<StoredDocument> {
    for await (const r of this.docPages(this.db, filter, true)) yield storedDoc(r);
  }

  eventMentions(): AsyncIterable<MentionInput> {
    return this.mentionsVia(this.db);
  }

  private async *mentionsVia(ex: SqlExecutor): AsyncGenerator<MentionInput> {
    for await (const d of this.docPages(ex, {}, 'extraction')) {
      if (Number(d.event_count) === 0) continue;
      const x = JSON.parse(d.extraction ?? 'null') as Extraction;
      const document = { id: d.id, published: d.published, url: d.url, title: d.title };
      for (const event of x.events) yield { event, document };
    }
  }

  async refreshMerged(options: { readonly ifStale?: boolean } = {}): Promise<number> {
    return this.db.transaction(async (tx) => {
      // Lock the dirty flag first (pg): a document committed meanwhile waits, then marks the merge dirty again.
      const lock = this.kind === 'postgres' ? ' FOR UPDATE' : '';
      const flag = await tx.all<{ value: string }>(`SELECT value FROM store_state WHERE key = 'merged_dirty'${lock}`);
      if (options.ifStale && flag[0]?.value === '0') {
        return Number((await tx.all<{ n: number }>('SELECT COUNT(*) AS n FROM merged_events'))[0]?.n ?? 0);
      }
      const mentions: MentionInput[] = [];
      for await (const m of this.mentionsVia(tx)) mentions.push(m);
      const merged = withSectors(this.merge(mentions), mentions);
      await tx.run('DELETE FROM merged_events');
      const seen = new Map<string, number>();
      const rows: SqlValue[][] = [];
      for (const ev of merged) {
        // Ids should be unique; a repeated one is kept under a suffix rather than losing an event.
        const n = (seen.get(ev.id) ?? 0) + 1;
        seen.set(ev.id, n);
        const id = n === 1 ? ev.id : `${ev.id}~${n}`;
        const range = ev.date ? dateRange(ev.date.value) : null;
        rows.push([
          id,
          `${range?.start ?? '~'}|${id}`,
          ev.type,
          statusModality(ev.status),
          range?.start ?? null,
          range?.end ?? null,
          participantKeys(ev.actors),
          participantKeys(ev.recipients),
          json(n === 1 ? ev : { ...ev, id }),
        ]);
      }
      await insertMany(tx, 'merged_events', ['id', 'sort_key', 'type', 'modality', 'date_start', 'date_end', 'actor_keys', 'recipient_keys', 'body'], rows);
      await tx.run("UPDATE store_state SET value = '0' WHERE key = 'merged_dirty'");
      return merged.length;
    });
  }

  private async ensureMerged(): Promise<void> {
    const rows = await this.db.all<{ value: string }>("SELECT value FROM store_state WHERE key = 'merged_dirty'");
    if (rows[0]?.value !== '0') await this.refreshMerged({ ifStale: true });
  }

  async *events(filter: EventFilter = {}): AsyncIterable<MergedEvent> {
    await this.ensureMerged();
    const where: string[] = ['sort_key > ?'];
    const params: SqlValue[] = [];
    if (filter.type) {
      where.push('type = ?');
      params.push(filter.type);
    }
    if (filter.modality) {
      where.push('modality = ?');
      params.push(filter.modality);
    }
    if (filter.actor) {
      where.push("actor_keys LIKE ? ESCAPE '\\'");
      params.push(`%|${likeEscape(filter.actor.toLowerCase())}|%`);
    }
    if (filter.recipient) {
      where.push("recipient_keys LIKE ? ESCAPE '\\'");
      params.push(`%|${likeEscape(filter.recipient.toLowerCase())}|%`);
    }
    if (filter.since) {
      where.push('date_end >= ?');
      params.push(filter.since);
    }
    if (filter.until) {
      where.push('date_start <= ?');
      params.push(filter.until);
    }
    let after = '';
    for (;;) {
      const rows = await this.db.all<{ sort_key: string; body: string }>(
        `SELECT sort_key, body FROM merged_events WHERE ${where.join(' AND ')} ORDER BY sort_key LIMIT ${this.page}`,
        [after, ...params],
      );
      for (const r of rows) yield JSON.parse(r.body) as MergedEvent;
      if (rows.length < this.page) return;
      after = rows[rows.length - 1]!.sort_key;
    }
  }

  async *entities(filter: EntityFilter = {}): AsyncIterable<EntityRow> {
    const where: string[] = ['entity_key > ?'];
    const params: SqlValue[] = [];
    if (filter.kind) {
      where.push('entity_key >= ? AND entity_key < ?');
      params.push(`${filter.kind}|`, `${filter.kind}}`);
    }
    if (filter.name) {
      where.push("entity_key LIKE ? ESCAPE '\\'");
      params.push(`%${likeEscape(filter.name.toLowerCase())}%`);
    }
    let after = '';
    for (;;) {
      const rows = await this.db.all<{ entity_key: string; name: string; kind: string; country: string | null; sector: string | null; documents: number; mentions: number }>(
        `SELECT entity_key, MIN(name) AS name, MIN(kind) AS kind, MAX(country) AS country, MAX(sector) AS sector,
                COUNT(DISTINCT doc_id) AS documents, SUM(mention_count) AS mentions
         FROM entities WHERE ${where.join(' AND ')} GROUP BY entity_key ORDER BY entity_key LIMIT ${this.page}`,
        [after, ...params],
      );
      for (const r of rows) {
        yield { name: r.name, kind: r.kind, country: r.country, sector: r.sector, documents: Number(r.documents), mentions: Number(r.mentions) };
      }
      if (rows.length < this.page) return;
      after = rows[rows.length - 1]!.entity_key;
    }
  }

  async counts(): Promise<StoreCounts> {
    const q = async (sql: string) => Number((await this.db.all<{ n: number }>(sql))[0]?.n ?? 0);
    return {
      documents: await q('SELECT COUNT(*) AS n FROM documents'),
      eventMentions: await q('SELECT COUNT(*) AS n FROM event_mentions'),
      mergedEvents: await q('SELECT COUNT(*) AS n FROM merged_events'),
      entities: await q('SELECT COUNT(DISTINCT entity_key) AS n FROM entities'),
    };
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}

/** A merged participant with the sector its mentions give (PLOVER/CAMEO sector such as GOV, MIL, REB). */
export type ParticipantWithSector = MergedEvent['actors'][number] & { readonly sector?: string | null };

/**
 * Adds to each merged participant the sector of the same actor (by name and country) in the
 * event's mentions, which the merge does not carry; exports use it for actor codes.
 */
export function withSectors(merged: readonly MergedEvent[], mentions: readonly MentionInput[]): MergedEvent[] {
  const byMention = new Map<string, MentionInput['event']>();
  for (const m of mentions) byMention.set(`${m.document.id}|${m.event.id}`, m.event);
  return merged.map((ev) => {
    const refs = ev.mentions.flatMap((m) => {
      const e = byMention.get(`${m.document}|${m.event_id}`);
      return e ? [...e.actor, ...e.recipient] : [];
    });
    const add = (p: MergedEvent['actors'][number]): ParticipantWithSector => {
      const r = refs.find((x) => x.sector && x.name === p.name && x.country === p.country) ?? refs.find((x) => x.sector && x.name === p.name);
      return r ? { ...p, sector: r.sector } : p;
    };
    return { ...ev, actors: ev.actors.map(add), recipients: ev.recipients.map(add) };
  });
}

/** Inserts every layer of one extraction (inside the document's transaction). */
async function insertLayers(tx: SqlExecutor, docId: string, x: Extraction): Promise<void> {
  await insertMany(
    tx,
    'entities',
    ['doc_id', 'id', 'name', 'kind', 'country', 'sector', 'role', 'affiliation', 'attributes', 'entity_key', 'mention_count'],
    x.entities.map((e) => [docId, e.id, e.name, e.kind, e.country, e.sector, e.role, e.affiliation, json(e.attributes ?? {}), `${e.kind}|${e.name.toLowerCase()}`, e.mentions.length]),
  );
  await insertMany(
    tx,
    'mentions',
    ['doc_id', 'entity_id', 'start_off', 'end_off', 'text', 'form'],
    x.entities.flatMap((e) => e.mentions.map((m) => [docId, e.id, m.start, m.end, m.text, m.form])),
  );
  await insertMany(
    tx,
    'event_mentions',
    [
      'doc_id', 'id', 'type', 'mode', 'cameo', 'modality', 'in_quote', 'trigger_start', 'trigger_end', 'trigger_text',
      'sentence_start', 'sentence_end', 'date_value', 'date_precision', 'location_name', 'location_country',
      'actors', 'recipients', 'attribution', 'quantities',
    ],
    x.events.map((e) => [
      docId, e.id, e.type, e.mode, e.cameo, e.modality, b(e.in_quote), e.trigger.start, e.trigger.end, e.trigger.text,
      e.sentence.start, e.sentence.end, e.date?.value ?? null, e.date?.precision ?? null, e.location?.name ?? null, e.location?.country ?? null,
      json(e.actor), json(e.recipient), e.attribution ? json(e.attribution) : null, json(e.quantities),
    ]),
  );
  await insertMany(
    tx,
    'dates',
    ['doc_id', 'start_off', 'end_off', 'text', 'value', 'precision', 'type', 'mod'],
    x.dates.map((t) => [docId, t.start, t.end, t.text, t.value, t.precision, t.type, t.mod ?? null]),
  );
  await insertMany(
    tx,
    'quantities',
    ['doc_id', 'start_off', 'end_off', 'text', 'value', 'approx', 'of_text', 'kind', 'qualifier'],
    x.quantities.map((q) => [docId, q.start, q.end, q.text, q.value, b(q.approx), q.of, q.kind ?? null, q.qualifier ?? null]),
  );
  await insertMany(
    tx,
    'quotes',
    ['doc_id', 'start_off', 'end_off', 'text', 'speaker_id', 'speaker_text', 'cue'],
    x.quotes.map((q) => [docId, q.start, q.end, q.text, q.speaker?.id ?? null, q.speaker_text, q.cue]),
  );
  await insertMany(
    tx,
    'attributions',
    ['doc_id', 'kind', 'source_start', 'source_end', 'source_text', 'source_entity_id', 'cue_start', 'cue_end', 'cue_text', 'content_start', 'content_end'],
    x.attributions.map((a) => [
      docId, a.kind ?? null, a.source?.start ?? null, a.source?.end ?? null, a.source?.text ?? null, a.source_entity?.id ?? null,
      a.cue.start, a.cue.end, a.cue.text, a.content.start, a.content.end,
    ]),
  );
}
