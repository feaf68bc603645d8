import { describe, expect, it } from 'vitest';
import { addTimexRecord, dctDate, goldTimexes, scoreTimexRecord, timexMetrics, timexTotals, TimexRecordSchema } from './timex.js';

const t = (start: number, end: number, type = 'DATE', value = 'X') => ({ start, end, type, value });

describe('scoreTimexRecord', () => {
  it('separates strict, relaxed, type and value', () => {
    const gold = [t(0, 10, 'DATE', '2020-01-02'), t(20, 25, 'DURATION', 'P3D'), t(40, 45, 'DATE', '2020')];
    const pred = [t(0, 10, 'DATE', '2020-01-02'), t(18, 25, 'DATE', 'P3D'), t(60, 65)];
    const s = scoreTimexRecord(gold, pred);
    expect(s.strict).toEqual({ tp: 1, fp: 2, fn: 2 });
    expect(s.relaxed).toEqual({ tp: 2, fp: 1, fn: 1 });
    expect(s.typeCorrect).toBe(1);
    expect(s.valueCorrect).toBe(2);
    const m = timexMetrics(addTimexRecord(timexTotals(), s));
    expect(m.value.p).toBeCloseTo(2 / 3);
    expect(m.value.r).toBeCloseTo(2 / 3);
    expect(m.valueAccuracy).toBe(1);
    expect(m.typeAccuracy).toBe(0.5);
  });

  it('compares values case- and space-insensitively', () => {
    expect(scoreTimexRecord([t(0, 3, 'DATE', 'past_ref')], [t(0, 3, 'DATE', 'PAST_REF ')]).valueCorrect).toBe(1);
  });
});

describe('dct and offsets', () => {
  it.each([
    ['1999-03-04', '1999-03-04'],
    ['1999-03-04T10:30', '1999-03-04'],
    ['', null],
    [null, null],
  ])('dctDate(%s)', (dct, want) => expect(dctDate(dct)).toBe(want));

  it('converts code-point offsets of gold timexes to UTF-16', () => {
    const rec = TimexRecordSchema.parse({ id: 'a', dct: '2001-01-01', text: '\u{1F4C5} on Monday', timexes: [{ start: 5, end: 11, type: 'DATE', value: '2001-01-01' }] });
    expect(goldTimexes(rec)[0]).toMatchObject({ start: 6, end: 12 });
  });
});
