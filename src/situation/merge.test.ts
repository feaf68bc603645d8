import { describe, expect, it } from 'vitest';
import { mergeMentions, nextStatus } from './merge.js';
import { day, ev, mention, qty, ref } from './testkit.js';

const RIVERLAND = ref('Riverland', 'RVL', null);
const FRONT = ref('Northern Front', 'RVL', 'REB');
const OAKRIDGE = ref('Oakridge', 'OAK', null);

describe('nextStatus', () => {
  it.each([
    ['reported', 'confirmed', 'confirmed'],
    ['confirmed', 'reported', 'confirmed'],
    ['planned', 'reported', 'reported'],
    ['confirmed', 'denied', 'denied'],
    ['denied', 'potential', 'denied'],
    ['denied', 'confirmed', 'confirmed'],
  ] as const)('%s + %s → %s', (cur, next, want) => expect(nextStatus(cur, next)).toBe(want));
});

describe('mergeMentions', () => {
  const freed = (modality: 'asserted' | 'reported' | 'negated', count: number, date: string | null, at = 0) =>
    ev({
      type: 'RETREAT',
      mode: 'release',
      sentence: `The Northern Front freed ${count} fishermen.`,
      at,
      triggerText: 'freed',
      actor: [FRONT],
      recipient: [RIVERLAND],
      date: date ? day(date) : null,
      modality,
      quantities: [qty(`The Northern Front freed ${count} fishermen.`, String(count), count, 'fishermen')],
    });

  it('merges the same release told by two outlets and upgrades reported → confirmed', () => {
    const out = mergeMentions([
      mention(freed('reported', 9, '2024-05-07'), 'a', '2024-05-08'),
      mention(freed('asserted', 9, '2024-05-07'), 'b', '2024-05-09'),
    ]);
    expect(out).toHaveLength(1);
    const e = out[0]!;
    expect(e.status).toBe('confirmed');
    expect(e.history.map((h) => [h.status, h.document])).toEqual([['reported', 'a'], ['confirmed', 'b']]);
    expect(e.documents).toEqual(['a', 'b']);
    expect(e.mentions).toHaveLength(2);
    expect(e.disputed).toBe(false);
    expect(e.first_seen).toBe('2024-05-08');
    expect(e.last_seen).toBe('2024-05-09');
  });

  it('keeps the id of the first mention whatever the input order and later additions', () => {
    const a = mention(freed('reported', 9, '2024-05-07'), 'a', '2024-05-08');
    const b = mention(freed('asserted', 9, '2024-05-07'), 'b', '2024-05-09');
    const one = mergeMentions([a])[0]!.id;
    expect(mergeMentions([b, a])[0]!.id).toBe(one);
    expect(mergeMentions([a, b])[0]!.id).toBe(one);
  });

  it('shows a denial and a count disagreement instead of picking one', () => {
    const out = mergeMentions([
      mention(freed('asserted', 9, '2024-05-07'), 'a', '2024-05-08'),
      mention(freed('asserted', 11, '2024-05-07'), 'b', '2024-05-08'),
      mention(freed('negated', 9, '2024-05-07'), 'c', '2024-05-10'),
    ]);
    expect(out).toHaveLength(1);
    const e = out[0]!;
    expect(e.disputed).toBe(true);
    expect(e.status).toBe('denied');
    const fields = Object.fromEntries(e.disagreements.map((d) => [d.field, d.values]));
    expect(fields['count:fishermen']).toEqual([
      { value: 9, documents: ['a', 'c'] },
      { value: 11, documents: ['b'] },
    ]);
    expect(fields['occurred']).toEqual([
      { value: true, documents: ['a', 'b'] },
      { value: false, documents: ['c'] },
    ]);
    expect(e.history.map((h) => h.status)).toEqual(['confirmed', 'denied']);
  });

  it.each([
    ['different days', '2024-05-07', '2024-05-08', 2],
    ['same month, one at month precision', '2024-05-07', '2024-05', 1],
    ['different months', '2024-05-07', '2024-06', 2],
    ['a year only', '2024-05-07', '2024', 1],
  ])('dates: %s', (_n, d1, d2, want) => {
    const out = mergeMentions([mention(freed('asserted', 9, d1), 'a', '2024-06-10'), mention(freed('asserted', 9, d2), 'b', '2024-06-10')]);
    expect(out).toHaveLength(want);
  });

  it.each([
    ['undated, published two days later', '2024-05-10', 1],
    ['undated, published a month later', '2024-06-20', 2],
  ])('%s', (_n, published, want) => {
    const out = mergeMentions([mention(freed('asserted', 9, '2024-05-07'), 'a', '2024-05-08'), mention(freed('asserted', 9, null), 'b', published)]);
    expect(out).toHaveLength(want);
  });

  it('does not chain undated mentions week after week into one event', () => {
    const weekly = ['2024-05-01', '2024-05-06', '2024-05-11', '2024-05-16'].map((d, i) => mention(freed('reported', 9, null, i), `w${i}`, d));
    expect(mergeMentions(weekly).map((e) => e.documents.length)).toEqual([2, 2]);
  });

  it.each([
    ['same day and place', '2024-02-02', 'Port Vale', 1],
    ['same day, another place', '2024-02-02', 'Lakeside', 2],
    ['same month only', '2024-02', 'Port Vale', 2],
  ])('with nobody named, merges only on %s', (_n, date, place, want) => {
    const halt = (d: string, p: string) =>
      ev({ type: 'RETREAT', mode: 'ceasefire', sentence: 'Fighting stopped.', date: day(d), location: { name: p, country: null, start: 0, end: 1 } });
    expect(mergeMentions([mention(halt('2024-02-02', 'Port Vale'), 'a', '2024-02-03'), mention(halt(date, place), 'b', '2024-02-04')])).toHaveLength(want);
  });

  it('does not merge different actors, modes or types', () => {
    const other = ev({ type: 'RETREAT', mode: 'release', sentence: 'Oakridge freed 9 fishermen.', actor: [OAKRIDGE], recipient: [RIVERLAND], date: day('2024-05-07') });
    const truce = ev({ type: 'RETREAT', mode: 'ceasefire', sentence: 'The Front halted fire.', actor: [FRONT], recipient: [RIVERLAND], date: day('2024-05-07') });
    const talk = ev({ type: 'CONSULT', sentence: 'The Front met Riverland.', actor: [FRONT], recipient: [RIVERLAND], date: day('2024-05-07') });
    const out = mergeMentions([
      mention(freed('asserted', 9, '2024-05-07'), 'a', '2024-05-08'),
      mention(other, 'b', '2024-05-08'),
      mention(truce, 'c', '2024-05-08'),
      mention(talk, 'd', '2024-05-08'),
    ]);
    expect(out).toHaveLength(4);
  });

  it('pools both sides of a symmetric event (talks A–B = talks B–A)', () => {
    const ab = ev({ type: 'CONSULT', sentence: 'Riverland held talks with Oakridge.', actor: [RIVERLAND], recipient: [OAKRIDGE], date: day('2024-03-02') });
    const ba = ev({ type: 'CONSULT', sentence: 'Oakridge met Riverland envoys.', actor: [OAKRIDGE], recipient: [RIVERLAND], date: day('2024-03-02') });
    expect(mergeMentions([mention(ab, 'a', '2024-03-03'), mention(ba, 'b', '2024-03-03')])).toHaveLength(1);
  });

  it('treats a city and its country as the same place', () => {
    const inCity = ev({ type: 'CONSULT', sentence: 'x', actor: [RIVERLAND], recipient: [OAKRIDGE], date: day('2024-03-02'), location: { name: 'Port Vale', country: 'OAK', start: 0, end: 1 } });
    const inCountry = ev({ type: 'CONSULT', sentence: 'y', actor: [RIVERLAND], recipient: [OAKRIDGE], date: day('2024-03-02'), location: { name: 'Oakridge', country: 'OAK', start: 0, end: 1 } });
    const elsewhere = ev({ type: 'CONSULT', sentence: 'z', actor: [RIVERLAND], recipient: [OAKRIDGE], date: day('2024-03-02'), location: { name: 'Lakeside', country: 'LKS', start: 0, end: 1 } });
    const out = mergeMentions([mention(inCity, 'a', '2024-03-03'), mention(inCountry, 'b', '2024-03-03'), mention(elsewhere, 'c', '2024-03-03')]);
    expect(out.map((e) => e.documents)).toEqual([['a', 'b'], ['c']]);
  });

  it('stays near-linear on thousands of mentions about one busy actor', () => {
    const ms = [];
    for (let i = 0; i < 6000; i++) {
      const d = `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
      ms.push(mention(freed('asserted', 9, d, i), `doc${i}`, d));
    }
    const out = mergeMentions(ms);
    // 12 months × 28 days, but month and day cycle together: lcm(12, 28) = 84 distinct dates.
    expect(out).toHaveLength(84);
    expect(out.reduce((n, e) => n + e.mentions.length, 0)).toBe(6000);
  });
});
