import { z } from 'zod';
import type { EventOut } from '../output/schema.js';
import { canonicalCode, sameCode } from './codes.js';
import { accuracy, prf, type Accuracy, type Counts, type Prf } from './metrics.js';

const ActorSchema = z.looseObject({ text: z.string().nullable().optional(), code: z.string().nullable().optional(), sector: z.string().nullable().optional() });

/** One gold event of the `events` format. */
export const GoldSentenceEventSchema = z.looseObject({
  type: z.string().nullable().optional(),
  type_any: z.array(z.string()).optional(),
  mode: z.string().nullable().optional(),
  actor: z.array(ActorSchema).nullable().default([]),
  recipient: z.array(ActorSchema).nullable().default([]),
});

/** One record of the `events` format: a sentence and its gold events (empty = nothing to code). */
export const EventsRecordSchema = z.looseObject({
  id: z.string(),
  text: z.string(),
  date: z.string().nullable().optional(),
  events: z.array(GoldSentenceEventSchema),
  actors_unannotated: z.boolean().optional(),
});

export type EventsRecord = z.infer<typeof EventsRecordSchema>;
type GoldSentenceEvent = z.infer<typeof GoldSentenceEventSchema>;

/** The label for "no event" in the confusion matrix. */
export const NONE = '(none)';

/** What one record contributes to the events metrics. */
export interface EventsRecordScore {
  readonly type: Counts;
  readonly actor: { correct: number; total: number };
  readonly recipient: { correct: number; total: number };
  /** [gold label, predicted label] pairs (NONE for a missing side). */
  readonly confusion: ReadonlyArray<readonly [string, string]>;
  readonly goldEmpty: boolean;
  readonly predEmpty: boolean;
}

/** The types a gold event accepts. */
function accepted(g: GoldSentenceEvent): string[] {
  if (g.type_any && g.type_any.length > 0) return g.type_any;
  return g.type ? [g.type] : [];
}

function codes(list: ReadonlyArray<{ code?: string | null | undefined }> | null): Set<string> {
  const out = new Set<string>();
  for (const a of list ?? []) {
    const c = canonicalCode(a.code);
    if (c) out.add(c);
  }
  return out;
}

function predCodes(refs: EventOut['actor']): Set<string> {
  const out = new Set<string>();
  for (const r of refs) {
    const c = canonicalCode(r.country);
    if (c) out.add(c);
  }
  return out;
}

const intersects = (a: Set<string>, b: Set<string>) => [...a].some((x) => [...b].some((y) => sameCode(x, y)));

/**
 * Scores one sentence: event types as (record, type) pairs (a type_any slot is right with any of
 * its types), actor/recipient codes on gold events whose type was found, confusion pairs.
 */
export function scoreEventsRecord(gold: EventsRecord, pred: readonly EventOut[]): EventsRecordScore {
  const slots: string[][] = [];
  const seen = new Set<string>();
  for (const g of gold.events) {
    const acc = accepted(g);
    const key = [...acc].sort().join('|');
    if (acc.length === 0 || seen.has(key)) continue;
    seen.add(key);
    slots.push(acc);
  }
  const predTypes = [...new Set(pred.map((e) => e.type))];
  const usedPred = new Set<string>();
  const matchedSlots = new Set<number>();
  slots.forEach((acc, i) => {
    const hit = predTypes.find((t) => acc.includes(t) && !usedPred.has(t));
    if (hit !== undefined) {
      usedPred.add(hit);
      matchedSlots.add(i);
    }
  });
  const allAccepted = new Set(slots.flat());
  const tp = matchedSlots.size;
  const fn = slots.length - tp;
  const fp = predTypes.filter((t) => !allAccepted.has(t)).length;

  const confusion: Array<[string, string]> = [];
  slots.forEach((acc, i) => {
    if (matchedSlots.has(i)) confusion.push([acc.join('|'), acc.find((t) => usedPred.has(t)) ?? acc[0]!]);
  });
  const wrongPred = predTypes.filter((t) => !allAccepted.has(t));
  const missed = slots.filter((_, i) => !matchedSlots.has(i));
  missed.forEach((acc, i) => confusion.push([acc.join('|'), wrongPred[i] ?? NONE]));
  for (const t of wrongPred.slice(missed.length)) confusion.push([NONE, t]);
  if (slots.length === 0 && predTypes.length === 0) confusion.push([NONE, NONE]);

  const actor = { correct: 0, total: 0 };
  const recipient = { correct: 0, total: 0 };
  if (!gold.actors_unannotated) {
    for (const g of gold.events) {
      const acc = accepted(g);
      const cands = pred.filter((e) => acc.includes(e.type));
      if (cands.length === 0) continue;
      const ga = codes(g.actor);
      const gr = codes(g.recipient);
      const scoreOf = (e: EventOut) => Number(intersects(ga, predCodes(e.actor))) + Number(intersects(gr, predCodes(e.recipient)));
      const bestEv = cands.reduce((a, b) => (scoreOf(b) > scoreOf(a) ? b : a));
      if (ga.size > 0) {
        actor.total++;
        if (intersects(ga, predCodes(bestEv.actor))) actor.correct++;
      }
      if (gr.size > 0) {
        recipient.total++;
        if (intersects(gr, predCodes(bestEv.recipient))) recipient.correct++;
      }
    }
  }
  return { type: { tp, fp, fn }, actor, recipient, confusion, goldEmpty: slots.length === 0, predEmpty: pred.length === 0 };
}

