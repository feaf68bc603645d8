import { describe, expect, it } from 'vitest';
import type { MergedEvent } from './api.ts';
import { segments } from './highlight.ts';
import { buildNetwork, relationOf } from './network.ts';
import { docHref, parseRoute } from './route.ts';

describe('segments', () => {
  const cases = [
    { name: 'no marks', from: 0, to: 10, marks: [], out: [[0, 10, '']] },
    { name: 'one mark inside', from: 0, to: 10, marks: [{ start: 2, end: 4, cls: 'a' }], out: [[0, 2, ''], [2, 4, 'a'], [4, 10, '']] },
    {
      name: 'nested marks',
      from: 0,
      to: 10,
      marks: [{ start: 1, end: 9, cls: 's' }, { start: 3, end: 5, cls: 't' }],
      out: [[0, 1, ''], [1, 3, 's'], [3, 5, 's t'], [5, 9, 's'], [9, 10, '']],
    },
    { name: 'clipped to the range', from: 5, to: 8, marks: [{ start: 0, end: 6, cls: 'a' }], out: [[5, 6, 'a'], [6, 8, '']] },
    { name: 'empty and inverted marks ignored', from: 0, to: 4, marks: [{ start: 2, end: 2, cls: 'a' }, { start: 3, end: 1, cls: 'b' }], out: [[0, 4, '']] },
    { name: 'touching marks', from: 0, to: 4, marks: [{ start: 0, end: 2, cls: 'a' }, { start: 2, end: 4, cls: 'b' }], out: [[0, 2, 'a'], [2, 4, 'b']] },
  ];
  it.each(cases)('$name', ({ from, to, marks, out }) => {
    expect(segments(from, to, marks).map((s) => [s.start, s.end, [...s.classes].sort().join(' ')])).toEqual(out);
  });

  it('stays fast with many marks', () => {
    const marks = Array.from({ length: 20_000 }, (_, i) => ({ start: i * 5, end: i * 5 + 3, cls: 'x' }));
    const t0 = performance.now();
    expect(segments(0, 100_000, marks)).toHaveLength(40_000);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

function ev(id: string, type: string, mode: string | null, actors: string[], recipients: string[]): MergedEvent {
  const p = (k: string) => ({ key: k, name: k.toUpperCase(), country: null });
  return {
    id, type, mode, actors: actors.map(p), recipients: recipients.map(p), location: null, date: null, quantities: [], status: 'confirmed',
    disputed: false, disagreements: [], history: [], first_seen: null, last_seen: null, documents: [], mentions: [],
  };
}

describe('actor network', () => {
  it.each([
    ['CONSULT', null, 'consults'],
    ['ASSAULT', 'firearms', 'attacks'],
    ['RETREAT', 'release', 'releases'],
    ['RETREAT', 'withdraw', null],
    ['THREATEN', null, 'pressures'],
    ['SANCTION', null, 'pressures'],
    ['AID', null, null],
  ])('%s/%s is drawn as %s', (type, mode, rel) => {
    expect(relationOf(type, mode)).toBe(rel);
  });

  it('weights edges by events and links the parties of a meeting', () => {
    const net = buildNetwork([
      ev('1', 'ASSAULT', null, ['a'], ['b']),
      ev('2', 'ASSAULT', null, ['a'], ['b']),
      ev('3', 'CONSULT', null, ['c', 'b'], []),
      ev('4', 'CONSULT', null, ['b'], ['c']),
      ev('5', 'AID', null, ['a'], ['d']),
    ]);
    const edges = Object.fromEntries(net.edges.map((e) => [`${e.source}-${e.relation}-${e.target}`, e.events.length]));
    expect(edges).toEqual({ 'a-attacks-b': 2, 'b-consults-c': 2 });
    expect(net.nodes.map((n) => n.id).sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('routes', () => {
  it.each([
    ['', 'situation', null],
    ['#/timeline?type=CONSULT', 'timeline', null],
    ['#/doc/abc%2F1?event=e1', 'doc', 'abc/1'],
    ['#/nowhere', 'situation', null],
  ])('%s is the %s page', (hash, page, id) => {
    const r = parseRoute(hash);
    expect(r.page).toBe(page);
    expect(r.id).toBe(id);
  });

  it('round-trips a document link', () => {
    const r = parseRoute(docHref('d 1', { event: 'e2', sentence: { start: 3, end: 9 } }));
    expect([r.page, r.id, r.params.get('event'), r.params.get('s')]).toEqual(['doc', 'd 1', 'e2', '3-9']);
  });
});
