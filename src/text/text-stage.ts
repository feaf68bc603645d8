import { diagnostic, type Diagnostic, type Sentence, type Token } from '../core/index.js';
import type { Stage } from '../pipeline/index.js';
import { repairSentences, type SentenceRange } from './sentences.js';
import { analyse } from './wink.js';

export { normalise } from './wink.js';

const VERSION = '1';

/** Longest sentence passed on to later stages; longer runs (lists, feeds with no punctuation) are cut so every stage stays linear. */
export const MAX_SENTENCE_TOKENS = 250;

/** Cuts sentences longer than MAX_SENTENCE_TOKENS, preferring a cut after a comma, semicolon or dash. */
export function capSentenceLength(
  ranges: SentenceRange[],
  tokens: readonly { text: string }[],
  onCut: (from: number, to: number) => void,
): SentenceRange[] {
  const out: SentenceRange[] = [];
  for (const r of ranges) {
    if (r.tokenEnd - r.tokenStart <= MAX_SENTENCE_TOKENS) {
      out.push(r);
      continue;
    }
    onCut(r.tokenStart, r.tokenEnd);
    let s = r.tokenStart;
    while (s < r.tokenEnd) {
      let e = Math.min(r.tokenEnd, s + MAX_SENTENCE_TOKENS);
      if (e < r.tokenEnd) {
        for (let k = e - 1; k > s + MAX_SENTENCE_TOKENS / 2; k--) {
          if (/^[,;:—–-]$/.test(tokens[k]!.text)) {
            e = k + 1;
            break;
          }
        }
      }
      out.push({ tokenStart: s, tokenEnd: e, headline: false });
      s = e;
    }
  }
  return out;
}

/** Sentences, tokens and POS from wink-nlp, with Parley's sentence repairs for news. */
export const textStage: Stage = {
  name: 'text',
  version: VERSION,
  requires: [],
  produces: ['sentences', 'tokens'],
  run(doc) {
    const { tokens: raw, sentences: winkSentences, lineStarts } = analyse(doc.text);
    const diagnostics: Diagnostic[] = [];
    const ranges = capSentenceLength(repairSentences(doc.text, raw, winkSentences, lineStarts), raw, (from, to) => {
      diagnostics.push(
        diagnostic('warning', 'text', 'overlong-sentence', `a sentence of ${to - from} tokens was cut into pieces of at most ${MAX_SENTENCE_TOKENS} tokens`, {
          start: raw[from]!.start,
          end: raw[to - 1]!.end,
        }),
      );
    });
    ranges.forEach((r, si) => {
      for (let i = r.tokenStart; i < r.tokenEnd; i++) raw[i]!.sentence = si;
    });
    const tokens: Token[] = raw;
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
    return { layers: { sentences, tokens }, diagnostics };
  },
};
