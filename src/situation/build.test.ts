import { describe, expect, it } from 'vitest';
import { buildSituation } from './build.js';
import { SituationSchema } from './schema.js';
import { dateIn, doc, entity, evIn, qty, ref } from './testkit.js';

// A hand-made conflict: a government (Colombia), a rebel group, mediators, a truce with phases,
// a swap of soldiers for prisoners, a named captive and a group declared dead.
const A = [
  'Colombian officials have reportedly opened direct talks with the Northern Front to secure the freedom of kidnapped engineers.',
  'The meetings, led by peace commissioner Laura Gomez, were held in Havana.',
  'For years the government relied on mediators such as Norway and Cuba to negotiate truces with armed groups.',
  'The Northern Front attacked an army base in March 2023.',
  'Since February 2, fighting in the province has been halted, and the Northern Front has freed 12 Colombian soldiers and three Spanish nationals in exchange for about 40 rebel prisoners.',
  'Among the captives is Pedro Ruiz, a 41-year-old engineer, still held in Northern Front captivity.',
  'Ruiz appeared in a video in January 2024.',
  'Two other Canadian hostages were declared dead by Canadian officials.',
  'Negotiators now hope to extend the truce or move to the second phase of the agreement.',
].join(' ');

const COL = ref('Colombia', 'COL', 'GOV', 'ent_colombia');
const FRONT = ref('Northern Front', 'COL', 'REB', 'ent_northern_front');
const GOMEZ = ref('Laura Gomez', 'COL', 'GOV', 'ent_laura_gomez');

function docA() {
  const t = A;
  return doc('a', '2024-03-10', t, {
    entities: [
      entity(t, 'Colombia', 'country', 'COL', 'GOV', ['Colombian officials', 'the government', 'Colombian soldiers']),
      entity(t, 'Northern Front', 'group', 'COL', 'REB'),
      entity(t, 'Laura Gomez', 'person', 'COL', 'GOV'),
      entity(t, 'Havana', 'place', 'CUB', null),
      entity(t, 'Norway', 'country', 'NOR', null),
      entity(t, 'Cuba', 'country', 'CUB', null),
      entity(t, 'Pedro Ruiz', 'person', 'CAN', 'CVL', ['Pedro Ruiz', 'Ruiz']),
      entity(t, 'Canadian officials', 'organization', 'CAN', 'GOV'),
    ],
    events: [
      evIn(t, 'opened direct talks', { type: 'CONSULT', triggerText: 'talks', actor: [COL], recipient: [FRONT], modality: 'reported' }),
      evIn(t, 'The meetings', { type: 'CONSULT', triggerText: 'meetings', actor: [GOMEZ], location: { name: 'Havana', country: 'CUB', start: 0, end: 0 } }),
      evIn(t, 'relied on mediators', { type: 'CONSULT', triggerText: 'negotiate', actor: [COL], recipient: [ref('Norway', 'NOR', null, 'ent_norway'), ref('Cuba', 'CUB', null, 'ent_cuba')] }),
      evIn(t, 'attacked an army base', { type: 'ASSAULT', triggerText: 'attacked', actor: [FRONT], recipient: [COL] }),
      evIn(t, 'fighting in the province', { type: 'RETREAT', mode: 'ceasefire', triggerText: 'halted', date: { value: '2024-02-02', precision: 'day', text: 'February 2', start: 0, end: 0 } }),
      evIn(t, 'has freed 12', { type: 'RETREAT', mode: 'release', triggerText: 'freed', actor: [FRONT], recipient: [COL] }),
      evIn(t, 'Negotiators now hope', { type: 'CONSULT', triggerText: 'Negotiators', modality: 'planned' }),
    ],
    dates: [dateIn(t, 'March 2023', '2023-03'), dateIn(t, 'February 2', '2024-02-02'), dateIn(t, 'January 2024', '2024-01')],
    quantities: [qty(t, '12', 12, 'soldiers'), qty(t, 'three', 3, 'nationals'), qty(t, 'about 40', 40, 'prisoners', true), qty(t, 'Two', 2, 'hostages')],
  });
}

const B = 'Colombia and the Northern Front confirmed the talks in Havana. Pedro Ruiz was released on Monday and flew home.';
function docB() {
  return doc('b', '2024-03-20', B, {
    entities: [
      entity(B, 'Colombia', 'country', 'COL', 'GOV'),
      entity(B, 'Northern Front', 'group', 'COL', 'REB'),
      entity(B, 'Havana', 'place', 'CUB', null),
      entity(B, 'Pedro Ruiz', 'person', 'CAN', 'CVL'),
    ],
    events: [evIn(B, 'confirmed the talks', { type: 'CONSULT', triggerText: 'talks', actor: [COL, FRONT], location: { name: 'Havana', country: 'CUB', start: 0, end: 0 } })],
  });
}

