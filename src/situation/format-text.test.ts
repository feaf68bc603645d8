import { describe, expect, it } from 'vitest';
import { formatSituationText } from './format-text.js';
import type { Situation } from './schema.js';

const s: Situation = {
  documents: 2,
  first_published: '2024-01-02',
  last_published: '2024-01-09',
  negotiations: [
    {
      id: 'n1', parties: ['GRC', 'Sea Wolves'], channel: 'mediated', mediators: ['MLT'], involved: [], where: 'Valletta', led_by: 'Nikos Pappas',
      leads: [{ side: 'GRC', name: 'Nikos Pappas' }], status: 'confirmed', disputed: true, denials: [], subject: 'the crew of a trawler', first_seen: '2024-01-02', last_seen: '2024-01-09',
      history: [
        { status: 'reported', from: null, document: 'd1', published: '2024-01-02', url: null, sentence: null },
        { status: 'confirmed', from: 'reported', document: 'd2', published: '2024-01-09', url: null, sentence: null },
      ],
      sources: [],
    },
  ],
  agreements: [{ id: 'a1', name: 'truce', parties: ['GRC', 'Sea Wolves'], phases: [1, 2], in_force_since: '2024-01-01', status: 'in_force', phase: 1, next: ['extension'], first_seen: null, last_seen: null, sources: [] }],
  exchanges: [{ id: 'x1', released_by: 'Sea Wolves', released: [{ count: 7, approx: false, who: 'fishermen' }], in_return: { count: 1200, approx: true, who: 'detainees' }, planned: false, phase: null, date: '2024-01-05', first_seen: null, sources: [] }],
  captives: [{ id: 'c1', name: 'Ana Lind', count: null, who: null, nationality: 'SWE', age: 30, status: 'held', alive: true, last_seen: '2023-12', declared_by: null, held_by: 'Sea Wolves', history: [], first_seen: null, sources: [] }],
};

describe('formatSituationText', () => {
  const text = formatSituationText(s);
  it.each([
    ['header', 'Situation from 2 documents (2024-01-02 – 2024-01-09)'],
    ['negotiation line with history', 'GRC, Sea Wolves: mediated by MLT; confirmed (reported 2024-01-02 → confirmed 2024-01-09); disputed'],
    ['lead with side', 'led by: Nikos Pappas (GRC)'],
    ['agreement', 'truce (GRC, Sea Wolves): in force; since 2024-01-01; phase 1; next: extension'],
    ['exchange', 'Sea Wolves released 7 fishermen in return for ~1,200 detainees (2024-01-05)'],
    ['captive', 'Ana Lind: SWE; age 30; held; alive; last seen 2023-12; held by Sea Wolves'],
  ])('%s', (_n, line) => expect(text).toContain(line));
});
