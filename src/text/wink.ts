import { createRequire } from 'node:module';
import type { PosTag } from '../core/index.js';

const require = createRequire(import.meta.url);

/**
 * One token as wink-nlp gives it, with character offsets computed by Parley and the text already
 * normalised: the final Token record except for its sentence, which the text stage fills in.
 */
export interface RawToken {
  i: number;
  start: number;
  end: number;
  text: string;
  norm: string;
  lemma: string;
  pos: PosTag;
  type: string;
  sentence: number;
}

/** wink-nlp's tokens and sentence boundaries (as token ranges into `tokens`). */
export interface WinkAnalysis {
  tokens: RawToken[];
  /** [tokenStart, tokenEnd) per sentence, as wink splits them. */
  sentences: Array<[number, number]>;
  /** 1 at the index (into `tokens`) of every token preceded by a line break; length tokens.length + 1. */
  lineStarts: Uint8Array;
}

interface WinkNlp {
  readDoc(text: string): WinkDoc;
  its: Record<string, unknown>;
}
interface WinkItem {
  out(f?: unknown): unknown;
}
interface WinkDoc {
  tokens(): { each(cb: (t: WinkItem, i: number) => void): void; length(): number };
  sentences(): { each(cb: (s: WinkItem) => void): void };
}

let nlpInstance: WinkNlp | null = null;

/** The shared wink-nlp instance (loaded once; the model ships in the npm package). */
export function wink(): WinkNlp {
  if (!nlpInstance) {
    const winkNLP = require('wink-nlp') as (model: unknown, pipe?: string[]) => WinkNlp;
    const model = require('wink-eng-lite-web-model');
    nlpInstance = winkNLP(model, ['sbd', 'pos']);
  }
  return nlpInstance;
}

/** Folds case and typographic quotes so lexicon look-ups see one form. */
export function normalise(word: string): string {
  const lower = word.toLowerCase();
  // a loop over a short word is cheaper than a regex call, and most words have no curly quote
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d) return lower.replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
  }
  return lower;
}

/**
 * Runs wink-nlp on `text` and maps its tokens back to UTF-16 offsets.
 * Line-break tokens are dropped and recorded in `lineStarts`.
 */
export function analyse(text: string): WinkAnalysis {
  const nlp = wink();
  const its = nlp.its as WinkIts;
  const doc = nlp.readDoc(text);
  // Bulk reads are several times cheaper than per-token item views.
  const all = doc.tokens() as unknown as { out(f?: unknown): unknown[] };
  const values = all.out() as string[];
  const types = all.out(its.type) as string[];
  const poses = all.out(its.pos) as PosTag[];
  const lemmas = lemmasOf(doc, values, poses, its);
  const tokens: RawToken[] = [];
  const winkToOurs = new Int32Array(values.length + 1);
  const breaks: number[] = [];
  let cursor = 0;
  let pendingBreak = false;
  for (let k = 0; k < values.length; k++) {
    const type = types[k]!;
    const value = values[k]!;
    if (type === 'tabCRLF' || isBlank(value)) {
      if (value.includes('\n') || value.includes('\r')) pendingBreak = true;
      winkToOurs[k] = tokens.length;
      const at = text.indexOf(value, cursor);
      if (at >= 0 && at - cursor < 64) cursor = at + value.length;
      continue;
    }
    let at = text.startsWith(value, cursor) ? cursor : text.indexOf(value, cursor);
    if (at < 0 || at - cursor > 256) {
      // wink normalised the token; keep going from the cursor with its length.
      at = skipSpace(text, cursor);
    }
    const end = Math.min(text.length, at + value.length);
    if (at > cursor && hasLineBreak(text, cursor, at)) pendingBreak = true;
    winkToOurs[k] = tokens.length;
    if (pendingBreak) breaks.push(tokens.length);
    pendingBreak = false;
    const tokenText = end - at === value.length ? value : text.slice(at, end);
    const norm = normalise(tokenText);
    const lemma = lemmas[k] ?? value;
    // a lemma equal to the word itself normalises to the word's own norm
    tokens.push({ i: tokens.length, start: at, end, text: tokenText, norm, lemma: lemma === value && tokenText === value ? norm : lemmaNorm(lemma, norm), pos: poses[k]!, type, sentence: 0 });
    cursor = end;
  }
  winkToOurs[values.length] = tokens.length;
  const lineStarts = new Uint8Array(tokens.length + 1);
  for (const b of breaks) lineStarts[b] = 1;
  const sentences: Array<[number, number]> = [];
  doc.sentences().each((s) => {
    const [a, b] = s.out(its.span) as [number, number];
    const ts = a < values.length + 1 ? winkToOurs[a]! : tokens.length;
    const te = b + 1 < values.length + 1 ? winkToOurs[b + 1]! : tokens.length;
    if (te > ts) sentences.push([ts, te]);
  });
  return { tokens, sentences, lineStarts };
}

type WinkIts = { value: unknown; pos: unknown; type: unknown; lemma: unknown; span: unknown; contractionFlag: unknown };

/** Lemmas already computed, per POS and word: outside contractions wink's lemma depends on nothing else. */
const lemmaCache = new Map<string, Map<string, string>>();
let lemmaCacheSize = 0;
/** Bound on the memo (distinct word and POS pairs); past it the memo starts afresh. */
const MAX_LEMMA_CACHE = 100_000;

/**
 * wink's lemma of every token. Lemmatising is the dearest of wink's per-token reads, and a word
 * with a given POS always gets the same lemma unless it is part of a contraction, so lemmas are
 * memoised: only unseen pairs (and contractions) are asked of wink, one by one when they are few
 * (an item read costs about five bulk reads per token, so past one token in six),
 * in one bulk read otherwise.
 */
function lemmasOf(doc: WinkDoc, values: readonly string[], poses: readonly PosTag[], its: WinkIts): string[] {
  const all = doc.tokens() as unknown as { out(f?: unknown): unknown[]; itemAt(k: number): WinkItem };
  const contraction = all.out(its.contractionFlag) as boolean[];
  const out = new Array<string>(values.length);
  const missing: number[] = [];
  for (let k = 0; k < values.length; k++) {
    const hit = contraction[k] ? undefined : lemmaCache.get(poses[k]!)?.get(values[k]!);
    if (hit === undefined) missing.push(k);
    else out[k] = hit;
  }
  if (missing.length === 0) return out;
  const bulk = missing.length * 6 > values.length ? (all.out(its.lemma) as string[]) : null;
  if (lemmaCacheSize + missing.length > MAX_LEMMA_CACHE) {
    lemmaCache.clear();
    lemmaCacheSize = 0;
  }
  for (const k of missing) {
    const lemma = bulk ? bulk[k]! : (all.itemAt(k).out(its.lemma) as string);
    out[k] = lemma;
    if (contraction[k]) continue;
    let byWord = lemmaCache.get(poses[k]!);
    if (!byWord) lemmaCache.set(poses[k]!, (byWord = new Map()));
    if (!byWord.has(values[k]!)) lemmaCacheSize++;
    byWord.set(values[k]!, lemma);
  }
  return out;
}

/** The lemma as lexicons see it: lower-cased, quotes folded, and the norm itself when they agree. */
function lemmaNorm(lemma: string, norm: string): string {
  const lower = lemma.toLowerCase();
  return lower === norm ? norm : normalise(lower);
}

/** True when the token is only whitespace (a quick answer for the usual printable first character). */
function isBlank(value: string): boolean {
  const c = value.charCodeAt(0);
  if (c > 32 && c < 127) return false;
  return value.trim() === '';
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}
