import { describe, expect, it } from 'vitest';
import { charsToTokens, parseMarkup, renderMarkup, tokenAt, type Token } from './index.js';

const toks = (text: string): Token[] => {
  const out: Token[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    out.push({ i: out.length, start: m.index, end: m.index + m[0].length, text: m[0], norm: m[0].toLowerCase(), lemma: m[0].toLowerCase(), pos: 'X', type: 'word', sentence: 0 });
  }
  return out;
};

describe('inline markup', () => {
  it('round-trips labelled spans', () => {
    const src = '[Hamas]{ORG} [released]{EVT} [33]{NUM} hostages';
    const { text, spans } = parseMarkup(src);
    expect(text).toBe('Hamas released 33 hostages');
    expect(spans.map((s) => [s.label, s.start, s.end])).toEqual([['ORG', 0, 5], ['EVT', 6, 14], ['NUM', 15, 17]]);
    expect(renderMarkup(text, spans)).toBe(src);
  });
});

describe('character to token mapping', () => {
  const text = 'The envoy met them in Doha';
  const tokens = toks(text);
  it.each([
    ['expand covers every touched token', { start: 5, end: 12 }, 'expand', [1, 3]],
    ['contract keeps only whole tokens', { start: 4, end: 12 }, 'contract', [1, 2]],
    ['strict accepts exact boundaries', { start: 4, end: 13 }, 'strict', [1, 3]],
  ] as const)('%s', (_n, s, mode, expected) => {
    expect(charsToTokens(tokens, s, mode)).toEqual({ tokenStart: expected[0], tokenEnd: expected[1] });
  });
  it('strict refuses a span that cuts a token', () => {
    expect(charsToTokens(tokens, { start: 5, end: 13 }, 'strict')).toBeNull();
  });
  it('finds the token at an offset, or -1 in a gap', () => {
    expect(tokenAt(tokens, 23)).toBe(5);
    expect(tokenAt(tokens, 3)).toBe(-1);
  });
});
