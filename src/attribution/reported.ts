import type { AttributionKind, Span, Token } from '../core/index.js';
import type { Frame, ReportingLexicon } from './lexicon.js';
import { hasVerb, isCloseQuote, isOpenQuote, isVerbal, npLeft, npRight, trimEnd, trimStart } from './phrases.js';

/** A reported-speech relation found in one sentence, in token indices (half-open ranges). */
export interface ReportedCandidate {
  readonly kind: AttributionKind;
  readonly cue: [number, number];
  readonly source: [number, number] | null;
  /** content fragments, in text order; the content span runs from the first to the last. */
  readonly content: readonly [number, number][];
  readonly rule: string;
}

/** A sentence as a token range. */
export interface TokenRange {
  readonly tokenStart: number;
  readonly tokenEnd: number;
}

/** Frames of a multi-word cue whose source comes first ("X pointed out that ..."). */
const PHRASE_FRAMES: ReadonlySet<Frame> = new Set<Frame>(['clause', 'paren', 'noThat']);
const DASHES = new Set(['—', '–', '--', '―']);
const CLAUSE_STARTERS = new Set(['what', 'how', 'whether', 'why', 'when', 'where', 'who', 'if']);
const MIN_PAREN_CONTENT = 3;
const LOOKAHEAD = 12;

/** Cheap pre-check: does the sentence hold a quote mark or a token that could start a cue? */
export function mayAttribute(tokens: readonly Token[], s: TokenRange, lex: ReportingLexicon): boolean {
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const t = tokens[i]!;
    if (lex.verbs.has(t.lemma) || lex.verbs.has(cueLemma(t, lex)) || lex.nouns.has(t.lemma) || lex.adjectives.has(t.norm) || lex.hearsay.has(t.norm) || lex.phrases.has(t.norm) || t.text === ':' || isDash(t) || isOpenQuote(t) || isCloseQuote(t)) return true;
  }
  return false;
}

/** True when the token can be the reporting verb itself (wink sometimes tags "claims" as a noun). */
function isCueVerb(tokens: readonly Token[], i: number, lo: number, hi: number): boolean {
  const t = tokens[i]!;
  if (t.pos === 'VERB') return true;
  // "is promising" tagged as an adjective
  if (t.pos === 'ADJ' && /ing$/.test(t.norm) && i > lo && tokens[i - 1]!.pos === 'AUX') return true;
  // "..., promising to cut taxes": a participle adjunct tagged as an adjective
  if (t.pos === 'ADJ' && /ing$/.test(t.norm) && i > lo && tokens[i - 1]!.text === ',' && (tokens[i + 1]?.norm === 'that' || infinitiveMarker(tokens, i + 1, hi))) return true;
  if (t.pos !== 'NOUN') return false;
  const p = i > lo ? tokens[i - 1]! : undefined;
  // "groups that support the plan": a verb after a relative pronoun with its antecedent, before a determiner
  if (p && /^(that|who|which)$/.test(p.norm) && i - 2 >= lo && /^(NOUN|PROPN)$/.test(tokens[i - 2]!.pos) && i + 1 < hi && /^(DET|PRON)$/.test(tokens[i + 1]!.pos) && !/^(that|which|who)$/.test(tokens[i + 1]!.norm)) return true;
  // a base form tagged as a noun is a verb only after a plural or pronoun subject ("Polls show ...")
  const coordinated = p !== undefined && p.pos === 'PROPN' && i - 2 >= lo && tokens[i - 2]!.norm === 'and'; // "Obama and Clinton call them ..."
  if (!/(s|ed)$/.test(t.norm) && !coordinated && !(p && ((p.pos === 'PRON' && p.norm !== 'its' && p.norm !== 'his' && p.norm !== 'her') || ((p.pos === 'NOUN' || p.pos === 'PROPN') && /s$/.test(p.norm))))) return false;
  const n = i + 1 < hi ? tokens[i + 1]! : undefined;
  if (!p || !n) return false;
  return (p.pos === 'PROPN' || p.pos === 'PRON' || p.pos === 'NOUN' || p.pos === 'ADJ') && (n.norm === 'that' || n.norm === 'to' || n.pos === 'PRON' || n.pos === 'DET');
}

/** True when the "to" at `i` opens an infinitive ("agreed to (quickly) lend"), not a preposition. */
function infinitiveMarker(tokens: readonly Token[], i: number, end: number): boolean {
  if (tokens[i]!.norm !== 'to') return false;
  let j = i + 1;
  while (j < end && tokens[j]!.pos === 'ADV') j++;
  return j < end && tokens[j]!.pos === 'VERB' && !/ing$/.test(tokens[j]!.norm);
}

/** The verb lemma of a cue token; wink leaves "-ing" forms it tags as adjectives unlemmatised ("is promising"). */
function cueLemma(t: Token, lex: ReportingLexicon): string {
  if (t.pos !== 'ADJ' || !/ing$/.test(t.norm) || lex.verbs.has(t.lemma)) return t.lemma;
  const stem = t.norm.slice(0, -3);
  for (const c of [stem, `${stem}e`, stem.slice(0, -1)]) if (c.length > 1 && lex.verbs.has(c)) return c;
  return t.lemma;
}

function isDash(t: Token | undefined): boolean {
  return t !== undefined && DASHES.has(t.text);
}

/**
 * Finds reported speech in one sentence: "X said (that) ...", "..., X said", "“...,” said X",
 * "X told Y that ...", "according to X, ...", "X plans to ...", and hearsay adverbs. `inQuote`
 * tells which tokens sit inside a quotation (cues there belong to the quoted speaker and are skipped).
 */
