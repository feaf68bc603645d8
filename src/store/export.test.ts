import { describe, expect, it } from 'vitest';
import type { MergedEvent } from '../situation/index.js';
import {
  EVENT_CSV_HEADER,
  GDELT_HEADER,
  csvField,
  csvLine,
  datePrecisionCode,
  eventCsvRow,
  eventGdeltRow,
  eventPlover,
  geoPrecisionCode,
  tsvLine,
} from './export.js';

const mention = (doc: string, url: string | null, published: string) => ({
  document: doc,
  url,
  title: null,
  published,
  sentence: { start: 0, end: 40, text: 'Envoys of both sides met in Geneva.' },
  event_id: 'ev1',
  trigger: { text: 'met', start: 20, end: 23 },
  modality: 'asserted' as const,
  in_quote: false,
  attribution: null,
  date: '2025-02',
});

const EVENT: MergedEvent = {
  id: 'evt_1',
  type: 'CONSULT',
  mode: 'third-party',
  actors: [{ key: 'RUR', name: 'Ruritania', country: 'RUR', sector: 'GOV' } as MergedEvent['actors'][number]],
  recipients: [
    { key: 'OST', name: 'Osterlich', country: 'OST' },
    { key: 'kestrel council', name: 'Kestrel Council', country: null },
  ],
  location: { name: 'Geneva', country: 'CHE' },
  date: { value: '2025-02', precision: 'month' },
  quantities: [],
  status: 'confirmed',
  disputed: false,
  disagreements: [],
  history: [],
  first_seen: '2025-03-01',
  last_seen: '2025-03-04',
  documents: ['d1', 'd2'],
  mentions: [mention('d1', 'https://a.example/1', '2025-03-01'), mention('d2', 'https://b.example/2', '2025-03-04')],
};

describe('precision codes', () => {
  it.each([
    ['day', 1],
    ['hour', 1],
    ['week', 2],
    ['month', 3],
    ['season', 4],
    ['year', 5],
    ['decade', 6],
    ['none', null],
    [null, null],
  ])('date precision %s -> %s', (p, code) => {
    expect(datePrecisionCode(p)).toBe(code);
  });

  it.each([
    [{ name: 'Geneva', country: 'CHE' }, 1],
    [{ name: 'Switzerland', country: 'CHE' }, 3],
    [{ name: 'the United States', country: 'USA' }, 3],
    [{ name: 'CHE', country: 'CHE' }, 3],
    [null, null],
  ])('geo precision of %j is %s', (loc, code) => {
    expect(geoPrecisionCode(loc)).toBe(code);
  });
});

describe('CSV and TSV', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [null, ''],
    [3, '3'],
  ])('csvField(%j)', (v, want) => {
    expect(csvField(v)).toBe(want);
  });

  it('writes one row per event with ACLED-style precision columns', () => {
    const row = eventCsvRow(EVENT);
    expect(row).toHaveLength(EVENT_CSV_HEADER.length);
    const rec = Object.fromEntries(EVENT_CSV_HEADER.map((h, i) => [h, row[i]]));
    expect(rec).toMatchObject({
      event_id: 'evt_1',
      event_date: '2025-02-01',
      event_date_end: '2025-02-28',
      date_precision: 3,
      event_type: 'CONSULT',
      quad_code: 1,
      modality: 'asserted',
      actor: 'Ruritania',
      actor_sector: 'GOV',
      recipient: 'Osterlich; Kestrel Council',
      recipient_code: 'OST; ',
      geo_precision: 1,
      documents: 2,
      mentions: 2,
      source_urls: 'https://a.example/1; https://b.example/2',
    });
    expect(csvLine(['a', 'b,c'])).toBe('a,"b,c"\n');
    expect(tsvLine(['a\tb', null, 2])).toBe('a b\t\t2\n');
  });
});

describe('PLOVER and GDELT records', () => {
  it('uses PLOVER field names, with the period of a month as date..enddate', () => {
    const p = eventPlover(EVENT, '2026-01-01');
    expect(p).toMatchObject({
      id: 'evt_1',
      date: '2025-02-01',
      enddate: '2025-02-28',
      actor: [{ entity_text: 'Ruritania', code: 'RUR', sector: 'GOV' }],
      event: ['CONSULT'],
      mode: ['third-party'],
      quad_code: 1,
      event_loc: { extracted_place: 'Geneva', country_code: 'CHE', country: 'Switzerland' },
      event_text: ['Envoys of both sides met in Geneva.'],
      coded_date: '2026-01-01',
    });
    expect(p.recipient).toHaveLength(2);
  });

  it('an undated event takes its first publication date and says so', () => {
    const p = eventPlover({ ...EVENT, date: null }, '2026-01-01');
    expect(p.date).toBe('2025-03-01');
    expect(p).not.toHaveProperty('enddate');
    expect(String(p.comment)).toContain('undated');
  });

  it('writes GDELT-style columns', () => {
    const row = eventGdeltRow(EVENT);
    expect(row).toHaveLength(GDELT_HEADER.length);
    const rec = Object.fromEntries(GDELT_HEADER.map((h, i) => [h, row[i]]));
    expect(rec).toMatchObject({
      GLOBALEVENTID: 'evt_1',
      SQLDATE: '20250201',
      MonthYear: '202502',
      Actor1Code: 'RURGOV',
      Actor1CountryCode: 'RUR',
      Actor2Code: 'OST',
      Actor2Name: 'Osterlich',
      EventRootCode: '04',
      QuadClass: 1,
      NumMentions: 2,
      NumSources: 2,
      ActionGeo_Type: 4,
      ActionGeo_CountryCode: 'CHE',
      SOURCEURL: 'https://a.example/1',
    });
  });
});
