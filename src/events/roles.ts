import type { Entity, Mention, Token } from '../core/index.js';
import type { Lexicon } from './lexicon.js';
import { baseOf } from './lexicon.js';

/** The tokens of one sentence with the mentions and timexes laid over them. */
export interface SentenceView {
  readonly tokens: readonly Token[];
  readonly ts: number;
  readonly te: number;
  readonly clauses: Int32Array;
  /** mention covering each token (index relative to ts), or null */
  readonly mentionAt: readonly (Mention | null)[];
  /** true for tokens covered by a time expression */
  readonly inTimex: Uint8Array;
  readonly entityOf: (id: string) => Entity | undefined;
  readonly lex: Lexicon;
}

/** A token range [a, b). */
export interface Range {
  readonly a: number;
  readonly b: number;
}

const SKIP_BEFORE_VERB = new Set(['AUX', 'ADV', 'PART']);
const NP_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM', 'X', 'SYM']);
const NP_WORDS = new Set(['of', "'s", '’s', 'and', '-', 'for', 'from', 'in', 'near', 'loyal', 'to', 'based', 'led', '&', 'at', 'on', '.', 'along', 'with', 'its', 'their', 'his', 'her', '(', ')', 'throughout', 'across', 'around', 'outside', 'inside', 'within', 'among', 'under']);
const LOC_PREPS = new Set(['in', 'near', 'at', 'outside', 'inside', 'from', 'on']);
const CONJ = new Set(['and', 'or', ',', '&']);
const DEFINITE = new Set(['the', 'these', 'this', 'those', 'such', 'both']);

function clauseOf(v: SentenceView, i: number): number {
  return v.clauses[i - v.ts]!;
}

/** The base form of token i (irregular table, then wink lemma). */
export function base(v: SentenceView, i: number): string {
  const t = v.tokens[i]!;
  return baseOf(t.norm, t.lemma);
}

/** True when the verb at i is a passive participle ("was attacked", "has been indicted"). */
export function isPassive(v: SentenceView, i: number): boolean {
  const t = v.tokens[i]!;
  if (!/(ed|en|wn|ht|ck|ld|ut|et|aid)$/.test(t.norm)) return false;
  for (let j = i - 1; j >= Math.max(v.ts, i - 3); j--) {
    const p = v.tokens[j]!;
    if (v.lex.grammarSets.passiveAux.has(p.norm)) return p.norm !== "'s" || j === i - 1;
    // "was struck and killed": a participle coordinated with a passive one
    if ((p.norm === 'and' || p.norm === 'or') && j - 1 >= v.ts && v.tokens[j - 1]!.pos === 'VERB') return isPassive(v, j - 1);
    if (p.pos !== 'ADV' && p.pos !== 'PART') return false;
  }
  return false;
}

/** Walks left from `from` over an NP: returns its range or null. Stops at verbs, clause breaks and commas. */
function npLeft(v: SentenceView, end: number, clause: number): Range | null {
  let a = end + 1;
  for (let j = end; j >= v.ts && end - j < 16; j--) {
    const t = v.tokens[j]!;
    if (clauseOf(v, j) !== clause) break;
    const inMention = v.mentionAt[j - v.ts] !== null;
    if (inMention || NP_POS.has(t.pos) || NP_WORDS.has(t.norm) || (t.pos === 'VERB' && /ed$/.test(t.norm) && j < end && NP_POS.has(v.tokens[j - 1]?.pos ?? ''))) {
      a = j;
      continue;
    }
    break;
  }
  // trim leading conjunctions / prepositions
  while (a <= end && (CONJ.has(v.tokens[a]!.norm) || v.tokens[a]!.pos === 'ADP')) a++;
  return a <= end ? { a, b: end + 1 } : null;
}

/** Walks right from `start` over an NP (object): returns its range or null. */
export function npRight(v: SentenceView, start: number, clause: number, stopAtPreps = true): Range | null {
  let b = start;
  for (let j = start; j < v.te && j - start < 14; j++) {
    const t = v.tokens[j]!;
    if (clauseOf(v, j) !== clause) break;
    const inMention = v.mentionAt[j - v.ts] !== null;
    if (inMention || NP_POS.has(t.pos) || t.norm === "'s" || t.norm === '’s' || t.norm === 'of' || t.norm === 'and' || t.norm === '-' || t.pos === 'ADV' && j === start) {
      if (stopAtPreps && t.pos === 'ADP' && t.norm !== 'of' && !inMention) break;
      b = j + 1;
      continue;
    }
    if (t.norm === ',' && j > start && j + 1 < v.te && v.tokens[j + 1]!.pos !== 'VERB' && v.tokens[j + 1]!.norm !== 'and' && inListAhead(v, j)) {
      b = j + 1;
      continue;
    }
    break;
  }
  while (b > start && CONJ.has(v.tokens[b - 1]!.norm)) b--;
  return b > start ? { a: start, b } : null;
}

