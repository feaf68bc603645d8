import { describe, expect, it } from 'vitest';
import { greedyMatch, greedyMatchSpans, overlap, prf } from './metrics.js';
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

describe('greedyMatchSpans', () => {
  it('agrees with greedyMatch on overlap scores (seeded random spans)', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const spans = (k: number) =>
      Array.from({ length: k }, () => {
        const start = rnd(200);
        return { start, end: start + rnd(30) };
      });
    const score = (g: { start: number; end: number }, p: { start: number; end: number }) =>
      g.start === p.start && g.end === p.end ? 2 : overlap(g, p) / Math.max(1, g.end - g.start, p.end - p.start);
    for (let round = 0; round < 50; round++) {
      const g = spans(rnd(15));
      const p = spans(rnd(15));
      const key = (pairs: Array<[number, number]>) => pairs.map((x) => x.join(':')).sort();
      expect(key(greedyMatchSpans(g, p, score))).toEqual(key(greedyMatch(g, p, score)));
    }
  });
});
