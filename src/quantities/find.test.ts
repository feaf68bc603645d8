import { describe, expect, it } from 'vitest';
import { makeDocument } from '../core/index.js';
import { createPipeline } from '../pipeline/index.js';
import { textStage } from '../text/index.js';
import { findQuantities } from './find.js';

const text = createPipeline([textStage]);

/** Runs the finder over every sentence and renders each hit as `number=value[~][ kind][ (qualifier)][ of:…]`. */
function render(input: string): string[] {
  const doc = text.run(makeDocument(input));
  const out: string[] = [];
  for (const s of doc.layers.sentences!) {
    for (const c of findQuantities(input, doc.layers.tokens!, s.tokenStart, s.tokenEnd)) {
      let r = `${input.slice(c.span.start, c.span.end)}=${c.value}${c.approx ? '~' : ''}`;
      if (c.label !== 'count') r += ` ${c.label}`;
      if (c.qualifier) r += ` (${c.qualifier})`;
      if (c.of) r += ` of:${c.of}`;
      out.push(r);
    }
  }
  return out;
}

describe('cardinals and what they count', () => {
  it.each([
    ['an article before a scale word opens a number', 'A hundred monitors and a dozen medics arrived.', ['A hundred=100 of:monitors', 'a dozen=12 of:medics']],
    ['an article elsewhere opens nothing', 'A convoy left and an envoy stayed behind.', []],
    ['digits with pre-modifiers', 'The militia freed 41 Kenyan truck drivers on Monday.', ['41=41 of:Kenyan truck drivers']],
    ['thousands separator', 'Officials counted 12,500 displaced families.', ['12,500=12500 of:displaced families']],
    ['number words', 'Seven Nepali students were among them.', ['Seven=7 of:Nepali students']],
    ['hyphenated tens', 'Rescuers found twenty-six survivors.', ['twenty-six=26 of:survivors']],
    ['hundred and', 'Police detained two hundred and forty protesters.', ['two hundred and forty=240 of:protesters']],
    ['half a million', 'Half a million people fled the city.', ['Half a million=500000 of:people']],
    ['decimal with scale word', 'The flood displaced 1.5 million people.', ['1.5 million=1500000 of:people']],
    ['a dozen', 'A dozen unarmed monitors left the zone.', ['A dozen=12 of:unarmed monitors']],
    ['other as a pre-modifier', 'Three other British aid workers stayed behind.', ['Three=3 of:other British aid workers']],
    ['participle as a pre-modifier', 'Two wounded Ukrainian soldiers were evacuated.', ['Two=2 of:wounded Ukrainian soldiers']],
    ['a title-case headline', 'Eight Hostages Due for Release', ['Eight=8 of:Hostages']],
    ['plural demonym as head', 'The ship carried 14 Filipinos.', ['14=14 of:Filipinos']],
    ['an organisation name before the head', 'Troops killed three Hezbollah commanders.', ['three=3 of:Hezbollah commanders']],
    ['partitive of', 'Four of the detained journalists were released.', ['Four=4 of:detained journalists']],
    ['partitive of a total', 'Six of the 40 detainees were minors.', ['Six=6 of:detainees', '40=40 of:detainees']],
    ['no head noun', 'At the crossing, 12 were wounded.', ['12=12']],
    ['pronoun after of', 'Nine of them walked free.', ['Nine=9']],
    ['the head stops at a weekday', 'The group handed over 20 captives Thursday.', ['20=20 of:captives']],
  ])('%s', (_n, input, expected) => expect(render(input)).toEqual(expected));
});

describe('approximations and bounds', () => {
  it.each([
    ['approximately', 'They freed approximately 900 detainees.', ['900=900~ (approximately) of:detainees']],
    ['about', 'About 40 journalists signed the letter.', ['40=40~ (about) of:journalists']],
    ['nearly', 'Nearly 300 families fled.', ['300=300~ (nearly) of:families']],
    ['more than', 'More than 70 villages lost power.', ['70=70~ (more than) of:villages']],
    ['at least', 'At least 15 people died in the blast.', ['15=15~ (at least) of:people']],
    ['up to', 'The deal frees up to 50 inmates.', ['50=50~ (up to) of:inmates']],
    ['some', 'Some 300 marchers reached the square.', ['300=300~ (some) of:marchers']],
    ['an estimated', 'An estimated 8,000 residents remain.', ['8,000=8000~ (an estimated) of:residents']],
    ['over as a bound', 'Shelling killed over 30 civilians.', ['30=30~ (over) of:civilians']],
    ['over as a particle is not a bound', 'The rebels handed over 33 prisoners.', ['33=33 of:prisoners']],
    ['another is exact', 'Another 6 hostages are due out.', ['6=6 (another) of:hostages']],
    ['scores of', 'Scores of homes were flattened.', ['Scores=20~ (scores of) of:homes']],
    ['m for million before a plural noun', 'Some 1.2m people lack water.', ['1.2m=1200000~ (some) of:people']],
    ['hundreds of', 'Hundreds of mourners gathered.', ['Hundreds=100~ (hundreds of) of:mourners']],
    ['tens of thousands', 'Tens of thousands of people marched.', ['Tens of thousands=10000~ (tens of thousands of) of:people']],
    ['dozens of', 'Dozens of tents burned.', ['Dozens=12~ (dozens of) of:tents']],
    ['a range', 'Between 20 and 30 fishermen are missing.', ['20 and 30=20~ (between) of:fishermen']],
    ['plus', 'Medics counted 60-plus bodies.', ['60-plus=60~ (plus) of:bodies']],
  ])('%s', (_n, input, expected) => expect(render(input)).toEqual(expected));
});

