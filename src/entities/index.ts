import type { Stage } from '../pipeline/index.js';

/** Placeholder until the entities stage lands: produces empty layers. */
export const entitiesStage: Stage = {
  name: 'entities',
  version: '0',
  requires: ['sentences', 'tokens'],
  produces: ['mentions', 'entities'],
  run() {
    return { layers: { mentions: [], entities: [] } };
  },
};
