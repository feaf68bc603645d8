export { eventsStage, extractEvents } from './stage.js';
export { findCandidates, clauseIds, hasTriggerWord, type Candidate } from './candidates.js';
export { lexicon, buildLexicon, sensesFor, type Lexicon, type TriggerEntry } from './lexicon.js';
export { readModality, type ModalityReading } from './modality.js';
export { inflections } from './inflect.js';