function inListAhead(v: SentenceView, comma: number): boolean {
  for (let j = comma + 1; j < Math.min(v.te, comma + 6); j++) {
    const n = v.tokens[j]!.norm;
    if (n === 'and' || n === 'or') return true;
    if (n === ',' || v.tokens[j]!.pos === 'VERB') return false;
  }
  return false;
}

/**
 * The subject NP of the verb at `verb`: skips auxiliaries, adverbs, time expressions and an
 * apposition; follows a conjoined predicate to its subject and a relative pronoun to its antecedent.
 */
export function subjectOf(v: SentenceView, verb: number, depth = 0): Range | null {
  const clause = clauseOf(v, verb);
  let i = verb - 1;
  while (i >= v.ts) {
    const t = v.tokens[i]!;
    if (t.norm === 'to' && t.pos === 'PART' && i - 1 >= v.ts && depth < 3) {
      // a purpose infinitive after an object ("mobilized groups to help"): the main subject acts
      const before = v.tokens[i - 1]!;
      if (before.pos === 'NOUN' || before.pos === 'PROPN') {
        for (let k = i - 2; k >= v.ts && clauseOf(v, k) === clause; k--) {
          if (v.tokens[k]!.pos === 'VERB') return subjectOf(v, k, depth + 1);
        }
      }
    }
    if (SKIP_BEFORE_VERB.has(t.pos) || v.inTimex[i - v.ts]) {
      i--;
      continue;
    }
    if (t.pos === 'ADP' && i + 1 < verb && v.inTimex[i + 1 - v.ts]) {
      i--;
      continue;
    }
    if (t.pos === 'NOUN' && i + 1 < verb && v.tokens[i + 1]!.norm === 'to' && i > v.ts && (v.tokens[i - 1]!.norm === ',' || v.mentionAt[i - 1 - v.ts] !== null)) {
      // a verb mis-tagged as a noun before an infinitive: "Ruiz, the minister, plans to travel"
      i--;
      continue;
    }
    if (t.norm === ',') {
      // apposition: ", a former envoy," / ", now with X,"
      let k = i - 1;
      while (k >= v.ts && i - k < 16 && v.tokens[k]!.norm !== ',' && (v.tokens[k]!.pos !== 'VERB' || /(ed|ing)$/.test(v.tokens[k]!.norm))) k--;
      if (k >= v.ts && v.tokens[k]!.norm === ',' && k > v.ts) {
        i = k - 1;
        continue;
      }
      return null;
    }
    break;
  }
  if (i < v.ts) return null;
  const t = v.tokens[i]!;
  if ((t.norm === 'but' || t.norm === 'and') && depth < 3 && i > v.ts) {
    // "X opened its borders ..., but was still refusing ...": the subject of the first predicate of the previous clause
    const pc = clauseOf(v, i - 1);
    let k = i - 1;
    while (k > v.ts && clauseOf(v, k - 1) === pc) k--;
    for (; k < i; k++) if (v.tokens[k]!.pos === 'VERB') return subjectOf(v, k, depth + 1);
    return null;
  }
  if ((t.norm === 'who' || t.norm === 'which' || t.norm === 'that') && depth < 3) {
    let k = i - 1;
    if (k >= v.ts && v.tokens[k]!.norm === ',') k--;
    if (k < v.ts) return null;
    return npLeft(v, k, clauseOf(v, k));
  }
  if ((t.norm === 'and' || t.norm === 'or') && depth < 3) {
    for (let k = i - 1; k >= v.ts && i - k < 20; k--) {
      if (v.tokens[k]!.pos === 'VERB' && clauseOf(v, k) === clause) return subjectOf(v, k, depth + 1);
    }
    return null;
  }
  if (t.pos === 'PRON') return { a: i, b: i + 1 };
  // catenative verbs: "continued to send", "tried to hack", "began collecting"
  if ((t.pos === 'VERB' || t.pos === 'AUX') && depth < 3 && clauseOf(v, i) === clause) return subjectOf(v, i, depth + 1);
  if (clauseOf(v, i) !== clause && !(v.tokens[i]!.pos === 'PROPN' || v.tokens[i]!.pos === 'NOUN')) return null;
  return npLeft(v, i, clauseOf(v, i));
}

/**
 * Entities heading an NP: one per conjunct ("X and Y"), preferring a mention that is not inside a
 * locative PP, and falling back to a mention with a known country when the head has none.
 */
