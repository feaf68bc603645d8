import { describe, expect, it } from 'vitest';
import type { EntityOut, EventOut, Extraction } from '../output/schema.js';
import { buildSituation, talksStated } from './build.js';
import { DocView } from './doc-view.js';
import { countriesIn, mentionsTalks, readNegotiation, readSubject } from './read.js';
import { fightingHalted, insideQuotes, readAgreement, readCaptiveGroups, readExchange, readReleasedPersons } from './read-items.js';
import { dateIn, doc, entity, evIn, qty, ref } from './testkit.js';

/** A one-sentence document view. */
function view1(text: string, parts: { entities?: EntityOut[]; events?: EventOut[]; dates?: Extraction['dates']; quantities?: Extraction['quantities'] } = {}) {
  const v = new DocView(doc('t', '2024-06-01', text, parts));
  return { v, s: v.sentences[0]! };
}

describe('countriesIn', () => {
  it.each([
    ['two Greek sailors', ['GRC']],
    ['Egyptian and Jordanian officials', ['EGY', 'JOR']],
    ['a man from New Jersey', []],
    ['the U.S. envoy', ['USA']],
    [null, []],
  ])('%s → %j', (phrase, want) => expect(countriesIn(phrase)).toEqual(want));
});

describe('readSubject', () => {
  it.each([
    ['Envoys met to secure the return of the abducted crew, officials said.', 'the return of the abducted crew', true],
    ['The talks on a prisoner swap resumed.', 'a prisoner swap resumed', true],
    ['Negotiators discussed a truce and aid.', 'truce, aid', false],
    ['The meeting was short.', null, false],
  ])('%s', (text, subject, fromCue) => {
    const { v, s } = view1(text);
    const r = readSubject(v, s, v.words(s));
    expect([r.subject, r.fromCue]).toEqual([subject, fromCue]);
  });
});

describe('readNegotiation', () => {
  const T = 'Oslo and Rome acted as mediators between Athens and the Sea Wolves in talks on the release of seized sailors held in Valletta.';
  const ents = [
    entity(T, 'Norway', 'country', 'NOR', null, ['Oslo']),
    entity(T, 'Italy', 'country', 'ITA', null, ['Rome']),
    entity(T, 'Greece', 'country', 'GRC', 'GOV', ['Athens']),
    entity(T, 'Sea Wolves', 'group', null, 'REB'),
    entity(T, 'Valletta', 'place', 'MLT', null),
  ];
  it('reads counterparts after "between", a place outside the subject clause is not the venue', () => {
    const e = evIn(T, 'talks on', { type: 'CONSULT', triggerText: 'talks' });
    const { v, s } = view1(T, { entities: ents, events: [e] });
    const r = readNegotiation(v, s, e);
    expect(r.parties).toEqual(['GRC', 'Sea Wolves']);
    expect(r.channel).toBe('mediated');
    expect(r.where).toBeNull();
    expect(r.subject).toBe('the release of seized sailors held in Valletta');
  });

  it.each([
    ['Talks with the Sea Wolves were led by Greek minister Eleni Kosta in Valletta.', ['Sea Wolves'], 'Eleni Kosta', 'Valletta', 'direct'],
    ['Greece talked to the Sea Wolves through intermediaries such as Italy.', ['Sea Wolves'], null, null, 'mediated'],
  ])('%s', (text, parties, lead, where, channel) => {
    const es = [
      entity(text, 'Sea Wolves', 'group', null, 'REB'),
      entity(text, 'Eleni Kosta', 'person', 'GRC', 'GOV'),
      entity(text, 'Valletta', 'place', 'MLT', null),
      entity(text, 'Italy', 'country', 'ITA', null),
    ];
    const e = evIn(text, text.slice(0, 10), { type: 'CONSULT', triggerText: text.split(' ')[0]! });
    const { v, s } = view1(text, { entities: es, events: [e] });
    const r = readNegotiation(v, s, e);
    expect(r.parties).toEqual(parties);
    expect(r.lead?.name ?? null).toBe(lead);
    expect(r.where).toBe(where);
    expect(r.channel).toBe(channel);
  });

  it.each([
    ['The talks lasted a week.', true],
    ['These negotiations were secret.', true],
    ['He gave a talk at the university.', false],
  ])('mentionsTalks(%s) → %s', (text, want) => {
    const { v, s } = view1(text);
    expect(mentionsTalks(v, s)).toBe(want);
  });
});

