import type { ModalCueKind, Token } from '../core/index.js';
import type { ModalityLexicon } from './lexicon.js';
import type { TokenRange } from './reported.js';

/** A modality cue found in one sentence, as token ranges (half-open). */
export interface ModalCandidate {
  readonly kind: ModalCueKind;
  readonly cue: [number, number];
  readonly scope: [number, number];
  readonly rule: string;
}

const BOUNDARY_PUNCT = new Set(['.', '?', '!', '…', ',', ';', ':', '—', '–', '--', '―', '(', ')', '“', '”', '"', '«', '»']);
const BOUNDARY_WORDS = new Set(['but', 'though', 'although', 'while', 'whereas', 'because', 'yet']);
const PURPOSE_BEFORE = new Set(['NOUN', 'PROPN', 'PRON', 'ADV', 'NUM']);

function isBoundary(t: Token): boolean {
  return BOUNDARY_PUNCT.has(t.text) || ((t.pos === 'CCONJ' || t.pos === 'SCONJ') && BOUNDARY_WORDS.has(t.norm));
}

/** End (exclusive) of the clause that token i sits in. */
function clauseEnd(tokens: readonly Token[], i: number, hi: number): number {
  let j = i;
  while (j < hi && !isBoundary(tokens[j]!)) j++;
  while (j > i && tokens[j - 1]!.pos === 'PUNCT') j--;
  return j;
}

/** Start of the clause that token i sits in. */
function clauseStart(tokens: readonly Token[], i: number, lo: number): number {
  let j = i;
  while (j > lo && !isBoundary(tokens[j - 1]!)) j--;
  return j;
}

/** True when the words of `p` match tokens from i on (lower-cased form or lemma). */
function matchAt(tokens: readonly Token[], i: number, hi: number, words: readonly string[]): boolean {
  if (i + words.length > hi) return false;
  for (let k = 0; k < words.length; k++) {
    const t = tokens[i + k]!;
    if (t.norm !== words[k] && t.lemma !== words[k]) return false;
  }
  return true;
}

/**
 * Finds modality cues in one sentence (longest match first, no overlapping cues) and gives each
 * its scope: from the cue to the end of its clause. Linear in the sentence length.
 */
export function findModalCues(tokens: readonly Token[], s: TokenRange, lex: ModalityLexicon): ModalCandidate[] {
  const out: ModalCandidate[] = [];
  const lo = s.tokenStart;
  const hi = s.tokenEnd;
  for (let i = lo; i < hi; i++) {
    const t = tokens[i]!;
    const byNorm = lex.byFirst.get(t.norm);
    const byLemma = t.lemma !== t.norm ? lex.byFirst.get(t.lemma) : undefined;
    const pats = byNorm && byLemma ? [...byNorm, ...byLemma].sort((a, b) => b.words.length - a.words.length) : (byNorm ?? byLemma);
    let hit = false;
    if (pats) {
      for (const p of pats) {
        if (p.pos && !p.pos.has(t.pos)) continue;
        if (!matchAt(tokens, i, hi, p.words)) continue;
        const cueEnd = i + p.words.length;
        if (p.kind === 'negation' && cueEnd < hi && lex.notNegatedBy.has(tokens[cueEnd]!.norm)) break;
        const start = p.scope === 'clause' ? clauseStart(tokens, i, lo) : i;
        out.push({ kind: p.kind, cue: [i, cueEnd], scope: [start, Math.max(cueEnd, clauseEnd(tokens, cueEnd, hi))], rule: p.words.join('-') });
        i = cueEnd - 1;
        hit = true;
        break;
      }
    }
    if (hit) continue;
    // purpose infinitive: "..., to secure the release" / "talks to secure a deal"
    if (t.norm === 'to' && t.pos === 'PART' && i > lo && i + 1 < hi && tokens[i + 1]!.pos === 'VERB') {
      const p = tokens[i - 1]!;
      if (p.text === ',' || PURPOSE_BEFORE.has(p.pos)) {
        out.push({ kind: 'intention', cue: [i, i + 1], scope: [i, Math.max(i + 1, clauseEnd(tokens, i + 1, hi))], rule: 'purpose-infinitive' });
      }
    }
  }
  return out;
}
