import { describe, expect, it } from 'vitest';
import { foldOf, parseFold, poolDocuments } from './folds.js';
import type { FileResult } from './run.js';

describe('folds', () => {
  it('puts a record in the same fold every time, by file base name and id', () => {
    expect(foldOf('/a/b/set.jsonl', 'r1')).toBe(foldOf('other/dir/set.jsonl', 'r1'));
  });
  it('splits about 70/30', () => {
    let tune = 0;
    for (let i = 0; i < 2000; i++) if (foldOf('set.jsonl', `r${i}`) === 'tune') tune++;
    expect(tune / 2000).toBeGreaterThan(0.65);
    expect(tune / 2000).toBeLessThan(0.75);
  });
  it('parses the option', () => {
    expect(parseFold('held')).toBe('held');
    expect(parseFold('both')).toBe('both');
    expect(parseFold('x')).toBeNull();
  });
  it('pools document summaries: counts summed, attribute accuracy weighted by events found', () => {
    const doc = (found: number, required: number, attr: number): FileResult => ({
      file: `d${found}.gold.json`, format: 'document', n: 1, errors: 0, fatal: 0, errorSamples: [], seconds: 0, details: [],
      metrics: { summary: { events_required: required, events_found: found, event_attribute_accuracy: attr, entities_recall: 1 }, problems: ['p'] },
    });
    const p = poolDocuments('set/*.gold.json', [doc(1, 4, 1), doc(3, 4, 0.5)]);
    const s = (p.metrics as { summary: Record<string, number> }).summary;
    expect(s.events_found).toBe(4);
    expect(s.events_required).toBe(8);
    expect(s.events_recall).toBe(0.5);
    expect(s.event_attribute_accuracy).toBeCloseTo((1 + 1.5) / 4);
    expect(s.mean_entities_recall).toBe(1);
    expect((p.metrics as { problems: string[] }).problems).toEqual(['d1.gold.json: p', 'd3.gold.json: p']);
  });
});
