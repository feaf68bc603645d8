import { describe, expect, it } from 'vitest';
import { makeDocument } from '../core/index.js';
import { createPipeline } from '../pipeline/index.js';
import { normalise, textStage } from './text-stage.js';
import { analyse, wink } from './wink.js';

const split = (text: string) => {
  const d = createPipeline([textStage]).run(makeDocument(text));
  return d.layers.sentences!.map((s) => text.slice(s.span.start, s.span.end));
};

describe('sentence splitting for news', () => {
  it.each([
    ['titles and state abbreviations', 'Sen. Mary Cole, R-S.C., met Gov. Tom Reyes. They talked.', ['Sen. Mary Cole, R-S.C., met Gov. Tom Reyes.', 'They talked.']],
    ['a two-sentence quotation before its speaker', '“We will stay. They must go,” said Omar. He left.', ['“We will stay. They must go,” said Omar.', 'He left.']],
    ['a quoted question before its speaker', '“Who pays for this?” asked the minister.', ['“Who pays for this?” asked the minister.']],
    ['a headline line with no final stop', 'Talks Resume in Cairo\nNegotiators met on Monday.', ['Talks Resume in Cairo', 'Negotiators met on Monday.']],
    ['Approx. before a number', 'Approx. 3,000 people marched.', ['Approx. 3,000 people marched.']],
    ['U.S. before a proper noun', 'The U.S. Treasury froze the accounts.', ['The U.S. Treasury froze the accounts.']],
    ['initials', 'John F. Kennedy spoke. Then he left.', ['John F. Kennedy spoke.', 'Then he left.']],
    ['military ranks', 'Lt. Gen. Ana Silva arrived.', ['Lt. Gen. Ana Silva arrived.']],
  ])('%s', (_name, text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it('keeps token offsets pointing at the token text', () => {
    const text = 'It’s “done,” she said — 23-year-old U.S.-led forces can’t stop.';
    const d = createPipeline([textStage]).run(makeDocument(text));
    for (const t of d.layers.tokens!) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('gives every token a folded norm and lemma, its index and its sentence', () => {
    const text = 'The envoys’ talks RESUMED.\nThey’re “hopeful,” aides said.';
    const d = createPipeline([textStage]).run(makeDocument(text));
    const tokens = d.layers.tokens!;
    tokens.forEach((t, i) => {
      expect(t.i).toBe(i);
      expect(t.norm).toBe(normalise(t.text));
      expect(t.lemma).toBe(t.lemma.toLowerCase());
      expect(t.lemma).not.toMatch(/[’‘“”]/);
      const s = d.layers.sentences![t.sentence]!;
      expect(i >= s.tokenStart && i < s.tokenEnd).toBe(true);
    });
    expect(tokens.find((t) => t.text === 'RESUMED')?.lemma).toBe('resume');
    expect(d.layers.sentences).toHaveLength(2);
  });
});

describe('memoised lemmas', () => {
  const winkLemmas = (text: string): string[] => {
    const nlp = wink() as unknown as { readDoc(t: string): { tokens(): { out(f?: unknown): unknown[] } }; its: Record<string, unknown> };
    const all = nlp.readDoc(text).tokens();
    const types = all.out(nlp.its.type) as string[];
    return (all.out(nlp.its.lemma) as string[]).filter((_l, k) => types[k] !== 'tabCRLF' && (all.out()[k] as string).trim() !== '').map((l) => normalise(l));
  };
  it.each([
    ['a word as noun then as verb', 'The talks were long. She talks to the rebels.'],
    ['contractions', "They're sure it's over, and he's gone; we'll see."],
    ['irregular forms twice', 'The envoys went home. The envoys went back again.'],
  ])('agree with wink-nlp on a second reading too: %s', (_name, text) => {
    for (let round = 0; round < 2; round++) {
      const ours = analyse(text).tokens.map((t) => t.lemma);
      expect(ours.map((l) => normalise(l))).toEqual(winkLemmas(text));
    }
  });
});
