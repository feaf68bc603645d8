import { describe, expect, it } from 'vitest';
import { makeDocument } from '../core/index.js';
import { createPipeline } from '../pipeline/index.js';
import { textStage } from '../text/index.js';
import { findQuotes } from './quotes.js';

const quotes = (text: string) => {
  const d = createPipeline([textStage]).run(makeDocument(text));
  const toks = d.layers.tokens!;
  return findQuotes(text, toks).map((q) => ({ text: text.slice(toks[q.open]!.start, toks[q.close]!.end), scare: q.scare, closed: q.closed, continuation: q.continuation }));
};

describe('findQuotes', () => {
  it.each([
    ['curly marks', 'The mayor said: “We will rebuild the bridge.”', [{ text: '“We will rebuild the bridge.”', scare: false, closed: true, continuation: false }]],
    ['straight marks', 'He added "the vote is off for now" before leaving.', [{ text: '"the vote is off for now"', scare: false, closed: true, continuation: false }]],
    ['a scare quote of two words without a verb', 'They called the plan a “peace dividend” in public.', [{ text: '“peace dividend”', scare: true, closed: true, continuation: false }]],
    ['a curly quotation closed by a straight mark', 'The chair said: “We will not wait any longer," and left the room.', [{ text: '“We will not wait any longer,"', scare: false, closed: true, continuation: false }]],
    ['doubled apostrophes as quote marks', "She said ''nothing has been decided yet'' on Friday.", [{ text: "''nothing has been decided yet''", scare: false, closed: true, continuation: false }]],
  ])('%s', (_name, text, expected) => {
    expect(quotes(text)).toEqual(expected);
  });

  it('ends a quotation left open at the paragraph end and flags the reopened one as its continuation', () => {
    const text = '“We came to talk, not to fight.\n“Nobody here wants another war,” the envoy said.';
    const got = quotes(text);
    expect(got).toHaveLength(2);
    expect(got[0]).toMatchObject({ closed: false, continuation: false });
    expect(got[1]).toMatchObject({ text: '“Nobody here wants another war,”', closed: true, continuation: true });
  });

  it('finishes on a huge unpunctuated text with a quote that never closes', () => {
    const text = 'word '.repeat(40000) + '“open quote ' + 'more '.repeat(20000);
    expect(quotes(text)).toMatchObject([{ closed: false }]);
  });
});
