import * as chrono from 'chrono-node';
import type { Span, Timex } from '../core/index.js';
import type { Stage } from '../pipeline/index.js';
import { compileFinder, findTimeCandidates, type Finder } from './candidates.js';
import { timeLexicon, type TimeLexicon } from './lexicon.js';
import { parseReferenceDate, resolveTimeExpr, type Tense, type Ymd } from './resolve.js';
import { tenseAt, type TenseCues } from './tense.js';
import type { TimeCandidate, TimeExpr } from './types.js';

const STAGE = 'time';
/** How many sentences a quarter stays the topic that "the quarter" or "a year ago" refer back to. */
const QUARTER_REACH = 3;
const VERSION = '1';

/** Sentences where chrono's formal date parser may add something our patterns miss (numeric dates, clock times next to dates). */
const CHRONO_PRECHECK = /\d\s*(?:[ap]\.?m\b|:\d\d)|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d\d-\d\d/i;
/** Longer "sentences" are not prose (tables, run-on dumps): our own patterns still cover them. */
const MAX_CHRONO_CHARS = 2000;
/** chrono results we take: those that name a month or write a full numeric date (clock times alone are ours). */
const CHRONO_KEEP = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d\d-\d\d/i;
/**
 * What every kept result contains (CHRONO_KEEP without its word boundaries): a sentence without
 * it cannot give a kept result, so chrono, the dearest call of the stage, is not asked at all.
 */
const CHRONO_KEEP_ANYWHERE = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d\d-\d\d/i;

/**
 * Explicit dates found by chrono-node (strict mode), as candidates with only the components chrono
 * is certain of, so that Parley's own resolver anchors them. A two-digit "year" after a comma
 * ("January 19, 33 hostages") is cut off.
 */
export function chronoCandidates(text: string, ref: Ymd | null): TimeCandidate[] {
  if (text.length > MAX_CHRONO_CHARS || !CHRONO_PRECHECK.test(text) || !CHRONO_KEEP_ANYWHERE.test(text)) return [];
  const refDate = ref ? new Date(Date.UTC(ref.y, ref.m - 1, ref.d, 12)) : new Date(Date.UTC(2000, 0, 1, 12));
  const out: TimeCandidate[] = [];
  for (const r of chrono.strict.parse(text, refDate)) {
    const c = r.start;
    if (!CHRONO_KEEP.test(r.text)) continue;
    const lead = /^(?:at|on|from|by)\s+/i.exec(r.text)?.[0].length ?? 0;
    let end = r.index + r.text.length;
    let year = c.isCertain('year') ? c.get('year') ?? undefined : undefined;
    const short = /,\s*\d{1,2}$/.exec(r.text);
    if (short && year !== undefined) {
      end = r.index + short.index;
      year = undefined;
    }
    const expr: Extract<TimeExpr, { kind: 'calendar' }> = { kind: 'calendar' };
    if (year !== undefined) expr.year = year;
    if (c.isCertain('month')) expr.month = c.get('month') ?? undefined;
    if (c.isCertain('day')) expr.day = c.get('day') ?? undefined;
    if (c.isCertain('hour')) {
      expr.hour = c.get('hour') ?? undefined;
      expr.minute = c.get('minute') ?? 0;
    }
    if (c.isCertain('weekday') && expr.day === undefined) {
      const wd = c.get('weekday') ?? 0;
      expr.weekday = wd === 0 ? 7 : wd;
      expr.weekdayRel = 0;
    }
    if (expr.month === undefined && expr.hour === undefined && expr.year === undefined) continue;
    out.push({ start: r.index + lead, end, rule: 'chrono', expr, mod: null });
  }
  return out;
}

let finderCache: Finder | null = null;
let tenseCues: TenseCues | null = null;
let deadline: Set<string> | null = null;

/**
 * A calendar date after a deadline preposition ("extended to Nov. 20", "by January") is not
 * pushed into the past by a past-tense verb; after "since" it is.
 */
function adjustTense(tense: Tense, c: TimeCandidate, text: string, deadlineWords: ReadonlySet<string>): Tense {
  const k = c.expr.kind;
  if (k !== 'calendar' && k !== 'yearEnd' && !(k === 'relative' && c.expr.unit === 'weekend') && k !== 'relMonth') return tense;
  const head = text.slice(Math.max(0, c.start - 24), c.start).toLowerCase();
  const before = /([a-z]+)\W*$/.exec(head)?.[1] ?? '';
  if (before === 'since') return 'past';
  if (/\bahead\s+of\s*$/.test(head)) return 'future';
  if (/\b(?:until|till)\s*$/.test(head)) return tense === 'past' ? 'present' : 'future';
  if (tense === 'past' && deadlineWords.has(before)) return 'present';
  return tense;
}

