export { attributionStage, annotateAttribution } from './stage.js';
export { findQuotes, type QuoteCandidate } from './quotes.js';
export { findReported, mayAttribute, type ReportedCandidate } from './reported.js';
export { findModalCues, type ModalCandidate } from './modal.js';
export { reportingLexicon, modalityLexicon } from './lexicon.js';