export function findReported(tokens: readonly Token[], s: TokenRange, lex: ReportingLexicon, inQuote: (i: number) => boolean): ReportedCandidate[] {
  const out: ReportedCandidate[] = [];
  const lo = s.tokenStart;
  const hi = s.tokenEnd;
  const end = trimEnd(tokens, lo, hi);
  const lead = leadingSpeaker(tokens, lo, end);
  if (lead) out.push(lead);
  for (let i = lo; i < hi; i++) {
    if (inQuote(i)) continue;
    const t = tokens[i]!;
    // multi-word phrases: according to X / X pointed out
    const phrases = lex.phrases.get(t.norm);
    let matched = false;
    if (phrases) {
      for (const p of phrases) {
        if (i + p.words.length > hi) continue;
        let ok = true;
        for (let k = 1; k < p.words.length; k++) if (tokens[i + k]!.norm !== p.words[k]) ok = false;
        if (!ok) continue;
        const cue: [number, number] = [i, i + p.words.length];
        const c = p.source === 'after' ? accordingTo(tokens, cue, lo, end) : verbFrames(tokens, cue, lo, end, PHRASE_FRAMES, out, lex);
        if (c) out.push(c);
        i = cue[1] - 1;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    if (t.norm === 'in' && i === trimStart(tokens, lo, end)) {
      const c = inPoll(tokens, i, end);
      if (c) {
        out.push(c);
        continue;
      }
    }
    // a byline after a quotation: "“...” ― Ana Ruiz"
    if (isDash(t) && i > lo && isCloseQuote(tokens[i - 1]) && i + 1 < end) {
      const np = npRight(tokens, i + 1, end);
      const a = trimStart(tokens, lo, i);
      if (np && np[1] >= end && np[1] - np[0] <= MAX_SPEAKER_TOKENS && i - a >= MIN_PAREN_CONTENT) {
        out.push({ kind: 'reported', cue: [i, i + 1], source: np, content: [[a, i]], rule: 'quote-byline' });
        continue;
      }
    }
    if (lex.hearsay.has(t.norm) && t.pos === 'ADV') {
      const a = trimStart(tokens, lo, end);
      if (end > a) out.push({ kind: 'reportedly', cue: [i, i + 1], source: null, content: [[a, end]], rule: 'hearsay-adverb' });
      continue;
    }
    const preps = (t.pos === 'ADJ' || t.pos === 'VERB') && !inQuote(i) ? lex.adjectives.get(t.norm) : undefined;
    if (preps) {
      const c = adjectiveCue(tokens, i, lo, end, preps, lex);
      if (c) {
        out.push(c);
        continue;
      }
    }
    if (t.pos === 'NOUN' && lex.nouns.has(t.lemma) && !(lex.verbs.has(t.lemma) && isCueVerb(tokens, i, lo, hi))) {
      const c = nounCue(tokens, i, lo, end, lex.nounPreps.get(t.lemma));
      if (c) {
        out.push(c);
        continue;
      }
    }
    if (RAISING.has(t.lemma) && t.pos === 'VERB' && tokens[i + 1]?.norm === 'to' && tokens[i + 2]?.pos === 'VERB' && i + 2 < end) {
      // "the plan seems to have failed": a hedge with no source; the content is the subject and the infinitive
      const subj = npLeft(tokens, skipLeftAux(tokens, i - 1, lo), lo);
      if (subj && !(subj[1] - subj[0] === 1 && tokens[subj[0]]!.norm === 'it')) {
        out.push({ kind: 'reported', cue: [i, i + 1], source: null, content: [subj, [i + 1, contentEnd(tokens, i + 1, end, lex)]], rule: 'raising' });
        continue;
      }
    }
    const lemma = cueLemma(t, lex);
    const frames = lex.verbs.get(lemma);
    if (!frames || !isCueVerb(tokens, i, lo, hi)) continue;
    const parts = lex.particles.get(lemma);
    const ce = parts && i + 1 < end && parts.has(tokens[i + 1]!.norm) && !infinitiveMarker(tokens, i + 1, end) ? i + 2 : i + 1;
    const c = verbFrames(tokens, [i, ce], lo, end, frames, out, lex);
    if (c) out.push(c);
    i = ce - 1;
  }
  return out;
}

/**
 * Nominal cues: "the claim that the vote was rigged", "his plan to cut taxes". The source is a
 * possessor ("his", "the party's") or a name before the noun ("a Times report that ...").
 */
function nounCue(tokens: readonly Token[], i: number, lo: number, end: number, preps: ReadonlySet<string> | undefined): ReportedCandidate | null {
  const n = tokens[i + 1];
  if (!n || i + 2 >= end) return null;
  const thatClause = n.norm === 'that' && n.pos === 'SCONJ';
  const toInf = n.norm === 'to' && tokens[i + 2]!.pos === 'VERB';
  const object = !thatClause && !toInf && preps !== undefined && preps.has(n.norm) && (OBJECT_START.has(tokens[i + 2]!.pos) || (tokens[i + 2]!.pos === 'VERB' && /ing$/.test(tokens[i + 2]!.norm)));
  if (!thatClause && !toInf && !object) return null;
  if (object && CALENDAR.test(tokens[i + 2]!.norm)) return null; // "his remarks on Saturday"

  let src: [number, number] | null = null;
  const p = i - 1 >= lo ? tokens[i - 1]! : undefined;
  if (p && p.pos === 'PRON' && /^(his|her|their|its|our|my|your)$/.test(p.norm)) src = [i - 1, i];
  else if (p && (p.norm === "'s" || p.norm === "'")) src = npLeft(tokens, i - 2, lo);
  else if (p && p.pos === 'PROPN') {
    let a = i - 1;
    while (a - 1 >= lo && (tokens[a - 1]!.pos === 'PROPN' || tokens[a - 1]!.pos === 'DET')) a--;
    src = [a, i];
  }
  if (object) return src ? { kind: 'reported', cue: [i, i + 2], source: src, content: [[i + 2, objectEnd(tokens, i + 2, end)]], rule: 'noun-object' } : null;
  return { kind: 'reported', cue: [i, i + 1], source: src, content: [[i + 1, objectEnd(tokens, i + 1, end)]], rule: thatClause ? 'noun-that' : 'noun-to' };
}

const CALENDAR = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|tonight)$/;

/** Verbs of thought: "... and thought of home" goes on the content, unlike "... and said ...". */
const MENTAL = new Set(['think', 'believe', 'feel', 'know', 'hope', 'want', 'see', 'hear', 'understand', 'realize', 'realise', 'wonder', 'fear', 'expect', 'imagine', 'assume', 'guess', 'figure', 'reckon', 'learn', 'find']);

/** Raising verbs that hedge their clause ("X seems to ..."). */
const RAISING = new Set(['seem']);

const COPULAS = new Set(['be', 'seem', 'appear', 'remain', 'feel', 'sound', 'become', 'grow']);

/**
 * Stance adjectives after a copula: "the senator is critical of the deal", "aides were sure that
 * ...", "she remains determined to run". The source is the subject before the copula.
 */
function adjectiveCue(tokens: readonly Token[], i: number, lo: number, end: number, preps: ReadonlySet<string>, lex: ReportingLexicon): ReportedCandidate | null {
  let k = i - 1;
  while (k >= lo && (tokens[k]!.pos === 'ADV' || (tokens[k]!.pos === 'PART' && /^(not|n't|n’t)$/.test(tokens[k]!.norm)))) k--;
  if (k < lo || !COPULAS.has(tokens[k]!.lemma)) return null;
  const cop = k;
  k = skipLeftAux(tokens, k - 1, lo);
  const src = npLeft(tokens, k, lo);
  if (!src) return null;
  const n = tokens[i + 1];
  if (!n || i + 2 >= end) return null;
  if (n.norm === 'that' && n.pos !== 'DET') return { kind: 'reported', cue: [cop, i + 1], source: src, content: [[i + 1, contentEnd(tokens, i + 1, end, lex)]], rule: 'adjective-that' };
  if (n.norm === 'to' && tokens[i + 2]!.pos === 'VERB') return { kind: 'reported', cue: [cop, i + 1], source: src, content: [[i + 1, contentEnd(tokens, i + 1, end, lex)]], rule: 'adjective-to' };
  if (preps.has(n.norm) && OBJECT_START.has(tokens[i + 2]!.pos)) return { kind: 'reported', cue: [cop, i + 2], source: src, content: [[i + 2, objectEnd(tokens, i + 2, end)]], rule: 'adjective-object' };
  return null;
}

const NOT_SPEAKERS = new Set(['update', 'note', 'related', 'editor', "editor's", 'photo', 'video', 'read', 'watch', 'source', 'correction', 'disclosure', 'advertisement', 'caption', 'credit', 'see']);
const MAX_SPEAKER_TOKENS = 6;

/** Headlines and transcripts: "Senator Doe: the plan is dead" / "DOE: Well, ..." / "Jane Doe — “...”". */
function leadingSpeaker(tokens: readonly Token[], lo: number, end: number): ReportedCandidate | null {
  let a = trimStart(tokens, lo, end);
  if (isOpenQuote(tokens[a]) && a + 1 < end) a++; // a transcript turn inside a quotation: "WALLACE: ...
  const np = npRight(tokens, a, Math.min(end, a + MAX_SPEAKER_TOKENS + 1));
  if (!np || np[1] - np[0] > MAX_SPEAKER_TOKENS || np[1] >= end) return null;
  const mark = tokens[np[1]]!;
  const colon = mark.text === ':';
  if (!colon && !(isDash(mark) && (isOpenQuote(tokens[np[1] + 1]) || tokens[np[1] + 1]?.text === '”'))) return null;
  if (NOT_SPEAKERS.has(tokens[np[0]]!.norm) || tokens[np[0]]!.pos === 'NUM') return null;
  const c = trimStart(tokens, np[1] + 1, end);
  if (end - c < MIN_PAREN_CONTENT) return null;
  return { kind: 'reported', cue: [np[1], np[1] + 1], source: np, content: [[c, end]], rule: colon ? 'speaker-colon' : 'speaker-dash' };
}

/** "according to two officials, the talks ..." and "the talks ..., according to officials." */
function accordingTo(tokens: readonly Token[], cue: [number, number], lo: number, end: number): ReportedCandidate | null {
  // the source runs to the next comma or the end; wink may mis-tag its first words ("exit/VERB polls")
  let sEnd = cue[1];
  let head = false;
  for (let x = cue[1]; x < end && x - cue[1] < 4 && tokens[x]!.text !== ','; x++) if (tokens[x]!.pos === 'NOUN' || tokens[x]!.pos === 'PROPN' || tokens[x]!.pos === 'PRON' || tokens[x]!.pos === 'NUM') head = true;
  if (!head) return null;
  while (sEnd < end && tokens[sEnd]!.text !== ',' && !isDash(tokens[sEnd]) && sEnd - cue[1] < 20) sEnd++;
  const src: [number, number] = [cue[1], trimEnd(tokens, cue[1], sEnd)];
  const before = trimEnd(tokens, lo, cue[0]);
  const startsClause = before === lo || (before - lo <= 2 && tokens[before - 1]!.pos === 'CCONJ');
  if (startsClause) {
    const a = trimStart(tokens, sEnd, end);
    return end - a >= MIN_PAREN_CONTENT ? { kind: 'according-to', cue, source: src, content: [[a, end]], rule: 'according-to-first' } : null;
  }
  const a = trimStart(tokens, lo, before);
  const content: [number, number][] = [[a, before]];
  const rest = trimStart(tokens, sEnd, end);
  if (end - rest >= MIN_PAREN_CONTENT && hasVerb(tokens, rest, end)) content.push([rest, end]);
  return before - a >= MIN_PAREN_CONTENT ? { kind: 'according-to', cue, source: src, content, rule: 'according-to-after' } : null;
}

const POLL_NOUNS = new Set(['poll', 'survey']);

/** "In the latest Gallup poll, the mayor leads by 4 points": the poll is the source of the clause after the comma. */
function inPoll(tokens: readonly Token[], i: number, end: number): ReportedCandidate | null {
  let c = i + 1;
  let poll = false;
  while (c < end && tokens[c]!.text !== ',' && c - i <= 20) {
    if (tokens[c]!.pos === 'NOUN' && POLL_NOUNS.has(tokens[c]!.lemma)) poll = true;
    c++;
  }
  if (!poll || c >= end || tokens[c]!.text !== ',') return null;
  // the source runs on through a participle apposition ("..., conducted in May,")
  let sEnd = c;
  if (tokens[c + 1]?.pos === 'VERB' && /ed$/.test(tokens[c + 1]!.norm)) {
    let d = c + 1;
    while (d < end && tokens[d]!.text !== ',' && d - c <= 12) d++;
    if (d < end && tokens[d]!.text === ',') {
      sEnd = d;
      c = d;
    }
  }
  const a = trimStart(tokens, c + 1, end);
  if (end - a < MIN_PAREN_CONTENT || !subjectVerbAt(tokens, a, end)) return null;
  return { kind: 'according-to', cue: [i, i + 1], source: [i + 1, sEnd], content: [[a, end]], rule: 'according-to-first' };
}

/** Skips auxiliaries, negation and adverbs left of a verb; returns the index left of them. */
function skipLeftAux(tokens: readonly Token[], j: number, lo: number): number {
  while (j >= lo) {
    const t = tokens[j]!;
    if (t.pos === 'AUX' || t.pos === 'ADV' || (t.pos === 'PART' && (t.norm === 'not' || t.norm === "n't"))) j--;
    else break;
  }
  return j;
}

/** The subject of the sentence: the first noun phrase (skipping an opening conjunction). */
function leadingSubject(tokens: readonly Token[], lo: number, end: number): [number, number] | null {
  let a = lo;
  while (a < end && (tokens[a]!.pos === 'CCONJ' || tokens[a]!.pos === 'PUNCT')) a++;
  return npRight(tokens, a, end);
}

/**
 * Decides how a reporting verb at `cue` relates source and content: parenthetical ("..., X said"),
 * pre-posed ("X said (that) ..."), relative ("X, who said ..."), passive ("... was reported by X"),
 * gerund or coordinated ("..., adding that ...", "... and said ...").
 */
function verbFrames(tokens: readonly Token[], cue: [number, number], lo: number, end: number, frames: ReadonlySet<Frame>, found: readonly ReportedCandidate[], lex: ReportingLexicon): ReportedCandidate | null {
  const [ci, ce] = cue;
  const verb = tokens[ci]!;
  // ---- the source left of the cue ("officials have said"), through a relative pronoun ("X, who said")
  let k = skipLeftAux(tokens, ci - 1, lo);
  let src: [number, number] | null = null;
  if (k >= lo && (tokens[k]!.norm === 'whom' || tokens[k]!.norm === 'which') && k - 2 >= lo && tokens[k - 1]!.norm === 'of' && /^(many|some|most|all|several|one|none|few|both|each)$/.test(tokens[k - 2]!.norm)) {
    // "families, many of whom say ...": the quantified relative is the source
    src = [k - 2, k + 1];
    k = -2;
  } else if (k >= lo && tokens[k]!.pos === 'PRON' && /^(who|which|that)$/.test(tokens[k]!.norm)) {
    let k2 = k - 1;
    if (k2 >= lo && tokens[k2]!.text === ',') k2--;
    const head = npLeft(tokens, k2, lo);
    // the source runs from the antecedent through the pronoun ("Ms. Ito, who said ..."): the name
    // resolves to an entity, and PolNeAR marks the pronoun itself
    src = head ? [head[0], k + 1] : [k, k + 1];
    k = -2; // a relative clause: never a parenthetical
  } else if (k > lo && tokens[k]!.text === ',') {
    src = appositiveSubject(tokens, k, lo);
  } else if (k > lo && isDash(tokens[k])) {
    src = dashAppositive(tokens, k, lo);
  } else if (k - 2 >= lo && tokens[k]!.pos === 'VERB' && tokens[k - 1]!.pos === 'PRON' && /^(i|we|he|she|they|you)$/.test(tokens[k - 1]!.norm)) {
    // "the experts I interviewed said": a contact clause after the source
    const head = npLeft(tokens, k - 2, lo);
    src = head ? [head[0], k + 1] : null;
  } else {
    src = extendParticiple(tokens, npLeft(tokens, k, lo), lo);
  }
  // passive with an agent: "The plan was first reported by the Times" → content = the subject
  if (ce < end && tokens[ce]!.norm === 'by') {
    const aux = skipLeftAux(tokens, ci - 1, lo);
    let passive = false;
    for (let x = aux + 1; x < ci; x++) if (tokens[x]!.lemma === 'be') passive = true;
    const by = passive ? npRight(tokens, ce + 1, end) : null;
    const subj = by ? npLeft(tokens, aux, lo) : null;
    if (by && subj) return { kind: 'reported', cue: [ci, ce + 1], source: by, content: [subj], rule: 'passive-by' };
  }
  // "took to Twitter to accuse X": the subject of the clause
  if (!src && ci > lo && tokens[ci - 1]!.norm === 'to' && tokens[ci - 1]!.pos === 'PART') src = leadingSubject(tokens, lo, ci - 1);
  const gerund = verb.norm.endsWith('ing');
  const coordinated = !src && k >= lo && tokens[k]!.pos === 'CCONJ';
  if (!src && (gerund || coordinated) && ci > lo && (tokens[ci - 1]!.text === ',' || coordinated)) {
    const prev = found.length > 0 ? found[found.length - 1]!.source : null;
    src = prev ?? leadingSubject(tokens, lo, ci);
  }
  if (src && tokens[src[0]]!.norm === 'it' && src[1] - src[0] === 1 && ci > lo && tokens[ci - 1]!.lemma === 'be') src = null; // "it was reported that"
  // ", a claim Israel has never confirmed": a reduced relative on a reporting noun, not a parenthetical source
  if (src && reducedRelative(tokens, src, lex)) return null;
  const leftEdge = src ? src[0] : ci;
  const before = leftEdge - 1 >= lo ? tokens[leftEdge - 1] : undefined;
  // "..., as police have said": the comparative "as" opens the parenthetical
  const asParen = before !== undefined && before.norm === 'as' && leftEdge - 2 >= lo && tokens[leftEdge - 2]!.text === ',' && src !== null;
  const parenPos = k !== -2 && before !== undefined && (before.text === ',' || isCloseQuote(before) || isDash(before) || asParen);

  // "..., which he said were accompanied by favours": the relative pronoun and the verb phrase after the cue
  if (src && before && /^(which|what|that)$/.test(before.norm) && ce < end && isVerbal(tokens[ce]!) && frames.has('clause')) {
    return { kind: 'reported', cue, source: src, content: [[leftEdge - 1, leftEdge], [ce, contentEnd(tokens, ce, end, lex)]], rule: 'relative-clause' };
  }

  // ---- what follows the cue
  const after = afterCue(tokens, ce, end, frames);

  // "When she pressed him, Trump boasted, “That makes me smart.”": a quotation after the cue that runs to the end wins over a parenthetical reading
  const quoteFollows = after !== null && after.rule === 'quote-after' && !isCloseQuote(before) && quoteRunsToEnd(tokens, after.start, end);
  // "..., he said, adding he would run again": a participle adjunct's content follows it
  const gerundAfter = gerund && after !== null && tokens[ci - 1]?.text === ',';
  if (parenPos && frames.has('paren') && !quoteFollows && !gerundAfter) {
    // "..., X said." / "“...,” said X." — content before the cue
    let srcP = src;
    let tail = ce;
    if (!srcP && !gerund) {
      const r = npRight(tokens, ce, end);
      // "..., said the minister (on Monday)." but not "..., said it was ..."
      if (r && (r[1] >= end || !isVerbal(tokens[r[1]]!))) {
        srcP = r;
        tail = r[1];
      }
    }
    const beforeEnd = isCloseQuote(before) ? leftEdge : trimEnd(tokens, lo, leftEdge - (asParen ? 2 : 1));
    // "He scolded her: “...,” she said.": a quotation before the cue starts at its opening mark
    const opening = isCloseQuote(before) ? openingMark(tokens, leftEdge - 1, lo) : -1;
    const beforeStart = opening > lo ? opening : trimStart(tokens, lo, beforeEnd);
    const clauseBefore = (isCloseQuote(before) && !titleQuoteEndingAt(tokens, leftEdge - 1, lo)) || (hasFiniteVerb(tokens, beforeStart, beforeEnd) && !introductory(tokens, beforeStart));
    // "The change, he told me on Friday, is ...": skip a short adverbial after the cue
    for (let x = tail; x < end && x - tail < 6 && !isVerbal(tokens[x]!) && tokens[x]!.pos !== 'PUNCT'; x++) if (tokens[x + 1]?.text === ',') tail = x + 1;
    const rest = srcP ? continuation(tokens, tail, end, src !== null) : null;
    const size = beforeEnd - beforeStart + (rest ? rest[1] - rest[0] : 0);
    if (beforeEnd > beforeStart && size >= MIN_PAREN_CONTENT && srcP && (after === null || (after.weak && (clauseBefore || rest !== null)))) {
      const content: [number, number][] = [[beforeStart, beforeEnd]];
      if (rest) content.push(rest);
      return { kind: 'reported', cue, source: srcP, content, rule: src ? 'paren-source-verb' : 'paren-verb-source' };
    }
  }
  if (after && (src || gerund || coordinated)) {
    const limit = after.end ?? subordinateEnd(tokens, lo, ci, after.start, end);
    // "Noting that X, the mayor said ...": an opening participle's source is the subject of the main clause
    const mainSubject = !src && gerund && limit < end ? npRight(tokens, trimStart(tokens, limit, end), end) : null;
    return { kind: 'reported', cue, source: src ?? mainSubject, content: [[after.start, contentEnd(tokens, after.start, limit, lex, tokens[cue[1] - 1])]], rule: after.rule };
  }
  if (after && !src && !after.weak && after.end === undefined && ci > lo && tokens[ci - 1]!.lemma === 'be') {
    return { kind: 'reported', cue, source: null, content: [[after.start, end]], rule: 'passive-' + after.rule };
  }
  return null;
}

/**
 * "Ana Ruiz -- a lawyer for the families -- said ...": the name before an apposition between dashes
 * (`k` is the closing dash). The name must open the clause; the apposition holds no finite verb.
 */
function dashAppositive(tokens: readonly Token[], k: number, lo: number): [number, number] | null {
  let m = k - 1;
  while (m >= lo && k - m < 30 && !isDash(tokens[m])) {
    if (tokens[m]!.pos === 'AUX') return null;
    m--;
  }
  if (m <= lo || !isDash(tokens[m])) return null;
  const head = npLeft(tokens, m - 1, lo);
  if (!head || (head[0] > lo && !/^(,|and|but)$/.test(tokens[head[0] - 1]!.norm))) return null;
  return [head[0], k];
}

/**
 * "two officials briefed on the plans said": a noun phrase with a past participle and its
 * prepositional phrase after it is one source, when it opens the clause or follows a comma.
 */
function extendParticiple(tokens: readonly Token[], src: [number, number] | null, lo: number): [number, number] | null {
  if (!src) return null;
  const p = src[0] - 1;
  if (p - 2 < lo || tokens[p]!.pos !== 'ADP' || tokens[p - 1]!.pos !== 'VERB' || !/ed$/.test(tokens[p - 1]!.norm)) return src;
  const head = npLeft(tokens, p - 2, lo);
  if (!head || (head[0] > lo && tokens[head[0] - 1]!.text !== ',' && !isCloseQuote(tokens[head[0] - 1]))) return src;
  if (!NP_HEADS.has(tokens[p - 2]!.pos)) return src;
  return [head[0], src[1]];
}

const NP_HEADS = new Set(['NOUN', 'PROPN']);
const FOCUS_ADVERBS = new Set(['even', 'also', 'only', 'now', 'then', 'meanwhile', 'still']);

/** True when `src` is "a claim X" / "a finding the army": a reporting noun with the subject of a relative clause after it. */
function reducedRelative(tokens: readonly Token[], src: readonly [number, number], lex: ReportingLexicon): boolean {
  const d = tokens[src[0]]!;
  if (d.pos !== 'DET' || src[1] - src[0] < 3) return false;
  const n = tokens[src[0] + 1]!;
  const after = tokens[src[0] + 2]!;
  return n.pos === 'NOUN' && lex.nouns.has(n.lemma) && (after.pos === 'PROPN' || after.pos === 'PRON' || after.pos === 'DET');
}

/**
 * "Jane Roe, director of the institute, said ...": the subject before an apposition that ends at
 * the comma `k`. The name must start the clause, and the apposition must hold no main verb.
 */
function appositiveSubject(tokens: readonly Token[], k: number, lo: number): [number, number] | null {
  let right = k;
  for (let segments = 0; segments < 5; segments++) {
    // walk left over one comma-delimited segment that holds no main verb
    let j = right - 1;
    while (j >= lo && right - j < 30) {
      const t = tokens[j]!;
      if (t.text === ',' || /^["“”«»]$/.test(t.text) || t.text === "''" || (t.text === "'" && (tokens[j - 1]?.text === "'" || tokens[j + 1]?.text === "'")) || isDash(t)) break;
      const misTagged = t.pos === 'VERB' && j > lo && /^(PART|DET|ADJ|ADV)$/.test(tokens[j - 1]!.pos);
      if (isVerbal(t) && !/(ed|ing)$/.test(t.norm) && !misTagged) {
        let rel = false;
        for (let x = j - 1; x >= lo && tokens[x]!.text !== ','; x--) if (/^(who|which|that)$/.test(tokens[x]!.norm)) rel = true;
        if (!rel) return null;
      }
      j--;
    }
    if (right - j >= 30) return null;
    const segStart = j + 1;
    if (segStart >= right) return null;
    const atEdge = j < lo || tokens[j]!.text !== ',';
    if (atEdge || (segments > 0 && introductory(tokens, lo) && j - lo < 12 && !hasFiniteVerb(tokens, lo, j))) {
      // the first segment is the name: a noun phrase, not a lead-in ("In a statement, ...")
      if (introductory(tokens, segStart) || segments === 0) return null;
      // a focus adverb may open the clause ("Even China, its only ally, said ...")
      let nameStart = segStart;
      if (nameStart + 1 < right && tokens[nameStart]!.pos === 'ADV' && FOCUS_ADVERBS.has(tokens[nameStart]!.norm)) nameStart++;
      const np = npRight(tokens, nameStart, right);
      return np && np[0] === nameStart ? [nameStart, k] : null;
    }
    right = j;
  }
  return null;
}

const OBJECT_START = new Set(['DET', 'NOUN', 'PROPN', 'PRON', 'ADJ', 'NUM']);
const CLAUSE_OPENERS = new Set(['which', 'who', 'but', 'while', 'although', 'though', 'because', 'as', 'after', 'before', 'when', 'and']);

const CONCESSIVE = new Set(['though', 'although', 'while', 'whereas']);
const LEAVING = new Set(['as', 'when', 'after', 'before', 'because', 'since', 'whereupon']);

/**
 * Where a content that follows its cue ends: the sentence end, or before a second predicate of the
 * main subject ("... and said ...", "... but insisted ...") or a concessive clause (", though ...").
 */
function contentEnd(tokens: readonly Token[], a: number, end: number, lex: ReportingLexicon, cueVerb?: Token): number {
  if (isOpenQuote(tokens[a])) return end;
  const infinitive = tokens[a]!.norm === 'to';
  for (let j = a + 1; j < end; j++) {
    const t = tokens[j]!;
    // ", but could not ...": an auxiliary with no subject goes on the reported clause; ", but declined ..." is the main subject's
    if (t.norm === 'but' && tokens[j - 1]!.text === ',' && tokens[j + 1]?.pos !== 'AUX') return j - 1;
    // "agreed to lend him money, and the union stepped in": a new clause ends an infinitive
    if (infinitive && t.norm === 'and' && tokens[j - 1]!.text === ',' && clauseFollows(tokens, j + 1, end)) return j - 1;
    if (t.pos === 'CCONJ' && (t.norm === 'and' || t.norm === 'but')) {
      let v = j + 1;
      while (v < end && (tokens[v]!.pos === 'ADV' || (v === j + 1 && tokens[v]!.pos === 'PRON'))) v++;
      const n = tokens[v];
      if (n && n.pos === 'VERB' && lex.verbs.has(n.lemma) && !MENTAL.has(n.lemma) && !/ing$/.test(n.norm) && !(t.norm === 'and' && n.lemma !== 'say' && tokens[v + 1]?.norm !== 'that' && tenseShift(cueVerb, n))) return trimEnd(tokens, a, j); // a speech verb, not a thought ("... and thought of home")
    }
    if (t.text === ',' && j + 1 < end) {
      const n = tokens[j + 1]!;
      // "understood that X, told his aides ...": a second predicate of the main subject
      if (n.pos === 'VERB' && lex.verbs.has(n.lemma) && !/ing$/.test(n.norm) && !MENTAL.has(n.lemma) && !infinitive) return j;
      // "..., and rights groups warned that ...": a new clause with its own reporting verb
      if (n.norm === 'and' && subjectVerbAt(tokens, j + 2, end) && reportingVerbAfter(tokens, j + 2, end, lex)) return j;
      // ", though ...", ", as they ...", ", comparing him to ...": a new clause of the main sentence
      if (CONCESSIVE.has(n.norm) || LEAVING.has(n.norm) || (n.pos === 'VERB' && /ing$/.test(n.norm) && lex.verbs.has(n.lemma))) return j;
    }
  }
  return end;
}

/**
 * "Police say he broke in and threatened the clerk": a present-tense cue cannot share its subject
 * with a past-tense verb after "and", so that verb continues the reported clause. Writers do mix
 * tenses for a second speech act ("X says ... and said that ..."), so "say" and a "that" clause are left out.
 */
function tenseShift(cueVerb: Token | undefined, n: Token): boolean {
  if (!cueVerb || cueVerb.pos !== 'VERB' || !/^(say|says|claim|claims|allege|alleges|report|reports)$/.test(cueVerb.norm)) return false;
  return /ed$/.test(n.norm) || (n.norm !== n.lemma && !/(s|ing)$/.test(n.norm));
}

/** Participles that extend a noun phrase rather than open a new clause ("its invasion, including ..."). */
const INCLUSIVE = new Set(['including', 'excluding', 'involving', 'concerning', 'regarding']);

/** True when the quotation opening at `a` closes at the end of the sentence (after it, only punctuation). */
function quoteRunsToEnd(tokens: readonly Token[], a: number, end: number): boolean {
  for (let j = end - 1; j > a; j--) {
    const t = tokens[j]!;
    if (isCloseQuote(t)) return true;
    if (t.pos !== 'PUNCT') return false;
  }
  return false;
}

/** End of an object phrase: the sentence end, a semicolon or dash, or a comma that opens a new clause. */
function objectEnd(tokens: readonly Token[], a: number, end: number): number {
  for (let j = a + 1; j < end; j++) {
    const t = tokens[j]!;
    if (t.text === ';' || isDash(t)) return j;
    if (t.text === ',' && j + 1 < end) {
      const n = tokens[j + 1]!;
      // "opposed the bill, which cut ...": a relative clause on the object stays in it
      const relative = n.norm === 'which';
      if ((CLAUSE_OPENERS.has(n.norm) && !relative) || n.pos === 'SCONJ' || (n.pos === 'VERB' && /ing$/.test(n.norm) && !INCLUSIVE.has(n.norm))) return j;
      // "Worried about the turnout, the president is ...": the main clause after a fronted phrase
      if (subjectVerbAt(tokens, j + 1, end)) return j;
    }
    // "called the offer “an insult” and walked out": a second predicate of the subject ends the object
    if ((t.norm === 'and' || t.norm === 'but') && j + 1 < end && tokens[j + 1]!.pos === 'VERB' && /ed$/.test(tokens[j + 1]!.norm) && tokens[j - 1]!.text !== ',' && tokens[j + 2]?.pos !== 'NOUN' && !coordinatedPredicative(tokens, j, end)) return trimEnd(tokens, a, j);
    // "backing the rebels as the allies support the army": a subordinate clause ends the object
    if (SUBORDINATORS.has(t.norm) && subjectVerbAt(tokens, j + 1, end)) return trimEnd(tokens, a, j);
  }
  return end;
}

const SUBORDINATORS = new Set(['as', 'while', 'because', 'although', 'though', 'whereas', 'since']);

/**
 * "called the claim false and fabricated by rivals": an adjective or participle, "and", then a
 * participle that takes an agent ("by") or closes the clause is one coordinated complement, not
 * a second predicate of the subject.
 */
function coordinatedPredicative(tokens: readonly Token[], j: number, end: number): boolean {
  const p = tokens[j - 1]!;
  if (p.pos !== 'ADJ' && !(p.pos === 'VERB' && /ed$/.test(p.norm))) return false;
  const n = j + 2 < end ? tokens[j + 2]! : undefined;
  return n === undefined || n.norm === 'by' || n.pos === 'PUNCT';
}

/** True when the clause at `r` (subject, adverbs) has a reporting verb as its verb. */
function reportingVerbAfter(tokens: readonly Token[], r: number, end: number, lex: ReportingLexicon): boolean {
  const np = npRight(tokens, r, end);
  if (!np) return false;
  let k = np[1];
  while (k < end && (tokens[k]!.pos === 'ADV' || tokens[k]!.pos === 'AUX')) k++;
  return k < end && tokens[k]!.pos === 'VERB' && lex.verbs.has(tokens[k]!.lemma);
}

/** A noun phrase at `r` directly followed (adverbs aside) by a finite verb: the start of a clause. */
function subjectVerbAt(tokens: readonly Token[], r: number, end: number): boolean {
  const np = npRight(tokens, r, end);
  if (!np) return false;
  let k = np[1];
  while (k < end && tokens[k]!.pos === 'ADV') k++;
  const v = tokens[k];
  return v !== undefined && k < end && (v.pos === 'AUX' || (v.pos === 'VERB' && !/ing$/.test(v.norm))) && !(tokens[np[1] - 1]!.pos === 'NOUN' && /ed$/.test(v.norm) && tokens[k + 1]?.pos === 'ADP');
}

interface After {
  /** where the content ends when it is shorter than the rest of the sentence. */
  end?: number;
  start: number;
  rule: string;
  /** true when the following words only look like a clause without "that" (weak evidence). */
  weak: boolean;
}

/** Where the content starts after the cue, for the frames the verb takes; null when there is none. */
function afterCue(tokens: readonly Token[], ce: number, end: number, frames: ReadonlySet<Frame>): After | null {
  if (ce >= end) return null;
  const first = tokens[ce]!;
  if (frames.has('to') && first.norm === 'to') return { start: ce, rule: 'to-infinitive', weak: false };
  // "said (on Monday / in a statement / Reuters) that ..." or "said: ..."
  for (let j = ce; j < end && j - ce < LOOKAHEAD; j++) {
    const t = tokens[j]!;
    if (t.norm === 'that' && j + 1 < end && frames.has('clause') && (t.pos === 'SCONJ' || j === ce || !isVerbal(tokens[j + 1]!))) {
      return { start: j, rule: 'that-clause', weak: false };
    }
    if (t.text === ':' && (frames.has('colon') || isOpenQuote(tokens[j + 1]))) return { start: trimStart(tokens, j + 1, end), rule: 'colon', weak: false };
    if (isOpenQuote(t) && j > ce && tokens[j - 1]!.text === ',' && frames.has('colon') && j + 2 < end) return { start: j, rule: 'quote-after', weak: true };
    if (j > ce && CLAUSE_STARTERS.has(t.norm) && t.norm !== 'who' && frames.has('clause') && frames.has('recipient') && hasVerb(tokens, j + 1, end)) return { start: j, rule: 'wh-clause', weak: false };
    const misTagged = t.pos === 'VERB' && j > ce && (/^(NOUN|ADJ|DET)$/.test(tokens[j - 1]!.pos) || (tokens[j - 1]!.pos === 'PROPN' && /^[A-Z]/.test(t.text)));
    if ((isVerbal(t) && !misTagged) || (isOpenQuote(t) && (j === ce || tokens[j - 1]!.text === ',')) || t.pos === 'SCONJ') break;
  }
  if (isOpenQuote(first) && ce + 2 < end) return { start: ce, rule: 'quote-after', weak: false };
  if ((first.text === ',' || first.text === ':') && isOpenQuote(tokens[ce + 1]) && ce + 3 < end && (frames.has('colon') || frames.has('paren'))) return { start: ce + 1, rule: 'quote-after', weak: first.text === ',' };
  if (first.text === ',' && frames.has('noThat') && ce + 1 < end && clauseFollows(tokens, ce + 1, end)) return { start: ce + 1, rule: 'comma-clause', weak: true };
  if (CLAUSE_STARTERS.has(first.norm) && frames.has('clause') && hasVerb(tokens, ce + 1, end)) return { start: ce, rule: 'wh-clause', weak: false };
  let r = ce;
  if (frames.has('recipient')) {
    const np = npRight(tokens, ce, end);
    if (np) {
      r = np[1];
      if (r < end && tokens[r]!.norm === 'to' && frames.has('recipient')) return { start: r, rule: 'recipient-to', weak: false };
    }
  }
  if (frames.has('noThat') && r === ce && r < end && tokens[r]!.pos === 'ADP' && tokens[r]!.norm !== 'that') {
    const pp = npRight(tokens, r + 1, end);
    if (pp && pp[1] < end && tokens[pp[1]]!.pos === 'PRON' && clauseFollows(tokens, pp[1], end)) return { start: pp[1], rule: 'bare-clause', weak: true };
  }
  if (frames.has('noThat') && r < end) {
    // "said at least 13 people were killed": a quantity modifier before the subject
    const q = quantityModifierEnd(tokens, r, end);
    if (q > r && clauseFollows(tokens, q, end)) return { start: r, rule: 'bare-clause', weak: true };
    const t = tokens[r]!;
    if ((t.pos === 'PRON' || (t.pos === 'ADV' && r + 1 < end && tokens[r + 1]!.pos === 'ADJ') || t.pos === 'DET' || t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'NUM' || t.pos === 'ADJ') && clauseFollows(tokens, r, end)) {
      return { start: r, rule: 'bare-clause', weak: true };
    }
  }
  if (frames.has('object')) {
    const t = tokens[ce]!;
    const participle = t.pos === 'VERB' && /ed$/.test(t.norm) && ce + 1 < end && tokens[ce + 1]!.pos === 'NOUN';
    const partitive = t.pos === 'ADV' && tokens[ce + 1]?.norm === 'of'; // "called half of his supporters ..."
    // "proposed dropping the tax": a gerund object
    const gerundObject = t.pos === 'VERB' && /ing$/.test(t.norm) && t.norm.length > 5 && ce + 1 < end && /^(DET|NOUN|PROPN|ADJ|ADP|PRON|NUM|ADV)$/.test(tokens[ce + 1]!.pos);
    if (OBJECT_START.has(t.pos) || isOpenQuote(t) || participle || partitive || gerundObject || (ce - 1 > 0 && /^(ADP|SCONJ)$/.test(tokens[ce - 1]!.pos) && t.pos === 'VERB' && /ing$/.test(t.norm))) return { start: ce, rule: 'object', weak: true, end: objectEnd(tokens, ce, end) };
  }
  return null;
}

const QUANTITY_MODIFIERS: readonly (readonly string[])[] = [['at', 'least'], ['at', 'most'], ['more', 'than'], ['fewer', 'than'], ['less', 'than'], ['up', 'to'], ['as', 'many', 'as'], ['about'], ['nearly'], ['almost'], ['roughly'], ['around'], ['some'], ['over'], ['only']];

/** After a quantity modifier at `r` that a number follows ("at least 13", "nearly 200"), the index of the number; else `r`. */
function quantityModifierEnd(tokens: readonly Token[], r: number, end: number): number {
  for (const words of QUANTITY_MODIFIERS) {
    const n = r + words.length;
    if (n >= end || tokens[n]!.pos !== 'NUM') continue;
    let ok = true;
    for (let k = 0; k < words.length && ok; k++) if (tokens[r + k]!.norm !== words[k]) ok = false;
    if (ok) return n;
  }
  return r;
}

const INTRODUCERS = new Set(['when', 'if', 'while', 'as', 'after', 'before', 'although', 'though', 'because', 'since', 'like', 'unlike', 'once', 'until', 'unless', 'whether', 'despite', 'in', 'on', 'at', 'during', 'for', 'with', 'by', 'from', 'speaking', 'asked', 'based', 'given', 'according']);

/** True when the stretch opens with a subordinate or prepositional lead-in ("When he left, ..."). */
function introductory(tokens: readonly Token[], a: number): boolean {
  let i = a;
  while (tokens[i] && (tokens[i]!.pos === 'CCONJ' || tokens[i]!.pos === 'PUNCT')) i++;
  const t = tokens[i];
  // an opening participle clause ("Noting that ..., the mayor said") is a lead-in too
  return t !== undefined && (INTRODUCERS.has(t.norm) || t.pos === 'SCONJ' || (t.pos === 'VERB' && /ing$/.test(t.norm)));
}

/** How far back a speech tag looks for the opening mark of its quotation. */
const MAX_QUOTE_TOKENS = 400;

const SUBORDINATE_OPENERS = new Set(['when', 'whenever', 'after', 'as', 'while', 'because', 'although', 'though', 'if', 'once', 'since', 'before', 'until', 'unless']);

/**
 * "When the senator noted that X, the mayor replied ...": a cue inside an opening subordinate
 * clause has its content end where the main clause starts (a comma, then subject and verb).
 */
function subordinateEnd(tokens: readonly Token[], lo: number, ci: number, a: number, end: number): number {
  let i = lo;
  while (i < ci && (tokens[i]!.pos === 'PUNCT' || tokens[i]!.pos === 'CCONJ')) i++;
  // an opening participle clause ("Writing that X, the critic noted ...") ends the same way
  const participle = i === ci && tokens[ci]!.pos === 'VERB' && /ing$/.test(tokens[ci]!.norm);
  if (!participle && (i >= ci || !SUBORDINATE_OPENERS.has(tokens[i]!.norm))) return end;
  for (let x = i + 1; x < ci; x++) if (tokens[x]!.text === ',') return end; // the cue is already in the main clause
  for (let j = a + 1; j < end - 1; j++) if ((tokens[j]!.text === ',' || isDash(tokens[j])) && subjectVerbAt(tokens, j + 1, end)) return j;
  return end;
}

/** The opening mark of the quotation that closes at `close` (curly or straight double marks), or -1. */
function openingMark(tokens: readonly Token[], close: number, lo: number): number {
  const c = tokens[close]!.text;
  const want = c === '”' ? '“' : c === '»' ? '«' : c === '"' || c === "''" ? c : null;
  if (want === null) return -1;
  for (let j = close - 1; j >= lo && close - j < MAX_QUOTE_TOKENS; j--) if (tokens[j]!.text === want) return j;
  return -1;
}

/** True when the closing mark at `close` ends a short quoted title ("On “Fox News Sunday,” X said ..."). */
function titleQuoteEndingAt(tokens: readonly Token[], close: number, lo: number): boolean {
  let words = 0;
  for (let j = close - 1; j >= lo && close - j < 7; j--) {
    const t = tokens[j]!;
    if (isOpenQuote(t)) return words <= 3 && j > lo;
    if (isVerbal(t)) return false;
    if (t.pos !== 'PUNCT') words++;
  }
  return false;
}

/** True when [a, b) holds a finite verb (not a bare participle opening a phrase). */
function hasFiniteVerb(tokens: readonly Token[], a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const t = tokens[i]!;
    if (t.pos === 'AUX' || (t.pos === 'VERB' && !/ing$/.test(t.norm) && !(i === a || tokens[i - 1]!.text === ','))) return true;
  }
  return false;
}

/** A subject noun phrase at r followed by a finite verb. */
function clauseFollows(tokens: readonly Token[], r: number, end: number): boolean {
  const np = npRight(tokens, r, end);
  let j = np ? np[1] : r + 1;
  while (j < end && (tokens[j]!.pos === 'ADV' || (tokens[j]!.pos === 'PART' && tokens[j]!.norm !== 'to'))) j++;
  if (np && j < end && isVerbal(tokens[j]!) && !/ing$/.test(tokens[j]!.norm)) return true;
  // a long subject ("the flurry of tweets targeting her was ...", "the plan, run by X, has ..."): a finite verb further on
  for (let x = j; x < end && x - r < 30; x++) {
    const t = tokens[x]!;
    if (t.pos === 'AUX') return true;
    if (t.pos === 'VERB' && !/ing$/.test(t.norm) && tokens[x - 1]!.pos !== 'DET' && tokens[x - 1]!.text !== ',') return true;
  }
  return false;
}

const CONTENT_LINKS = new Set(['until', 'unless', 'for', 'because', 'since', 'if', 'once']);
const CONJUNCTIONS = new Set(['but', 'and', 'or', 'as', 'because', 'while', 'though', 'although', 'when', 'which', 'who', 'after', 'before', 'since', 'so']);

/** After a parenthetical cue ("“...,” said X, “...”" or "The plan, he said, will fail"): the rest of the content. */
function continuation(tokens: readonly Token[], tail: number, end: number, sourceFirst: boolean): [number, number] | null {
  if (tail >= end || tokens[tail]!.text !== ',') return null;
  const a = tail + 1;
  if (a >= end) return null;
  const t = tokens[a]!;
  if (isOpenQuote(t)) return [a, end];
  // "The plan, he said, the council would reject": after "he said," a clause goes on the content
  if (sourceFirst && (t.pos === 'DET' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ' || t.pos === 'NUM') && clauseFollows(tokens, a, end)) return [a, end];
  // "Lenox thrived, he said, until it went bankrupt" / "... a model, he said, for how the industry can ...": a clause or phrase of the content
  if (sourceFirst && (t.pos === 'ADP' || t.pos === 'SCONJ') && CONTENT_LINKS.has(t.norm) && end - a >= MIN_PAREN_CONTENT) return [a, end];
  // "Prices rose, she said, and rents will follow": a coordinated clause goes on the content
  if (sourceFirst && t.norm === 'and' && a + 1 < end && (isOpenQuote(tokens[a + 1]) || (/^(DET|NOUN|PROPN|PRON|ADJ|NUM)$/.test(tokens[a + 1]!.pos) && clauseFollows(tokens, a + 1, end)))) return [a + 1, end];
  if (CONJUNCTIONS.has(t.norm)) return null;
  if (t.pos === 'AUX' || t.pos === 'VERB' || t.pos === 'PRON' || t.pos === 'SCONJ' || t.pos === 'PART') {
    if (t.pos === 'PRON' && /^(who|which|whose|whom)$/.test(t.norm)) return null;
    if (t.pos === 'VERB' && /ing$/.test(t.norm)) return null;
    return end - a >= MIN_PAREN_CONTENT ? [a, end] : null;
  }
  return null;
}

/**
 * A speech tag cut off from its quotation by the sentence splitter: "“Who knew?” | Ali said, smiling."
 * Returns the source and cue when the sentence is only SOURCE VERB (+ adverbials or a participle)
 * and the previous sentence ends with a closing quote mark.
 */
export function detachedSpeechTag(tokens: readonly Token[], s: TokenRange, prev: TokenRange | null, lex: ReportingLexicon): { source: [number, number]; cue: [number, number] } | null {
  if (!prev || prev.tokenEnd <= prev.tokenStart || !isCloseQuote(tokens[prev.tokenEnd - 1])) return null;
  const end = trimEnd(tokens, s.tokenStart, s.tokenEnd);
  if (isDash(tokens[s.tokenStart])) {
    // a byline on its own: "― Ana Ruiz"
    const np = npRight(tokens, s.tokenStart + 1, end);
    return np && np[1] >= end && np[1] - np[0] <= MAX_SPEAKER_TOKENS ? { source: np, cue: [s.tokenStart, s.tokenStart + 1] } : null;
  }
  const src = npRight(tokens, s.tokenStart, end);
  if (!src || src[1] - src[0] > 8 || src[1] >= end) return null;
  let ci = src[1];
  while (ci < end && (tokens[ci]!.pos === 'AUX' || tokens[ci]!.pos === 'ADV')) ci++;
  const v = tokens[ci];
  if (!v || v.pos !== 'VERB' || !lex.verbs.get(v.lemma)?.has('paren')) return null;
  const n = tokens[ci + 1];
  if (n && n.text !== ',' && n.pos !== 'ADP' && n.pos !== 'NOUN' && n.pos !== 'PROPN' && n.pos !== 'ADV') return null;
  if (hasFiniteVerb(tokens, ci + 1, end)) return null;
  return { source: src, cue: [ci, ci + 1] };
}

/**
 * A speech tag that ends its sentence with a colon and leaves the words to the next paragraph:
 * "Limbaugh added:" / "The senator told reporters:". Returns its source and cue, or null.
 */
export function colonLead(tokens: readonly Token[], s: TokenRange, lex: ReportingLexicon): { source: [number, number]; cue: [number, number] } | null {
  const last = s.tokenEnd - 1;
  if (last - s.tokenStart < 2 || last - s.tokenStart > 25 || tokens[last]!.text !== ':') return null;
  // the cue: the last reporting verb before the colon, followed only by a hearer or adverbials
  for (let ci = last - 1; ci > s.tokenStart && last - ci <= 8; ci--) {
    const v = tokens[ci]!;
    if (!isVerbal(v)) continue;
    if (v.pos !== 'VERB' || !lex.verbs.get(v.lemma)?.has('colon')) return null;
    const src = npLeft(tokens, skipLeftAux(tokens, ci - 1, s.tokenStart), s.tokenStart);
    if (!src) return null;
    // only connectives before the source ("Then he added:", "And Ali wrote:")
    for (let x = s.tokenStart; x < src[0]; x++) if (!/^(ADV|CCONJ|PUNCT)$/.test(tokens[x]!.pos)) return null;
    return { source: src, cue: [ci, ci + 1] };
  }
  return null;
}

/** Character span of a token range. */
export function tokenSpan(tokens: readonly Token[], r: readonly [number, number]): Span {
  return { start: tokens[r[0]]!.start, end: tokens[r[1] - 1]!.end };
}
