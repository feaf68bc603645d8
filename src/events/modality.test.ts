import { describe, expect, it } from 'vitest';
import { makeDocument } from '../core/index.js';
import { createPipeline } from '../pipeline/index.js';
import { textStage } from '../text/index.js';
import { lexicon } from './lexicon.js';
import { readModality } from './modality.js';

function read(text: string, trigger: string, reported = false) {
  const doc = createPipeline([textStage]).run(makeDocument(text));
  const tokens = doc.layers.tokens!;
  const i = tokens.findIndex((t) => t.norm === trigger);
  const saying = tokens.findIndex((t) => t.norm === 'said' || t.norm === 'says');
  return readModality(tokens, 0, i, tokens.length, lexicon().modality, { reported, reportingBefore: saying >= 0 && saying < i });
}

describe('readModality', () => {
  it.each([
    ['The army attacked the town.', 'attacked', 'asserted'],
    ['The army did not attack the town.', 'attack', 'negated'],
    ['The army has yet to withdraw from the town.', 'withdraw', 'negated'],
    ['The army could attack the town.', 'attack', 'potential'],
    ['The army plans to withdraw from the town.', 'withdraw', 'planned'],
    ['The army will withdraw from the town.', 'withdraw', 'planned'],
    ['The army reportedly attacked the town.', 'attacked', 'reported'],
    ['Rebels said they would release the captives.', 'release', 'planned'],
    ['That would release the captives.', 'release', 'potential'],
  ])('%s → %s', (text, trigger, expected) => {
    expect(read(text, trigger).modality).toBe(expected);
  });

  it('marks a volitional refusal', () => {
    expect(read('The army will not withdraw from the town.', 'withdraw').volitional).toBe(true);
  });

  it('marks a conditional commitment', () => {
    const r = read('The army will withdraw unless the rebels disarm.', 'withdraw');
    expect(r).toMatchObject({ modality: 'planned', commitment: true, unless: true });
  });

  it.each([
    ['The army will withdraw if the rebels do not disarm.', 'withdraw', true],
    ['The army will withdraw if the rebels fail to disarm.', 'withdraw', true],
    ['The army will withdraw if the rebels disarm.', 'withdraw', false],
  ])('a negative if-condition is an unless: %s', (text, trigger, unless) => {
    expect(read(text, trigger).unless).toBe(unless);
  });
});
