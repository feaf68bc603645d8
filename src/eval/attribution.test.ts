import { describe, expect, it } from 'vitest';
import type { Extraction } from '../output/schema.js';
import { addAttributionRecord, attributionMetrics, attributionTotals, coverage, isQuoted, predRelations, scoreAttributions, type GoldRelation, type PredRelation } from './attribution.js';

const r = (start: number, end: number) => ({ start, end });
const gold = (content: Array<Array<[number, number]>>, source: Array<[number, number]> = [], cue: Array<[number, number]> = [[0, 1]], quoted = false): GoldRelation => ({
  content: content.map((alt) => alt.map(([a, b]) => r(a, b))),
  source: source.map(([a, b]) => [r(a, b)]),
  cue: cue.map(([a, b]) => [r(a, b)]),
  quoted,
});
const pred = (content: [number, number], source: [number, number] | null = null, cue: [number, number] = [0, 1], quoted = false): PredRelation => ({
  content: r(...content), source: source ? r(...source) : null, cue: r(...cue), quoted,
});

describe('coverage', () => {
  it.each([
    [[[[10, 20]]], [10, 15], 0.5],
    [[[[10, 20]]], [0, 100], 1],
    [[[[10, 20], [30, 40]]], [10, 20], 0.5],
    [[[[10, 20]], [[50, 54]]], [50, 53], 0.75],
    [[[[10, 20]]], [20, 30], 0],
  ] as const)('%j by %j = %d', (alts, p, want) => expect(coverage(alts.map((a) => a.map(([s, e]) => r(s, e))), r(p[0], p[1]))).toBeCloseTo(want));
});

describe('scoreAttributions', () => {
  it('matches contents at ≥ 50 % of the gold span and judges source and cue on matches', () => {
    const g = [gold([[[10, 30]]], [[0, 5]], [[6, 9]]), gold([[[40, 60]]], [], [[61, 65]]), gold([[[70, 90]]], [[95, 99]])];
    const p = [pred([12, 30], [0, 5], [6, 9]), pred([40, 49], null, [61, 65]), pred([70, 80], [100, 104], [50, 52]), pred([200, 210])];
    const s = scoreAttributions(g, p);
    expect(s.content).toEqual({ tp: 2, fp: 2, fn: 1 });
    expect(s.source).toEqual({ correct: 1, total: 2 });
    expect(s.cue).toEqual({ correct: 1, total: 2 });
  });

  it('gives an unattributed gold content a right source when Parley gives none', () => {
    expect(scoreAttributions([gold([[[0, 10]]])], [pred([0, 10])]).source).toEqual({ correct: 1, total: 1 });
  });

  it('scores the quote-mark subset separately', () => {
    const t = attributionTotals();
    addAttributionRecord(t, [gold([[[0, 10]]], [], [[0, 1]], true), gold([[[20, 30]]])], [pred([0, 10], null, [0, 1], true), pred([20, 30])]);
    const m = attributionMetrics(t);
    expect(m.all.content.f1).toBe(1);
    expect(m.quoted.content).toMatchObject({ tp: 1, fp: 0, fn: 0 });
  });
});

describe('isQuoted', () => {
  it.each([
    ['He said \u201cwe will stay\u201d today.', 9, 21, true],
    ['He said that we will stay today.', 13, 25, false],
  ])('%s', (text, s, e, want) => expect(isQuoted(text, r(s, e))).toBe(want));
});

describe('predRelations', () => {
  it('leaves out quote records flagged nested inside a stronger relation', () => {
    const sp = (start: number, end: number) => ({ text: '', start, end });
    const x = {
      attributions: [
        { kind: 'reported', source: sp(0, 4), source_entity: null, cue: sp(5, 9), content: sp(10, 60) },
        { kind: 'direct', nested: true, source: sp(0, 4), source_entity: null, cue: sp(5, 9), content: sp(30, 50) },
      ],
    } as unknown as Extraction;
    expect(predRelations(x, ' '.repeat(70)).map((r) => r.content)).toEqual([{ start: 10, end: 60 }]);
  });
});
