import { describe, expect, it } from 'vitest';
import { timeLexicon } from './lexicon.js';

describe('data/time-lexicon.json', () => {
  const lex = timeLexicon();
  it('names every month and weekday', () => {
    expect(new Set(Object.values(lex.months))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
    expect(new Set(Object.values(lex.weekdays))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7]));
  });
  it('keeps keys lower-case so lookups work', () => {
    for (const table of [lex.months, lex.weekdays, lex.seasons, lex.dayParts, lex.numbers, lex.vague, lex.sets, lex.modifiers, lex.approximators]) {
      for (const k of Object.keys(table)) expect(k, k).toBe(k.toLowerCase());
    }
  });
  it('gives every set a TIMEX3 value and every holiday a day rule', () => {
    for (const v of Object.values(lex.sets)) expect(v).toMatch(/^(P|XXXX)/);
    for (const [k, h] of Object.entries(lex.holidays)) {
      if (k === 'about' || typeof h === 'string') continue;
      expect(h.day !== undefined || (h.nth !== undefined && h.weekday !== undefined), k).toBe(true);
    }
  });
});
