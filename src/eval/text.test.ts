import { describe, expect, it } from 'vitest';
import { containsWords, findLoose, fold } from './text.js';

describe('fold / containsWords', () => {
  it.each([
    ['The  Mayor’s office', "the mayor's office"],
    ['a\u2013b', 'a-b'],
  ])('fold(%s)', (s, want) => expect(fold(s)).toBe(want));
  it.each([
    ['the Harbour Authority said', 'harbour authority', true],
    ['Israeli army', 'Israel', false],
    ['U.S. officials', 'U.S.', true],
    ['', 'x', false],
  ])('containsWords(%s, %s)', (h, n, want) => expect(containsWords(h, n)).toBe(want));
});

describe('findLoose', () => {
  it.each([
    ['He said: "We\u2019ll go\n now."', "we'll go now", [[10, 23]]],
    ['one-off and one\u2013off', 'one-off', [[0, 7], [12, 19]]],
    ['price (in $) [est.]', '(in $) [est.]', [[6, 19]]],
    ['nothing here', 'absent', []],
    ['x', '   ', []],
  ])('%j / %j', (text, needle, want) => expect(findLoose(text, needle).map((s) => [s.start, s.end])).toEqual(want));

  it('stays fast on a long text with no match', () => {
    const text = 'a '.repeat(500_000);
    expect(findLoose(text, 'a a a b')).toEqual([]);
  });
});
