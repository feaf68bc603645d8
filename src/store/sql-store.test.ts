import { describe, expect, it } from 'vitest';
import type { MentionInput, MergedEvent } from '../situation/index.js';
import { sampleExtraction } from './conformance.js';
import { contentHash, documentSortKey, participantKeys, statusModality, withSectors } from './sql-store.js';
import { toPgPlaceholders } from './sql.js';

describe('contentHash', () => {
  it.each([
    ['Two  spaces.', 'Two spaces.'],
    ['Line\r\nbreaks\n', 'Line breaks'],
    ['  padded\t', 'padded'],
  ])('%j has the same content as %j', (a, b) => {
    expect(contentHash(a)).toBe(contentHash(b));
  });

  it.each([
    ['Word.', 'word.'],
    ['A, B', 'A B'],
  ])('%j differs from %j', (a, b) => {
    expect(contentHash(a)).not.toBe(contentHash(b));
  });
});

describe('keys', () => {
  it('lists participant keys, names and codes once, lower-cased', () => {
    expect(participantKeys([{ key: 'USA', name: 'United States', country: 'USA' }, { key: 'hamas', name: 'Hamas', country: null }])).toBe('|usa|united states|hamas|');
    expect(participantKeys([])).toBe('||');
  });

  it.each([
    ['confirmed', 'asserted'],
    ['denied', 'negated'],
    ['reported', 'reported'],
    ['potential', 'potential'],
  ])('status %s filters as modality %s', (status, modality) => {
    expect(statusModality(status)).toBe(modality);
  });

  it('sorts undated documents after dated ones', () => {
    expect(documentSortKey('2025-01-01', 'b') < documentSortKey(null, 'a')).toBe(true);
  });

  it('numbers pg placeholders in order', () => {
    expect(toPgPlaceholders('a = ? AND b IN (?, ?)')).toBe('a = $1 AND b IN ($2, $3)');
  });
});

describe('withSectors', () => {
  it('gives each merged participant the sector its mentions carry', () => {
    const x = sampleExtraction('d1', '2025-01-01', [{ type: 'AID', actor: [['Ruritania', 'RUR']], recipient: [['Kestrel Council', null]] }]);
    const event = { ...x.events[0]!, actor: [{ ...x.events[0]!.actor[0]!, sector: 'GOV' }] };
    const mentions: MentionInput[] = [{ event, document: { id: 'd1', published: '2025-01-01' } }];
    const merged = [
      {
        id: 'm1',
        actors: [{ key: 'RUR', name: 'Ruritania', country: 'RUR' }],
        recipients: [{ key: 'kestrel council', name: 'Kestrel Council', country: null }],
        mentions: [{ document: 'd1', event_id: event.id }],
      },
    ] as unknown as MergedEvent[];
    const [out] = withSectors(merged, mentions);
    expect(out!.actors).toEqual([{ key: 'RUR', name: 'Ruritania', country: 'RUR', sector: 'GOV' }]);
    expect(out!.recipients).toEqual([{ key: 'kestrel council', name: 'Kestrel Council', country: null }]);
  });
});
