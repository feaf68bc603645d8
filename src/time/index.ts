import type { Stage } from '../pipeline/index.js';

/** Placeholder until the time stage lands: produces empty layers. */
export const timeStage: Stage = {
  name: 'time',
  version: '0',
  requires: ['sentences', 'tokens'],
  produces: ['timexes'],
  run() {
    return { layers: { timexes: [] } };
  },
};
