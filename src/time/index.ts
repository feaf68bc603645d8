export { timeStage, chronoCandidates } from './time-stage.js';
export { findTimeCandidates, compileFinder, parseNumber } from './candidates.js';
export { resolveTimeExpr, parseReferenceDate, isoWeek, precisionOf, type Tense, type Ymd, type Resolved, type ResolveContext } from './resolve.js';
export { tenseAt, type TenseCues } from './tense.js';
export { timeLexicon, type TimeLexicon } from './lexicon.js';
export type { TimeExpr, TimeCandidate, TimeUnit } from './types.js';
