import type { Token } from '../core/index.js';
import type { Tense } from './resolve.js';

const FUTURE_AUX = new Set(['will', "'ll", '’ll', 'shall', 'wo']);
const PAST_AUX = new Set(['was', 'were', 'had', 'did', 'been', "'d"]);
const WINDOW = 4;

function verbTense(t: Token): Tense | null {
  if (t.pos !== 'VERB' && t.pos !== 'AUX') return null;
  if (FUTURE_AUX.has(t.norm)) return 'future';
  if (PAST_AUX.has(t.norm)) return 'past';
  if (t.pos === 'VERB' && t.norm !== t.lemma && !t.norm.endsWith('ing') && !t.norm.endsWith('s')) return 'past';
  return 'present';
}

/**
 * The tense of the clause around a character offset, read from the sentence's tokens: the
 * nearest verb decides, and a future auxiliary ("will", "'ll", "going to", "plans to") a few
 * tokens before that verb makes it future.
 * @example // "She will meet them on Friday" → 'future'; "He said Friday" → 'past'
 */
export function tenseAt(tokens: readonly Token[], first: number, last: number, at: number, futureCues: ReadonlySet<string>): Tense {
  let best = -1;
  let bestDist = Infinity;
  let anchor = first;
  while (anchor < last && tokens[anchor]!.end <= at) anchor++;
  for (let i = first; i < last; i++) {
    const t = tokens[i]!;
    if (t.pos !== 'VERB' && t.pos !== 'AUX') continue;
    const d = Math.abs(i - anchor) + (i >= anchor ? 0.5 : 0);
    if (d < bestDist) {
      bestDist = d;
      best = i;
    }
  }
  if (best < 0) return 'present';
  const own = verbTense(tokens[best]!)!;
  if (own === 'future') return 'future';
  for (let j = Math.max(first, best - WINDOW); j < best; j++) {
    const t = tokens[j]!;
    if (FUTURE_AUX.has(t.norm)) return 'future';
    if (t.norm === 'to' && j > first && futureCues.has(tokens[j - 1]!.norm)) return 'future';
    if (t.norm === 'to' && j > first && tokens[j - 1]!.norm === 'going') return 'future';
  }
  if (own === 'present' && best + 1 < last && tokens[best + 1]!.norm === 'to' && futureCues.has(tokens[best]!.norm)) return 'future';
  return own;
}
