import { z } from 'zod';
import type { Extraction } from '../output/schema.js';
import { greedyMatchSpans, overlap, prf, accuracy, type Accuracy, type Counts, type Prf, type Range } from './metrics.js';
import { codePointToUtf16 } from './offsets.js';

const FragmentSchema = z.looseObject({ start: z.number().int(), end: z.number().int(), text: z.string().optional() });
/** A role: alternatives, each a list of (possibly discontinuous) fragments. */
const RoleSchema = z.array(z.array(FragmentSchema)).default([]);

/** One record of the `attribution` format (offsets in Python code points). */
export const AttributionRecordSchema = z.looseObject({
  id: z.string(),
  published: z.string().nullable().optional(),
  title: z.string().nullable().optional(),
  text: z.string(),
  attributions: z.array(
    z.looseObject({ source: RoleSchema, cue: RoleSchema, content: RoleSchema, has_quote_marks: z.boolean().optional() }),
  ),
});

export type AttributionRecord = z.infer<typeof AttributionRecordSchema>;

/** A role as scored: alternatives of fragments, UTF-16 offsets. */
export type Alternatives = ReadonlyArray<readonly Range[]>;

/** A gold attribution relation with UTF-16 offsets. */
export interface GoldRelation {
  readonly source: Alternatives;
  readonly cue: Alternatives;
  readonly content: Alternatives;
  readonly quoted: boolean;
}

/** A predicted relation. `quoted` says whether its content is a quotation. */
export interface PredRelation {
  readonly source: Range | null;
  readonly cue: Range | null;
  readonly content: Range;
  readonly quoted: boolean;
}

/** Gold relations of a record with offsets converted to UTF-16. */
export function goldRelations(rec: AttributionRecord): GoldRelation[] {
  const cv = codePointToUtf16(rec.text);
  const role = (alts: ReadonlyArray<ReadonlyArray<{ start: number; end: number }>>) =>
    alts.map((frags) => frags.map((f) => ({ start: cv(f.start), end: cv(f.end) }))).filter((frags) => frags.length > 0);
  return rec.attributions
    .map((a) => ({ source: role(a.source), cue: role(a.cue), content: role(a.content), quoted: a.has_quote_marks === true }))
    .filter((a) => a.content.length > 0);
}