const C = 'Talks between Colombia and the Northern Front stalled this week over the prisoner list.';
function docC() {
  return doc('c', '2024-04-02', C, {
    entities: [entity(C, 'Colombia', 'country', 'COL', 'GOV'), entity(C, 'Northern Front', 'group', 'COL', 'REB')],
    events: [evIn(C, 'Talks between', { type: 'CONSULT', triggerText: 'Talks', actor: [COL], recipient: [FRONT] })],
  });
}

describe('buildSituation on one article', () => {
  const s = buildSituation([docA()]);

  it('is valid against SituationSchema', () => {
    expect(SituationSchema.safeParse(s).success).toBe(true);
  });

  it('finds the direct talks with lead, place, subject and a reported status', () => {
    const direct = s.negotiations.find((n) => n.channel === 'direct');
    expect(direct).toMatchObject({ where: 'Havana', led_by: 'Laura Gomez', status: 'reported' });
    expect([...direct!.parties].sort()).toEqual(['COL', 'Northern Front']);
    expect(direct!.subject).toContain('engineers');
    expect(direct!.sources.length).toBeGreaterThanOrEqual(2);
  });

  it('reads a mediated ceasefire channel as between the warring sides, with the mediators', () => {
    const med = s.negotiations.find((n) => n.channel === 'mediated');
    expect(med).toBeDefined();
    expect([...med!.parties].sort()).toEqual(['COL', 'Northern Front']);
    expect(med!.mediators).toEqual(['NOR', 'CUB']);
    expect(med!.subject).toContain('truces');
  });

  it('reads the truce: in force since its date, phase 1, next = extension or second phase', () => {
    expect(s.agreements).toHaveLength(1);
    expect(s.agreements[0]).toMatchObject({ name: 'ceasefire', in_force_since: '2024-02-02', status: 'in_force', phase: 1, next: ['extension', 'second phase'] });
  });

  it('reads the swap: who released whom, in return for how many', () => {
    expect(s.exchanges).toHaveLength(1);
    const x = s.exchanges[0]!;
    expect(x.released_by).toBe('Northern Front');
    expect(x.released).toEqual([
      { count: 12, approx: false, who: 'Colombian soldiers' },
      { count: 3, approx: false, who: 'Spanish nationals' },
    ]);
    expect(x.in_return).toEqual({ count: 40, approx: true, who: 'rebel prisoners' });
  });

  it('reads a named captive: held, alive unknown, age, last proof of life, holder', () => {
    const ruiz = s.captives.find((c) => c.name === 'Pedro Ruiz');
    expect(ruiz).toMatchObject({ nationality: 'CAN', status: 'held', age: 41, last_seen: '2024-01', held_by: 'Northern Front' });
  });

  it('reads a group declared dead and who declared it', () => {
    const dead = s.captives.find((c) => c.count === 2);
    expect(dead).toMatchObject({ nationality: 'CAN', status: 'dead', alive: false, declared_by: 'CAN' });
  });

  it('does not take the government envoy for a captive', () => {
    expect(s.captives.some((c) => c.name === 'Laura Gomez')).toBe(false);
  });
});

describe('buildSituation across articles', () => {
  const s = buildSituation([docC(), docA(), docB()]);

  it('upgrades reported talks when a later article asserts them, then records the stall', () => {
    const direct = s.negotiations.find((n) => n.channel === 'direct')!;
    expect(direct.history.map((h) => [h.status, h.document])).toEqual([
      ['reported', 'a'],
      ['confirmed', 'b'],
      ['stalled', 'c'],
    ]);
    expect(direct.status).toBe('stalled');
    expect(direct.first_seen).toBe('2024-03-10');
    expect(direct.last_seen).toBe('2024-04-02');
  });

  it('moves a captive from held to released with the source of the change', () => {
    const ruiz = s.captives.find((c) => c.name === 'Pedro Ruiz')!;
    expect(ruiz.status).toBe('released');
    expect(ruiz.alive).toBe(true);
    expect(ruiz.history.map((h) => [h.status, h.document])).toEqual([
      ['held', 'a'],
      ['released', 'b'],
    ]);
  });

  it('works without article text, from event sentences only', () => {
    const a = docA();
    const noText = buildSituation([{ extraction: a.extraction }]);
    expect(noText.negotiations.length).toBeGreaterThan(0);
    expect(noText.exchanges).toHaveLength(1);
  });
});
