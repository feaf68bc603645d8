import { describe, expect, it } from 'vitest';
import { countryCode, lexicon, PhraseMatcher, words } from './lexicon.js';

describe('situation lexicon', () => {
  it('loads and validates data/situation.json', () => {
    const lx = lexicon();
    expect(lx.raw.negotiation_words.length).toBeGreaterThan(5);
    expect(lx.ordinals.get('second')).toBe(2);
  });

  it.each([
    ['Israeli', 'ISR'],
    ['Thai', 'THA'],
    ['American', 'USA'],
    ['U.S.', 'USA'],
    ['Qatar', 'QAT'],
    ['Egyptian', 'EGY'],
    ['Palestinian', 'PSE'],
    ['Narnian', null],
  ])('countryCode(%s) → %s', (name, code) => expect(countryCode(name)).toBe(code));
});

describe('words', () => {
  it.each([
    ['Talks in Doha.', ['talks', 'in', 'doha']],
    ['the U.S. envoy', ['the', 'u.s.', 'envoy']],
    ['a cease-fire, then talks', ['a', 'cease-fire', 'then', 'talks']],
    ['Trump’s plan', ["trump's", 'plan']],
  ])('%s', (text, want) => expect(words(text).map((w) => w.norm)).toEqual(want));

  it('keeps offsets into the original text', () => {
    const ws = words('  Gaza truce', 10);
    expect(ws.map((w) => [w.start, w.end])).toEqual([[12, 16], [17, 22]]);
  });

  it('is linear on a huge unpunctuated string', () => {
    const big = 'word '.repeat(200_000);
    expect(words(big).length).toBe(200_000);
  });
});

describe('PhraseMatcher', () => {
  const m = new PhraseMatcher(['in exchange for', 'in exchange', 'for']);
  it.each([
    ['freed in exchange for prisoners', ['in exchange for']],
    ['traded in exchange', ['in exchange']],
    ['waited for news', ['for']],
    ['nothing here', []],
  ])('%s', (text, want) => expect(m.find(words(text)).map((h) => h.phrase)).toEqual(want));
});
