import { describe, expect, it } from 'vitest';
import { makeDocument, withLayers, type Document } from '../src/core/index.js';
import { runStage } from '../src/pipeline/index.js';
import { pipeline } from '../src/extract.js';

// Our own sentences, varied enough to touch every stage (names, dates, numbers, quotes, cues).
const PARAGRAPH = [
  'The Sudanese army and the Rapid Support Forces resumed talks in Jeddah on Monday, according to two diplomats.',
  '“We will not sign anything that leaves our people hungry,” said Amina Yusuf, a spokeswoman for the delegation.',
  'Officials said about 1,200 detainees could be released if the truce holds until March 3.',
  'The United Nations has yet to comment on the proposal, which Egypt and Saudi Arabia reportedly back.',
  'Gunmen attacked a convoy near El Fasher last week, killing at least 14 civilians, the health ministry said.',
].join(' ');

/** Runs the default pipeline with the token and sentence layers wrapped in counters of element reads. */
function countSteps(text: string): number {
  const [textStage, ...rest] = pipeline().stages;
  let doc: Document = runStage(textStage!, makeDocument(text, { published: '2025-03-05' }), { referenceDate: '2025-03-05', options: {} });
  let reads = 0;
  const counted = <T extends object>(arr: readonly T[]): readonly T[] =>
    new Proxy(arr, {
      get(target, prop, receiver) {
        if (typeof prop === 'string' && prop.length > 0 && prop.charCodeAt(0) >= 48 && prop.charCodeAt(0) <= 57) reads++;
        return Reflect.get(target, prop, receiver);
      },
    });
  doc = withLayers(doc, { tokens: counted(doc.layers.tokens!), sentences: counted(doc.layers.sentences!) });
  for (const stage of rest) doc = runStage(stage, doc, { referenceDate: '2025-03-05', options: {} });
  expect(doc.diagnostics.filter((d) => d.severity === 'fatal')).toEqual([]);
  return reads;
}

describe('work stays linear in the input size', () => {
  it('doubling the input does not quadruple the token and sentence reads', () => {
    const small = countSteps(Array(20).fill(PARAGRAPH).join('\n\n'));
    const large = countSteps(Array(40).fill(PARAGRAPH).join('\n\n'));
    expect(small).toBeGreaterThan(0);
    expect(large / small).toBeLessThan(2.6);
  });

  it('a 1 MB run of words with no punctuation is processed, cut into bounded sentences', () => {
    const words = ['talks', 'between', 'the', 'two', 'sides', 'continued', 'in', 'Doha', 'for', 'many', 'hours'];
    const parts: string[] = [];
    let n = 0;
    for (let i = 0; n < 1_000_000; i++) {
      const w = words[i % words.length]!;
      parts.push(w);
      n += w.length + 1;
    }
    const doc = pipeline().run(makeDocument(parts.join(' '), { published: '2025-03-05' }));
    expect(doc.diagnostics.some((d) => d.ruleId === 'overlong-sentence')).toBe(true);
    expect(doc.diagnostics.filter((d) => d.severity === 'fatal')).toEqual([]);
    expect(Math.max(...doc.layers.sentences!.map((s) => s.tokenEnd - s.tokenStart))).toBeLessThanOrEqual(250);
  });
});
