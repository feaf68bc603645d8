import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Extraction } from '../output/schema.js';
import type { EventsMetrics } from './events.js';
import { detectFormat, evalFile, extractPlain, type ExtractFn } from './run.js';

describe('detectFormat', () => {
  it.each([
    [{ format: 'timex', text: '' }, 'timex'],
    [{ id: 'a', text: 'x', timexes: [] }, 'timex'],
    [{ id: 'a', text: 'x', attributions: [] }, 'attribution'],
    [{ id: 'a', text: 'x', events: [] }, 'events'],
    [{ id: 'a', text: 'x', entities: [], types: ['ORG'] }, 'entities'],
    [{ document: {}, events: [], must_not_assert: [] }, 'document'],
    [{ id: 'a' }, null],
    [[1, 2], null],
  ])('%j → %s', (rec, want) => expect(detectFormat(rec)).toBe(want));
});

const empty = (id: string | null): Extraction => ({ id, document: { id: 'd', title: null, published: null }, entities: [], events: [], dates: [], quantities: [], quotes: [], attributions: [], diagnostics: [] });

describe('evalFile', () => {
  it('counts a record that throws or is malformed and goes on with the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-eval-'));
    const file = join(dir, 'tiny.jsonl');
    const lines = [
      { id: 'ok', format: 'events', text: 'Farmers marched on the capital.', date: '2023-02-01', events: [{ type: 'PROTEST', actor: [], recipient: [] }] },
      { id: 'boom', format: 'events', text: 'This one makes the extractor throw.', date: null, events: [] },
      { id: 'bad', format: 'events', text: 42, events: [] },
    ];
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\nnot json\n`);
    const seen: Array<string | undefined> = [];
    const run: ExtractFn = (text, meta) => {
      seen.push(meta.published ?? undefined);
      if (text.includes('throw')) throw new Error('kaput');
      return empty(meta.externalId ?? null);
    };
    const r = await evalFile(file, { extractFn: run });
    expect(r.format).toBe('events');
    expect(r.n).toBe(1);
    expect(r.errors).toBe(3);
    expect(r.errorSamples[0]).toBe('boom: kaput');
    expect(seen).toEqual(['2023-02-01', undefined]);
    expect((r.metrics as EventsMetrics).type.fn).toBe(1);
    expect(r.details).toEqual([]);
    const d = await evalFile(file, { extractFn: run, details: 5 });
    expect(d.details).toEqual(['ok: gold PROTEST; parley (none)']);
  });
});

describe('evalFile on a document gold file', () => {
  it('finds <slug>.txt next to <slug>.gold.json and scores it by meaning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-doc-'));
    writeFileSync(join(dir, 'harbour.txt'), 'Dockworkers walked out in Portsmouth on Monday.');
    const gold = { document: { published: '2022-06-08' }, events: [{ id: 'strike', type: 'PROTEST', trigger_sentence_contains: 'walked out' }], must_not_assert: [] };
    writeFileSync(join(dir, 'harbour.gold.json'), JSON.stringify(gold));
    let seenText = '';
    const run: ExtractFn = (text, meta) => {
      seenText = `${text}|${meta.published}`;
      const x = empty('harbour');
      x.events = [{ id: 'e1', type: 'PROTEST', mode: null, cameo: null, actor: [], recipient: [], location: null, date: null, quantities: [], modality: 'asserted', in_quote: false, attribution: null, trigger: { text: 'walked out', start: 12, end: 22 }, sentence: { start: 0, end: text.length } }];
      return x;
    };
    const r = await evalFile(join(dir, 'harbour.gold.json'), { extractFn: run });
    expect(seenText).toBe('Dockworkers walked out in Portsmouth on Monday.|2022-06-08');
    expect(r.format).toBe('document');
    expect((r.metrics as { summary: Record<string, number> }).summary.events_found).toBe(1);
  });
});

describe('extractPlain', () => {
  it('keeps a text that starts like HTML as plain text, so offsets match the gold', () => {
    const text = '<p> marks a paragraph in HTML; the union marched in Lyon on Friday.';
    const x = extractPlain(text, { externalId: 'h' });
    for (const d of x.dates) expect(text.slice(d.start, d.end)).toBe(d.text);
    expect(x.id).toBe('h');
  });
});
