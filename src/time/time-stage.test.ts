import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeDocument } from '../core/index.js';
import { createPipeline } from '../pipeline/index.js';
import { textStage } from '../text/index.js';
import { chronoCandidates, timeStage } from './time-stage.js';

const pipe = createPipeline([textStage, timeStage]);
const run = (text: string, published: string | null = '2025-03-05', referenceDate?: string) =>
  pipe.run(makeDocument(text, { published }), referenceDate ? { referenceDate } : {}).layers.timexes!;
const values = (text: string, published: string | null = '2025-03-05', referenceDate?: string) =>
  run(text, published, referenceDate).map((t) => [t.text, t.value]);

describe('time stage: phrases anchored to the publication date (2025-03-05, a Wednesday)', () => {
  it.each([
    ['past tense weekday looks back', 'Rebels shelled the town on Saturday.', [['Saturday', '2025-03-01']]],
    ['future tense weekday looks forward', 'The envoys will meet on Saturday.', [['Saturday', '2025-03-08']]],
    ['"going to" is future', 'They are going to vote on Monday.', [['Monday', '2025-03-10']]],
    ['a planning verb is future', 'The army plans to withdraw on Friday.', [['Friday', '2025-03-07']]],
    ['a count after a month-day is not a year', 'Since January 19, 33 prisoners have been freed.', [['January 19', '2025-01-19']]],
    ['a past month later than the reference goes back a year', 'The strike began in October.', [['October', '2024-10']]],
    ['a deadline after a past verb stays ahead', 'The court extended the deadline to March 20.', [['March 20', '2025-03-20']]],
    ['relative units', 'Exports fell last month and rose this year.', [['last month', '2025-02'], ['this year', '2025']]],
    ['earlier this year keeps its mod', 'The plan was drafted earlier this year.', [['earlier this year', '2025']]],
    ['durations', 'The truce held for 24 hours after five years of war.', [['24 hours', 'PT24H'], ['five years', 'P5Y']]],
    ['sets', 'Aid trucks arrive every week.', [['every week', 'P1W']]],
    ['vague words', 'Officials currently expect a deal soon, as talks were recently revived.', [['currently', 'PRESENT_REF'], ['soon', 'FUTURE_REF'], ['recently', 'PAST_REF']]],
    ['quarters', 'Revenue grew in the first quarter of 2024.', [['the first quarter of 2024', '2024-Q1']]],
    ['a holiday in a past clause', 'The hostages were freed on Christmas Day.', [['Christmas Day', '2024-12-25']]],
    ['a moving holiday', 'Voters went to the polls on last Thanksgiving.', [['last Thanksgiving', '2024-11-28']]],
    ['"last" before a month-day looks back whatever the verb', 'The doctor, who dies tragically in the film, was shot last Oct. 23.', [['last Oct. 23', '2024-10-23']]],
    ['a clock time with its day', 'The ultimatum expires at 6 p.m. Friday.', [['6 p.m. Friday', '2025-03-07T18:00']]],
    ['"the next day" follows the last day mentioned', 'The convoy was attacked on February 10. Aid resumed the next day.', [['February 10', '2025-02-10'], ['the next day', '2025-02-11']]],
    ['a bare season after a preposition', 'The offensive began in summer.', [['summer', '2024-SU']]],
    ['the weeks ahead', 'More strikes are likely in the weeks ahead.', [['the weeks ahead', 'PXW']]],
    ['the early summer keeps its mod', 'The offensive started in the early summer.', [['the early summer', '2025-SU']]],
  ])('%s', (_name, text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it('reads TIMEX3 type, precision and mod', () => {
    const [t] = run('Fighting resumed in late November.');
    expect(t).toMatchObject({ text: 'late November', value: '2024-11', label: 'DATE', precision: 'month', mod: 'END' });
    const [d] = run('The blockade lasted nearly three weeks.');
    expect(d).toMatchObject({ text: 'nearly three weeks', value: 'P3W', label: 'DURATION', mod: 'EQUAL_OR_LESS' });
  });

  it('uses the date part of a reference date that carries a time', () => {
    expect(values('The convoy left yesterday.', null, '1990-08-15T13:37')).toEqual([['yesterday', '1990-08-14']]);
  });

  it('without a reference date, leaves relative values unresolved', () => {
    expect(values('The convoy left yesterday and returns next week.', null)).toEqual([['yesterday', 'PAST_REF'], ['next week', 'FUTURE_REF']]);
    expect(values('Troops arrived on June 3.', null)).toEqual([['June 3', 'XXXX-06-03']]);
  });

  it('records are sorted, in bounds, with provenance and evidence', () => {
    const text = 'On Monday the mediators said that a deal could come within days, two weeks after the 2024 talks failed.';
    const ts = run(text);
    expect(ts.length).toBeGreaterThan(0);
    let last = -1;
    for (const t of ts) {
      expect(text.slice(t.span.start, t.span.end)).toBe(t.text);
      expect(t.span.start).toBeGreaterThanOrEqual(last);
      last = t.span.start;
      expect(t.provenance.stage).toBe('time');
      expect(t.evidence.length).toBeGreaterThan(0);
    }
  });
});

describe('time stage on pathological input', () => {
  it('stays linear on a 1 MB run-on text full of time words', () => {
    const text = 'they met today and again last week for five days in 1997 '.repeat(18_000);
    const t0 = Date.now();
    const ts = run(text);
    expect(ts.length).toBeGreaterThan(10_000);
    expect(Date.now() - t0).toBeLessThan(60_000);
  });
});

const seedDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'eval', 'seed');
describe.skipIf(!existsSync(join(seedDir, 'article.txt')))('seed article dates', () => {
  it('finds and resolves every gold date', () => {
    const text = readFileSync(join(seedDir, 'article.txt'), 'utf8');
    const gold = JSON.parse(readFileSync(join(seedDir, 'gold.json'), 'utf8')) as { dates: { text: string; value?: string; value_kind?: string }[] };
    const got = run(text, '2025-03-05');
    for (const g of gold.dates) {
      const hit = got.find((t) => g.text.includes(t.text) || t.text.includes(g.text));
      expect(hit, g.text).toBeDefined();
      const want = g.value ?? (g.value_kind === 'past-reference' ? 'PAST_REF' : 'FUTURE_REF');
      expect(hit!.value, g.text).toBe(want);
    }
  });
});

describe('chronoCandidates', () => {
  const ref = { y: 2025, m: 3, d: 5 };
  it.each([
    ['a numeric date', 'The deal was signed on 3/14/2024 in Doha.', ['3/14/2024']],
    ['a clock time with a month', 'Voting closes at 8 p.m. on Nov. 9, officials said.', true],
    ['a clock time with only a weekday (ours, not chrono’s)', 'The convoy left at 7:15 p.m. Wednesday.', []],
    ['no clock time or numeric date', 'The talks resumed in March.', []],
  ])('%s', (_name, text, expected) => {
    const got = chronoCandidates(text, ref).map((c) => text.slice(c.start, c.end));
    if (expected === true) expect(got.length).toBeGreaterThan(0);
    else expect(got).toEqual(expected);
  });
});