/** A readable line for a record whose types differ, or null when they agree. */
export function eventsIssue(gold: EventsRecord, pred: readonly EventOut[], s: EventsRecordScore): string | null {
  if (s.type.fp === 0 && s.type.fn === 0) return null;
  const g = gold.events.map((e) => accepted(e).join('|')).filter((x) => x !== '');
  const p = [...new Set(pred.map((e) => e.type))];
  return `gold ${g.join(', ') || NONE}; parley ${p.join(', ') || NONE}`;
}

/** Running totals over records of the `events` format. */
export interface EventsTotals {
  n: number;
  type: Counts;
  actor: { correct: number; total: number };
  recipient: { correct: number; total: number };
  confusion: Map<string, Map<string, number>>;
  goldEmpty: number;
  goldEmptyWithPred: number;
  predEmpty: number;
}

/** Empty totals. */
export function eventsTotals(): EventsTotals {
  return { n: 0, type: { tp: 0, fp: 0, fn: 0 }, actor: { correct: 0, total: 0 }, recipient: { correct: 0, total: 0 }, confusion: new Map(), goldEmpty: 0, goldEmptyWithPred: 0, predEmpty: 0 };
}

/** Adds one record's score into the totals (mutates the accumulator). */
export function addEventsRecord(t: EventsTotals, s: EventsRecordScore): EventsTotals {
  t.n++;
  t.type.tp += s.type.tp;
  t.type.fp += s.type.fp;
  t.type.fn += s.type.fn;
  t.actor.correct += s.actor.correct;
  t.actor.total += s.actor.total;
  t.recipient.correct += s.recipient.correct;
  t.recipient.total += s.recipient.total;
  for (const [g, p] of s.confusion) {
    const row = t.confusion.get(g) ?? new Map<string, number>();
    row.set(p, (row.get(p) ?? 0) + 1);
    t.confusion.set(g, row);
  }
  if (s.goldEmpty) {
    t.goldEmpty++;
    if (!s.predEmpty) t.goldEmptyWithPred++;
  }
  if (s.predEmpty) t.predEmpty++;
  return t;
}

/** The events metrics. */
export interface EventsMetrics {
  readonly type: Prf;
  readonly actorAccuracy: Accuracy;
  readonly recipientAccuracy: Accuracy;
  /** Share of records where Parley coded no event. */
  readonly noEventShare: number;
  /** Share of gold-empty records where Parley coded something. */
  readonly falsePositiveRate: Accuracy;
  /** gold label → predicted label → count. */
  readonly confusion: Record<string, Record<string, number>>;
  /** P/R/F1 per type, read off the confusion pairs (a type_any gold slot keeps its joined label). */
  readonly perType: Record<string, Prf>;
}

/** Final metrics from the totals. */
export function eventsMetrics(t: EventsTotals): EventsMetrics {
  const confusion: Record<string, Record<string, number>> = {};
  for (const g of [...t.confusion.keys()].sort()) confusion[g] = Object.fromEntries([...t.confusion.get(g)!.entries()].sort());
  const per = new Map<string, Counts>();
  const bump = (k: string, f: keyof Counts, n: number) => {
    const c = per.get(k) ?? { tp: 0, fp: 0, fn: 0 };
    c[f] += n;
    per.set(k, c);
  };
  for (const [g, row] of t.confusion) {
    for (const [p, n] of row) {
      if (g !== NONE && p !== NONE && g.split('|').includes(p)) bump(g, 'tp', n);
      else {
        if (g !== NONE) bump(g, 'fn', n);
        if (p !== NONE) bump(p, 'fp', n);
      }
    }
  }
  const perType = Object.fromEntries([...per.keys()].sort().map((k) => [k, prf(per.get(k)!)]));
  return {
    type: prf(t.type),
    actorAccuracy: accuracy(t.actor.correct, t.actor.total),
    recipientAccuracy: accuracy(t.recipient.correct, t.recipient.total),
    noEventShare: t.n === 0 ? 0 : t.predEmpty / t.n,
    falsePositiveRate: accuracy(t.goldEmptyWithPred, t.goldEmpty),
    confusion,
    perType,
  };
}
