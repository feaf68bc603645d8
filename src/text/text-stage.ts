import type { Sentence, Token } from '../core/index.js';
import type { Stage } from '../pipeline/index.js';
import { repairSentences } from './sentences.js';
import { analyse } from './wink.js';

const VERSION = '1';

/** Folds case and typographic quotes so lexicon look-ups see one form. */
export function normalise(word: string): string {
  return word.toLowerCase().replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
}

/** Sentences, tokens and POS from wink-nlp, with Parley's sentence repairs for news. */
export const textStage: Stage = {
  name: 'text',
  version: VERSION,
  requires: [],
  produces: ['sentences', 'tokens'],
  run(doc) {
    const { tokens: raw, sentences: winkSentences, lineStarts } = analyse(doc.text);
    const ranges = repairSentences(doc.text, raw, winkSentences, lineStarts);
    const sentenceOf = new Int32Array(raw.length);
    ranges.forEach((r, si) => sentenceOf.fill(si, r.tokenStart, r.tokenEnd));
    const tokens: Token[] = raw.map((t, i) => ({
      i,
      start: t.start,
      end: t.end,
      text: t.text,
      norm: normalise(t.text),
      lemma: normalise(t.lemma),
      pos: t.pos,
      type: t.type,
      sentence: sentenceOf[i]!,
    }));
    const sentences: Sentence[] = ranges.map((r, si) => {
      const span = { start: raw[r.tokenStart]!.start, end: raw[r.tokenEnd - 1]!.end };
      return {
        id: `s${si}`,
        span,
        label: r.headline ? 'headline' : 'sentence',
        evidence: [span],
        provenance: { stage: 'text', version: VERSION },
        tokenStart: r.tokenStart,
        tokenEnd: r.tokenEnd,
      };
    });
    return { layers: { sentences, tokens } };
  },
};
