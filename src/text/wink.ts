import { createRequire } from 'node:module';
import type { PosTag } from '../core/index.js';

const require = createRequire(import.meta.url);

/** One raw token as wink-nlp gives it, with character offsets computed by Parley. */
export interface RawToken {
  start: number;
  end: number;
  text: string;
  lemma: string;
  pos: PosTag;
  type: string;
}

/** wink-nlp's tokens and sentence boundaries (as token ranges into `tokens`). */
export interface WinkAnalysis {
  tokens: RawToken[];
  /** [tokenStart, tokenEnd) per sentence, as wink splits them. */
  sentences: Array<[number, number]>;
  /** Indices (into `tokens`) of tokens preceded by a line break. */
  lineStarts: Set<number>;
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

/**
 * Runs wink-nlp on `text` and maps its tokens back to UTF-16 offsets.
 * Line-break tokens are dropped and recorded in `lineStarts`.
 */
export function analyse(text: string): WinkAnalysis {
  const nlp = wink();
  const its = nlp.its as { value: unknown; pos: unknown; type: unknown; lemma: unknown; span: unknown };
  const doc = nlp.readDoc(text);
  const tokens: RawToken[] = [];
  const winkToOurs: number[] = [];
  const lineStarts = new Set<number>();
  let cursor = 0;
  let pendingBreak = false;
  // Bulk reads are several times cheaper than per-token item views.
  const all = doc.tokens() as unknown as { out(f?: unknown): unknown[] };
  const values = all.out() as string[];
  const types = all.out(its.type) as string[];
  const poses = all.out(its.pos) as PosTag[];
  const lemmas = all.out(its.lemma) as string[];
  for (let k = 0; k < values.length; k++) {
    const type = types[k]!;
    const value = values[k]!;
    if (type === 'tabCRLF' || value.trim() === '') {
      if (value.includes('\n') || value.includes('\r')) pendingBreak = true;
      winkToOurs.push(tokens.length);
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
    winkToOurs.push(tokens.length);
    if (pendingBreak) lineStarts.add(tokens.length);
    pendingBreak = false;
    const lemma = lemmas[k] ?? value;
    tokens.push({ start: at, end, text: end - at === value.length ? value : text.slice(at, end), lemma: lemma === value ? lemma.toLowerCase() : lemma.toLowerCase(), pos: poses[k]!, type });
    cursor = end;
  }
  winkToOurs.push(tokens.length);
  const sentences: Array<[number, number]> = [];
  doc.sentences().each((s) => {
    const [a, b] = s.out(its.span) as [number, number];
    const ts = winkToOurs[a] ?? tokens.length;
    const te = winkToOurs[b + 1] ?? tokens.length;
    if (te > ts) sentences.push([ts, te]);
  });
  return { tokens, sentences, lineStarts };
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
