import { describe, expect, it } from 'vitest';
import { compileFinder, findTimeCandidates, parseNumber } from './candidates.js';
import { timeLexicon } from './lexicon.js';

const finder = () => compileFinder(timeLexicon());
const found = (text: string) => findTimeCandidates(text, finder()).map((c) => [text.slice(c.start, c.end), c.expr.kind]);

describe('findTimeCandidates', () => {
  it.each([
    ['a full date', 'The raid of March 3, 2021, changed everything.', [['March 3, 2021', 'calendar']]],
    ['a month and year', 'He was last seen in August 2022 near the border.', [['August 2022', 'calendar']]],
    ['a bare year after a preposition', 'The group has been banned since 2001.', [['2001', 'year']]],
    ['a day and month without year, not swallowing a following count', 'Since April 2, 41 detainees were freed.', [['April 2', 'calendar']]],
    ['a vague past span', 'Envoys met in Cairo in recent days.', [['recent days', 'ref']]],
    ['a vague future word', 'The minister will travel there soon.', [['soon', 'ref']]],
    ['not "as soon as"', 'They will leave as soon as possible.', []],
    ['a counted duration', 'The siege lasted five months.', [['five months', 'duration']]],
    ['a hyphenated duration drops its determiner', 'They signed a two-year truce.', [['two-year', 'duration']]],
    ['an age is not a duration', 'A 23-year-old and a man 40 years old were hurt.', []],
    ['"ago" phrases', 'The ceasefire collapsed three weeks ago.', [['three weeks ago', 'ago']]],
    ['relative units', 'Prices rose last month and will fall next year.', [['last month', 'relative'], ['next year', 'relative']]],
    ['quarters', 'Profit fell in the third quarter and in the latest quarter.', [['the third quarter', 'quarter'], ['the latest quarter', 'quarter']]],
    ['a fraction is not a quarter', 'About a quarter of the town was flooded.', []],
    ['weekdays need a capital', 'Talks resumed on Tuesday.', [['Tuesday', 'calendar']]],
    ['sets', 'Convoys cross every week and flights leave daily.', [['every week', 'set'], ['daily', 'set']]],
    ['"may" the verb is not a month', 'The deal may collapse, officials said in May.', [['May', 'calendar']]],
    ['decades', 'Violence peaked in the 1990s.', [['1990s', 'decade']]],
    ['a clock time with a day', 'The deadline passed at 9 p.m. Sunday.', [['9 p.m. Sunday', 'calendar']]],
    ['a range of years gives both years', 'He was born sometime between 1961-1963 and served in 1980-88.', [['1961', 'year'], ['1963', 'year'], ['1980', 'year']]],
    ['a number in a name is not a year', 'The crew of Flight 2020 landed safely.', []],
    ['a year before a plural noun after "the"', 'Both sides accept the 1967 borders.', [['1967', 'year']]],
    ['large counts are not years', 'Some 1500 troops and 2000 vehicles moved.', []],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('skips sentences with no time word cheaply', () => {
    expect(findTimeCandidates('The envoy met the negotiators.', finder())).toEqual([]);
  });

  it('stays linear on a huge sentence with no punctuation', () => {
    const big = 'the talks went on and on '.repeat(40_000);
    const t0 = Date.now();
    findTimeCandidates(big, finder());
    expect(Date.now() - t0).toBeLessThan(20_000);
  });
});

describe('parseNumber', () => {
  it.each([
    ['five', 5],
    ['twenty four', 24],
    ['thirty-one', 31],
    ['24', 24],
    ['2 1/2', 2.5],
    ['a couple of', 2],
    ['several', null],
  ])('%s → %s', (s, n) => {
    expect(parseNumber(s, timeLexicon())).toBe(n);
  });
});