const QUOTE_MARK = /["\u201c\u201d\u00ab\u00bb\u201e]/;

/** True when a span is a quotation: it contains a double quote mark or sits right inside one. */
export function isQuoted(text: string, r: Range): boolean {
  return QUOTE_MARK.test(text.slice(Math.max(0, r.start - 2), Math.min(text.length, r.end + 2)));
}

/**
 * Parley's attributions as relations (quoted = direct kinds or content with quote marks). Records
 * flagged `nested` (a quotation inside a stronger relation's content, listed so that every quote
 * appears in `attributions`) are not separate relations and are not scored.
 */
export function predRelations(x: Extraction, text: string): PredRelation[] {
  return x.attributions.filter((a) => a.nested !== true).map((a) => ({
    source: a.source ? { start: a.source.start, end: a.source.end } : null,
    cue: { start: a.cue.start, end: a.cue.end },
    content: { start: a.content.start, end: a.content.end },
    quoted: a.kind === 'direct' || isQuoted(text, a.content),
  }));
}

const len = (frags: readonly Range[]) => frags.reduce((s, f) => s + Math.max(0, f.end - f.start), 0);
const overlapFrags = (frags: readonly Range[], r: Range) => frags.reduce((s, f) => s + overlap(f, r), 0);

/** Best share of a gold alternative covered by `r` (0..1); a content matches at ≥ 0.5. */
export function coverage(alts: Alternatives, r: Range): number {
  let best = 0;
  for (const frags of alts) {
    const l = len(frags);
    if (l > 0) best = Math.max(best, overlapFrags(frags, r) / l);
  }
  return best;
}

/** True when `r` overlaps some fragment of some alternative. */
export function touches(alts: Alternatives, r: Range | null): boolean {
  if (!r) return false;
  return alts.some((frags) => frags.some((f) => overlap(f, r) > 0));
}

/** The range from the first to the last fragment of all alternatives. */
function bounds(alts: Alternatives): Range {
  let start = Infinity;
  let end = -Infinity;
  for (const frags of alts) {
    for (const f of frags) {
      start = Math.min(start, f.start);
      end = Math.max(end, f.end);
    }
  }
  return start <= end ? { start, end } : { start: 0, end: 0 };
}

/** What one article (or one subset of it) contributes. */
export interface AttributionScore {
  readonly content: Counts;
  readonly source: { correct: number; total: number };
  readonly cue: { correct: number; total: number };
  /** Matched [gold index, predicted index] pairs. */
  readonly pairs: ReadonlyArray<readonly [number, number]>;
}

/**
 * Scores predicted relations against gold ones: contents matched one-to-one when the prediction
 * covers ≥ 50 % of a gold alternative; source and cue judged on matched pairs (a gold relation
 * with no source is right when Parley gives none).
 */
export function scoreAttributions(gold: readonly GoldRelation[], pred: readonly PredRelation[]): AttributionScore {
  const boxes = gold.map((g, i) => ({ ...bounds(g.content), i }));
  const contents = pred.map((p) => p.content);
  const pairs = greedyMatchSpans(boxes, contents, (b, c) => {
    const cov = coverage(gold[b.i]!.content, c);
    return cov >= 0.5 ? cov : 0;
  });
  const source = { correct: 0, total: 0 };
  const cue = { correct: 0, total: 0 };
  for (const [i, j] of pairs) {
    const g = gold[i]!;
    const p = pred[j]!;
    source.total++;
    if (g.source.length === 0 ? p.source === null : touches(g.source, p.source)) source.correct++;
    if (g.cue.length > 0) {
      cue.total++;
      if (touches(g.cue, p.cue)) cue.correct++;
    }
  }
  return { content: { tp: pairs.length, fp: pred.length - pairs.length, fn: gold.length - pairs.length }, source, cue, pairs };
}

/** Readable per-article problems: gold contents Parley missed and Parley contents matching no gold. */
export function attributionIssues(text: string, gold: readonly GoldRelation[], pred: readonly PredRelation[]): string[] {
  const { pairs } = scoreAttributions(gold, pred);
  const gUsed = new Set(pairs.map(([i]) => i));
  const pUsed = new Set(pairs.map(([, j]) => j));
  const clip = (r: Range) => {
    const t = text.slice(r.start, r.end).replace(/\s+/g, ' ');
    return `"${t.length > 70 ? `${t.slice(0, 70)}…` : t}"`;
  };
  const out: string[] = [];
  gold.forEach((g, i) => {
    if (!gUsed.has(i)) out.push(`missed ${clip(g.content[0]![0]!)}`);
  });
  pred.forEach((p, j) => {
    if (!pUsed.has(j)) out.push(`spurious ${clip(p.content)}`);
  });
  return out;
}

/** Running totals: all relations and the quote-mark subset. */
export interface AttributionTotals {
  n: number;
  all: { content: Counts; source: { correct: number; total: number }; cue: { correct: number; total: number } };
  quoted: { content: Counts; source: { correct: number; total: number }; cue: { correct: number; total: number } };
}

const emptyScore = () => ({ content: { tp: 0, fp: 0, fn: 0 }, source: { correct: 0, total: 0 }, cue: { correct: 0, total: 0 } });

/** Empty totals. */
export function attributionTotals(): AttributionTotals {
  return { n: 0, all: emptyScore(), quoted: emptyScore() };
}

function addInto(t: AttributionTotals['all'], s: AttributionScore): void {
  t.content.tp += s.content.tp;
  t.content.fp += s.content.fp;
  t.content.fn += s.content.fn;
  t.source.correct += s.source.correct;
  t.source.total += s.source.total;
  t.cue.correct += s.cue.correct;
  t.cue.total += s.cue.total;
}

/** Scores one article (all relations, and quoted gold vs quoted predictions) into the totals. */
export function addAttributionRecord(t: AttributionTotals, gold: readonly GoldRelation[], pred: readonly PredRelation[]): AttributionTotals {
  t.n++;
  addInto(t.all, scoreAttributions(gold, pred));
  addInto(t.quoted, scoreAttributions(gold.filter((g) => g.quoted), pred.filter((p) => p.quoted)));
  return t;
}

/** Metrics for one subset. */
export interface AttributionSubsetMetrics {
  readonly content: Prf;
  readonly sourceAccuracy: Accuracy;
  readonly cueAccuracy: Accuracy;
}

/** Attribution metrics: everything, and relations with quote marks. */
export interface AttributionMetrics {
  readonly all: AttributionSubsetMetrics;
  readonly quoted: AttributionSubsetMetrics;
}

/** Final metrics from the totals. */
export function attributionMetrics(t: AttributionTotals): AttributionMetrics {
  const m = (s: AttributionTotals['all']): AttributionSubsetMetrics => ({
    content: prf(s.content),
    sourceAccuracy: accuracy(s.source.correct, s.source.total),
    cueAccuracy: accuracy(s.cue.correct, s.cue.total),
  });
  return { all: m(t.all), quoted: m(t.quoted) };
}
