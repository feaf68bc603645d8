import { describe, expect, it } from 'vitest';
import { makeDocument, parseMarkup, withLayers, type Mention } from '../core/index.js';
import { createPipeline } from '../pipeline/index.js';
import { textStage } from '../text/index.js';
import { quantitiesStage } from './stage.js';

/** Builds a document with tokens and the marked mentions ({PER} person, {LOC} place). */
function docWithMentions(markup: string) {
  const { text, spans } = parseMarkup(markup);
  const base = createPipeline([textStage]).run(makeDocument(text));
  const mentions: Mention[] = spans.map((s, i) => ({
    id: `m${i}`, span: { start: s.start, end: s.end }, label: s.label === 'PER' ? 'person' : 'place',
    evidence: [{ start: s.start, end: s.end }], provenance: { stage: 'test', version: '0' },
    entityId: `e${i}`, form: 'name', text: s.text,
  }));
  return withLayers(base, { mentions });
}

describe('quantities stage', () => {
  it('produces sorted records with ids, evidence and provenance', () => {
    const doc = createPipeline([textStage, quantitiesStage]).run(makeDocument('About 40 medics and 3 trucks left. Two more followed.'));
    const qs = doc.layers.quantities!;
    expect(qs.map((q) => [q.id, q.text, q.value, q.of])).toEqual([
      ['q0', '40', 40, 'medics'],
      ['q1', '3', 3, 'trucks'],
      ['q2', 'Two', 2, null],
    ]);
    for (const q of qs) {
      expect(q.evidence.length).toBeGreaterThan(0);
      expect(q.evidence.some((e) => e.start <= q.span.start && q.span.end <= e.end)).toBe(true);
      expect(q.provenance.stage).toBe('quantities');
      expect(doc.text.slice(q.span.start, q.span.end)).toBe(q.text);
      if (q.ofSpan) expect(doc.text.slice(q.ofSpan.start, q.ofSpan.end)).toBe(q.of);
    }
  });

  it('keeps the qualifier out of the span but in the evidence', () => {
    const doc = createPipeline([textStage, quantitiesStage]).run(makeDocument('Nearly 300 families fled.'));
    const [q] = doc.layers.quantities!;
    expect([q!.text, q!.qualifier, doc.text.slice(q!.evidence[0]!.start, q!.evidence[0]!.end)]).toEqual(['300', 'nearly', 'Nearly 300']);
  });

  it.each([
    ['a person name before the number makes an age', '[Omar Haddad]{PER}, 27, was detained.', 'age'],
    ['a place name before the number does not', 'In [Jenin]{LOC}, 27, the count was disputed.', 'count'],
  ])('%s', (_n, markup, label) => {
    const doc = docWithMentions(markup);
    const { layers } = quantitiesStage.run(doc, { referenceDate: null, options: {} });
    expect(layers.quantities!.map((q) => q.label)).toEqual([label]);
  });
});
