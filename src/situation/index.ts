/**
 * The cross-article picture: events merged across documents, and the negotiation situation
 * (negotiations, agreements, exchanges, captives) kept current as articles arrive.
 */
export * from './schema.js';
export * from './inputs.js';
export { mergeMentions } from './merge.js';
export { buildSituation } from './build.js';
export { formatSituationText } from './format-text.js';
export { matchSituationGold, valueMatches, type SituationScore, type GoldItemResult, type FieldCheck } from './gold-match.js';
