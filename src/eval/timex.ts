import { z } from 'zod';
import type { Extraction } from '../output/schema.js';
import { greedyMatchSpans, overlap, prf, type Counts, type Prf } from './metrics.js';
import { codePointToUtf16 } from './offsets.js';

/** One record of the `timex` format (offsets in Python code points). */
export const TimexRecordSchema = z.looseObject({
  id: z.string(),
  dct: z.string().nullable().optional(),
  text: z.string(),
  timexes: z.array(
    z.looseObject({
      start: z.number().int(),
      end: z.number().int(),
      text: z.string().optional(),
      type: z.string(),
      value: z.string().nullable().optional(),
      mod: z.string().nullable().optional(),
    }),
  ),
});

export type TimexRecord = z.infer<typeof TimexRecordSchema>;

/** The date part of a document creation time ("1990-08-15T13:37" → "1990-08-15"); null when absent or unparsable. */
export function dctDate(dct: string | null | undefined): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(dct ?? '');
  return m ? m[1]! : null;
}

/** A time expression as scored: UTF-16 span, type and value. */
export interface TimexSpan {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly value: string;
}

/** What one document contributes to the TempEval-3 scores. */
export interface TimexRecordScore {
  readonly strict: Counts;
  readonly relaxed: Counts;
  /** Relaxed matches, and how many of them have the right type / value. */
  readonly matched: number;
  readonly typeCorrect: number;
  readonly valueCorrect: number;
  readonly nGold: number;
  readonly nPred: number;
  /** The relaxed [gold index, predicted index] pairs (for per-record details). */
  readonly pairs: ReadonlyArray<readonly [number, number]>;
}

const normValue = (v: string | null | undefined) => (v ?? '').trim().toUpperCase();

/** Gold timexes of a record with offsets converted to UTF-16. */
export function goldTimexes(rec: TimexRecord): TimexSpan[] {
  const cv = codePointToUtf16(rec.text);
  return rec.timexes.map((t) => ({ start: cv(t.start), end: cv(t.end), type: t.type, value: t.value ?? '' }));
}

/** Parley's dates as timex spans. */
export function predTimexes(x: Extraction): TimexSpan[] {
  return x.dates.map((d) => ({ start: d.start, end: d.end, type: d.type, value: d.value }));
}

/**
 * TempEval-3 scoring of one document: strict (same offsets) and relaxed (overlapping) span
 * matches, one-to-one; type and value judged on relaxed matches.
 */
export function scoreTimexRecord(gold: readonly TimexSpan[], pred: readonly TimexSpan[]): TimexRecordScore {
  const strictPairs = greedyMatchSpans(gold, pred, (g, p) => (g.start === p.start && g.end === p.end ? 1 : 0));
  const relaxedPairs = greedyMatchSpans(gold, pred, (g, p) => {
    const o = overlap(g, p);
    return o === 0 ? 0 : o / Math.max(g.end - g.start, p.end - p.start, 1);
  });
  let typeCorrect = 0;
  let valueCorrect = 0;
  for (const [i, j] of relaxedPairs) {
    if (gold[i]!.type === pred[j]!.type) typeCorrect++;
    if (normValue(gold[i]!.value) === normValue(pred[j]!.value)) valueCorrect++;
  }
  const c = (k: number): Counts => ({ tp: k, fp: pred.length - k, fn: gold.length - k });
  return {
    strict: c(strictPairs.length),
    relaxed: c(relaxedPairs.length),
    matched: relaxedPairs.length,
    typeCorrect,
    valueCorrect,
    nGold: gold.length,
    nPred: pred.length,
    pairs: relaxedPairs,
  };
}

/** Readable per-document problems: missed and spurious expressions, wrong values. */
export function timexIssues(text: string, gold: readonly TimexSpan[], pred: readonly TimexSpan[], s: TimexRecordScore): string[] {
  const show = (t: TimexSpan) => `"${text.slice(t.start, t.end)}"`;
  const gUsed = new Set(s.pairs.map(([i]) => i));
  const pUsed = new Set(s.pairs.map(([, j]) => j));
  const out: string[] = [];
  gold.forEach((g, i) => {
    if (!gUsed.has(i)) out.push(`missed ${show(g)} ${g.type} ${g.value}`);
  });
  pred.forEach((p, j) => {
    if (!pUsed.has(j)) out.push(`spurious ${show(p)} ${p.type} ${p.value}`);
  });
  for (const [i, j] of s.pairs) {
    if (normValue(gold[i]!.value) !== normValue(pred[j]!.value)) out.push(`value ${show(pred[j]!)}: gold ${gold[i]!.value}, parley ${pred[j]!.value}`);
  }
  return out;
}

/** Running totals over timex documents. */
export interface TimexTotals {
  n: number;
  strict: Counts;
  relaxed: Counts;
  matched: number;
  typeCorrect: number;
  valueCorrect: number;
  nGold: number;
  nPred: number;
}

/** Empty totals. */
export function timexTotals(): TimexTotals {
  return { n: 0, strict: { tp: 0, fp: 0, fn: 0 }, relaxed: { tp: 0, fp: 0, fn: 0 }, matched: 0, typeCorrect: 0, valueCorrect: 0, nGold: 0, nPred: 0 };
}

/** Adds one document's score into the totals (mutates the accumulator). */
export function addTimexRecord(t: TimexTotals, s: TimexRecordScore): TimexTotals {
  t.n++;
  for (const k of ['tp', 'fp', 'fn'] as const) {
    t.strict[k] += s.strict[k];
    t.relaxed[k] += s.relaxed[k];
  }
  t.matched += s.matched;
  t.typeCorrect += s.typeCorrect;
  t.valueCorrect += s.valueCorrect;
  t.nGold += s.nGold;
  t.nPred += s.nPred;
  return t;
}

/** TempEval-3 metrics. */
export interface TimexMetrics {
  readonly strict: Prf;
  readonly relaxed: Prf;
  /** Share of relaxed matches with the right type / value. */
  readonly typeAccuracy: number;
  readonly valueAccuracy: number;
  /** Value P/R/F1: relaxed matches with the right value over all predicted / all gold. */
  readonly value: Prf;
}

/** Final TempEval-3 metrics from the totals. */
export function timexMetrics(t: TimexTotals): TimexMetrics {
  return {
    strict: prf(t.strict),
    relaxed: prf(t.relaxed),
    typeAccuracy: t.matched === 0 ? 0 : t.typeCorrect / t.matched,
    valueAccuracy: t.matched === 0 ? 0 : t.valueCorrect / t.matched,
    value: prf({ tp: t.valueCorrect, fp: t.nPred - t.valueCorrect, fn: t.nGold - t.valueCorrect }),
  };
}
