import { describe, expect, it } from 'vitest';
import { quantityLexicon } from './lexicon.js';

describe('data/quantities.json', () => {
  const lex = quantityLexicon();
  it('loads and validates', () => {
    expect(lex.units.get('seven')).toBe(7);
    expect(lex.scales.get('million')).toBe(1_000_000);
  });
  it('has lower-case entries only, so token norms can find them', () => {
    const lists = [lex.months, lex.timeUnits, lex.labelNouns, lex.particleVerbs, lex.nonQuantityCompounds, lex.weekdays];
    for (const list of lists) for (const w of list) expect(w).toBe(w.toLowerCase());
    for (const q of lex.qualifiers) for (const w of q.words) expect(w).toBe(w.toLowerCase());
  });
  it('keeps qualifiers longest first so "no more than" wins over "more than"', () => {
    const lengths = lex.qualifiers.map((q) => q.words.length);
    expect([...lengths].sort((a, b) => b - a)).toEqual(lengths);
  });
  it('does not list a word both as a number word and a unit', () => {
    for (const w of lex.units.keys()) expect(lex.timeUnits.has(w) || lex.ordinals.has(w)).toBe(false);
  });
});
