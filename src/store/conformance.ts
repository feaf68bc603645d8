import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentMeta } from '../core/index.js';
import type { EventOut, Extraction } from '../output/schema.js';
import type { MentionInput, MergedEvent } from '../situation/index.js';
import { SCHEMA_VERSION } from './migrations.js';
import { SqlStore, contentHash, type SqlStoreOptions } from './sql-store.js';
import type { SqlDriver } from './sql.js';
import type { DocumentInput, Store } from './store.js';

/** How a conformance run gets a fresh, empty database. */
export interface StoreHarness {
  readonly name: string;
  /** A driver on a new empty database (each call a different one). */
  freshDriver(): Promise<SqlDriver>;
}

/** The frozen schema-version-1 store with two documents (see migrations.ts). */
export const V1_FIXTURE = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'v1.sql'), 'utf8');

interface EventSpec {
  type: string;
  actor: [string, string | null][];
  recipient?: [string, string | null][];
  modality?: EventOut['modality'];
  date?: string;
}

/** A small hand-made extraction: entities with mentions, events, a date, a number, a quote, an attribution. */
export function sampleExtraction(docId: string, published: string | null, events: EventSpec[] = [], entityNames: string[] = ['Kestrel Council']): Extraction {
  const ref = ([name, country]: [string, string | null]) => ({ id: `e-${name}`, name, country, sector: null });
  return {
    id: null,
    document: { id: docId, title: `About ${docId}`, published, url: `https://news.example/${docId}` },
    entities: entityNames.map((name, i) => ({
      id: `e-${name}`,
      name,
      kind: 'organization' as const,
      country: null,
      sector: 'GOV',
      role: null,
      affiliation: null,
      attributes: { rank: i },
      mentions: [
        { start: 0, end: name.length, text: name, form: 'name' as const },
        { start: 40, end: 42, text: 'it', form: 'pronoun' as const },
      ],
    })),
    events: events.map((e, i) => ({
      id: `ev${i}`,
      type: e.type,
      mode: null,
      cameo: null,
      actor: e.actor.map(ref),
      recipient: (e.recipient ?? []).map(ref),
      location: null,
      date: e.date ? { value: e.date, precision: e.date.length === 10 ? 'day' : 'month', text: 'then', start: 5, end: 9 } : null,
      quantities: [{ value: 12, approx: true, of: 'envoys', text: 'about 12', start: 10, end: 18, kind: 'count', qualifier: 'about' }],
      modality: e.modality ?? 'asserted',
      in_quote: false,
      attribution: null,
      trigger: { text: 'met', start: 20, end: 23 },
      sentence: { start: 0, end: 60, text: 'A sentence.' },
    })),
    dates: [{ text: 'on Monday', start: 30, end: 39, value: published ?? '2020-01-01', precision: 'day', type: 'DATE', mod: null }],
    quantities: [{ value: 12, approx: true, of: 'envoys', text: 'about 12', start: 10, end: 18, kind: 'count', qualifier: 'about' }],
    quotes: [{ text: 'we will talk', start: 45, end: 57, speaker: null, speaker_text: 'an aide', cue: 'said' }],
    attributions: [
      { kind: 'direct', source: { text: 'an aide', start: 60, end: 67 }, source_entity: null, cue: { text: 'said', start: 68, end: 72 }, content: { text: 'we will talk', start: 45, end: 57 } },
    ],
    diagnostics: [],
  };
}

/** A document input around `sampleExtraction`; the text is unique per id unless `text` is given. */
export function sampleDocument(id: string, published: string | null, events: EventSpec[] = [], text?: string, entityNames?: string[]): DocumentInput {
  const t = text ?? `Text of ${id}. The council met about 12 envoys on Monday and it said "we will talk".`;
  const meta: DocumentMeta = { title: `About ${id}`, published, url: `https://news.example/${id}`, publisher: null, source: `${id}.txt`, externalId: null };
  return { id, text: t, meta, contentHash: contentHash(t), extraction: sampleExtraction(id, published, events, entityNames) };
}

