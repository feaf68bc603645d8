import type { Token } from '../core/index.js';

/** Folds case, typographic quotes and spacing so aliases and token sequences compare as strings. */
export function foldKey(s: string): string {
  return s.toLowerCase().replace(/[’‘`]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim();
}

/** A longest match of a phrase index at a token position. */
export interface PhraseMatch<T> {
  readonly tokenStart: number;
  readonly tokenEnd: number;
  readonly values: readonly T[];
  readonly alias: string;
}

const MAX_TOKENS = 12;

/** Folded key pieces of the token array last looked at (a document's tokens are scanned many times). */
let lastTokens: readonly Token[] | null = null;
let lastKeys: Array<string | undefined> = [];

/** The folded key piece of token `i`: its norm when that is already folded, else foldKey of its text. */
function tokenKey(tokens: readonly Token[], i: number): string {
  if (tokens !== lastTokens) {
    lastTokens = tokens;
    lastKeys = new Array<string | undefined>(tokens.length);
  }
  const k = lastKeys[i];
  if (k !== undefined) return k;
  const t = tokens[i]!;
  const n = t.norm;
  const v = n.length === t.text.length && n.indexOf('–') < 0 && n.indexOf('—') < 0 ? n : foldKey(t.text);
  lastKeys[i] = v;
  return v;
}

/**
 * Token-sequence dictionary: aliases are stored as folded strings; a match is built token by
 * token (a space where the text has a gap, nothing where tokens touch), so "U.S.", "al-Qaeda" and
 * "Trump’s" match however the tokenizer split them. Word-boundary prefixes stop a scan early,
 * so each position costs a few hash look-ups.
 */
export class PhraseIndex<T> {
  private readonly map = new Map<string, { alias: string; values: T[] }>();
  private readonly prefixes = new Set<string>();
  /** First words of aliases that start with a lower-case letter ("al-Qaeda"): others need a capital. */
  private readonly lowerFirst = new Set<string>();
  /** First space-separated words of all aliases: a token that is none of them (and is not glued to the next) starts nothing. */
  private readonly firstWords = new Set<string>();
  /** Every leading substring of those first words: tokens glued together must build one of them. */
  private readonly firstPrefixes = new Set<string>();

  /** `caseSensitive`: an upper-case letter in an alias must be upper-case in the text. */
  constructor(private readonly caseSensitive: boolean) {}

  /** Adds an alias; values added later for the same alias rank after earlier ones. */
  add(alias: string, value: T): void {
    const key = foldKey(alias);
    if (!key) return;
    const hit = this.map.get(key);
    if (hit) {
      if (!hit.values.includes(value)) hit.values.push(value);
      // Case is checked against the least capitalised spelling given ("Gaza strip" and "Gaza Strip").
      const caps = (x: string) => x.replace(/[^A-Z]/g, '').length;
      const trimmed = alias.trim().replace(/\s+/g, ' ');
      if (caps(trimmed) < caps(hit.alias) && trimmed.length === hit.alias.length) hit.alias = trimmed;
    } else this.map.set(key, { alias: alias.trim().replace(/\s+/g, ' '), values: [value] });
    for (let i = key.indexOf(' '); i > 0; i = key.indexOf(' ', i + 1)) this.prefixes.add(key.slice(0, i));
    if (!/^[A-Z0-9\u00C0-\u00DE]/.test(alias.trim())) this.lowerFirst.add(key.split(/[\s-]/)[0]!);
    const fw = key.split(' ')[0]!;
    this.firstWords.add(fw);
    for (let k = 1; k <= fw.length; k++) this.firstPrefixes.add(fw.slice(0, k));
  }

  /** Exact look-up of a folded phrase. */
  get(phrase: string): readonly T[] | undefined {
    return this.map.get(foldKey(phrase))?.values;
  }

  /** The longest alias starting at token `i` and ending before token `end`, or null. */
  longestAt(tokens: readonly Token[], i: number, end: number): PhraseMatch<T> | null {
    // Small enough to be inlined: most tokens are turned away here without a call.
    return this.canStart(tokens, i, end) ? this.scan(tokens, i, end) : null;
  }

  /** Cheap test: can an alias start at token `i` (case, first word, or glued tokens spelling one)? */
  private canStart(tokens: readonly Token[], i: number, end: number): boolean {
    const t0 = tokens[i]!;
    const c0 = t0.text.charCodeAt(0);
    if (this.caseSensitive && c0 >= 97 && c0 <= 122 && !this.lowerFirst.has(t0.norm)) return false;
    const k0 = tokenKey(tokens, i);
    if (this.firstWords.has(k0)) return true;
    const t1 = tokens[i + 1];
    // Tokens glued together ("U" "." "S" "."): only worth scanning if they can spell a first word.
    return t1 !== undefined && i + 1 < end && t1.start === t0.end && this.firstPrefixes.has(k0);
  }

  private scan(tokens: readonly Token[], i: number, end: number): PhraseMatch<T> | null {
    const t0 = tokens[i]!;
    const k0 = tokenKey(tokens, i);
    let key = k0;
    let raw = t0.text;
    let best: PhraseMatch<T> | null = null;
    const stop = Math.min(end, i + MAX_TOKENS);
    for (let j = i; j < stop; j++) {
      const t = tokens[j]!;
      if (j > i) {
        if (t.start > tokens[j - 1]!.end) {
          if (!this.prefixes.has(key)) break;
          key += ' ';
          raw += ' ';
        }
        key += tokenKey(tokens, j);
        raw += t.text;
      }
      const hit = this.map.get(key);
      if (hit && (!this.caseSensitive || caseFits(hit.alias, raw))) {
        best = { tokenStart: i, tokenEnd: j + 1, values: hit.values, alias: hit.alias };
      }
    }
    return best;
  }
}

/** Every upper-case letter of the alias is upper-case in the text; all-lower-case text never fits a capitalised alias. */
function caseFits(alias: string, raw: string): boolean {
  if (alias.length !== raw.length) return /[A-Z]/.test(raw[0] ?? '') || alias[0] === raw[0];
  for (let k = 0; k < alias.length; k++) {
    const a = alias[k]!;
    if (a !== a.toLowerCase() && raw[k] === raw[k]!.toLowerCase()) return false;
  }
  return true;
}
