import { basename } from 'node:path';
import type { FileResult } from './run.js';

/** The two parts of every development set: tune on one, check generalisation on the other. */
export type Fold = 'tune' | 'held';

/** Share of records (out of 10) that go to the tuning fold. */
const TUNE_TENTHS = 7;
/** Changing the seed reshuffles every fold: never do it to move a score. */
const SEED = 'parley-fold-v1';

/** FNV-1a, 32 bit: stable across Node versions and platforms. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * The fold of one record, from its file's base name and its id (a document gold file is one
 * record: pass no id). Deterministic: the same record is always in the same fold.
 * @example foldOf('plover-dev.jsonl', 'r17') // 'tune' or 'held', the same on every run
 */
export function foldOf(file: string, id = ''): Fold {
  return fnv1a(`${SEED}:${basename(file)}:${id}`) % 10 < TUNE_TENTHS ? 'tune' : 'held';
}

/** Parses a --fold option value. */
export function parseFold(v: string | undefined): Fold | 'both' | null {
  if (v === undefined) return null;
  return v === 'tune' || v === 'held' || v === 'both' ? v : null;
}

/** Fields of a document summary that are counts (summed when documents are pooled). */
const COUNTS = ['events_required', 'events_found', 'optional_events_found', 'must_not_assert_rules', 'must_not_assert_violated', 'unmatched_events'];

/**
 * Pools the results of many document gold files (one folder of articles) into one result: counts
 * are summed; rates are averaged over documents, except event attribute accuracy, which is
 * weighted by the events found.
 */
export function poolDocuments(label: string, results: readonly FileResult[]): FileResult {
  const sum: Record<string, number> = {};
  const rateSums: Record<string, number> = {};
  let attr = 0;
  for (const r of results) {
    const s = (r.metrics as { summary: Record<string, number> }).summary;
    for (const [k, v] of Object.entries(s)) {
      if (COUNTS.includes(k)) sum[k] = (sum[k] ?? 0) + v;
      else rateSums[k] = (rateSums[k] ?? 0) + v;
    }
    attr += (s.event_attribute_accuracy ?? 0) * (s.events_found ?? 0);
  }
  const n = results.length;
  const summary: Record<string, number> = { documents: n, ...sum };
  summary.events_recall = sum.events_required ? (sum.events_found ?? 0) / sum.events_required : 0;
  summary.event_attribute_accuracy = sum.events_found ? attr / sum.events_found : 0;
  for (const [k, v] of Object.entries(rateSums)) if (!(k in summary)) summary[`mean_${k}`] = n ? v / n : 0;
  return {
    file: label,
    format: 'document',
    n,
    errors: results.reduce((a, r) => a + r.errors, 0),
    fatal: results.reduce((a, r) => a + r.fatal, 0),
    errorSamples: [],
    seconds: results.reduce((a, r) => a + r.seconds, 0),
    metrics: { summary, problems: results.flatMap((r) => (r.metrics as { problems: string[] }).problems.map((p) => `${basename(r.file)}: ${p}`)) },
    details: [],
    ...(results[0]?.fold ? { fold: results[0].fold } : {}),
  };
}