describe('readAgreement', () => {
  it.each([
    ['Mediators hope to move to the third phase of the truce.', { phase: [3], next: ['third phase'], inForce: false }],
    ['The current second phase of the deal is holding.', { phase: [], next: [], inForce: true }],
    ['Officials plan to extend the ceasefire.', { phase: [], next: ['extension'], inForce: false }],
    ['The first phase of the truce ended on Sunday.', { phase: [], next: [], inForce: false }],
  ])('%s', (text, want) => {
    const { v, s } = view1(text);
    const r = readAgreement(v, s)!;
    expect(r.nextPhases).toEqual(want.phase);
    expect(r.next).toEqual(want.next);
    expect(r.inForce).toBe(want.inForce);
    expect(r.ended).toBe(false);
  });

  it.each([
    ['The group accused the army of violating the truce.', 'disputed'],
    ['The truce talks are deadlocked.', 'stalled'],
    ['The next swap under the deal was postponed.', 'at risk'],
    ['The truce is holding.', null],
    ['Officials said the truce would not be violated.', null],
  ])('trouble in "%s" → %s', (text, want) => {
    const { v, s } = view1(text);
    expect(readAgreement(v, s)?.trouble ?? null).toBe(want);
  });

  it('takes the in-force date after "since" when fighting has stopped', () => {
    const t = 'Since March 3, fighting along the border has stopped.';
    const { v, s } = view1(t, { dates: [dateIn(t, 'March 3', '2024-03-03')] });
    const r = readAgreement(v, s)!;
    expect([r.name, r.kind, r.inForce, r.inForceSince]).toEqual(['ceasefire', 'truce', true, '2024-03-03']);
  });

  it.each([
    ['Fighting in the north has been halted.', true],
    ['Fighting has not been halted.', false],
    ['The halted fighting', false],
  ])('fightingHalted(%s) → %s', (text, want) => {
    const { v, s } = view1(text);
    expect(fightingHalted(v, v.words(s))).toBe(want);
  });
});

describe('readExchange', () => {
  it('splits the released from what was given in return', () => {
    const t = 'The Sea Wolves freed seven Greek sailors and two Maltese fishermen in return for 150 jailed fighters.';
    const { v, s } = view1(t, {
      entities: [entity(t, 'Sea Wolves', 'group', null, 'REB')],
      quantities: [qty(t, 'seven', 7, 'sailors'), qty(t, 'two', 2, 'fishermen'), qty(t, '150', 150, 'fighters')],
    });
    const r = readExchange(v, s)!;
    expect(r.releasedBy).toBe('Sea Wolves');
    expect(r.released.map((g) => [g.count, g.who])).toEqual([
      [7, 'Greek sailors'],
      [2, 'Maltese fishermen'],
    ]);
    expect([r.inReturn?.count, r.inReturn?.who]).toEqual([150, 'jailed fighters']);
  });

  it.each([
    ['The group could free 12 sailors next week.', 'a future release'],
    ['The group has not freed the 12 sailors.', 'a negated release'],
    ['The group freed the sailors.', 'no count'],
  ])('%s → none (%s)', (t) => {
    const { v, s } = view1(t, { quantities: t.includes('12') ? [qty(t, '12', 12, 'sailors')] : [] });
    expect(readExchange(v, s)).toBeNull();
  });
});

