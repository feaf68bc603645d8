import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EntityRef, EventOut, Extraction } from '../output/schema.js';
import { DocumentGoldSchema, formatDocumentScore, refMatches, scoreDocument } from './document.js';

const ref = (name: string, country: string | null = null, sector: string | null = null): EntityRef => ({ id: `e-${name}`, name, country, sector });

const SENT_A = 'Rebels from the Valley Front freed nine fishermen from Ruritania on Tuesday.';
const SENT_B = 'The two sides may sign a truce next month, officials said.';

function event(over: Partial<EventOut> & { type: string; sentenceText: string }): EventOut {
  const { sentenceText, ...rest } = over;
  return {
    id: `ev-${Math.random().toString(36).slice(2, 8)}`,
    mode: null,
    cameo: null,
    actor: [],
    recipient: [],
    location: null,
    date: null,
    quantities: [],
    modality: 'asserted',
    in_quote: false,
    attribution: null,
    trigger: { text: 'freed', start: 0, end: 5 },
    sentence: { start: 0, end: sentenceText.length, text: sentenceText },
    ...rest,
  };
}

function extraction(over: Partial<Extraction>): Extraction {
  return { id: 'x', document: { id: 'd', title: null, published: '2024-05-10' }, entities: [], events: [], dates: [], quantities: [], quotes: [], attributions: [], diagnostics: [], ...over };
}

const gold = DocumentGoldSchema.parse({
  events: [
    {
      id: 'freed',
      type: 'RETREAT',
      mode_any: ['release'],
      actor: ['Valley Front'],
      recipient_any_of: ['RUR'],
      quantities: [{ value: 9, approx: false, of_contains: 'fishermen' }],
      date: { value: '2024-05-07', precision: 'day' },
      modality: 'asserted',
      trigger_sentence_contains: 'freed nine fishermen',
    },
    { id: 'opt', required: false, type_any: ['AGREE'], trigger_sentence_contains: 'sign a truce' },
  ],
  must_not_assert: [{ id: 'truce', sentence_contains: 'may sign a truce', violating_types: ['AGREE'], allowed_modalities: ['potential'] }],
  entities: [{ name: 'Valley Front', kind: 'group', country: 'RUR', mentions_contain: ['Rebels'] }],
  dates: [
    { text: 'on Tuesday', value: '2024-05-07' },
    { text: 'next month', value_kind: 'future-reference', after: '2024-05-10' },
  ],
  quantities: [{ text_contains: 'nine fishermen', value: 9 }],
  quotes: [{ speaker: 'Ana Ruiz', text_starts_with: 'We are ready' }],
  attributions: [{ source_contains: 'officials', cue: 'said', content_contains: 'sign a truce' }],
  situation: { anything: true },
});

describe('refMatches', () => {
  it.each([
    ['Valley Front', ref('Valley Front'), true],
    ['Valley Front', ref('the Valley Front rebels'), true],
    ['Front', ref('Frontier Party'), false],
    ['USA', ref('Washington', 'USA'), true],
    ['JPN', ref('Tokyo', 'JAP'), true],
    ['USA', ref('Ottawa', 'CAN'), false],
    ['Maria Lopez', ref('Lopez'), true],
  ])('%s vs %o → %s', (g, r, want) => expect(refMatches(g, r)).toBe(want));
});

