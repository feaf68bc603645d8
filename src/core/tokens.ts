import type { Token } from './document.js';
import type { Span } from './span.js';

/** How to map a character span onto tokens: only tokens inside it, or every token it touches. */
export type TokenMapMode = 'contract' | 'expand' | 'strict';

/**
 * Maps a character span to a half-open token range [tokenStart, tokenEnd).
 * `strict` returns null unless the span starts and ends on token boundaries.
 */
export function charsToTokens(tokens: readonly Token[], s: Span, mode: TokenMapMode = 'expand'): { tokenStart: number; tokenEnd: number } | null {
  const first = lowerBound(tokens, s.start, mode === 'contract' || mode === 'strict' ? 'start' : 'end');
  let ts = first;
  let te = ts;
  while (te < tokens.length && tokens[te]!.start < s.end) te++;
  if (mode === 'contract') {
    while (ts < te && tokens[ts]!.start < s.start) ts++;
    while (te > ts && tokens[te - 1]!.end > s.end) te--;
  }
  if (mode === 'strict') {
    if (ts >= te || tokens[ts]!.start !== s.start || tokens[te - 1]!.end !== s.end) return null;
  }
  return ts < te ? { tokenStart: ts, tokenEnd: te } : null;
}

/** Index of the first token whose `key` offset is past `offset` (for 'end': end > offset; for 'start': start >= offset). */
export function lowerBound(tokens: readonly Token[], offset: number, key: 'start' | 'end'): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid]!;
    const before = key === 'end' ? t.end <= offset : t.start < offset;
    if (before) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the token that contains character `offset`, or -1. */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  const i = lowerBound(tokens, offset, 'end');
  return i < tokens.length && tokens[i]!.start <= offset ? i : -1;
}