describe('readCaptiveGroups', () => {
  it.each([
    ['Three Greek hostages were declared dead by Greek officials.', { count: 3, nationality: 'GRC', status: 'dead', declaredBy: 'GRC', alive: false }],
    ['The bodies of two hostages were handed over.', { count: 2, nationality: null, status: 'dead', declaredBy: null, alive: false }],
    ['Nine hostages remain in captivity.', { count: 9, nationality: null, status: 'held', declaredBy: null, alive: null }],
  ])('%s', (t, want) => {
    const n = t.split(' ').find((w) => /^(Three|two|Nine)$/.test(w))!;
    const { v, s } = view1(t, { quantities: [qty(t, n, want.count, 'hostages')] });
    expect(readCaptiveGroups(v, s)).toEqual([{ ...want, who: expect.any(String) }]);
  });

  it('ignores a group with no captive word', () => {
    const t = 'Four soldiers were killed.';
    const { v, s } = view1(t, { quantities: [qty(t, 'Four', 4, 'soldiers')] });
    expect(readCaptiveGroups(v, s)).toEqual([]);
  });
});

describe('insideQuotes', () => {
  it.each([
    ['“Free the hostages,” he said.', 10, true],
    ['“Free them,” he said of the hostages.', 30, false],
    ['He said "free the hostages" twice.', 15, true],
  ])('%s @%d → %s', (t, at, want) => expect(insideQuotes(t, at)).toBe(want));
});

describe('buildSituation: denial', () => {
  it('marks talks as disputed when a later article denies them, without dropping them', () => {
    const a = 'Greece held direct talks with the Sea Wolves, sources said.';
    const b = 'The Sea Wolves denied any talks with Greece.';
    const G = ref('Greece', 'GRC', 'GOV', 'ent_greece');
    const W = ref('Sea Wolves', null, 'REB', 'ent_sea_wolves');
    const ents = (t: string) => [entity(t, 'Greece', 'country', 'GRC', 'GOV'), entity(t, 'Sea Wolves', 'group', null, 'REB')];
    const s = buildSituation([
      doc('a', '2024-05-01', a, { entities: ents(a), events: [evIn(a, 'held direct talks', { type: 'CONSULT', triggerText: 'talks', actor: [G], recipient: [W], modality: 'reported' })] }),
      doc('b', '2024-05-02', b, { entities: ents(b), events: [evIn(b, 'denied', { type: 'CONSULT', triggerText: 'talks', actor: [W], recipient: [G], modality: 'negated' })] }),
    ]);
    expect(s.negotiations).toHaveLength(1);
    expect(s.negotiations[0]).toMatchObject({ status: 'reported', disputed: true });
    expect(s.negotiations[0]!.denials.map((d) => d.document)).toEqual(['b']);
  });
});

describe('robustness', () => {
  it('reads a 1 MB sentence with no punctuation in reasonable time', () => {
    const t = 'talks hostages released ceasefire phase '.repeat(26_000);
    const e = evIn(t, 'talks', { type: 'CONSULT', triggerText: 'talks' });
    const s = buildSituation([doc('big', '2024-01-01', t, { events: [e] })]);
    expect(s.documents).toBe(1);
  });
});

