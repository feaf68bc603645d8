import type { Stage } from '../pipeline/index.js';

/** Placeholder until the quantities stage lands: produces empty layers. */
export const quantitiesStage: Stage = {
  name: 'quantities',
  version: '0',
  requires: ['sentences', 'tokens'],
  produces: ['quantities'],
  run() {
    return { layers: { quantities: [] } };
  },
};
