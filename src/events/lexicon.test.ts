import { describe, expect, it } from 'vitest';
import { inflections } from './inflect.js';
import { lexicon, sensesFor } from './lexicon.js';

describe('trigger lexicon (data/triggers.json)', () => {
  it('loads and validates every entry', () => {
    const lex = lexicon();
    expect(lex.entries.length).toBeGreaterThan(100);
    for (const e of lex.entries) expect(Object.keys(lex.coding.types)).toContain(e.type);
  });

  it('every mode is a PLOVER mode of its type', () => {
    const lex = lexicon();
    for (const e of lex.entries) {
      if (e.mode) expect(lex.coding.types[e.type]!.modes, `${e.lemma} ${e.type}/${e.mode}`).toContain(e.mode);
    }
  });

  it.each([
    ['attack', ['attacks', 'attacked', 'attacking']],
    ['release', ['releases', 'released', 'releasing']],
    ['ban', ['bans', 'banned', 'banning']],
    ['rally', ['rallies', 'rallied']],
  ])('inflects %s', (lemma, forms) => {
    expect(inflections(lemma)).toEqual(expect.arrayContaining(forms));
  });

  it.each([
    ['held', 'hold'],
    ['struck', 'strike'],
    ['talks', 'talk'],
  ])('finds senses for the irregular form %s', (form, lemma) => {
    expect(sensesFor(lexicon(), form, form).length + sensesFor(lexicon(), lemma, lemma).length).toBeGreaterThan(0);
  });
});