export function headsOf(v: SentenceView, r: Range | null, opts: { skipPlaces?: boolean } = {}): string[] {
  if (!r) return [];
  const out: string[] = [];
  let conj: Mention[] = [];
  let conjPrep: boolean[] = [];
  const flush = () => {
    if (conj.length === 0) return;
    let pick = -1;
    for (let k = 0; k < conj.length; k++) {
      if (conjPrep[k]) continue;
      if (opts.skipPlaces && conj[k]!.label === 'place') continue;
      pick = k;
      break;
    }
    if (pick < 0) pick = conj.findIndex((m) => !(opts.skipPlaces && m.label === 'place'));
    if (pick < 0) {
      conj = [];
      conjPrep = [];
      return;
    }
    let e = v.entityOf(conj[pick]!.entityId);
    if (e && e.country === null) {
      const alt = conj.find((m) => v.entityOf(m.entityId)?.country);
      if (alt) e = v.entityOf(alt.entityId);
    }
    if (e && !out.includes(e.id)) out.push(e.id);
    conj = [];
    conjPrep = [];
  };
  let last: Mention | null = null;
  let prepBefore = false;
  for (let j = r.a; j < r.b; j++) {
    const m = v.mentionAt[j - v.ts];
    const t = v.tokens[j]!;
    if (m === null) {
      last = null;
      if (t.norm === 'and' || t.norm === 'or' || t.norm === ',' || t.norm === '&') {
        if (conj.length > 0 && j + 1 < r.b) flush();
      } else if (LOC_PREPS.has(t.norm)) prepBefore = true;
      continue;
    }
    if (m === last) continue;
    last = m;
    conj.push(m);
    conjPrep.push(prepBefore);
    prepBefore = false;
  }
  flush();
  return out;
}

/** Mentions right after a preposition among `preps`, within the clause after `from` (up to `limit` tokens). */
export function ppMentions(v: SentenceView, from: number, limit: number, preps: ReadonlySet<string>): Array<{ prep: string; range: Range }> {
  const out: Array<{ prep: string; range: Range }> = [];
  const clause = from < v.te ? clauseOf(v, from) : -1;
  for (let j = from; j < v.te && j - from < limit; j++) {
    if (clauseOf(v, j) !== clause) break;
    const t = v.tokens[j]!;
    if (!preps.has(t.norm) || v.mentionAt[j - v.ts] !== null) continue;
    const np = npRight(v, j + 1, clause);
    if (np) out.push({ prep: t.norm, range: np });
  }
  return out;
}

/** True when the noun at i is introduced by a definite determiner ("the talks", "these discussions"). */
export function isDefinite(v: SentenceView, i: number): boolean {
  for (let j = i - 1; j >= Math.max(v.ts, i - 3); j--) {
    const t = v.tokens[j]!;
    if (DEFINITE.has(t.norm)) return true;
    if (t.pos !== 'ADJ' && t.pos !== 'NOUN') return false;
  }
  return false;
}

/** The place (or country) mention nearest the trigger after a locative preposition in its clause. */
export function locationNear(v: SentenceView, trigger: number, anchor = trigger): { mention: Mention; start: number; end: number } | null {
  const clause = clauseOf(v, trigger);
  let best: { mention: Mention; start: number; end: number; d: number } | null = null;
  // a locative PP attached to the trigger: after it (or its predicate) with no other verb between,
  // or before it in the clause with no verb between
  let lo = anchor;
  while (lo > v.ts && clauseOf(v, lo - 1) === clause && v.tokens[lo - 1]!.pos !== 'VERB') lo--;
  let hi = anchor + 1;
  while (hi < v.te && hi - anchor < 10 && clauseOf(v, hi) === clause && (v.tokens[hi]!.pos !== 'VERB' || v.lex.grammarSets.locationPreps.has(v.tokens[hi]!.norm))) hi++;
  for (let j = lo; j < hi; j++) {
    if (clauseOf(v, j) !== clause) continue;
    const t = v.tokens[j]!;
    if (!v.lex.grammarSets.locationPreps.has(t.norm)) continue;
    let k = j + 1;
    let modStart = -1;
    while (k < v.te && (v.tokens[k]!.pos === 'DET' || /^(southern|northern|eastern|western|central|south|north|east|west|occupied|besieged)$/.test(v.tokens[k]!.norm)) && v.mentionAt[k - v.ts] === null) {
      if (v.tokens[k]!.pos !== 'DET' && modStart < 0) modStart = k;
      k++;
    }
    const m = k < v.te ? v.mentionAt[k - v.ts] : null;
    if (!m || (m.label !== 'place' && m.label !== 'country')) continue;
    const d = Math.abs(j - trigger);
    if (!best || d < best.d) {
      const start = modStart >= 0 ? v.tokens[modStart]!.start : m.span.start;
      best = { mention: m, start, end: m.span.end, d };
    }
  }
  return best ? { mention: best.mention, start: best.start, end: best.end } : null;
}
