import { z } from 'zod';
import { loadData, type PloverType } from '../core/index.js';
import { inflections, irregularLemma } from './inflect.js';

const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;

const words = z.array(z.string().min(1));

/** One sense of a trigger word, as written in data/triggers.json. */
export const TriggerEntrySchema = z.object({
  lemma: z.string().min(1),
  type: z.enum(PLOVER_TYPES),
  mode: z.string().optional(),
  cameo: z.string().regex(/^\d{2,4}$/).optional(),
  pos: z.enum(['verb', 'noun', 'any']).optional(),
  then: words.optional(),
  gap: z.number().int().min(0).max(8).optional(),
  notThen: words.optional(),
  prev: words.optional(),
  notPrev: words.optional(),
  window: z.number().int().min(1).max(12).optional(),
  object: words.optional(),
  objectSide: z.enum(['after', 'before', 'both']).optional(),
  notObject: words.optional(),
  context: words.optional(),
  notContext: words.optional(),
  governs: z.enum(['absorb', 'complement']).optional(),
  support: z.boolean().optional(),
  supportOnly: z.boolean().optional(),
  symmetric: z.boolean().optional(),
  requiresPlural: z.boolean().optional(),
  lowercase: z.boolean().optional(),
  priority: z.number().optional(),
  roles: z.enum(['speaker']).optional(),
  /** the least modality of the event: a stated readiness ("is ready to", "willing to") is at most planned */
  modality: z.enum(['planned', 'potential']).optional(),
  note: z.string().optional(),
});

/** One trigger sense. */
export type TriggerEntry = z.infer<typeof TriggerEntrySchema>;

const TriggerFileSchema = z.object({ about: z.string().optional(), entries: z.array(TriggerEntrySchema).min(1) });

const GrammarSchema = z.object({
  about: z.string().optional(),
  support: words,
  supportAfter: words,
  reporting: words,
  clauseBreak: words,
  actorPreps: words,
  recipientPreps: words,
  locationPreps: words,
  passiveAux: words,
  subordinators: words,
  circumstantialPreps: words,
  mainClauseOpeners: words,
});

/** Closed-class words for reading clauses (data/triggers-grammar.json). */
export type Grammar = z.infer<typeof GrammarSchema>;

const cue = z.array(z.array(z.string().min(1)).min(1));
const ModalityFileSchema = z.object({
  about: z.string().optional(),
  negation: cue,
  volitional: cue,
  potential: cue,
  planned: cue,
  reported: cue,
  denial: cue,
});

/** Modality cue lists (data/triggers-modality.json). */
export type ModalityLexicon = z.infer<typeof ModalityFileSchema>;

const CodingSchema = z.object({
  about: z.string().optional(),
  types: z.record(z.enum(PLOVER_TYPES), z.object({ quad: z.string(), modes: words.or(z.array(z.never())) })),
  planned: z.record(z.string(), z.enum(PLOVER_TYPES)),
  conditionalThreat: z.array(z.enum(PLOVER_TYPES)),
  complementModes: z.record(z.string(), z.record(z.string(), z.string())),
  refusedCooperation: z.array(z.enum(PLOVER_TYPES)),
  assaultModeCues: z.record(z.string(), z.string()),
  recodedCameo: z.record(z.string(), z.string().regex(/^\d{3,4}$/)),
});

/** PLOVER coding rules (data/plover-coding.json). */
export type Coding = z.infer<typeof CodingSchema>;

/** The loaded lexicon, indexed by every inflected form of each lemma. */
export interface Lexicon {
  readonly entries: readonly TriggerEntry[];
  readonly byForm: ReadonlyMap<string, readonly TriggerEntry[]>;
  readonly grammar: Grammar;
  readonly grammarSets: {
    readonly support: ReadonlySet<string>;
    readonly supportAfter: ReadonlySet<string>;
    readonly reporting: ReadonlySet<string>;
    readonly clauseBreak: ReadonlySet<string>;
    readonly passiveAux: ReadonlySet<string>;
    readonly recipientPreps: ReadonlySet<string>;
    readonly locationPreps: ReadonlySet<string>;
    readonly subordinators: ReadonlySet<string>;
    readonly circumstantialPreps: ReadonlySet<string>;
    readonly mainClauseOpeners: ReadonlySet<string>;
  };
  readonly modality: ModalityLexicon;
  readonly coding: Coding;
}

let cached: Lexicon | null = null;
const NONE: readonly TriggerEntry[] = [];

/** Builds a lexicon from entries (validated) and the grammar, modality and coding files. */
export function buildLexicon(entries: readonly TriggerEntry[], grammar: Grammar, modality: ModalityLexicon, coding: Coding): Lexicon {
  const byForm = new Map<string, TriggerEntry[]>();
  for (const e of entries) {
    for (const f of inflections(e.lemma)) {
      const list = byForm.get(f) ?? [];
      if (!list.includes(e)) list.push(e);
      byForm.set(f, list);
    }
  }
  const set = (xs: readonly string[]) => new Set(xs);
  return {
    entries,
    byForm,
    grammar,
    grammarSets: {
      support: set(grammar.support),
      supportAfter: set(grammar.supportAfter),
      reporting: set(grammar.reporting),
      clauseBreak: set(grammar.clauseBreak),
      passiveAux: set(grammar.passiveAux),
      recipientPreps: set(grammar.recipientPreps),
      locationPreps: set(grammar.locationPreps),
      subordinators: set(grammar.subordinators),
      circumstantialPreps: set(grammar.circumstantialPreps),
      mainClauseOpeners: set(grammar.mainClauseOpeners),
    },
    modality,
    coding,
  };
}

/** The default lexicon from data/ (loaded once). */
export function lexicon(): Lexicon {
  if (!cached) {
    const t = loadData('triggers.json', TriggerFileSchema);
    const g = loadData('triggers-grammar.json', GrammarSchema);
    const m = loadData('triggers-modality.json', ModalityFileSchema);
    const c = loadData('plover-coding.json', CodingSchema);
    cached = buildLexicon(t.entries, g, m, c);
  }
  return cached;
}

/** Trigger senses whose lemma matches a token, tried by lower-cased form, irregular form and wink lemma. */
export function sensesFor(lex: Lexicon, norm: string, lemma: string): readonly TriggerEntry[] {
  const direct = lex.byForm.get(norm);
  if (direct) return direct;
  const irr = irregularLemma(norm);
  return (irr !== null ? lex.byForm.get(irr) : undefined) ?? lex.byForm.get(lemma) ?? NONE;
}

/** The lemma to compare context words against: irregular table, then wink's lemma. */
export function baseOf(norm: string, lemma: string): string {
  return irregularLemma(norm) ?? lemma;
}
