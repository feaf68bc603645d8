import { lowerBound, type Token } from '../core/index.js';
import type { Tense } from './resolve.js';

/** The word lists tense detection reads (from data/time-lexicon.json). */
export interface TenseCues {
  /** will, 'll, shall */
  readonly futureAux: ReadonlySet<string>;
  /** was, were, had, has (a perfect reports the past) */
  readonly pastAux: ReadonlySet<string>;
  /** verbs of planning and expecting: plan, expect, schedule (lemma or form) */
  readonly plans: ReadonlySet<string>;
}
const BE = new Set(['is', 'are', 'am', "'s", "'re", 'was', 'were']);
const WINDOW = 4;
const SPAN = 15;

function isVerb(t: Token): boolean {
  return t.pos === 'VERB' || t.pos === 'AUX';
}

function ownTense(t: Token, cues: TenseCues): Tense {
  if (cues.futureAux.has(t.norm)) return 'future';
  if (cues.pastAux.has(t.norm)) return 'past';
  if (t.pos === 'VERB' && t.norm !== t.lemma && !t.norm.endsWith('ing') && !t.norm.endsWith('s')) return 'past';
  return 'present';
}

/**
 * The tense of the clause around a character offset, read from the sentence's tokens. The verb
 * nearest the phrase decides; an auxiliary chain before it ("has been", "is expected", "will be")
 * is read from its first member; a future auxiliary ("will", "'ll", "going to"), a planning verb
 * ("plans to", "is expected to", "is to") makes it future.
 * @example // "She will meet them on Friday" → 'future'; "He said Friday" → 'past'
 */
export function tenseAt(tokens: readonly Token[], first: number, last: number, at: number, cues: TenseCues): Tense {
  const futureCues = cues.plans;
  // only the clause around the phrase matters: look at a window of tokens, found by binary search
  const anchor = Math.min(Math.max(lowerBound(tokens, at, 'end'), first), last);
  const from = Math.max(first, anchor - SPAN);
  const to = Math.min(last, anchor + SPAN);
  let best = -1;
  let bestDist = Infinity;
  for (let i = from; i < to; i++) {
    if (!isVerb(tokens[i]!)) continue;
    const d = Math.abs(i - anchor) + (i >= anchor ? 0.5 : 0);
    if (d < bestDist) {
      bestDist = d;
      best = i;
    }
  }
  if (best < 0) return 'present';
  // walk back over the auxiliary chain ("has been expected", "will be")
  let head = best;
  while (head - 1 >= from && (tokens[head - 1]!.pos === 'AUX' || tokens[head - 1]!.pos === 'PART' && tokens[head - 1]!.norm !== 'to' || tokens[head - 1]!.pos === 'ADV' && head - 2 >= from && tokens[head - 2]!.pos === 'AUX')) head--;
  const lead = tokens[head]!;
  if (futureCues.has(tokens[best]!.lemma) || futureCues.has(tokens[best]!.norm)) return 'future';
  for (let j = Math.max(from, head - WINDOW); j < head; j++) {
    const t = tokens[j]!;
    if (cues.futureAux.has(t.norm)) return 'future';
    if (t.norm === 'to' && j > from) {
      const p = tokens[j - 1]!;
      if (futureCues.has(p.norm) || futureCues.has(p.lemma) || p.norm === 'going' || BE.has(p.norm)) return 'future';
    }
  }
  // An infinitive takes the tense of the verb that governs it ("refused to comment on Monday").
  if (head === best && best - 2 >= from && tokens[best - 1]!.norm === 'to' && isVerb(tokens[best - 2]!)) return ownTense(tokens[best - 2]!, cues);
  const own = ownTense(isVerb(lead) ? lead : tokens[best]!, cues);
  return own;
}
