import { describe, expect, it } from 'vitest';
import type { Extraction } from '../output/schema.js';
import { addEntitiesRecord, entitiesMetrics, entitiesTotals, predEntities, scoreEntities } from './entities.js';

const s = (type: string, start: number, end: number) => ({ type, start, end });

describe('scoreEntities', () => {
  it('counts exact and overlap matches per type', () => {
    const gold = [s('PERSON', 0, 10), s('ORG', 20, 30), s('LOC', 40, 45)];
    const pred = [s('PERSON', 0, 10), s('ORG', 22, 30), s('PERSON', 40, 45), s('DATE', 50, 55)];
    const sc = scoreEntities(gold, pred, ['PERSON', 'ORG', 'LOC']);
    expect(sc.exact).toEqual({ PERSON: { tp: 1, fp: 1, fn: 0 }, ORG: { tp: 0, fp: 1, fn: 1 }, LOC: { tp: 0, fp: 0, fn: 1 } });
    expect(sc.overlap.ORG).toEqual({ tp: 1, fp: 0, fn: 0 });
    const m = entitiesMetrics(addEntitiesRecord(entitiesTotals(), sc));
    expect(m.overlap.micro).toMatchObject({ tp: 2, fp: 1, fn: 1 });
    expect(m.exact.target).toMatchObject({ tp: 1, fp: 2, fn: 2 });
    expect(Object.keys(m.exact.perType)).toEqual(['LOC', 'ORG', 'PERSON']);
  });
});

describe('predEntities', () => {
  it('maps kinds, forms, dates and quantities to the listed types only', () => {
    const x = {
      entities: [
        { id: 'a', name: 'Lena Ortiz', kind: 'person', country: null, sector: null, role: null, affiliation: null, mentions: [{ start: 0, end: 10, text: 'Lena Ortiz', form: 'name' }, { start: 30, end: 33, text: 'she', form: 'pronoun' }] },
        { id: 'b', name: 'Peru', kind: 'country', country: 'PER', sector: null, role: null, affiliation: null, mentions: [{ start: 40, end: 44, text: 'Peru', form: 'name' }, { start: 50, end: 58, text: 'Peruvian', form: 'demonym' }] },
        { id: 'c', name: 'the ministry', kind: 'organization', country: null, sector: null, role: null, affiliation: null, mentions: [{ start: 60, end: 72, text: 'the ministry', form: 'description' }] },
      ],
      dates: [{ text: 'May 3', start: 80, end: 85, value: 'XXXX-05-03', precision: 'day', type: 'DATE' }, { text: 'two days', start: 90, end: 98, value: 'P2D', precision: 'day', type: 'DURATION' }],
      quantities: [{ value: 5, approx: false, of: null, text: '$5', start: 100, end: 102, kind: 'money' }, { value: 12, approx: false, of: 'boats', text: '12', start: 110, end: 112, kind: 'count' }],
    } as unknown as Extraction;
    expect(predEntities(x, ['PERSON', 'LOC', 'NORP', 'ORG', 'DATE', 'MONEY', 'QUANTITY'])).toEqual([
      s('PERSON', 0, 10), s('PERSON', 30, 33), s('LOC', 40, 44), s('NORP', 50, 58), s('ORG', 60, 72), s('DATE', 80, 85), s('MONEY', 100, 102), s('QUANTITY', 110, 112),
    ]);
    expect(predEntities(x, ['PERSON'])).toEqual([s('PERSON', 0, 10), s('PERSON', 30, 33)]);
  });

  it("types a mention by its own kind when it has one (a country acting as an organisation)", () => {
    const x = {
      entities: [
        { id: 'b', name: 'Chile', kind: 'country', country: 'CHL', sector: null, role: null, affiliation: null, mentions: [{ start: 0, end: 5, text: 'Chile', form: 'name', kind: 'organization' }, { start: 20, end: 25, text: 'Chile', form: 'name' }] },
      ],
      dates: [],
      quantities: [],
    } as unknown as Extraction;
    expect(predEntities(x, ['ORG', 'LOC'])).toEqual([s('ORG', 0, 5), s('LOC', 20, 25)]);
  });
});
