import type { Stage } from '../pipeline/index.js';

/** Placeholder until the attribution stage lands: produces empty layers. */
export const attributionStage: Stage = {
  name: 'attribution',
  version: '0',
  requires: ['sentences', 'tokens', 'mentions', 'entities'],
  produces: ['quotes', 'attributions', 'modalCues'],
  run() {
    return { layers: { quotes: [], attributions: [], modalCues: [] } };
  },
};
