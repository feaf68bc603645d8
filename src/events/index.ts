import type { Stage } from '../pipeline/index.js';

/** Placeholder until the events stage lands: produces empty layers. */
export const eventsStage: Stage = {
  name: 'events',
  version: '0',
  requires: ['sentences', 'tokens', 'mentions', 'entities', 'timexes', 'quantities', 'quotes', 'attributions', 'modalCues'],
  produces: ['events'],
  run() {
    return { layers: { events: [] } };
  },
};
