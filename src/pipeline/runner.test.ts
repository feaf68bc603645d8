import { describe, expect, it } from 'vitest';
import { makeDocument, type Sentence } from '../core/index.js';
import { checkLayer, checkOrder, createPipeline } from './runner.js';
import type { Stage } from './stage.js';

const sentence = (start: number, end: number, id = 's0'): Sentence => ({
  id,
  span: { start, end },
  label: 'sentence',
  evidence: [{ start, end }],
  provenance: { stage: 't', version: '1' },
  tokenStart: 0,
  tokenEnd: 0,
});

const stage = (name: string, requires: Stage['requires'], produces: Stage['produces'], run: Stage['run']): Stage => ({ name, version: '1', requires, produces, run });

describe('pipeline runner', () => {
  it('refuses a stage whose requirements no earlier stage produces', () => {
    const a = stage('a', ['tokens'], ['sentences'], () => ({ layers: {} }));
    expect(() => checkOrder([a])).toThrow(/requires layer 'tokens'/);
  });

  it('turns a throwing stage into a fatal diagnostic and skips the rest', () => {
    let ran = false;
    const boom = stage('boom', [], ['sentences'], () => {
      throw new Error('kaput');
    });
    const after = stage('after', ['sentences'], ['tokens'], () => {
      ran = true;
      return { layers: { tokens: [] } };
    });
    const doc = createPipeline([boom, after]).run(makeDocument('Some text.'));
    expect(doc.diagnostics).toHaveLength(1);
    expect(doc.diagnostics[0]).toMatchObject({ severity: 'fatal', source: 'boom', ruleId: 'stage-failed' });
    expect(ran).toBe(false);
  });

  it.each([
    ['a span past the end of the text', [sentence(0, 99)], /out of bounds/],
    ['unsorted records', [sentence(5, 8, 's0'), sentence(0, 3, 's1')], /not sorted/],
    ['duplicate ids', [sentence(0, 3, 's0'), sentence(4, 8, 's0')], /duplicate id/],
  ])('rejects %s', (_name, sentences, message) => {
    const bad = stage('bad', [], ['sentences'], () => ({ layers: { sentences } }));
    expect(() => createPipeline([bad]).run(makeDocument('Some text.'))).toThrow(message);
  });

  it.each([
    ['increasing token indices', [0, 1, 2], null],
    ['a repeated token index', [0, 1, 1], /duplicate id 1/],
    ['token indices out of order but unique', [1, 0, 2], null],
    ['a repeated index after a step back', [2, 0, 2], /duplicate id 2/],
  ])('checks numeric ids: %s', (_name, ids, message) => {
    const tokens = ids.map((i, k) => ({ i, start: k, end: k + 1, text: 'x', norm: 'x', lemma: 'x', pos: 'X' as const, type: 'word', sentence: 0 }));
    const run = () => checkLayer(10, 'tokens', tokens);
    if (message) expect(run).toThrow(message);
    else expect(run).not.toThrow();
  });

  it('rejects an undeclared layer', () => {
    const sneaky = stage('sneaky', [], ['sentences'], () => ({ layers: { tokens: [] } }));
    expect(() => createPipeline([sneaky]).run(makeDocument('Some text.'))).toThrow(/undeclared layer/);
  });

  it('never changes the input document', () => {
    const ok = stage('ok', [], ['sentences'], () => ({ layers: { sentences: [sentence(0, 4)] } }));
    const input = makeDocument('Some text.');
    const output = createPipeline([ok]).run(input);
    expect(input.layers).toEqual({});
    expect(output.text).toBe(input.text);
    expect(output.layers.sentences).toHaveLength(1);
    expect(Object.isFrozen(output.layers.sentences)).toBe(true);
  });
});