describe('readReleasedPersons', () => {
  const people = (t: string) => [
    entity(t, 'Ana Lind', 'person', 'SWE', 'CVL'),
    entity(t, 'Tomas Berg', 'person', null, null),
    entity(t, 'Sea Wolves', 'group', null, 'REB'),
    entity(t, 'Nikos Pappas', 'person', 'GRC', 'GOV'),
  ];
  it.each([
    ['The Sea Wolves handed Ana Lind, 34, and Tomas Berg to aid workers.', [['Ana Lind', 'released', 34], ['Tomas Berg', 'released', null]]],
    ['Ana Lind, a Swedish nurse, was freed on Friday.', [['Ana Lind', 'released', null]]],
    ['The group has failed to free Tomas Berg.', [['Tomas Berg', 'held', null]]],
    ['Tomas Berg would be released next week, the group said.', [['Tomas Berg', 'held', null]]],
    ['The Sea Wolves handed over the bodies of Tomas Berg and a guard.', [['Tomas Berg', 'dead', null]]],
    ['Nikos Pappas said the group released nobody.', []],
  ])('%s', (t, want) => {
    const { v, s } = view1(t, { entities: people(t) });
    expect(readReleasedPersons(v, s, new Set()).map((r) => [r.entity.name, r.status, r.age])).toEqual(want);
  });

  it('keeps a hyphenated surname and reads the nationality of the apposition', () => {
    const t = 'Tomas Berg-Holm, an American engineer, was freed.';
    const { v, s } = view1(t, { entities: [entity(t, 'Tomas Berg', 'person', null, null)] });
    const [r] = readReleasedPersons(v, s, new Set());
    expect([r?.entity.name, r?.nationality]).toEqual(['Tomas Berg-Holm', 'USA']);
  });
});

describe('pairing releases of one article', () => {
  const G = ref('Greece', 'GRC', 'GOV', 'ent_greece');
  const W = ref('Sea Wolves', null, 'REB', 'ent_sea_wolves');
  const ents = (t: string) => [entity(t, 'Greece', 'country', 'GRC', 'GOV'), entity(t, 'Sea Wolves', 'group', null, 'REB')];

  it.each([
    ['an "in return" sentence', 'The Sea Wolves freed four Greek sailors on Monday. In return, Greece released 60 jailed fighters.'],
    ['two opposite releases', 'The Sea Wolves freed four Greek sailors on Monday. Greece released 60 jailed fighters hours later.'],
    ['a second subject in one sentence', 'The Sea Wolves freed four Greek sailors, while Greece released 60 jailed fighters.'],
  ])('reads %s as one exchange', (_n, t) => {
    const s = buildSituation([
      doc('a', '2024-05-01', t, {
        entities: ents(t),
        events: [evIn(t, 'freed four', { type: 'RETREAT', mode: 'release', triggerText: 'freed', actor: [W] })],
        quantities: [qty(t, 'four', 4, 'sailors'), qty(t, '60', 60, 'fighters')],
      }),
    ]);
    void G;
    expect(s.exchanges).toHaveLength(1);
    expect(s.exchanges[0]).toMatchObject({ released_by: 'Sea Wolves', released: [{ count: 4, who: 'Greek sailors' }], in_return: { count: 60, who: 'jailed fighters' }, planned: false });
  });

  it('marks an announced swap as planned', () => {
    const t = 'Under the deal the Sea Wolves are to free 12 Greek sailors while Greece is to release 200 jailed fighters.';
    const s = buildSituation([doc('a', '2024-05-01', t, { entities: ents(t), quantities: [qty(t, '12', 12, 'sailors'), qty(t, '200', 200, 'fighters')] })]);
    expect(s.exchanges[0]).toMatchObject({ planned: true, released_by: 'Sea Wolves', in_return: { count: 200 } });
  });
});

describe('talksStated', () => {
  it.each([
    ['A Sea Wolves delegation is due in Valletta for talks with Greek officials.', 'planned'],
    ['The Sea Wolves held talks with Greek officials on Monday.', 'reported'],
    ['“The Sea Wolves want talks with Greece,” she said.', null],
    ['The Sea Wolves might seek talks with Greece.', null],
    ['Talks with Greece were mentioned.', null],
  ])('%s → %s', (t, want) => {
    const { v, s } = view1(t, { entities: [entity(t, 'Sea Wolves', 'group', null, 'REB'), entity(t, 'Greece', 'country', 'GRC', 'GOV', ['Greek', 'Greece'])] });
    expect(talksStated(v, s)?.modality ?? null).toBe(want);
  });
});
