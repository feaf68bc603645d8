import type { SituationInput } from './inputs.js';
import type { Situation } from './schema.js';

/** Builds the situation picture from per-document extractions (publication-date order). */
export function buildSituation(docs: readonly SituationInput[]): Situation {
  return { documents: docs.length, first_published: null, last_published: null, negotiations: [], agreements: [], exchanges: [], captives: [] };
}
