import type { Modality, Token } from '../core/index.js';
import type { ModalityLexicon } from './lexicon.js';

/** The modality cues seen before a trigger in its clause. */
export interface ModalityReading {
  readonly modality: Modality;
  /** a volitional negation ("will not", "refused to"): refusals of cooperation are coded REJECT */
  readonly volitional: boolean;
  /** a commitment (will, plans to, is ready to): future cooperation is coded AGREE, future force THREATEN */
  readonly commitment: boolean;
  /** an 'unless' condition in the clause: a conditional commitment is a threat */
  readonly unless: boolean;
  readonly cue: string | null;
}

const WOULD: readonly (readonly string[])[] = [['would']];
const COMMITMENT = new Set(['due to', 'expected to', 'scheduled to', 'will', "'ll", 'shall', 'plan to', 'plans to', 'planned to', 'planning to', 'intend to', 'intends to', 'intended to', 'going to', 'set to', 'is to', 'are to', 'ready to', 'willing to', 'prepared to', 'aim to', 'aims to', 'promised to', 'pledged to', 'vowed to', 'offered to', 'agreed to', 'agrees to']);

function matchAt(tokens: readonly Token[], i: number, end: number, seq: readonly string[]): boolean {
  if (i + seq.length > end) return false;
  for (let k = 0; k < seq.length; k++) if (tokens[i + k]!.norm !== seq[k]) return false;
  return true;
}

const uncond = new WeakMap<readonly (readonly string[])[], (readonly string[])[]>();

function unconditional(cues: readonly (readonly string[])[]): readonly (readonly string[])[] {
  let u = uncond.get(cues);
  if (!u) {
    u = cues.filter((c) => c[0] !== 'if' && c[0] !== 'unless');
    uncond.set(cues, u);
  }
  return u;
}

const byFirst = new WeakMap<readonly (readonly string[])[], Map<string, (readonly string[])[]>>();

function index(cues: readonly (readonly string[])[]): Map<string, (readonly string[])[]> {
  let m = byFirst.get(cues);
  if (!m) {
    m = new Map();
    for (const c of cues) {
      const l = m.get(c[0]!) ?? [];
      l.push(c);
      m.set(c[0]!, l);
    }
    byFirst.set(cues, m);
  }
  return m;
}

function firstCue(tokens: readonly Token[], from: number, to: number, cues: readonly (readonly string[])[]): string | null {
  const ix = index(cues);
  for (let i = from; i < to; i++) {
    const list = ix.get(tokens[i]!.norm);
    if (!list) continue;
    for (const c of list) if (matchAt(tokens, i, to, c)) return c.join(' ');
  }
  return null;
}

/**
 * Reads the modality of an event from the cues between the start of its clause and its trigger,
 * plus what the caller knows (inside an attribution, after a reporting verb). Order of strength:
 * negated > potential > planned > reported > asserted.
 * `reportingBefore` says whether a verb of saying precedes in the sentence, which turns a bare
 * "would" from a hypothetical into a reported intention ("they said they would boycott").
 */
export function readModality(
  tokens: readonly Token[],
  clauseStart: number,
  trigger: number,
  clauseEnd: number,
  lex: ModalityLexicon,
  opts: { reported: boolean; reportingBefore: boolean },
): ModalityReading {
  const volitional = firstCue(tokens, clauseStart, trigger, lex.volitional);
  const neg = volitional ?? firstCue(tokens, clauseStart, trigger, lex.negation);
  let unless = false;
  // 'unless', or an 'if' clause with a negation ("if the captives are not freed"): a negative condition
  let ifAt = -1;
  for (let i = clauseStart; i < clauseEnd; i++) {
    const w = tokens[i]!.norm;
    if (w === 'unless') unless = true;
    else if (w === 'if') ifAt = i;
    else if (ifAt >= 0 && i - ifAt <= 10 && (w === 'not' || w === "n't" || w === 'n’t' || w === 'fail' || w === 'fails')) unless = true;
  }
  if (neg) return { modality: 'negated', volitional: volitional !== null, commitment: false, unless, cue: neg };
  let pot = firstCue(tokens, clauseStart, trigger, lex.potential);
  if (pot === 'would' && opts.reportingBefore) pot = null;
  if (pot === 'if' || pot === 'unless') {
    // a condition after the commitment ("will withdraw unless ...") makes it conditional, not hypothetical
    pot = firstCue(tokens, clauseStart, trigger, unconditional(lex.potential));
  }
  if (pot) return { modality: 'potential', volitional: false, commitment: false, unless, cue: pot };
  let plan = firstCue(tokens, clauseStart, trigger, lex.planned);
  if (!plan && opts.reportingBefore && firstCue(tokens, clauseStart, trigger, WOULD)) plan = 'would';
  if (plan) return { modality: 'planned', volitional: false, commitment: COMMITMENT.has(plan) || plan === 'would', unless, cue: plan };
  const rep = firstCue(tokens, clauseStart, trigger, lex.reported);
  if (rep || opts.reported) return { modality: 'reported', volitional: false, commitment: false, unless, cue: rep };
  return { modality: 'asserted', volitional: false, commitment: false, unless, cue: null };
}
