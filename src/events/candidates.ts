import type { Token } from '../core/index.js';
import { baseOf, sensesFor, type Lexicon, type TriggerEntry } from './lexicon.js';

/** What the matcher needs to know about entity mentions, per token. */
export interface MentionInfo {
  /** kind of the mention covering each token of the sentence (index relative to the sentence start), or null. */
  kindAt(tokenIndex: number): string | null;
}

/** A trigger found in a sentence: the sense, the head token and the tokens it used. */
export interface Candidate {
  readonly entry: TriggerEntry;
  readonly head: number;
  /** trigger extent [tokenStart, tokenEnd), including particles ("call ... off") */
  readonly tokenStart: number;
  readonly tokenEnd: number;
  /** the token that satisfied a required object, consumed by this trigger */
  readonly objectToken: number | null;
  readonly asNoun: boolean;
  readonly clause: number;
}

const VERBISH = new Set(['VERB', 'AUX']);
const NOUNISH = new Set(['NOUN', 'PROPN', 'X', 'ADJ', 'NUM']);
const DETLIKE = new Set(['DET', 'ADJ', 'NUM']);
const DEFAULT_WINDOW = 6;
const TEMPORAL = new Set(['yesterday', 'today', 'tonight', 'tomorrow', 'morning', 'afternoon', 'evening', 'night', 'week', 'month', 'year', 'weekend', 'overnight', 'now', 'earlier', 'later', 'last', 'this', 'next']);
const LIGHT_HEADS = new Set(['effort', 'efforts', 'bid', 'process', 'campaign', 'plan', 'plans', 'mission', 'operation', 'operations', 'initiative', 'talks', 'attempt', 'drive', 'deal', 'agreement', 'accord', 'pact', 'negotiations', 'spree', 'wave']);
const PREV_WINDOW = 2;

/** Clause index of every token of the sentence [ts, te): a new clause starts at each clause-breaking word. */
export function clauseIds(tokens: readonly Token[], ts: number, te: number, lex: Lexicon): Int32Array {
  const out = new Int32Array(te - ts);
  let c = 0;
  for (let i = ts; i < te; i++) {
    const t = tokens[i]!;
    // 'as' opens a clause only as a conjunction ("as talks stalled"), not as a preposition ("listed as a terrorist group")
    const asPrep = t.norm === 'as' && i + 1 < te && ['DET', 'ADJ', 'NUM'].includes(tokens[i + 1]!.pos);
    if (i > ts && lex.grammarSets.clauseBreak.has(t.norm) && !asPrep) c++;
    out[i - ts] = c;
    if (t.norm === ';' || t.norm === ':') c++;
  }
  return out;
}

const setCache = new WeakMap<readonly string[], ReadonlySet<string>>();

function asSet(list: readonly string[]): ReadonlySet<string> {
  let s = setCache.get(list);
  if (!s) {
    s = new Set(list);
    setCache.set(list, s);
  }
  return s;
}

function wordMatches(t: Token, list: readonly string[]): boolean {
  const set = asSet(list);
  if (set.has(t.norm) || set.has(t.lemma)) return true;
  const base = baseOf(t.norm, t.lemma);
  if (set.has(base)) return true;
  return t.norm.length > 3 && t.norm.endsWith('s') && set.has(t.norm.slice(0, -1));
}

function objectMatches(t: Token, rel: number, set: readonly string[], mentions: MentionInfo): boolean {
  const kind = mentions.kindAt(rel);
  for (const w of set) {
    if (w.startsWith('@')) {
      if (kind === null) continue;
      if (w === '@mention') return true;
      if (w === '@person' && kind === 'person') return true;
      if (w === '@place' && (kind === 'place' || kind === 'country')) return true;
      if (w === '@forces' && kind === 'group') return true;
    }
  }
  if (kind === null && t.pos === 'PROPN' && /^[A-Z]/.test(t.text) && set.some((w) => w === '@mention' || w === '@place')) return true;
  return wordMatches(t, set);
}

