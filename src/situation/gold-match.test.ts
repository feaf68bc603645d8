import { describe, expect, it } from 'vitest';
import { matchSituationGold, valueMatches } from './gold-match.js';
import type { Situation } from './schema.js';

describe('valueMatches', () => {
  it.each([
    ['USA', 'usa', false, true],
    [['Hamas', 'USA'], ['USA', 'Hamas'], false, true],
    [['QAT', 'EGY'], ['QAT'], false, false],
    ['truce', 'the long truce', true, true],
    ['truce', ['deal', 'truce talks'], true, true],
    [{ count: 3, who_contains: 'sailors' }, { count: 3, approx: false, who: 'Greek sailors' }, false, true],
    [{ count: 3, who_contains: 'sailors' }, { count: 4, who: 'Greek sailors' }, false, false],
    [[{ count: 3 }], [{ count: 2 }, { count: 3 }], false, true],
    [1, '1', false, false],
  ])('%j vs %j (contains=%s) → %s', (g, got, contains, want) => expect(valueMatches(g, got, contains)).toBe(want));
});

describe('matchSituationGold', () => {
  const s: Situation = {
    documents: 1,
    first_published: null,
    last_published: null,
    negotiations: [],
    agreements: [],
    exchanges: [],
    captives: [
      { id: 'c1', name: null, count: 7, who: 'fishermen', nationality: 'GRC', age: null, status: 'released', alive: true, last_seen: null, declared_by: null, held_by: null, history: [], first_seen: null, sources: [] },
      { id: 'c2', name: 'Ana Lind', count: null, who: null, nationality: 'SWE', age: 30, status: 'held', alive: null, last_seen: '2023-05', declared_by: null, held_by: null, history: [], first_seen: null, sources: [] },
    ],
  };

  it('pairs each gold item with the best item of its section and checks every field', () => {
    const r = matchSituationGold(s, {
      captives: [
        { name: 'Ana Lind', status: 'held', last_seen: '2023-05', alive: true },
        { count: 7, status: 'released' },
      ],
      negotiations: [{ parties: ['GRC'] }],
    });
    expect(r.items.map((i) => [i.section, i.matched, i.ok])).toEqual([
      ['negotiations', null, false],
      ['captives', 'c2', false],
      ['captives', 'c1', true],
    ]);
    expect(r.fieldsCorrect).toBe(5);
    expect(r.fieldsTotal).toBe(7);
    expect(r.itemsMet).toBe(1);
  });
});
