import { describe, expect, it } from 'vitest';
import type { EntityRef, EventOut } from '../output/schema.js';
import { addEventsRecord, eventsMetrics, eventsTotals, EventsRecordSchema, scoreEventsRecord } from './events.js';

const ref = (name: string, country: string | null): EntityRef => ({ id: name, name, country, sector: null });
let k = 0;
function ev(type: string, actor: EntityRef[] = [], recipient: EntityRef[] = []): EventOut {
  return {
    id: `e${k++}`, type, mode: null, cameo: null, actor, recipient, location: null, date: null, quantities: [], modality: 'asserted',
    in_quote: false, attribution: null, trigger: { text: 't', start: 0, end: 1 }, sentence: { start: 0, end: 1 },
  };
}
const rec = (events: unknown[], extra: object = {}) =>
  EventsRecordSchema.parse({ id: 'r', format: 'events', text: 'A sentence of our own.', date: null, events, ...extra });
const gev = (type: string, actor: string | null = null, recipient: string | null = null, extra: object = {}) => ({
  type, mode: null, actor: actor ? [{ text: 'x', code: actor, sector: null }] : [], recipient: recipient ? [{ text: 'y', code: recipient, sector: null }] : [], ...extra,
});

describe('scoreEventsRecord', () => {
  it.each([
    ['exact type', [gev('PROTEST')], [ev('PROTEST')], { tp: 1, fp: 0, fn: 0 }],
    ['wrong type', [gev('PROTEST')], [ev('ASSAULT')], { tp: 0, fp: 1, fn: 1 }],
    ['nothing coded', [gev('PROTEST')], [], { tp: 0, fp: 0, fn: 1 }],
    ['gold empty, one coded', [], [ev('AID')], { tp: 0, fp: 1, fn: 0 }],
    ['duplicate predicted type counts once', [gev('AID')], [ev('AID'), ev('AID')], { tp: 1, fp: 0, fn: 0 }],
    ['type_any accepts any listed type', [{ ...gev('AGREE'), type: null, type_any: ['AGREE', 'CONSULT'] }], [ev('CONSULT')], { tp: 1, fp: 0, fn: 0 }],
  ])('%s', (_name, gold, pred, want) => expect(scoreEventsRecord(rec(gold), pred).type).toEqual(want));

  it('scores actor and recipient codes with the alias table', () => {
    const s = scoreEventsRecord(rec([gev('ASSAULT', 'JAP', 'CHN')]), [ev('ASSAULT', [ref('Tokyo', 'JPN')], [ref('Seoul', 'KOR')])]);
    expect(s.actor).toEqual({ correct: 1, total: 1 });
    expect(s.recipient).toEqual({ correct: 0, total: 1 });
  });

  it('skips actors on unannotated records and on unmatched types', () => {
    expect(scoreEventsRecord(rec([gev('AID', 'USA')], { actors_unannotated: true }), [ev('AID')]).actor.total).toBe(0);
    expect(scoreEventsRecord(rec([gev('AID', 'USA')]), [ev('REJECT', [ref('x', 'USA')])]).actor.total).toBe(0);
  });

  it('aggregates confusion, no-event share and false positives on empty records', () => {
    const t = eventsTotals();
    addEventsRecord(t, scoreEventsRecord(rec([gev('AID')]), [ev('AID')]));
    addEventsRecord(t, scoreEventsRecord(rec([gev('AID')]), [ev('REJECT')]));
    addEventsRecord(t, scoreEventsRecord(rec([]), [ev('THREATEN')]));
    addEventsRecord(t, scoreEventsRecord(rec([]), []));
    const m = eventsMetrics(t);
    expect(m.type.tp).toBe(1);
    expect(m.type.fp).toBe(2);
    expect(m.type.fn).toBe(1);
    expect(m.confusion).toEqual({ AID: { AID: 1, REJECT: 1 }, '(none)': { '(none)': 1, THREATEN: 1 } });
    expect(m.noEventShare).toBe(0.25);
    expect(m.falsePositiveRate).toEqual({ correct: 1, total: 2, accuracy: 0.5 });
    expect(m.perType.AID).toMatchObject({ tp: 1, fp: 0, fn: 1 });
    expect(m.perType.REJECT).toMatchObject({ tp: 0, fp: 1, fn: 0 });
    expect(m.perType.THREATEN).toMatchObject({ tp: 0, fp: 1, fn: 0 });
  });
});
