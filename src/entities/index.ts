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
 *
 * For actor coding: every mention points at an entity with `country`/`sector` where known. A
 * mention's `label` may differ from its entity's kind: a country (or capital) used as an actor
 * ("Turkey said", "Iraq’s efforts", "Washington warned") is labelled 'organization' (read it as
 * that country's government), a "Trump administration" mention of a person is 'organization',
 * and a plural demonym noun ("Palestinians") is a 'group' entity with country and sector CVL (a description mention: it names the group).
 * Demonyms before people ("Israeli hostages") give a 'demonym' mention of the country plus a
 * 'group' entity for the whole phrase; institutional heads ("Israeli authorities") give an
 * organisation entity with the country and the head's sector.
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
