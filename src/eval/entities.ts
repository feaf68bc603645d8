import { z } from 'zod';
import type { Extraction } from '../output/schema.js';
import { greedyMatchSpans, overlap, prf, type Counts, type Prf } from './metrics.js';
import { codePointToUtf16 } from './offsets.js';

/** One record of the `entities` format (offsets in Python code points). */
export const EntitiesRecordSchema = z.looseObject({
  id: z.string(),
  text: z.string(),
  types: z.array(z.string()).optional(),
  entities: z.array(z.looseObject({ type: z.string(), start: z.number().int(), end: z.number().int(), text: z.string().optional() })),
});

export type EntitiesRecord = z.infer<typeof EntitiesRecordSchema>;

/** A typed span. */
export interface TypedSpan {
  readonly type: string;
  readonly start: number;
  readonly end: number;
}

/** The types the target micro-average covers. */
export const TARGET_TYPES = ['PERSON', 'ORG', 'LOC'] as const;

const KIND_TO_TYPE: Record<string, string> = { person: 'PERSON', organization: 'ORG', group: 'ORG', country: 'LOC', place: 'LOC' };

/** The types a record annotates: its `types` field, or the types its entities use. */
export function recordTypes(rec: EntitiesRecord): string[] {
  return rec.types && rec.types.length > 0 ? rec.types : [...new Set(rec.entities.map((e) => e.type))];
}

/** Gold spans of a record, UTF-16 offsets, restricted to the listed types. */
export function goldEntities(rec: EntitiesRecord): TypedSpan[] {
  const cv = codePointToUtf16(rec.text);
  const types = new Set(recordTypes(rec));
  return rec.entities.filter((e) => types.has(e.type)).map((e) => ({ type: e.type, start: cv(e.start), end: cv(e.end) }));
}

/**
 * Parley's output as typed spans: name and description mentions by entity kind (person → PERSON,
 * organization/group → ORG, country/place → LOC; a mention's own kind wins over its entity's, so
 * "Turkey said" is an organisation), demonym mentions → NORP, dates and times → DATE,
 * quantities → MONEY (kind money) or QUANTITY. Pronouns resolved to an entity count as mentions of
 * its type (gold sets such as re3d annotate them). Duplicates are merged.
 */
export function predEntities(x: Extraction, types: readonly string[]): TypedSpan[] {
  const keep = new Set(types);
  const out: TypedSpan[] = [];
  const seen = new Set<string>();
  const push = (type: string, start: number, end: number) => {
    if (!keep.has(type) || end <= start) return;
    const key = `${type}:${start}:${end}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ type, start, end });
  };
  for (const e of x.entities) {
    for (const m of e.mentions) {
      const t = KIND_TO_TYPE[m.kind ?? e.kind];
      if (m.form === 'demonym') push('NORP', m.start, m.end);
      else if (t) push(t, m.start, m.end);
    }
  }
  for (const d of x.dates) if (d.type === 'DATE' || d.type === 'TIME') push('DATE', d.start, d.end);
  for (const q of x.quantities) {
    if (q.kind === 'ordinal') continue;
    push(q.kind === 'money' ? 'MONEY' : 'QUANTITY', q.start, q.end);
  }
  return out;
}

/** Per-type counts for exact and overlap matching. */
export interface EntitiesScore {
  readonly exact: Record<string, Counts>;
  readonly overlap: Record<string, Counts>;
}

/** Scores one document per type: exact (same offsets) and overlap (one-to-one, sharing a character). */
export function scoreEntities(gold: readonly TypedSpan[], pred: readonly TypedSpan[], types: readonly string[]): EntitiesScore {
  const exact: Record<string, Counts> = {};
  const ov: Record<string, Counts> = {};
  for (const type of types) {
    const g = gold.filter((e) => e.type === type);
    const p = pred.filter((e) => e.type === type);
    const ex = greedyMatchSpans(g, p, (a, b) => (a.start === b.start && a.end === b.end ? 1 : 0)).length;
    const ol = greedyMatchSpans(g, p, (a, b) => {
      const o = overlap(a, b);
      return o === 0 ? 0 : o / Math.max(a.end - a.start, b.end - b.start, 1);
    }).length;
    exact[type] = { tp: ex, fp: p.length - ex, fn: g.length - ex };
    ov[type] = { tp: ol, fp: p.length - ol, fn: g.length - ol };
  }
  return { exact, overlap: ov };
}

/** Running totals per type. */
export interface EntitiesTotals {
  n: number;
  exact: Map<string, Counts>;
  overlap: Map<string, Counts>;
}

/** Empty totals. */
export function entitiesTotals(): EntitiesTotals {
  return { n: 0, exact: new Map(), overlap: new Map() };
}

function addMap(m: Map<string, Counts>, rec: Record<string, Counts>): void {
  for (const [type, c] of Object.entries(rec)) {
    const t = m.get(type) ?? { tp: 0, fp: 0, fn: 0 };
    t.tp += c.tp;
    t.fp += c.fp;
    t.fn += c.fn;
    m.set(type, t);
  }
}

/** Adds one document into the totals (mutates the accumulator). */
export function addEntitiesRecord(t: EntitiesTotals, s: EntitiesScore): EntitiesTotals {
  t.n++;
  addMap(t.exact, s.exact);
  addMap(t.overlap, s.overlap);
  return t;
}

/** Entity metrics: per type, micro over all scored types, and micro over PERSON/ORG/LOC. */
export interface EntitiesMetrics {
  readonly exact: { readonly perType: Record<string, Prf>; readonly micro: Prf; readonly target: Prf };
  readonly overlap: { readonly perType: Record<string, Prf>; readonly micro: Prf; readonly target: Prf };
}

/** Final metrics from the totals. */
export function entitiesMetrics(t: EntitiesTotals): EntitiesMetrics {
  const build = (m: Map<string, Counts>) => {
    const perType: Record<string, Prf> = {};
    const micro: Counts = { tp: 0, fp: 0, fn: 0 };
    const target: Counts = { tp: 0, fp: 0, fn: 0 };
    for (const type of [...m.keys()].sort()) {
      const c = m.get(type)!;
      perType[type] = prf(c);
      for (const k of ['tp', 'fp', 'fn'] as const) {
        micro[k] += c[k];
        if ((TARGET_TYPES as readonly string[]).includes(type)) target[k] += c[k];
      }
    }
    return { perType, micro: prf(micro), target: prf(target) };
  };
  return { exact: build(t.exact), overlap: build(t.overlap) };
}
