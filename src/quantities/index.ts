export { quantitiesStage, toQuantity, mentionKinds } from './stage.js';
export { findQuantities, createQuantityFinder, type QuantityCandidate, type QuantityLabel, type MentionKindAt } from './find.js';
export { quantityLexicon, type QuantityLexicon, type QualifierKind } from './lexicon.js';
