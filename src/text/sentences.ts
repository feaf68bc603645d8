import { z } from 'zod';
import { loadData } from '../core/index.js';
/** What sentence repair reads of a token. */
type RawToken = { readonly text: string; readonly start: number; readonly end: number };

const AbbrevSchema = z.object({
  about: z.string().optional(),
  titles: z.array(z.string()),
  other: z.array(z.string()),
  sentence_starters: z.array(z.string()),
});

interface AbbrevSets {
  titles: Set<string>;
  other: Set<string>;
  starters: Set<string>;
}

let abbrevs: AbbrevSets | null = null;
function abbreviations(): AbbrevSets {
  if (!abbrevs) {
    const d = loadData('abbreviations.json', AbbrevSchema);
    abbrevs = { titles: new Set(d.titles), other: new Set(d.other), starters: new Set(d.sentence_starters) };
  }
  return abbrevs;
}

const OPEN_QUOTES = new Set(['“', '«', '‘']);
const CLOSE_QUOTES = new Set(['”', '»', '’']);
const MAX_QUOTE_MERGE_CHARS = 1500;

/** A sentence as a token range, flagged when it is a headline-like line with no final stop. */
export interface SentenceRange {
  tokenStart: number;
  tokenEnd: number;
  headline: boolean;
}

/**
 * Repairs wink-nlp's sentence boundaries for news: hard breaks at line breaks, no break after
 * titles, initials and common abbreviations, none before a lower-case continuation or inside an
 * open quotation, a break after an ellipsis that is followed by a capitalised sentence start.
 */
export function repairSentences(text: string, tokens: readonly RawToken[], wink: ReadonlyArray<readonly [number, number]>, lineStarts: ArrayLike<number>): SentenceRange[] {
  if (tokens.length === 0) return [];
  // 1. Candidate boundaries: wink's starts, plus every line start.
  const isStart = new Uint8Array(tokens.length + 1);
  isStart[0] = 1;
  for (const [s] of wink) isStart[s] = 1;
  for (let i = 0; i < tokens.length; i++) if (lineStarts[i]) isStart[i] = 1;
  const ab = abbreviations();
  for (let i = 1; i < tokens.length; i++) {
    if (lineStarts[i]) continue;
    if (isStart[i]) {
      if (shouldJoin(text, tokens, i, ab)) isStart[i] = 0;
    } else if (tokens[i - 1]!.text === '...' || tokens[i - 1]!.text === '…') {
      const t = tokens[i]!;
      if (/^[A-Z]/.test(t.text) && ab.starters.has(t.text.toLowerCase())) isStart[i] = 1;
    }
  }
  // 2. Join sentences that end inside an open quotation, within one paragraph.
  const out: SentenceRange[] = [];
  let s = 0;
  let depth = 0;
  let straight = 0;
  for (let i = 0; i <= tokens.length; i++) {
    if (i > s && (i === tokens.length || isStart[i])) {
      const open = depth > 0 || straight % 2 === 1;
      const tooLong = tokens[i - 1]!.end - tokens[s]!.start > MAX_QUOTE_MERGE_CHARS;
      if (i < tokens.length && open && !lineStarts[i] && !tooLong) {
        // keep going: the quotation has not closed yet
      } else {
        out.push({ tokenStart: s, tokenEnd: i, headline: isHeadline(tokens, s, i, lineStarts) });
        s = i;
        depth = 0;
        straight = 0;
      }
    }
    if (i < tokens.length) {
      const t = tokens[i]!.text;
      // every quotation mark is one character long
      if (t.length !== 1) continue;
      if (OPEN_QUOTES.has(t) && t !== '’') depth++;
      else if (CLOSE_QUOTES.has(t) && t !== '’' && depth > 0) depth--;
      else if (t === '"') straight++;
    }
  }
  return out;
}

function shouldJoin(text: string, tokens: readonly RawToken[], i: number, ab: AbbrevSets): boolean {
  const next = tokens[i]!;
  const prev = tokens[i - 1]!;
  // A lower-case word, a comma or a closing bracket continues the sentence ("...?” asked the envoy").
  if (/^[a-z]/.test(next.text) || /^[,;:)\]]/.test(next.text)) return true;
  // What stands before the final period?
  let word = prev.text;
  if (word === '.' && i >= 2) {
    const p2 = tokens[i - 2]!;
    if (p2.end !== prev.start) return false;
    word = p2.text;
  }
  const lower = word.toLowerCase().replace(/\.$/, '');
  if (!prev.text.endsWith('.')) return false;
  if (ab.titles.has(lower)) return true;
  // Initials and split state abbreviations: "John F. Kennedy", "R-S.C."
  if (/^[A-Z]$/.test(word.replace(/\.$/, '')) || /^([A-Z]\.)+[A-Z]?$/.test(word)) {
    if (/^[A-Z]\.?$/.test(next.text) || !ab.starters.has(next.text.toLowerCase())) return true;
  }
  if (ab.other.has(lower)) {
    if (/^[0-9]/.test(next.text)) return true;
    return !ab.starters.has(next.text.toLowerCase()) && /^[A-Z]/.test(next.text);
  }
  void text;
  return false;
}

function isHeadline(tokens: readonly RawToken[], s: number, e: number, lineStarts: ArrayLike<number>): boolean {
  const last = tokens[e - 1]!.text;
  if (/^[.!?…"”’)]$/.test(last) || last.endsWith('.')) return false;
  const endsLine = e === tokens.length || lineStarts[e] === 1;
  return endsLine && (s === 0 || lineStarts[s] === 1) && e - s <= 25;
}
