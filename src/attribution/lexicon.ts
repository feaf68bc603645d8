import { z } from 'zod';
import { loadData, type ModalCueKind, type PosTag } from '../core/index.js';

const FRAMES = ['clause', 'paren', 'colon', 'recipient', 'to', 'noThat', 'object'] as const;

/** A syntactic frame a reporting verb can take (see data/reporting.json). */
export type Frame = (typeof FRAMES)[number];

const ReportingSchema = z.object({
  about: z.string().optional(),
  verbs: z.array(z.object({ lemma: z.string().min(1), frames: z.array(z.enum(FRAMES)).min(1), particles: z.array(z.string().min(1)).optional() })),
  phrases: z.array(
    z.object({
      words: z.array(z.string().min(1)).min(1),
      kind: z.enum(['according-to', 'reported']),
      source: z.enum(['before', 'after']),
    }),
  ),
  hearsay: z.array(z.string().min(1)),
  nouns: z.array(z.object({ lemma: z.string().min(1), preps: z.array(z.string().min(1)).optional() })).optional(),
  adjectives: z.array(z.object({ lemma: z.string().min(1), preps: z.array(z.string().min(1)) })).optional(),
  naming: z.array(z.string().min(1)).optional(),
});

const POS_TAGS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X', 'SPACE'] as const;

const ModalitySchema = z.object({
  about: z.string().optional(),
  cues: z.array(
    z.object({
      words: z.array(z.string().min(1)).min(1),
      kind: z.enum(['negation', 'hedge', 'condition', 'intention', 'future', 'hearsay']),
      pos: z.array(z.enum(POS_TAGS)).optional(),
      scope: z.enum(['forward', 'clause']).optional(),
    }),
  ),
  notNegatedBy: z.array(z.string().min(1)).optional(),
});

/** The reporting-cue lexicon, indexed for look-up. */
export interface ReportingLexicon {
  /** lemma → frames it takes. */
  readonly verbs: ReadonlyMap<string, ReadonlySet<Frame>>;
  /** lemma → words that join the cue when they follow the verb ("call for"). */
  readonly particles: ReadonlyMap<string, ReadonlySet<string>>;
  /** first word → phrases starting with it. */
  readonly phrases: ReadonlyMap<string, readonly { words: readonly string[]; kind: 'according-to' | 'reported'; source: 'before' | 'after' }[]>;
  readonly hearsay: ReadonlySet<string>;
  /** nominal cues: the claim that ..., his plan to ... */
  readonly nouns: ReadonlySet<string>;
  /** nominal cues → the prepositions that take their object when a source is named (her criticism of ...). */
  readonly nounPreps: ReadonlyMap<string, ReadonlySet<string>>;
  /** stance adjectives after "be" (critical of, sure that) → the prepositions that take their object. */
  readonly adjectives: ReadonlyMap<string, ReadonlySet<string>>;
  /** verbs whose short quoted object quotes the subject ("called the plan “a fraud”"). */
  readonly naming: ReadonlySet<string>;
}

/** One modality cue pattern. */
export interface ModalPattern {
  readonly words: readonly string[];
  readonly kind: ModalCueKind;
  readonly pos: ReadonlySet<PosTag> | null;
  /** 'forward': from the cue to the end of its clause; 'clause': the whole clause around it. */
  readonly scope: 'forward' | 'clause';
}

/** The modality lexicon: patterns indexed by their first word. */
export interface ModalityLexicon {
  readonly byFirst: ReadonlyMap<string, readonly ModalPattern[]>;
  /** words that cancel a following negation cue's reading ("not only", "no doubt"). */
  readonly notNegatedBy: ReadonlySet<string>;
}

let reporting: ReportingLexicon | null = null;
let modality: ModalityLexicon | null = null;

/** Loads data/reporting.json once. */
export function reportingLexicon(): ReportingLexicon {
  if (!reporting) {
    const d = loadData('reporting.json', ReportingSchema);
    const verbs = new Map<string, Set<Frame>>();
    const particles = new Map<string, Set<string>>();
    for (const v of d.verbs) {
      verbs.set(v.lemma.toLowerCase(), new Set(v.frames));
      if (v.particles) particles.set(v.lemma.toLowerCase(), new Set(v.particles.map((w) => w.toLowerCase())));
    }
    const phrases = new Map<string, { words: string[]; kind: 'according-to' | 'reported'; source: 'before' | 'after' }[]>();
    for (const p of d.phrases) {
      const words = p.words.map((w) => w.toLowerCase());
      const list = phrases.get(words[0]!) ?? [];
      list.push({ ...p, words });
      phrases.set(words[0]!, list);
    }
    for (const list of phrases.values()) list.sort((a, b) => b.words.length - a.words.length);
    reporting = { verbs, particles, phrases, hearsay: new Set(d.hearsay.map((w) => w.toLowerCase())), nouns: new Set((d.nouns ?? []).map((n) => n.lemma.toLowerCase())), nounPreps: new Map((d.nouns ?? []).filter((n) => n.preps).map((n) => [n.lemma.toLowerCase(), new Set(n.preps!.map((w) => w.toLowerCase()))])), naming: new Set((d.naming ?? []).map((w) => w.toLowerCase())), adjectives: new Map((d.adjectives ?? []).map((a) => [a.lemma.toLowerCase(), new Set(a.preps.map((w) => w.toLowerCase()))])) };
  }
  return reporting;
}

/** Loads data/modality.json once. */
export function modalityLexicon(): ModalityLexicon {
  if (!modality) {
    const d = loadData('modality.json', ModalitySchema);
    const byFirst = new Map<string, ModalPattern[]>();
    for (const c of d.cues) {
      const words = c.words.map((w) => w.toLowerCase());
      const list = byFirst.get(words[0]!) ?? [];
      list.push({ words, kind: c.kind, pos: c.pos ? new Set(c.pos) : null, scope: c.scope ?? 'forward' });
      byFirst.set(words[0]!, list);
    }
    for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
    modality = { byFirst, notNegatedBy: new Set((d.notNegatedBy ?? []).map((w) => w.toLowerCase())) };
  }
  return modality;
}
