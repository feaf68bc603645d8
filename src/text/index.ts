export { textStage, normalise } from './text-stage.js';
export { repairSentences } from './sentences.js';
export { analyse, wink } from './wink.js';