describe('ages, money, percent, measures, ordinals', () => {
  it.each([
    ['hyphenated age', 'A 19-year-old from Haifa was among them.', ['19-year-old=19 age of:age']],
    ['age with a head noun', 'The 52-year-old engineer was freed.', ['52-year-old=52 age of:age']],
    ['aged', 'A nurse aged 31 was hurt.', ['31=31 age of:age']],
    ['ages in a list of names', 'Freed were Dana Levi, 19, and Omri Katz, 33.', ['19=19 age of:age', '33=33 age of:age']],
    ['more as a pre-modifier', 'Two more Nepali students were freed.', ['Two=2 of:more Nepali students']],
    ['age in apposition', 'Maria Lopez, 44, a teacher, spoke first.', ['44=44 age of:age']],
    ['years old', 'The boy is nine years old.', ['nine years old=9 age of:age']],
    ['dollar amount with scale', 'Donors pledged $5.5 million for shelters.', ['$5.5 million=5500000 money of:USD']],
    ['abbreviated scale', 'The fund holds $2bn in assets.', ['$2bn=2000000000 money of:USD']],
    ['euro symbol', 'Brussels froze €300 million.', ['€300 million=300000000 money of:EUR']],
    ['currency word', 'The fine was 40,000 shekels.', ['40,000 shekels=40000 money of:ILS']],
    ['percent sign', 'Turnout fell to 38%.', ['38%=38 percent']],
    ['per cent with of', 'Nearly 60 per cent of the households lack water.', ['60 per cent=60~ percent (nearly) of:households']],
    ['distance', 'The convoy stopped 12 km from the border.', ['12 km=12 measure of:km']],
    ['duration', 'The truce lasted six weeks.', ['six weeks=6 measure of:weeks']],
    ['compound duration', 'They agreed a 42-day pause.', ['42-day=42 measure of:day']],
    ['ordinal word', 'The second round of talks opened.', ['second=2 ordinal of:round']],
    ['ordinal digits', 'It was the 3rd attempt this year.', ['3rd=3 ordinal of:attempt']],
  ])('%s', (_n, input, expected) => expect(render(input)).toEqual(expected));
});

describe('numbers that are not quantities', () => {
  it.each([
    ['month and day', 'The strike on March 4 shocked the town.', []],
    ['day and month', 'Voting ends on 14 June.', []],
    ['full date with year', 'Fighting stopped on June 2, 2024, after weeks of talks.', []],
    ['year after a preposition', 'The group was banned in 2019.', []],
    ['year as a modifier', 'The 2021 accord collapsed.', []],
    ['clock time', 'The sirens sounded at 6 p.m. and again at 21:40.', []],
    ['military time', 'The curfew starts at 2200 GMT.', []],
    ['resolution number', 'Diplomats cited Resolution 1701 repeatedly.', []],
    ['phase label', 'Phase 2 was never agreed.', []],
    ['weapon code', 'Pilots flew F-16 jets and MiG-29 fighters.', []],
    ['list label', '2. The next point concerns fuel.', []],
    ['adverb first', 'The claim was first made by a local paper.', []],
    ['ordinal day of month', 'They met on the 19th of May.', []],
    ['two-state', 'Both sides endorsed a two-state solution.', []],
    ['ordinal quarter', 'Profit rose in the third quarter.', []],
    ['ordinal century', 'It is a 12th century fort.', []],
    ['spoken year', 'The war began in nineteen ninety-one.', []],
    ['duration before ago', 'The talks collapsed six weeks ago.', []],
    ['a unit name in words', 'Sailors of Mobile Unit Two arrived.', []],
    ['coordinates', 'The site lies at 33°47′N.', []],
    ['a year before Christ', 'The gate dates from 575 B.C. at the latest.', []],
    ['the last one', 'The last one broke down in May.', []],
    ['one of the superlative', 'It was one of the biggest rallies in years.', []],
    ['pronoun one', 'No one was hurt, and the one left behind is safe.', []],
    ['day range', 'The summit runs from April 3 to 5.', []],
    ['a chain of labels', 'The envoy quoted Resolutions 242 and 338.', []],
    ['a number inside a name', 'Ships joined Operation Sea Guard 7 last spring.', []],
    ['a hull code', 'The frigate (FFG 41) docked.', []],
  ])('%s', (_n, input, expected) => expect(render(input)).toEqual(expected));
});

describe('robustness', () => {
  it('stays linear on a huge unpunctuated sentence', () => {
    const big = 'about 12 soldiers and '.repeat(40_000);
    const t0 = performance.now();
    const hits = render(big);
    expect(hits.length).toBe(40_000);
    expect(performance.now() - t0).toBeLessThan(30_000);
  });
});
