import { describe, expect, it } from 'vitest';
import { isoWeek, parseReferenceDate, precisionOf, resolveTimeExpr, type Tense } from './resolve.js';
import type { TimeExpr } from './types.js';

const REF = '2025-03-05'; // a Wednesday

describe('resolveTimeExpr: (expression, reference date, tense) → TIMEX3 value', () => {
  it.each<[string, TimeExpr, string | null, Tense, string | null]>([
    ['full date', { kind: 'calendar', year: 2023, month: 10, day: 7 }, REF, 'past', '2023-10-07'],
    ['month and year', { kind: 'calendar', year: 2024, month: 11 }, REF, 'past', '2024-11'],
    ['bare year', { kind: 'year', year: 1997 }, REF, 'present', '1997'],
    ['month-day in a past clause: most recent past occurrence', { kind: 'calendar', month: 1, day: 19 }, REF, 'past', '2025-01-19'],
    ['month-day later in the year, past clause: last year', { kind: 'calendar', month: 9, day: 12 }, REF, 'past', '2024-09-12'],
    ['month-day earlier in the year, future clause: next year', { kind: 'calendar', month: 1, day: 19 }, REF, 'future', '2026-01-19'],
    ['month-day, present clause: nearest', { kind: 'calendar', month: 4, day: 1 }, REF, 'present', '2025-04-01'],
    ['weekday, past clause looks back', { kind: 'calendar', weekday: 6, weekdayRel: 0 }, REF, 'past', '2025-03-01'],
    ['weekday, future clause looks forward', { kind: 'calendar', weekday: 6, weekdayRel: 0 }, REF, 'future', '2025-03-08'],
    ['same weekday as the reference, past', { kind: 'calendar', weekday: 3, weekdayRel: 0 }, REF, 'past', '2025-03-05'],
    ['"last Friday"', { kind: 'calendar', weekday: 5, weekdayRel: -1 }, REF, 'present', '2025-02-28'],
    ['"next Monday"', { kind: 'calendar', weekday: 1, weekdayRel: 1 }, REF, 'present', '2025-03-10'],
    ['weekday with a part of day is the day', { kind: 'calendar', weekday: 2, weekdayRel: 0, part: 'NI' }, REF, 'past', '2025-03-04'],
    ['bare month, past clause, later month: last year', { kind: 'calendar', month: 11 }, REF, 'past', '2024-11'],
    ['bare month, future clause', { kind: 'calendar', month: 1 }, REF, 'future', '2026-01'],
    ['yesterday', { kind: 'day', offset: -1 }, REF, 'past', '2025-03-04'],
    ['tonight is a TIME', { kind: 'day', offset: 0, part: 'NI' }, REF, 'present', '2025-03-05TNI'],
    ['last week', { kind: 'relative', unit: 'week', offset: -1 }, REF, 'past', '2025-W09'],
    ['this week', { kind: 'relative', unit: 'week', offset: 0 }, REF, 'present', '2025-W10'],
    ['next month', { kind: 'relative', unit: 'month', offset: 1 }, REF, 'future', '2025-04'],
    ['last year', { kind: 'relative', unit: 'year', offset: -1 }, REF, 'past', '2024'],
    ['the weekend, past', { kind: 'relative', unit: 'weekend', offset: 'tense' }, REF, 'past', '2025-W09-WE'],
    ['that year with nothing to point to', { kind: 'relative', unit: 'year', offset: 'anchor' }, REF, 'past', null],
    ['that year after 1997', { kind: 'relative', unit: 'year', offset: 'anchor' }, REF, 'past', '1997'],
    ['the third quarter', { kind: 'quarter', q: 3 }, '1989-10-26', 'past', '1989-Q3'],
    ['the fourth quarter early in the next year', { kind: 'quarter', q: 4 }, '1998-02-10', 'past', '1997-Q4'],
    ['the quarter: the last completed one', { kind: 'quarter', q: null, rel: 'latest' }, '1989-11-02', 'past', '1989-Q3'],
    ['the year-ago quarter', { kind: 'quarter', q: null, rel: 'latest', yearOffset: -1 }, '1989-11-02', 'past', '1988-Q3'],
    ['two years ago', { kind: 'ago', unit: 'year', n: 2, dir: -1 }, REF, 'past', '2023'],
    ['ten days ago', { kind: 'ago', unit: 'day', n: 10, dir: -1 }, REF, 'past', '2025-02-23'],
    ['five months ago', { kind: 'ago', unit: 'month', n: 5, dir: -1 }, REF, 'past', '2024-10'],
    ['a few years ago', { kind: 'ago', unit: 'year', n: null, dir: -1 }, REF, 'past', 'PAST_REF'],
    ['last summer', { kind: 'season', season: 'SU', offset: -1 }, REF, 'past', '2024-SU'],
    ['last April in March', { kind: 'relMonth', month: 4, offset: -1 }, REF, 'past', '2024-04'],
    ['last February in March is a year back', { kind: 'relMonth', month: 2, offset: -1 }, REF, 'past', '2024-02'],
    ['three weeks', { kind: 'duration', unit: 'week', n: 3 }, REF, 'past', 'P3W'],
    ['24 hours', { kind: 'duration', unit: 'hour', n: 24 }, REF, 'past', 'PT24H'],
    ['2 1/2 years', { kind: 'duration', unit: 'year', n: 2.5 }, REF, 'past', 'P2Y6M'],
    ['several days', { kind: 'duration', unit: 'day', n: null }, REF, 'past', 'PXD'],
    ['the 1990s', { kind: 'decade', decade: 199 }, REF, 'past', '199'],
    ['every week', { kind: 'set', value: 'P1W' }, REF, 'present', 'P1W'],
    ['recently', { kind: 'ref', value: 'PAST_REF' }, REF, 'past', 'PAST_REF'],
    ['no reference date: month-day stays partial', { kind: 'calendar', month: 1, day: 19 }, null, 'past', 'XXXX-01-19'],
    ['no reference date: yesterday is in the past', { kind: 'day', offset: -1 }, null, 'past', 'PAST_REF'],
    ['no reference date: next year is in the future', { kind: 'relative', unit: 'year', offset: 1 }, null, 'future', 'FUTURE_REF'],
  ])('%s', (_name, expr, ref, tense, value) => {
    const r = resolveTimeExpr(expr, { ref: parseReferenceDate(ref), tense, anchorYear: _name.includes('1997') ? 1997 : null });
    expect(r?.value ?? null).toBe(value);
  });
});

describe('helpers', () => {
  it.each([
    ['2025-03-05', '2025-W10'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'],
  ])('isoWeek(%s) = %s', (d, w) => {
    expect(isoWeek(parseReferenceDate(d)!)).toBe(w);
  });

  it('uses the date part of a reference with a time', () => {
    expect(parseReferenceDate('1990-08-15T13:37')).toEqual({ y: 1990, m: 8, d: 15 });
    expect(parseReferenceDate('not a date')).toBeNull();
  });

  it.each([
    ['2025-01-19', 'DATE', 'day'],
    ['2024-11', 'DATE', 'month'],
    ['1997', 'DATE', 'year'],
    ['2025-W10', 'DATE', 'week'],
    ['2025-Q1', 'DATE', 'quarter'],
    ['199', 'DATE', 'decade'],
    ['PAST_REF', 'DATE', 'approximate'],
    ['P3W', 'DURATION', 'none'],
  ] as const)('precisionOf(%s)', (v, t, p) => {
    expect(precisionOf(v, t)).toBe(p);
  });
});