describe('scoreDocument', () => {
  it('gives full marks to a perfect extraction', () => {
    const x = extraction({
      events: [
        event({
          type: 'RETREAT',
          mode: 'release',
          sentenceText: SENT_A,
          actor: [ref('Valley Front', 'RUR', 'REB')],
          recipient: [ref('Ruritania', 'RUR')],
          quantities: [{ value: 9, approx: false, of: 'fishermen', text: 'nine', start: 0, end: 4 }],
          date: { value: '2024-05-07', precision: 'day', text: 'on Tuesday', start: 0, end: 1 },
        }),
        event({ type: 'AGREE', sentenceText: SENT_B, modality: 'potential' }),
      ],
      entities: [{ id: 'e1', name: 'Valley Front', kind: 'group', country: 'RUR', sector: 'REB', role: null, affiliation: null, mentions: [{ start: 0, end: 6, text: 'Rebels', form: 'description' }] }],
      dates: [
        { text: 'Tuesday', start: 0, end: 1, value: '2024-05-07', precision: 'day', type: 'DATE' },
        { text: 'next month', start: 0, end: 1, value: '2024-06', precision: 'month', type: 'DATE' },
      ],
      quantities: [{ value: 9, approx: false, of: 'fishermen', text: 'nine', start: 0, end: 4 }],
      quotes: [{ text: '“We are ready to talk.”', start: 0, end: 1, speaker: ref('Ana Ruiz'), speaker_text: 'Ruiz', cue: 'said' }],
      attributions: [{ source: { text: 'officials', start: 0, end: 1 }, source_entity: null, cue: { text: 'said', start: 0, end: 1 }, content: { text: 'The two sides may sign a truce next month', start: 0, end: 1 } }],
    });
    const s = scoreDocument(gold, x);
    expect(s.problems).toEqual([]);
    expect(s.summary).toMatchObject({ events_recall: 1, event_attribute_accuracy: 1, optional_events_found: 1, must_not_assert_violated: 0, entities_recall: 1, dates_recall: 1, quantities_recall: 1, quotes_recall: 1, attributions_recall: 1, unmatched_events: 0 });
  });

  it('reports a wrong type, a violation and missing items with reasons', () => {
    const x = extraction({
      events: [
        event({ type: 'ASSAULT', sentenceText: SENT_A }),
        event({ type: 'AGREE', sentenceText: SENT_B, modality: 'reported' }),
      ],
      quantities: [{ value: 90, approx: false, of: null, text: 'nine', start: 0, end: 4 }],
    });
    const s = scoreDocument(gold, x);
    expect(s.events.found).toBe(0);
    expect(s.events.items[0]!.reason).toBe('the sentence has ASSAULT, expected RETREAT');
    expect(s.mustNotAssert.violated).toBe(1);
    expect(s.mustNotAssert.violations[0]!.modality).toBe('reported');
    expect(s.quantities.items[0]!.reason).toContain('read as 90, expected 9');
    expect(s.summary.entities_recall).toBe(0);
    expect(s.problems.length).toBeGreaterThanOrEqual(8);
    expect(formatDocumentScore(s)).toContain('must_not_assert truce');
  });

  it('scores attributes of a found event one by one', () => {
    const x = extraction({
      events: [event({ type: 'RETREAT', mode: 'release', sentenceText: SENT_A, actor: [ref('Ruritania', 'RUR')], modality: 'reported' })],
    });
    const s = scoreDocument(gold, x);
    expect(s.events.found).toBe(1);
    const bad = s.events.items[0]!.attributes.filter((c) => c.ok === false).map((c) => c.name);
    expect(bad).toEqual(['actor', 'recipient', 'date', 'quantity 9', 'modality']);
    expect(s.events.attributesCorrect).toBe(1);
  });

  it('does not score an implicit actor, and recovers sentences from the text', () => {
    const g = DocumentGoldSchema.parse({
      events: [{ id: 'p', type: 'RETREAT', actor_preferred: ['RUR'], actor_may_be_implicit: true, trigger_sentence_contains: 'nine fishermen' }],
    });
    const ev = event({ type: 'RETREAT', sentenceText: SENT_A });
    const { text: _t, ...noText } = ev.sentence;
    const s = scoreDocument(g, extraction({ events: [{ ...ev, sentence: noText }] }), { text: SENT_A });
    expect(s.events.found).toBe(1);
    expect(s.events.items[0]!.attributes[0]!.ok).toBeNull();
    expect(s.events.attributesTotal).toBe(0);
  });
});

describe('the shared seed gold file (read at run time)', () => {
  const path = new URL('../../../shared/eval/seed/gold.json', import.meta.url);
  const present = existsSync(path);
  it.skipIf(!present)('parses with DocumentGoldSchema and scores an empty extraction without throwing', () => {
    const g = DocumentGoldSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    expect(g.events.length).toBeGreaterThan(0);
    const s = scoreDocument(g, extraction({}));
    expect(s.events.found).toBe(0);
    expect(s.mustNotAssert.violated).toBe(0);
    expect(s.problems.length).toBe(s.events.total + s.entities.total + s.dates.total + s.quantities.total + s.quotes.total + s.attributions.total);
  });
});

describe('anchors across a sentence split', () => {
  it('finds an event whose sentence Parley cut in two, when the article text is given', () => {
    const text = 'The council voted. After a long night the unions called off the strike at dawn.';
    const g = DocumentGoldSchema.parse({ events: [{ id: 'x', type: 'CONCEDE', trigger_sentence_contains: 'the unions called off the strike' }] });
    const cut = text.indexOf('the strike');
    const ev = event({ type: 'CONCEDE', sentenceText: text.slice(cut) });
    const moved = { ...ev, sentence: { start: cut, end: text.length, text: text.slice(cut) } };
    expect(scoreDocument(g, extraction({ events: [moved] })).events.found).toBe(0);
    expect(scoreDocument(g, extraction({ events: [moved] }), { text }).events.found).toBe(1);
  });
});

describe('event date precision', () => {
  it.each([
    ['day', true],
    ['month', false],
  ])('a gold day date against Parley precision %s → %s', (precision, ok) => {
    const g = DocumentGoldSchema.parse({ events: [{ id: 'd', type: 'AID', date: { value: '2021-03-04', precision: 'day' } }] });
    const ev = event({ type: 'AID', sentenceText: 'Aid arrived.', date: { value: '2021-03-04', precision, text: 'March 4', start: 0, end: 7 } });
    expect(scoreDocument(g, extraction({ events: [ev] })).events.items[0]!.attributes[0]!.ok).toBe(ok);
  });
});

describe('one extracted event satisfies one gold event', () => {
  const g = DocumentGoldSchema.parse({
    events: [
      { id: 'freed-crew', type: 'RETREAT', actor: ['Valley Front'], trigger_sentence_contains: 'freed nine fishermen' },
      { id: 'freed-other', type: 'RETREAT', actor: ['Ruritania'], trigger_sentence_contains: 'freed nine fishermen' },
    ],
  });
  it('gives the single event to the better-fitting gold event and explains the other miss', () => {
    const s = scoreDocument(g, extraction({ events: [event({ type: 'RETREAT', sentenceText: SENT_A, actor: [ref('Ruritania', 'RUR')] })] }));
    expect(s.events.items.map((i) => i.found)).toEqual([false, true]);
    expect(s.events.items[0]!.reason).toBe('the only RETREAT event there is already matched to "freed-other"');
  });
  it('finds both when two events are coded', () => {
    const s = scoreDocument(g, extraction({ events: [event({ type: 'RETREAT', sentenceText: SENT_A }), event({ type: 'RETREAT', sentenceText: SENT_A })] }));
    expect(s.events.found).toBe(2);
  });
});