/**
 * A fiscal quarter given with its closing month ("the fourth quarter ended Sept. 30") stands, for
 * later "the quarter" / "a year ago", for the calendar quarter of that month.
 */
function calendarQuarterEnded(after: string, value: string, lex: TimeLexicon): string | null {
  const m = /^\s+(?:ended|ending)\s+([A-Za-z]+)/.exec(after);
  const month = m ? lex.months[m[1]!.toLowerCase()] : undefined;
  if (!month) return null;
  return `${value.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The time stage: finds date phrases per sentence and anchors them to the publication date. */
export const timeStage: Stage = {
  name: STAGE,
  version: VERSION,
  requires: ['sentences', 'tokens'],
  produces: ['timexes'],
  run(doc, ctx) {
    const lex = timeLexicon();
    finderCache ??= compileFinder(lex);
    tenseCues ??= { futureAux: new Set(lex.futureAuxiliaries), pastAux: new Set(lex.pastAuxiliaries), plans: new Set(lex.futureCues) };
    deadline ??= new Set(lex.deadlinePrepositions);
    const ref = parseReferenceDate(ctx.referenceDate ?? doc.meta.published);
    const tokens = doc.layers.tokens ?? [];
    const timexes: Timex[] = [];
    let anchorQuarter: string | null = null;
    let anchorQuarterAt = -1;
    let sentenceIndex = -1;
    let anchorYear: number | null = null;
    let anchorDay: string | null = null;
    for (const s of doc.layers.sentences ?? []) {
      sentenceIndex++;
      const base = s.span.start;
      const text = doc.text.slice(base, s.span.end);
      const own = findTimeCandidates(text, finderCache);
      const extra = chronoCandidates(text, ref).filter((c) => !own.some((o) => o.start <= c.start && c.end <= o.end));
      const cands = extra.length ? mergeCandidates(own, extra) : own;
      for (const c of cands) {
        const tense = adjustTense(tenseAt(tokens, s.tokenStart, s.tokenEnd, base + c.start, tenseCues), c, text, deadline!);
        const r = resolveTimeExpr(c.expr, { ref, tense, anchorQuarter: sentenceIndex - anchorQuarterAt <= QUARTER_REACH ? anchorQuarter : null, anchorYear, anchorDay });
        if (!r) continue;
        if (c.expr.kind === 'quarter' && !c.expr.yearOffset && /^\d{4}-Q\d$/.test(r.value)) anchorQuarter = calendarQuarterEnded(text.slice(c.end, c.end + 30), r.value, lex) ?? r.value;
        if (c.expr.kind === 'quarter' && !c.expr.yearOffset && /^\d{4}-Q\d$/.test(r.value)) anchorQuarterAt = sentenceIndex;
        if (/^\d{4}-\d\d-\d\d/.test(r.value) && c.expr.kind !== 'day') anchorDay = r.value.slice(0, 10);
        if ((c.expr.kind === 'year' || (c.expr.kind === 'calendar' && c.expr.year !== undefined))) anchorYear = Number(r.value.slice(0, 4));
        const span: Span = { start: base + c.start, end: base + c.end };
        timexes.push({
          id: `tx${timexes.length}`,
          span,
          label: r.type,
          evidence: [span],
          provenance: { stage: STAGE, version: VERSION, rule: c.rule },
          text: doc.text.slice(span.start, span.end),
          value: r.value,
          precision: r.precision,
          mod: c.mod,
        });
      }
    }
    return { layers: { timexes } };
  },
};

/** Adds chrono's candidates: one that covers several of ours replaces them; one that overlaps ours partly is dropped. */
function mergeCandidates(own: readonly TimeCandidate[], extra: readonly TimeCandidate[]): TimeCandidate[] {
  let out = [...own];
  for (const c of extra) {
    const overlapping = out.filter((o) => o.start < c.end && c.start < o.end);
    if (overlapping.every((o) => c.start <= o.start && o.end <= c.end)) out = out.filter((o) => !overlapping.includes(o)).concat(c);
  }
  return out.sort((a, b) => a.start - b.start);
}
