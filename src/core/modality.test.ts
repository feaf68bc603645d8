import { describe, expect, it } from 'vitest';
import { makeDocument, withLayers } from './make-document.js';
import { parseMarkup } from './markup.js';
import type { Attribution, ModalCue, ModalCueKind, Quote } from './document.js';
import { modalityAt } from './modality.js';

// [cue]{neg|hedge|...} marks a cue whose scope runs to the end of the markup's "|" or the text end;
// [x]{T} marks the trigger; [y]{CONTENT}/[z]{QUOTE} mark an attribution content and a quote.
const prov = { stage: 'test', version: '0' };
function build(markup: string, content?: string, quote?: string) {
  const { text, spans: marked } = parseMarkup(markup);
  const spans = [...marked];
  // markup cannot nest: the content and quote stretches are given as substrings
  if (content) spans.push({ label: 'CONTENT', start: text.indexOf(content), end: text.indexOf(content) + content.length, text: content });
  if (quote) spans.push({ label: 'QUOTE', start: text.indexOf(quote), end: text.indexOf(quote) + quote.length, text: quote });
  const cueKinds: Record<string, ModalCueKind> = { neg: 'negation', hedge: 'hedge', cond: 'condition', plan: 'intention', fut: 'future', hear: 'hearsay' };
  const modalCues: ModalCue[] = spans
    .filter((s) => s.label in cueKinds)
    .map((s, i) => ({ id: `mc${i}`, span: s, label: cueKinds[s.label]!, evidence: [s], provenance: prov, scope: { start: s.start, end: text.indexOf('|', s.end) < 0 ? text.length : text.indexOf('|', s.end) } }));
  const attributions: Attribution[] = spans
    .filter((s) => s.label === 'CONTENT')
    .map((s, i) => ({ id: `at${i}`, span: s, label: 'reported', evidence: [s], provenance: prov, source: null, sourceEntityId: null, cue: { start: 0, end: 1 }, content: s, quoteId: null }));
  const quotes: Quote[] = spans
    .filter((s) => s.label === 'QUOTE')
    .map((s, i) => ({ id: `q${i}`, span: s, label: 'quote', evidence: [s], provenance: prov, text: s.text, speakerEntityId: null, speakerSpan: null, cueSpan: null }));
  const trigger = spans.find((s) => s.label === 'T')!;
  return { doc: withLayers(makeDocument(text), { modalCues, attributions, quotes }), trigger };
}

describe('modalityAt', () => {
  it.each([
    ['no cue: asserted', 'The army [withdrew]{T} from the town.', 'asserted'],
    ['a negation in scope', 'The army did [not]{neg} [withdraw]{T} from the town.', 'negated'],
    ['a cue whose scope ended before the trigger', 'Talks [could]{hedge} resume | and the army [withdrew]{T}.', 'asserted'],
    ['a hedge beats an intention', 'The army [plans to]{plan} [possibly]{hedge} [withdraw]{T}.', 'potential'],
    ['an intention beats a report', 'X said that the army [plans to]{plan} [withdraw]{T}.', 'planned', 'that the army plans to withdraw'],
    ['inside an attribution content', 'Officials said the army [withdrew]{T} overnight.', 'reported', 'the army withdrew overnight'],
    ['negation beats everything', '[If]{cond} the army does [not]{neg} [withdraw]{T}.', 'negated'],
  ])('%s', (_name, markup, expected, content?: string) => {
    const { doc, trigger } = build(markup, content);
    expect(modalityAt(doc, trigger).modality).toBe(expected);
  });

  it('does not let a cue govern the trigger that is the cue itself ("denied")', () => {
    const { doc, trigger } = build('Both sides [denied]{T} it.');
    const cue: ModalCue = { id: 'mc0', span: trigger, label: 'negation', evidence: [trigger], provenance: prov, scope: { start: trigger.start, end: doc.text.length } };
    expect(modalityAt(withLayers(doc, { modalCues: [cue] }), trigger).modality).toBe('asserted');
  });

  it('reports the attribution, the cues and whether the trigger is quoted', () => {
    const { doc, trigger } = build('He said: “we [will]{fut} [sign]{T} it”', 'we will sign it', '“we will sign it”');
    expect(modalityAt(doc, trigger)).toEqual({ modality: 'planned', cueIds: ['mc0'], attributionId: 'at0', inQuote: true });
  });
});
