import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Extraction } from '../output/schema.js';
import type { AttributionMetrics } from './attribution.js';
import type { EntitiesMetrics } from './entities.js';
import type { EventsMetrics } from './events.js';
import { codePointToUtf16 } from './offsets.js';
import { DEFAULT_DATA_DIR, evalFile, findGoldFiles, type ExtractFn } from './run.js';
import type { TimexMetrics } from './timex.js';

// The harness scored against the gold itself must give perfect marks on every shared dev file:
// this checks offset conversion, format detection and matching on real records (read at run time).

const present = existsSync(DEFAULT_DATA_DIR);
const base = (id: string): Extraction => ({ id, document: { id, title: null, published: null }, entities: [], events: [], dates: [], quantities: [], quotes: [], attributions: [], diagnostics: [] });

type Rec = Record<string, any>;

function oracle(rec: Rec): Extraction {
  const x = base(rec.id);
  const cv = codePointToUtf16(rec.text);
  const sp = (f: Rec) => ({ start: cv(f.start), end: cv(f.end), text: rec.text.slice(cv(f.start), cv(f.end)) });
  switch (rec.format) {
    case 'events':
      x.events = rec.events.map((e: Rec, i: number) => ({
        id: `e${i}`, type: e.type ?? e.type_any[0], mode: e.mode ?? null, cameo: null,
        actor: (e.actor ?? []).map((a: Rec) => ({ id: 'a', name: a.text ?? '', country: a.code, sector: a.sector })),
        recipient: (e.recipient ?? []).map((a: Rec) => ({ id: 'r', name: a.text ?? '', country: a.code, sector: a.sector })),
        location: null, date: null, quantities: [], modality: 'asserted', in_quote: false, attribution: null,
        trigger: { text: '', start: 0, end: 0 }, sentence: { start: 0, end: 0 },
      }));
      break;
    case 'timex':
      x.dates = rec.timexes.map((t: Rec) => ({ ...sp(t), value: t.value ?? '', precision: 'none', type: t.type }));
      break;
    case 'attribution':
      x.attributions = rec.attributions
        .filter((a: Rec) => a.content.length > 0 && a.content[0].length > 0)
        .map((a: Rec) => {
          const frags = a.content[0];
          const content = sp({ start: frags[0].start, end: frags[frags.length - 1].end });
          const src = a.source[0]?.[0];
          const cue = a.cue[0]?.[0] ?? frags[0];
          return { kind: a.has_quote_marks ? 'direct' : 'reported', source: src ? sp(src) : null, source_entity: null, cue: sp(cue), content };
        });
      break;
    case 'entities': {
      const kinds: Record<string, string> = { PERSON: 'person', ORG: 'organization', LOC: 'place', NORP: 'group' };
      x.entities = rec.entities
        .filter((e: Rec) => kinds[e.type])
        .map((e: Rec, i: number) => ({
          id: `n${i}`, name: e.text, kind: kinds[e.type], country: null, sector: null, role: null, affiliation: null,
          mentions: [{ ...sp(e), form: e.type === 'NORP' ? 'demonym' : 'name' }],
        }));
      x.dates = rec.entities.filter((e: Rec) => e.type === 'DATE').map((e: Rec) => ({ ...sp(e), value: '', precision: 'none', type: 'DATE' }));
      x.quantities = rec.entities
        .filter((e: Rec) => e.type === 'MONEY' || e.type === 'QUANTITY')
        .map((e: Rec) => ({ ...sp(e), value: 0, approx: false, of: null, kind: e.type === 'MONEY' ? 'money' : 'count' }));
      break;
    }
  }
  return x;
}

describe.skipIf(!present)('oracle predictions on the shared dev sets', () => {
  const files = present ? findGoldFiles(DEFAULT_DATA_DIR).filter((f) => f.endsWith('.jsonl')) : [];
  it.each(files)('%s scores perfectly', async (file) => {
    const byId = new Map<string, Rec>();
    for (const line of readFileSync(file, 'utf8').split('\n')) if (line.trim()) {
      const r = JSON.parse(line) as Rec;
      byId.set(r.id, r);
    }
    const run: ExtractFn = (_text, meta) => oracle(byId.get(meta.externalId!)!);
    const r = await evalFile(file, { extractFn: run });
    expect(r.errors).toBe(0);
    const m = r.metrics as Rec;
    switch (r.format) {
      case 'events': {
        const e = m as EventsMetrics;
        expect(e.type.f1).toBe(1);
        expect(e.actorAccuracy.accuracy).toBe(1);
        expect(e.recipientAccuracy.accuracy).toBe(1);
        break;
      }
      case 'timex': {
        const t = m as TimexMetrics;
        expect([t.strict.f1, t.relaxed.f1, t.value.f1, t.typeAccuracy]).toEqual([1, 1, 1, 1]);
        break;
      }
      case 'attribution': {
        const a = m as AttributionMetrics;
        expect(a.all.content.r).toBeGreaterThan(0.99);
        expect(a.all.sourceAccuracy.accuracy).toBeGreaterThan(0.99);
        expect(a.quoted.content.r).toBeGreaterThan(0.99);
        break;
      }
      case 'entities': {
        const n = m as EntitiesMetrics;
        for (const t of ['PERSON', 'ORG', 'LOC', 'NORP', 'DATE', 'MONEY', 'QUANTITY']) if (n.exact.perType[t]) expect(n.exact.perType[t]!.f1, t).toBe(1);
        break;
      }
    }
  });
});
