import type { Document, Parse, Token } from './document.js';
import type { Span } from './span.js';

/** Relations that open a clause of their own: negation, modals and conditions stop at them. */
const CLAUSE_RELS = new Set(['ccomp', 'xcomp', 'advcl', 'acl', 'acl:relcl', 'parataxis', 'csubj', 'csubj:pass', 'conj', 'root']);

/** The base relation without its subtype: 'nsubj:pass' → 'nsubj'. */
export function baseRel(rel: string): string {
  const c = rel.indexOf(':');
  return c < 0 ? rel : rel.slice(0, c);
}

/**
 * A read-only view of one sentence's dependency tree, addressed by document-wide token index.
 * Built once per sentence from the `parses` layer; every query is linear in the sentence or better.
 *
 * @example
 * // "Rebels seized the town." → tree.head(seized) === -1, tree.children(seized, 'nsubj') → [Rebels]
 */
export class DepTree {
  private readonly kids: number[][];

  constructor(
    readonly parse: Parse,
    readonly tokens: readonly Token[],
  ) {
    const n = parse.tokenEnd - parse.tokenStart;
    this.kids = Array.from({ length: n }, () => []);
    for (let k = 0; k < n; k++) {
      const h = parse.heads[k]!;
      if (h >= 0) this.kids[h - parse.tokenStart]!.push(parse.tokenStart + k);
    }
  }

  /** Whether token `i` belongs to this sentence. */
  has(i: number): boolean {
    return i >= this.parse.tokenStart && i < this.parse.tokenEnd;
  }

  /** Head of token `i` (document index), or -1 for the root. */
  head(i: number): number {
    return this.parse.heads[i - this.parse.tokenStart]!;
  }

  /** Relation of token `i` to its head ('root' for the root). */
  rel(i: number): string {
    return this.parse.deprels[i - this.parse.tokenStart]!;
  }

  /** The parser's UPOS of token `i`. */
  upos(i: number): string {
    return this.parse.upos[i - this.parse.tokenStart]!;
  }

  /** The sentence root (document index). */
  root(): number {
    for (let k = 0; k < this.parse.heads.length; k++) if (this.parse.heads[k] === -1) return this.parse.tokenStart + k;
    return this.parse.tokenStart;
  }

  /**
   * Dependents of `i` in sentence order; with `rel`, only those whose relation is `rel` exactly
   * or, when `rel` has no subtype, any subtype of it ('nsubj' matches 'nsubj:pass').
   */
  children(i: number, ...rels: string[]): number[] {
    const all = this.kids[i - this.parse.tokenStart] ?? [];
    if (rels.length === 0) return all;
    return all.filter((c) => {
      const r = this.rel(c);
      return rels.some((want) => r === want || (!want.includes(':') && baseRel(r) === want));
    });
  }

  /** The first dependent of `i` with one of `rels`, or -1. */
  child(i: number, ...rels: string[]): number {
    return this.children(i, ...rels)[0] ?? -1;
  }

  /** Every token of the subtree headed by `i`, `i` included, in sentence order. */
  subtree(i: number): number[] {
    const out: number[] = [];
    const stack = [i];
    while (stack.length > 0) {
      const t = stack.pop()!;
      out.push(t);
      for (const c of this.kids[t - this.parse.tokenStart] ?? []) stack.push(c);
    }
    return out.sort((a, b) => a - b);
  }

  /** The token range [tokenStart, tokenEnd) covered by the subtree of `i` (its projection). */
  subtreeRange(i: number): { tokenStart: number; tokenEnd: number } {
    const s = this.subtree(i);
    return { tokenStart: s[0]!, tokenEnd: s[s.length - 1]! + 1 };
  }

  /** The character span of the subtree of `i`. */
  subtreeSpan(i: number): Span {
    const r = this.subtreeRange(i);
    return { start: this.tokens[r.tokenStart]!.start, end: this.tokens[r.tokenEnd - 1]!.end };
  }

  /** Whether `a` is `d` or one of its ancestors. */
  dominates(a: number, d: number): boolean {
    for (let t = d, guard = 0; t >= 0 && guard <= this.parse.heads.length; t = this.head(t), guard++) if (t === a) return true;
    return false;
  }

  /** The ancestors of `i`, nearest first (not `i` itself). */
  ancestors(i: number): number[] {
    const out: number[] = [];
    for (let t = this.head(i), guard = 0; t >= 0 && guard <= this.parse.heads.length; t = this.head(t), guard++) out.push(t);
    return out;
  }

  /**
   * The head of the clause that contains `i`: `i` itself when it heads a clause (root, ccomp,
   * xcomp, advcl, acl, relative, parataxis, conj of a predicate), else the nearest such ancestor.
   */
  clauseOf(i: number): number {
    for (let t = i, guard = 0; t >= 0 && guard <= this.parse.heads.length; t = this.head(t), guard++) {
      if (CLAUSE_RELS.has(this.rel(t)) || this.head(t) === -1) return t;
    }
    return this.root();
  }

  /**
   * The predicate that governs `i`: the nearest ancestor (or `i`) tagged VERB or AUX-less
   * predicate head of a clause. For a noun this is the verb it is an argument of.
   */
  governingPredicate(i: number): number {
    for (let t = this.head(i), guard = 0; t >= 0 && guard <= this.parse.heads.length; t = this.head(t), guard++) {
      const u = this.upos(t);
      if (u === 'VERB' || CLAUSE_RELS.has(this.rel(t))) return t;
    }
    return -1;
  }

  /** Conjuncts of `i` (following `conj` links from the first conjunct), `i` included, in order. */
  conjuncts(i: number): number[] {
    let first = i;
    while (this.rel(first) === 'conj' && this.head(first) >= 0) first = this.head(first);
    const out = [first];
    for (let k = 0; k < out.length; k++) for (const c of this.children(out[k]!, 'conj')) out.push(c);
    return out.sort((a, b) => a - b);
  }
}

/** One tree per sentence of a document, by sentence index; null when the document has no parse layer. */
export function treesOf(doc: Document): Map<number, DepTree> | null {
  const parses = doc.layers.parses;
  const tokens = doc.layers.tokens;
  if (!parses || !tokens) return null;
  const out = new Map<number, DepTree>();
  for (const p of parses) out.set(p.sentence, new DepTree(p, tokens));
  return out;
}

/** The tree that holds token `i`, by binary search over the parses. */
export function treeOfToken(trees: readonly DepTree[], i: number): DepTree | null {
  let lo = 0;
  let hi = trees.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = trees[mid]!;
    if (i < t.parse.tokenStart) hi = mid - 1;
    else if (i >= t.parse.tokenEnd) lo = mid + 1;
    else return t;
  }
  return null;
}
