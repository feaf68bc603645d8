import { describe, expect, it } from 'vitest';
import { greedyMatch, overlap, prf } from './metrics.js';
import { codePointToUtf16 } from './offsets.js';

describe('prf', () => {
  it.each([
    [{ tp: 2, fp: 2, fn: 0 }, 0.5, 1, 2 / 3],
    [{ tp: 0, fp: 0, fn: 3 }, 0, 0, 0],
    [{ tp: 3, fp: 1, fn: 1 }, 0.75, 0.75, 0.75],
  ])('%o', (c, p, r, f1) => {
    const m = prf(c);
    expect(m.p).toBeCloseTo(p);
    expect(m.r).toBeCloseTo(r);
    expect(m.f1).toBeCloseTo(f1);
  });
});

describe('greedyMatch', () => {
  it('pairs one-to-one by best score first', () => {
    const gold = [{ start: 0, end: 10 }, { start: 20, end: 30 }];
    const pred = [{ start: 5, end: 25 }, { start: 0, end: 9 }];
    expect(greedyMatch(gold, pred, (g, p) => overlap(g, p)).sort()).toEqual([[0, 1], [1, 0]]);
  });
  it('never reuses an item', () => {
    expect(greedyMatch([1, 1], [1], () => 1)).toEqual([[0, 0]]);
  });
});

describe('codePointToUtf16', () => {
  it.each([
    ['plain text', 4, 4],
    ['a\u{1F600}b', 2, 3],
    ['\u{1F600}\u{1F600}x', 2, 4],
    ['\u{1F600}', 1, 2],
  ])('%s: %d → %d', (text, cp, u) => expect(codePointToUtf16(text)(cp)).toBe(u));
});
