import { describe, expect, it } from 'vitest';
import { makeDocument } from '../core/index.js';
import { createPipeline } from '../pipeline/index.js';
import { textStage } from '../text/index.js';
import { timeLexicon } from './lexicon.js';
import { tenseAt, type TenseCues } from './tense.js';

const lex = timeLexicon();
const cues: TenseCues = { futureAux: new Set(lex.futureAuxiliaries), pastAux: new Set(lex.pastAuxiliaries), plans: new Set(lex.futureCues) };
const tenseOf = (text: string, word: string) => {
  const d = createPipeline([textStage]).run(makeDocument(text));
  const s = d.layers.sentences![0]!;
  return tenseAt(d.layers.tokens!, s.tokenStart, s.tokenEnd, text.indexOf(word), cues);
};

describe('tenseAt: the clause around a time phrase', () => {
  it.each([
    ['simple past', 'The rebels seized the town on Sunday.', 'Sunday', 'past'],
    ['reporting verb after the date', 'Officials said Friday that the talks failed.', 'Friday', 'past'],
    ['will', 'The envoy will arrive on Monday.', 'Monday', 'future'],
    ["contracted 'll", "We'll know more by Thursday.", 'Thursday', 'future'],
    ['going to', 'They are going to sign it on Tuesday.', 'Tuesday', 'future'],
    ['plans to', 'The ministry plans to reopen the crossing on Monday.', 'Monday', 'future'],
    ['is expected to', 'A vote is expected to take place on Friday.', 'Friday', 'future'],
    ['present perfect reports the past', 'Prices have risen since March.', 'March', 'past'],
    ['present', 'The blockade remains in force today.', 'today', 'present'],
    ['no verb', 'Talks in Doha on Monday', 'Monday', 'present'],
    ['a commitment looks ahead', 'The militia agreed to hand over two captives on Wednesday.', 'Wednesday', 'future'],
    ['would in reported speech looks ahead', 'Mediators said the truce would begin on Sunday.', 'Sunday', 'future'],
    ['a refusal does not', 'The minister refused to comment on Wednesday.', 'Wednesday', 'past'],
  ])('%s', (_name, text, word, tense) => {
    expect(tenseOf(text, word)).toBe(tense);
  });
});
