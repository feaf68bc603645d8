import { describe, expect, it } from 'vitest';
import type { Parse, PosTag, Token } from './document.js';
import { DepTree, baseRel, treeOfToken } from './tree.js';

/** Builds tokens and a parse from "word/UPOS/head/rel" items (head is 1-based in the sentence, 0 = root). */
function build(items: string, offset = 0): DepTree {
  const parts = items.split(' ').map((x) => x.split('/'));
  let at = 0;
  const tokens: Token[] = [];
  for (const [w, pos] of parts) {
    tokens.push({ i: offset + tokens.length, start: at, end: at + w!.length, text: w!, norm: w!.toLowerCase(), lemma: w!.toLowerCase(), pos: pos as PosTag, type: 'word', sentence: 0 });
    at += w!.length + 1;
  }
  const all: Token[] = [...Array.from({ length: offset }, (_, i) => ({ ...tokens[0]!, i })), ...tokens];
  const parse: Parse = {
    id: 'p0', span: { start: 0, end: at - 1 }, label: 'parse', evidence: [{ start: 0, end: at - 1 }], provenance: { stage: 'test', version: '0' },
    sentence: 0, tokenStart: offset, tokenEnd: offset + tokens.length,
    heads: parts.map((p) => (Number(p[2]) === 0 ? -1 : offset + Number(p[2]) - 1)),
    deprels: parts.map((p) => p[3]!),
    upos: parts.map((p) => p[1] as PosTag),
  };
  return new DepTree(parse, all);
}

// "Talks brokered by Oman resumed and officials said they would meet."
const S = 'Talks/NOUN/5/nsubj brokered/VERB/1/acl by/ADP/4/case Oman/PROPN/2/obl:agent resumed/VERB/0/root and/CCONJ/8/cc officials/NOUN/8/nsubj said/VERB/5/conj they/PRON/11/nsubj would/AUX/11/aux meet/VERB/8/ccomp ./PUNCT/5/punct';

describe('DepTree', () => {
  it('finds root, heads, relations and children by base relation', () => {
    const t = build(S, 3);
    expect(t.root()).toBe(7);
    expect(t.children(7, 'nsubj')).toEqual([3]);
    expect(t.children(4, 'obl')).toEqual([6]);
    expect(t.child(4, 'obl:agent')).toBe(6);
    expect(t.child(4, 'obl:tmod')).toBe(-1);
    expect(baseRel('acl:relcl')).toBe('acl');
  });
  it('gives subtrees as sorted tokens, ranges and character spans', () => {
    const t = build(S);
    expect(t.subtree(0)).toEqual([0, 1, 2, 3]);
    expect(t.subtreeRange(7)).toEqual({ tokenStart: 5, tokenEnd: 11 });
    expect(t.subtreeSpan(0)).toEqual({ start: 0, end: 'Talks brokered by Oman'.length });
  });
  it('finds the clause of a token and its governing predicate', () => {
    const t = build(S);
    expect(t.clauseOf(8)).toBe(10); // "they" is in the ccomp clause of "meet"
    expect(t.clauseOf(3)).toBe(1); // "Oman" is in the participial clause "brokered by Oman"
    expect(t.governingPredicate(3)).toBe(1);
    expect(t.dominates(7, 8)).toBe(true);
    expect(t.dominates(10, 6)).toBe(false);
    expect(t.ancestors(8)).toEqual([10, 7, 4]);
  });
  it('lists conjuncts from any of them', () => {
    const t = build('Iran/PROPN/4/nsubj and/CCONJ/3/cc Oman/PROPN/1/conj met/VERB/0/root');
    expect(t.conjuncts(2)).toEqual([0, 2]);
  });
  it('finds the tree of a token among sorted sentence trees', () => {
    const a = build('A/NOUN/0/root');
    const b = build('B/NOUN/0/root', 1);
    expect(treeOfToken([a, b], 1)).toBe(b);
    expect(treeOfToken([a, b], 5)).toBeNull();
  });
});
