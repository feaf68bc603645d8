import type { Stage } from '../pipeline/index.js';
import { findCandidates } from './candidates.js';
import { entityLexicon } from './lexicon.js';
import { resolveEntities } from './resolve.js';

export { findCandidates, type Candidate } from './candidates.js';
export { entityLexicon, roleAt, type EntityLexicon, type GazRef } from './lexicon.js';
export { resolveEntities } from './resolve.js';

const VERSION = '1';

/**
 * People, organisations, countries, places and nationality words: gazetteer and actor-dictionary
 * look-ups, capitalised names with titles and appositives, descriptions and pronouns resolved
 * within the document. Dictionary roles are chosen by the publication date.
 */
export const entitiesStage: Stage = {
  name: 'entities',
  version: VERSION,
  requires: ['sentences', 'tokens'],
  produces: ['mentions', 'entities'],
  run(doc, ctx) {
    const tokens = doc.layers.tokens ?? [];
    const sentences = doc.layers.sentences ?? [];
    const lex = entityLexicon();
    const candidates = findCandidates(doc.text, tokens, sentences, lex).sort((a, b) => a.tokenStart - b.tokenStart || b.tokenEnd - a.tokenEnd);
    const date = (doc.meta.published ?? ctx.referenceDate)?.slice(0, 10) ?? null;
    const { mentions, entities } = resolveEntities(doc.text, tokens, candidates, lex, { date, version: VERSION });
    return { layers: { mentions, entities } };
  },
};
