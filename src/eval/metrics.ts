/** True/false positive and false negative counts. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Precision, recall and F1 with the counts they come from. */
export interface Prf extends Counts {
  readonly p: number;
  readonly r: number;
  readonly f1: number;
}

/** Zeroed counts. */
export function counts(): Counts {
  return { tp: 0, fp: 0, fn: 0 };
}

/** Adds b into a (mutates a, the accumulator). */
export function addCounts(a: Counts, b: Counts): Counts {
  a.tp += b.tp;
  a.fp += b.fp;
  a.fn += b.fn;
  return a;
}

/** Precision, recall and F1 from counts; 0 when undefined. */
export function prf(c: Counts): Prf {
  const p = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { tp: c.tp, fp: c.fp, fn: c.fn, p, r, f1 };
}

/** A ratio with its parts, 0 when the denominator is 0. */
export interface Accuracy {
  readonly correct: number;
  readonly total: number;
  readonly accuracy: number;
}

/** Builds an Accuracy. */
export function accuracy(correct: number, total: number): Accuracy {
  return { correct, total, accuracy: total === 0 ? 0 : correct / total };
}

/** A half-open character range. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/** Characters shared by two ranges. */
export function overlap(a: Range, b: Range): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * One-to-one greedy matching of gold to predicted items: pairs are taken by descending score,
 * skipping pairs whose score is not positive. Returns [goldIndex, predIndex] pairs.
 * Quadratic in the number of items of ONE record, which stays small.
 */
export function greedyMatch<G, P>(gold: readonly G[], pred: readonly P[], score: (g: G, p: P) => number): Array<[number, number]> {
  const pairs: Array<[number, number, number]> = [];
  for (let i = 0; i < gold.length; i++) {
    for (let j = 0; j < pred.length; j++) {
      const s = score(gold[i]!, pred[j]!);
      if (s > 0) pairs.push([s, i, j]);
    }
  }
  return takeOneToOne(pairs);
}

/**
 * One-to-one greedy matching for span items whose score is positive only when they overlap
 * (or are identical): like greedyMatch, but only overlapping pairs are scored, found with a
 * sorted sweep, so a long document with many spans stays near-linear.
 */
export function greedyMatchSpans<G extends Range, P extends Range>(gold: readonly G[], pred: readonly P[], score: (g: G, p: P) => number): Array<[number, number]> {
  const order = pred.map((_, j) => j).sort((a, b) => pred[a]!.start - pred[b]!.start);
  const starts = order.map((j) => pred[j]!.start);
  let maxLen = 0;
  for (const p of pred) maxLen = Math.max(maxLen, p.end - p.start);
  const pairs: Array<[number, number, number]> = [];
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i]!;
    // first index whose start is > g.end (an empty gold span may equal an empty pred at g.end)
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= g.end) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1; k >= 0 && starts[k]! >= g.start - maxLen; k--) {
      const j = order[k]!;
      const s = score(g, pred[j]!);
      if (s > 0) pairs.push([s, i, j]);
    }
  }
  return takeOneToOne(pairs);
}

/** Takes scored [score, goldIndex, predIndex] pairs best first, each gold and each prediction once. */
function takeOneToOne(pairs: Array<[number, number, number]>): Array<[number, number]> {
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const gUsed = new Set<number>();
  const pUsed = new Set<number>();
  const out: Array<[number, number]> = [];
  for (const [, i, j] of pairs) {
    if (gUsed.has(i) || pUsed.has(j)) continue;
    gUsed.add(i);
    pUsed.add(j);
    out.push([i, j]);
  }
  return out;
}