function posFits(entry: TriggerEntry, tokens: readonly Token[], i: number, ts: number): { ok: boolean; asNoun: boolean } {
  const t = tokens[i]!;
  const prev = i > ts ? tokens[i - 1]! : null;
  const afterDet = prev !== null && (DETLIKE.has(prev.pos) || prev.norm === "'s" || prev.norm === '’s');
  const pos = entry.pos ?? 'any';
  // part of a compound adjective or a name: "long-threatened", "the occupied", "Free Trade Agreement"
  if (prev !== null && (prev.norm === '-' || (prev.start === t.start - 1 && prev.text.endsWith('-')))) return { ok: false, asNoun: false };
  if (i > ts && /^[A-Z]/.test(t.text) && prev !== null && prev.pos === 'PROPN' && /^[A-Z]/.test(prev.text)) return { ok: false, asNoun: false };
  // a capitalised proper noun inside a sentence is a name ("Lynch said"), not a verb
  if (i > ts && t.pos === 'PROPN' && /^[A-Z][a-z]/.test(t.text) && prev !== null && !/^[“"‘'(]$/.test(prev.text) && (entry.pos ?? 'any') !== 'noun') return { ok: false, asNoun: false };
  const next = tokens[i + 1];
  // an event noun used as a modifier ("battle zones", "riot police") is not an event, unless its head is a light noun ("mediation effort")
  const modifier = next !== undefined && next.pos === 'NOUN' && next.sentence === t.sentence && !/s$/.test(t.norm) && !LIGHT_HEADS.has(next.norm) && !TEMPORAL.has(next.norm);
  if (pos === 'noun') {
    if (modifier) return { ok: false, asNoun: true };
    if (VERBISH.has(t.pos) && !t.norm.endsWith('ing') && !afterDet && !/s$/.test(t.norm)) return { ok: false, asNoun: true };
    return { ok: true, asNoun: true };
  }
  if (pos === 'verb') {
    if (modifier && (NOUNISH.has(t.pos) || (t.norm.endsWith('ing') && prev !== null && ['DET', 'ADJ', 'PROPN', 'NOUN', 'NUM'].includes(prev.pos)))) return { ok: false, asNoun: false };
    if (t.pos === 'ADV' || t.pos === 'ADP' || (prev !== null && prev.pos === 'DET')) return { ok: false, asNoun: false };
    if (NOUNISH.has(t.pos) && (afterDet || prev?.pos === 'ADP' || prev?.pos === 'PRON' && /^(his|her|its|their|our|my|your)$/.test(prev.norm))) return { ok: false, asNoun: false };
    return { ok: true, asNoun: false };
  }
  const asNoun = (!VERBISH.has(t.pos) && t.pos !== 'ADJ') || afterDet || (prev?.norm === 'to' && /[^s]s$/.test(t.norm));
  const ingInNp = t.norm.endsWith('ing') && prev !== null && (['DET', 'ADJ', 'PROPN', 'NOUN', 'NUM'].includes(prev.pos) || prev.norm === "'s");
  if ((asNoun || ingInNp) && modifier) return { ok: false, asNoun };
  return { ok: true, asNoun };
}

let wordsKey: { tokens: readonly Token[]; ts: number; te: number } | null = null;
let wordsVal: Set<string> = new Set();

/** Every form (text, lemma, base, singular) of the words of a sentence; cached for the sentence being matched. */
function sentenceWords(tokens: readonly Token[], ts: number, te: number): ReadonlySet<string> {
  if (wordsKey && wordsKey.tokens === tokens && wordsKey.ts === ts && wordsKey.te === te) return wordsVal;
  const out = new Set<string>();
  for (let j = ts; j < te; j++) {
    const t = tokens[j]!;
    out.add(t.norm);
    out.add(t.lemma);
    out.add(baseOf(t.norm, t.lemma));
    if (t.norm.length > 3 && t.norm.endsWith('s')) out.add(t.norm.slice(0, -1));
  }
  wordsKey = { tokens, ts, te };
  wordsVal = out;
  return out;
}

/** Tries one sense on the token at i; returns the candidate or null. */
function trySense(entry: TriggerEntry, tokens: readonly Token[], i: number, ts: number, te: number, clauses: Int32Array, mentions: MentionInfo): Candidate | null {
  const t = tokens[i]!;
  if (entry.lowercase && t.text !== t.text.toLowerCase()) return null;
  if (entry.requiresPlural && !t.norm.endsWith('s')) return null;
  const pf = posFits(entry, tokens, i, ts);
  if (!pf.ok) return null;
  const clause = clauses[i - ts]!;
  const inClause = (j: number) => j >= ts && j < te && clauses[j - ts] === clause;
  let end = i + 1;
  if (entry.then) {
    const gap = entry.gap ?? 0;
    let found = -1;
    for (let j = i + 1; j <= i + 1 + gap && j < te; j++) {
      if (wordMatches(tokens[j]!, entry.then)) {
        found = j;
        break;
      }
      if (tokens[j]!.pos === 'PUNCT' && tokens[j]!.norm !== ',') break;
    }
    if (found < 0) return null;
    end = found + 1;
  }
  if (entry.notThen && i + 1 < te && wordMatches(tokens[i + 1]!, entry.notThen)) return null;
  const win = entry.window ?? DEFAULT_WINDOW;
  if (entry.prev) {
    let ok = false;
    for (let j = i - 1; j >= Math.max(ts, i - (entry.window ?? PREV_WINDOW)); j--) {
      if (wordMatches(tokens[j]!, entry.prev)) {
        ok = true;
        break;
      }
    }
    if (!ok) return null;
  }
  if (entry.notPrev) {
    for (let j = i - 1; j >= Math.max(ts, i - PREV_WINDOW); j--) if (wordMatches(tokens[j]!, entry.notPrev)) return null;
  }
  let objectToken: number | null = null;
  if (entry.object || entry.notObject) {
    const side = entry.objectSide ?? 'after';
    const idx: number[] = [];
    if (side !== 'before') for (let j = end; j < end + win && inClause(j); j++) idx.push(j);
    if (side !== 'after') for (let j = i - 1; j >= i - win && inClause(j); j--) idx.push(j);
    if (entry.notObject && idx.some((j) => wordMatches(tokens[j]!, entry.notObject!))) return null;
    if (entry.object) {
      const hit = idx.find((j) => objectMatches(tokens[j]!, j - ts, entry.object!, mentions));
      if (hit === undefined) return null;
      objectToken = hit;
    }
  }
  if (entry.context || entry.notContext) {
    const words = sentenceWords(tokens, ts, te);
    if (entry.notContext && entry.notContext.some((w) => words.has(w))) return null;
    if (entry.context && !entry.context.some((w) => words.has(w))) return null;
  }
  return { entry, head: i, tokenStart: i, tokenEnd: end, objectToken, asNoun: pf.asNoun, clause };
}

function specificity(e: TriggerEntry): number {
  return (e.then ? 1 : 0) + (e.prev ? 1 : 0) + (e.object ? 1 : 0) + (e.context ? 1 : 0);
}

/** True when some token of the sentence could start a trigger (cheap pre-check). */
export function hasTriggerWord(tokens: readonly Token[], ts: number, te: number, lex: Lexicon): boolean {
  return firstTriggerWord(tokens, ts, te, lex) >= 0;
}

/** The first token of [ts, te) that has a trigger sense, or -1: the pre-check whose answer is also where matching starts. */
export function firstTriggerWord(tokens: readonly Token[], ts: number, te: number, lex: Lexicon): number {
  for (let i = ts; i < te; i++) if (sensesFor(lex, tokens[i]!.norm, tokens[i]!.lemma).length > 0) return i;
  return -1;
}

/**
 * Finds trigger candidates in the sentence [ts, te): for each token, the best-fitting sense
 * (priority, then specificity). Tokens used as another trigger's required object or particle are
 * consumed and do not trigger on their own.
 */
export function findCandidates(tokens: readonly Token[], ts: number, te: number, lex: Lexicon, mentions: MentionInfo, clauses = clauseIds(tokens, ts, te, lex), from = ts): Candidate[] {
  const found: Candidate[] = [];
  for (let i = Math.max(ts, from); i < te; i++) {
    const t = tokens[i]!;
    const senses = sensesFor(lex, t.norm, t.lemma);
    if (senses.length === 0) continue;
    let best: Candidate | null = null;
    let bestScore = -Infinity;
    for (const s of senses) {
      const c = trySense(s, tokens, i, ts, te, clauses, mentions);
      if (!c) continue;
      const score = (s.priority ?? 0) * 10 + specificity(s);
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (best) found.push(best);
  }
  // consumed tokens: objects and particles of other triggers
  const consumed = new Set<number>();
  for (const c of found) {
    if (c.objectToken !== null) {
      consumed.add(c.objectToken);
      // the rest of a compound object: "send food aid"
      for (let j = c.objectToken + 1; j < Math.min(te, c.objectToken + 3) && tokens[j]!.pos === 'NOUN'; j++) consumed.add(j);
    }
    for (let j = c.tokenStart + 1; j < c.tokenEnd; j++) consumed.add(j);
  }
  return found.filter((c) => !consumed.has(c.head) || (c.objectToken !== null && consumed.has(c.objectToken) && c.entry.object !== undefined && isMutual(found, c)));
}

/** Two triggers that consume each other (ceasefire … held) keep the first only. */
function isMutual(found: readonly Candidate[], c: Candidate): boolean {
  const other = found.find((o) => o.objectToken === c.head);
  return other !== undefined && other.head > c.head && other.objectToken === c.head && c.objectToken === other.head;
}