/** A test merge: one merged event per mention, so filters can be checked independently of the real merge. */
export function oneEventPerMention(mentions: readonly MentionInput[]): MergedEvent[] {
  return mentions.map((m) => {
    const p = (r: { name: string; country: string | null }) => ({ key: r.country ?? r.name.toLowerCase(), name: r.name, country: r.country });
    const status = m.event.modality === 'asserted' ? 'confirmed' : m.event.modality === 'negated' ? 'denied' : m.event.modality;
    return {
      id: `${m.document.id}:${m.event.id}`,
      type: m.event.type,
      mode: m.event.mode,
      actors: m.event.actor.map(p),
      recipients: m.event.recipient.map(p),
      location: null,
      date: m.event.date ? { value: m.event.date.value, precision: m.event.date.precision } : null,
      quantities: [],
      status,
      disputed: false,
      disagreements: [],
      history: [],
      first_seen: m.document.published,
      last_seen: m.document.published,
      documents: [m.document.id],
      mentions: [],
    } as MergedEvent;
  });
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** The one suite every Store implementation must pass. */
export function storeConformance(h: StoreHarness): void {
  describe(`store conformance: ${h.name}`, () => {
    const open: Store[] = [];
    const openStore = async (opts: SqlStoreOptions = {}, driver?: SqlDriver) => {
      const s = await SqlStore.open(driver ?? (await h.freshDriver()), { pageSize: 3, merge: oneEventPerMention, ...opts });
      open.push(s);
      return s;
    };
    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => s.close()));
    });

    it('a new store is at the current schema version and empty', async () => {
      const s = await openStore();
      expect(await s.schemaVersion()).toBe(SCHEMA_VERSION);
      expect(await s.counts()).toEqual({ documents: 0, eventMentions: 0, mergedEvents: 0, entities: 0 });
    });

    it('stores a document with every layer and reads it back unchanged', async () => {
      const s = await openStore();
      const d = sampleDocument('d1', '2025-02-01', [{ type: 'CONSULT', actor: [['Kestrel Council', null]] }]);
      expect(await s.putDocument(d)).toBe('new');
      const back = await s.getDocument('d1');
      expect(back?.text).toBe(d.text);
      expect(back?.extraction).toEqual(d.extraction);
      expect(back).toMatchObject({ title: 'About d1', published: '2025-02-01', source: 'd1.txt', eventCount: 1, contentHash: d.contentHash });
      expect(await s.hasContent(d.contentHash)).toBe(true);
      expect(await s.hasContent(contentHash('something else'))).toBe(false);
      expect(await s.counts()).toMatchObject({ documents: 1, eventMentions: 1, entities: 1 });
      expect(await s.getDocument('missing')).toBeNull();
    });

    it('stores the same content once, whatever its id', async () => {
      const s = await openStore();
      const a = sampleDocument('a', '2025-01-01', [], 'Same words twice.');
      const b = sampleDocument('b', '2025-01-02', [], 'Same words twice.');
      expect(await s.putDocument(a)).toBe('new');
      expect(await s.putDocument(a)).toBe('duplicate');
      expect(await s.putDocument(b)).toBe('duplicate');
      expect((await s.counts()).documents).toBe(1);
    });

    it('two writers racing on the same content store it once', async () => {
      const s = await openStore();
      const docs = Array.from({ length: 6 }, (_, i) => sampleDocument(`r${i}`, null, [], 'Racing copy.'));
      const results = await Promise.all(docs.map((d) => s.putDocument(d)));
      expect(results.filter((r) => r === 'new')).toHaveLength(1);
      expect((await s.counts()).documents).toBe(1);
    });

    it('a failing write leaves no part of the document', async () => {
      const s = await openStore();
      const bad = sampleDocument('bad', '2025-01-01', [], undefined, ['Twin', 'Twin']);
      await expect(s.putDocument(bad)).rejects.toThrow();
      expect(await s.getDocument('bad')).toBeNull();
      expect(await s.counts()).toEqual({ documents: 0, eventMentions: 0, mergedEvents: 0, entities: 0 });
      expect(await s.putDocument(sampleDocument('good', null))).toBe('new');
    });

    it('lists documents by date (undated last) across pages, with date filters', async () => {
      const s = await openStore();
      const dates = ['2025-03-01', null, '2025-01-15', '2025-02-10', '2024-12-31', '2025-02-11', null];
      for (const [i, d] of dates.entries()) await s.putDocument(sampleDocument(`doc${i}`, d));
      const all = await collect(s.documents());
      expect(all.map((d) => d.published)).toEqual(['2024-12-31', '2025-01-15', '2025-02-10', '2025-02-11', '2025-03-01', null, null]);
      const feb = await collect(s.documents({ since: '2025-02-01', until: '2025-02-28' }));
      expect(feb.map((d) => d.id)).toEqual(['doc3', 'doc5']);
      const full = await collect(s.storedDocuments({ since: '2025-03-01' }));
      expect(full.map((d) => d.extraction.document.id)).toEqual(['doc0']);
    });

    it('filters merged events by type, actor, recipient, modality and date', async () => {
      const s = await openStore();
      await s.putDocument(
        sampleDocument('x', '2025-01-10', [
          { type: 'CONSULT', actor: [['Ruritania', 'RUR']], recipient: [['Kestrel Council', null]], date: '2025-01-09' },
          { type: 'ASSAULT', actor: [['Kestrel Council', null]], modality: 'reported', date: '2025-01' },
          { type: 'AGREE', actor: [['Ruritania', 'RUR']], modality: 'negated' },
        ]),
      );
      await s.putDocument(sampleDocument('y', '2025-02-10', [{ type: 'CONSULT', actor: [['Osterlich', 'OST']], date: '2025-02-08', modality: 'potential' }]));
      const ids = async (f: Parameters<Store['events']>[0]) => (await collect(s.events(f))).map((e) => e.id).sort();
      expect(await ids({})).toEqual(['x:ev0', 'x:ev1', 'x:ev2', 'y:ev0']);
      expect(await ids({ type: 'CONSULT' })).toEqual(['x:ev0', 'y:ev0']);
      expect(await ids({ actor: 'rur' })).toEqual(['x:ev0', 'x:ev2']);
      expect(await ids({ actor: 'RURITANIA' })).toEqual(['x:ev0', 'x:ev2']);
      expect(await ids({ actor: 'Rur%' })).toEqual([]);
      expect(await ids({ recipient: 'kestrel council' })).toEqual(['x:ev0']);
      expect(await ids({ modality: 'negated' })).toEqual(['x:ev2']);
      expect(await ids({ modality: 'asserted' })).toEqual(['x:ev0']);
      expect(await ids({ since: '2025-02-01' })).toEqual(['y:ev0']);
      expect(await ids({ since: '2025-01-20' })).toEqual(['x:ev1', 'y:ev0']);
      expect(await ids({ until: '2025-01-05' })).toEqual(['x:ev1']);
      expect(await ids({ since: '2025-01-09', until: '2025-01-09' })).toEqual(['x:ev0', 'x:ev1']);
      const ordered = (await collect(s.events())).map((e) => e.id);
      expect(ordered).toEqual(['x:ev1', 'x:ev0', 'y:ev0', 'x:ev2']);
    });

    it('recomputes merged events after new documents arrive', async () => {
      const s = await openStore();
      await s.putDocument(sampleDocument('p', '2025-01-01', [{ type: 'AID', actor: [['Ruritania', 'RUR']] }]));
      expect(await collect(s.events())).toHaveLength(1);
      await s.putDocument(sampleDocument('q', '2025-01-02', [{ type: 'AID', actor: [['Ruritania', 'RUR']] }]));
      expect(await collect(s.events())).toHaveLength(2);
      expect((await s.counts()).mergedEvents).toBe(2);
      expect(await s.refreshMerged({ ifStale: true })).toBe(2);
      expect(await s.refreshMerged()).toBe(2);
    });

    it('runs the default merge of the situation module over stored mentions', async () => {
      const s = await openStore({ merge: undefined });
      await s.putDocument(sampleDocument('m', '2025-01-01', [{ type: 'AID', actor: [['Ruritania', 'RUR']] }]));
      const mentions = await collect(s.eventMentions());
      expect(mentions).toHaveLength(1);
      expect(mentions[0]!.document).toMatchObject({ id: 'm', published: '2025-01-01' });
      const merged = await collect(s.events());
      expect(merged.length).toBe(await s.refreshMerged());
    });

    it('aggregates entities across documents by kind and name', async () => {
      const s = await openStore();
      await s.putDocument(sampleDocument('a', null, [], undefined, ['Kestrel Council', 'Harbour Board']));
      await s.putDocument(sampleDocument('b', null, [], undefined, ['kestrel council']));
      await s.putDocument(sampleDocument('c', null, [], undefined, ['Alpha', 'Beta', 'Gamma']));
      const all = await collect(s.entities());
      expect(all.map((e) => e.name.toLowerCase())).toEqual(['alpha', 'beta', 'gamma', 'harbour board', 'kestrel council']);
      const kestrel = all.find((e) => e.name.toLowerCase() === 'kestrel council');
      expect(kestrel).toMatchObject({ kind: 'organization', documents: 2, mentions: 4, sector: 'GOV' });
      expect((await collect(s.entities({ name: 'BOARD' }))).map((e) => e.name)).toEqual(['Harbour Board']);
      expect(await collect(s.entities({ kind: 'person' }))).toEqual([]);
    });

    it('opens a store written by schema version 1 and migrates it', async () => {
      const driver = await h.freshDriver();
      await driver.exec(V1_FIXTURE);
      const s = await openStore({}, driver);
      expect(await s.schemaVersion()).toBe(SCHEMA_VERSION);
      const docs = await collect(s.documents());
      expect(docs.map((d) => [d.id, d.eventCount])).toEqual([
        ['v1doc0000000001', 1],
        ['v1doc0000000002', 0],
      ]);
      const ents = await collect(s.entities({ kind: 'country' }));
      expect(ents.map((e) => [e.name, e.mentions])).toEqual([
        ['Norway', 1],
        ['Ruritania', 2],
      ]);
      const events = await collect(s.events({ actor: 'nor' }));
      expect(events.map((e) => e.type)).toEqual(['CONSULT']);
      expect(await s.putDocument(sampleDocument('after', '2025-01-01'))).toBe('new');
      expect((await s.counts()).documents).toBe(3);
    });

    it('reopening an up-to-date store changes nothing', async () => {
      const driver = await h.freshDriver();
      const s = await openStore({}, driver);
      await s.putDocument(sampleDocument('keep', '2025-01-01'));
      const again = await SqlStore.open(driver);
      expect(await again.schemaVersion()).toBe(SCHEMA_VERSION);
      expect((await again.counts()).documents).toBe(1);
    });
  });
}
