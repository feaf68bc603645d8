import type { Document, Mention, Quantity, Token } from '../core/index.js';
import type { Stage } from '../pipeline/index.js';
import { createQuantityFinder, type MentionKindAt, type QuantityCandidate } from './find.js';

const VERSION = '1';

/** Maps each token to the kind of entity mention covering it (one pass over both sorted layers). */
export function mentionKinds(tokens: readonly Token[], mentions: readonly Mention[] | undefined): MentionKindAt {
  if (!mentions || mentions.length === 0) return () => null;
  const kinds = new Uint8Array(tokens.length);
  let m = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (m < mentions.length && mentions[m]!.span.end <= t.start) m++;
    for (let k = m; k < mentions.length && mentions[k]!.span.start < t.end; k++) {
      kinds[i] = mentions[k]!.label === 'person' ? 1 : 2;
      if (kinds[i] === 1) break;
    }
  }
  return (i) => (kinds[i] === 1 ? 'person' : kinds[i] === 2 ? 'other' : null);
}

/** Builds the layer record of one candidate. */
export function toQuantity(doc: Document, c: QuantityCandidate, index: number): Quantity {
  const whole = c.qualifierSpan ? { start: c.qualifierSpan.start, end: c.span.end } : c.span;
  const evidence = c.ofSpan ? [whole, c.ofSpan].sort((a, b) => a.start - b.start) : [whole];
  return {
    id: `q${index}`,
    span: c.span,
    label: c.label,
    evidence,
    provenance: { stage: 'quantities', version: VERSION, rule: c.rule },
    text: doc.text.slice(c.span.start, c.span.end),
    value: c.value,
    approx: c.approx,
    qualifier: c.qualifier,
    of: c.of,
    ofSpan: c.ofSpan,
  };
}

/** Numbers and what they count: cardinals, approximations and bounds, ages, money, percent, measures, ordinals. */
export const quantitiesStage: Stage = {
  name: 'quantities',
  version: VERSION,
  requires: ['sentences', 'tokens'],
  produces: ['quantities'],
  run(doc) {
    const tokens = doc.layers.tokens ?? [];
    const mentionAt = mentionKinds(tokens, doc.layers.mentions);
    const quantities: Quantity[] = [];
    const find = createQuantityFinder(doc.text, tokens, mentionAt);
    for (const s of doc.layers.sentences ?? []) {
      for (const c of find(s.tokenStart, s.tokenEnd)) {
        quantities.push(toQuantity(doc, c, quantities.length));
      }
    }
    return { layers: { quantities } };
  },
};
