import type { Token } from '../core/index.js';

/** Token-level helpers for noun phrases and clause edges, bounded to one sentence [lo, hi). */

const NP_POS = new Set(['PROPN', 'NOUN', 'PRON', 'DET', 'ADJ', 'NUM']);
const NP_HEAD = new Set(['PROPN', 'NOUN', 'PRON', 'NUM']);
const NP_LINKS = new Set(['of', 'for', 'at', 'from', 'with', 'in', 'on']);
const RELATIVES = new Set(['who', 'which', 'whom', 'whose', 'that', 'what', 'where', 'when', 'why', 'how']);
const MAX_NP = 14;
const QUANTIFIER_SUBJECTS = new Set(['all', 'both', 'many', 'most', 'some', 'several', 'few', 'others', 'each', 'either', 'neither']);

/** True for the punctuation that closes a quotation. */
export function isCloseQuote(t: Token | undefined): boolean {
  return t !== undefined && (t.text === '”' || t.text === '»' || t.text === '"' || t.text === "'" || t.text === "''");
}

/** True for the punctuation that opens a quotation. */
export function isOpenQuote(t: Token | undefined): boolean {
  return t !== undefined && (t.text === '“' || t.text === '«' || t.text === '"' || t.text === "''" || t.text === "'");
}

/** True for a token that may be part of a noun phrase. */
export function isNpToken(t: Token): boolean {
  if (t.pos === 'PRON' && RELATIVES.has(t.norm)) return false;
  if (NP_POS.has(t.pos)) return true;
  if (t.pos === 'PART' && (t.norm === "'s" || t.norm === "'")) return true;
  return t.pos === 'PUNCT' && (t.text === '-' || t.text === '&' || t.text === '.');
}

/** The noun phrase ending at token `k` (walking left), as [start, k+1), or null when there is none. */
export function npLeft(tokens: readonly Token[], k: number, lo: number): [number, number] | null {
  let a = k + 1;
  let j = k;
  while (j >= lo && k - j < MAX_NP) {
    const t = tokens[j]!;
    // a capitalised word right before the verb is a name, whatever wink says ("Lynch/VERB said")
    const nextIsName = j === k || tokens[j + 1]!.pos === 'PROPN' || tokens[j + 1]!.text === '(';
    if (isNpToken(t) || (nextIsName && /^[A-Z][a-z]/.test(t.text) && (t.pos === 'VERB' || t.pos === 'ADJ' || t.pos === 'ADV'))) {
      a = j;
      j--;
      continue;
    }
    // "the Prisoners' Club": a possessive apostrophe glued to a plural inside the name
    if (t.text === "'" && a === j + 1 && j - 1 >= lo && tokens[j - 1]!.end === t.start && /s$/i.test(tokens[j - 1]!.text) && NP_HEAD.has(tokens[j - 1]!.pos)) {
      j--;
      continue;
    }
    // "Sen. Jane Doe (D-Ore.)": a short bracket inside the name
    if (t.text === ')' && a > k) {
      let o = j - 1;
      while (o >= lo && j - o < 8 && tokens[o]!.text !== '(') o--;
      if (o >= lo && tokens[o]!.text === '(') {
        j = o - 1;
        continue;
      }
    }
    // "Smith and Jones": a conjunction between two noun phrases
    if (t.pos === 'CCONJ' && (t.norm === 'and' || t.norm === 'or') && a <= k && j - 1 >= lo && NP_HEAD.has(tokens[j - 1]!.pos)) {
      j--;
      continue;
    }
    // "a spokesman for the ministry": a link word between two noun phrases
    if (t.pos === 'ADP' && NP_LINKS.has(t.norm) && j - 1 >= lo && a <= k && NP_HEAD.has(tokens[j - 1]!.pos)) {
      j--;
      continue;
    }
    break;
  }
  if (a > k) return null;
  while (a <= k && !isHeadish(tokens[a]!) && tokens[a]!.pos !== 'DET' && tokens[a]!.pos !== 'ADJ' && tokens[a]!.pos !== 'NUM' && !(a === k && /^[A-Z][a-z]/.test(tokens[a]!.text))) a++;
  for (let i = a; i <= k; i++) if (NP_HEAD.has(tokens[i]!.pos)) return [a, k + 1];
  if (/^[A-Z][a-z]/.test(tokens[k]!.text) && a === k) return [a, k + 1];
  // "all agreed that ...", "many say ...": a quantifier standing alone as the subject
  if (a === k && QUANTIFIER_SUBJECTS.has(tokens[k]!.norm)) return [a, k + 1];
  // wink tags some nouns as adjectives ("the general", "the union"): a determiner plus adjective head
  if (tokens[a]!.pos === 'DET' && tokens[k]!.pos === 'ADJ' && k > a) return [a, k + 1];
  return null;
}

/** The noun phrase starting at token `r` (walking right), as [r, end), or null. */
export function npRight(tokens: readonly Token[], r: number, hi: number): [number, number] | null {
  let e = r;
  let j = r;
  let sawHead = false;
  while (j < hi && j - r < MAX_NP) {
    const t = tokens[j]!;
    if (isNpToken(t)) {
      if (t.pos === 'PRON' && sawHead && t.norm !== "'s") break;
      if (NP_HEAD.has(t.pos)) sawHead = true;
      e = ++j;
      if (t.pos === 'PRON' && t.norm !== "'s") break;
      continue;
    }
    if (sawHead && ((t.pos === 'ADP' && NP_LINKS.has(t.norm)) || (t.pos === 'CCONJ' && (t.norm === 'and' || t.norm === 'or'))) && j + 1 < hi && isNpToken(tokens[j + 1]!) && tokens[j + 1]!.pos !== 'PRON') {
      j++;
      continue;
    }
    break;
  }
  while (e > r && tokens[e - 1]!.pos === 'PUNCT') e--;
  if (!sawHead && e - r >= 2 && tokens[r]!.pos === 'DET' && tokens[e - 1]!.pos === 'ADJ') sawHead = true;
  return sawHead && e > r ? [r, e] : null;
}

function isHeadish(t: Token): boolean {
  return NP_HEAD.has(t.pos);
}

/** True for a finite verb or auxiliary: evidence that a stretch is a clause. */
export function isVerbal(t: Token): boolean {
  return t.pos === 'VERB' || t.pos === 'AUX';
}

/** True when [a, b) holds a verb. */
export function hasVerb(tokens: readonly Token[], a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (isVerbal(tokens[i]!)) return true;
  return false;
}

/** Drops trailing sentence punctuation (but keeps a closing quote and what it closes). */
export function trimEnd(tokens: readonly Token[], a: number, b: number): number {
  while (b > a) {
    const t = tokens[b - 1]!;
    if (t.pos === 'PUNCT' && !isCloseQuote(t) && t.text !== ')' ) b--;
    else break;
  }
  return b;
}

/** Drops leading commas and dashes. */
export function trimStart(tokens: readonly Token[], a: number, b: number): number {
  while (a < b && tokens[a]!.pos === 'PUNCT' && !isOpenQuote(tokens[a]) && tokens[a]!.text !== '(') a++;
  return a;
}
