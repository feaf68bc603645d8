import type { Span } from './span.js';
import type { Diagnostic } from './diagnostic.js';

/** Where a record came from: the stage, its version, and the rule that fired. */
export interface Provenance {
  readonly stage: string;
  readonly version: string;
  readonly rule?: string;
}

/** Fields every layer record carries. */
export interface LayerRecord<L extends string = string> {
  readonly id: string;
  readonly span: Span;
  readonly label: L;
  readonly evidence: readonly Span[];
  readonly provenance: Provenance;
}

// ---------------------------------------------------------------- text

/** One sentence. `headline` marks a line with no final stop that stands alone. */
export interface Sentence extends LayerRecord<'sentence' | 'headline'> {
  readonly tokenStart: number;
  readonly tokenEnd: number;
}

/** Universal POS tags as wink-nlp gives them. */
export type PosTag =
  | 'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART'
  | 'PRON' | 'PROPN' | 'PUNCT' | 'SCONJ' | 'SYM' | 'VERB' | 'X' | 'SPACE';

/** One token. `norm` is lower-cased with curly quotes folded; `lemma` is wink's lemma. */
export interface Token {
  readonly i: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly norm: string;
  readonly lemma: string;
  readonly pos: PosTag;
  /** wink token type: word, number, punctuation, symbol, email, url, ... */
  readonly type: string;
  readonly sentence: number;
}

// ---------------------------------------------------------------- syntax

/**
 * A Universal Dependencies relation, with its subtype where UD English has one
 * ('nsubj', 'nsubj:pass', 'obl:agent', 'acl:relcl', 'nmod:poss', 'compound:prt', ...).
 */
export type DepRel = string;

/**
 * The dependency parse of one sentence. Arrays are indexed by `k = token.i - tokenStart`;
 * `heads[k]` is the document-wide index of the head token, or -1 for the sentence root.
 * `span` is the sentence span; `sentence` its index in the `sentences` layer.
 */
export interface Parse extends LayerRecord<'parse'> {
  readonly sentence: number;
  readonly tokenStart: number;
  readonly tokenEnd: number;
  readonly heads: readonly number[];
  readonly deprels: readonly DepRel[];
  /** UPOS as the parser's own tagger assigned it (may differ from the text stage's `pos`). */
  readonly upos: readonly PosTag[];
}

// ---------------------------------------------------------------- entities

/** The kinds of entity in the output contract. */
export type EntityKind = 'person' | 'organization' | 'country' | 'place' | 'group';

/** How an entity is mentioned. */
export type MentionForm = 'name' | 'demonym' | 'description' | 'pronoun';

/** One mention of an entity in the text. `entityId` points into the `entities` layer. */
export interface Mention extends LayerRecord<EntityKind> {
  readonly entityId: string;
  readonly form: MentionForm;
  readonly text: string;
}

/**
 * One entity of the document (a coreference cluster). `span` is its first mention;
 * `evidence` holds every mention span.
 */
export interface Entity extends LayerRecord<EntityKind> {
  readonly name: string;
  /** ISO 3166 alpha-3, or IGO/UNO/EUR/NGO/ISM/IMG/MNC; null when unknown. */
  readonly country: string | null;
  /** PLOVER/CAMEO sector such as GOV, MIL, REB, CVL, NGO; null when unknown. */
  readonly sector: string | null;
  readonly role: string | null;
  readonly affiliation: string | null;
  /** Extra facts (age, origin place, actor-dictionary id, ...). */
  readonly attributes: Readonly<Record<string, string | number | boolean | null>>;
  readonly mentionIds: readonly string[];
}

// ---------------------------------------------------------------- time

/** TIMEX3 types. */
export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** How precise a resolved date is. */
export type DatePrecision =
  | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'season' | 'year' | 'decade'
  | 'century' | 'approximate' | 'none';

/** A time expression with its TIMEX3 value resolved against the publication date. */
export interface Timex extends LayerRecord<TimexType> {
  readonly text: string;
  /** TIMEX3 value: 2025-01-19, 2024-11, 1997, 2025-W10, PAST_REF, P3W, ... */
  readonly value: string;
  readonly precision: DatePrecision;
  /** TIMEX3 mod: BEFORE, AFTER, APPROX, START, END, ... */
  readonly mod: string | null;
}

// ---------------------------------------------------------------- quantities

/** A number in the text and what it counts. */
export interface Quantity extends LayerRecord<'count' | 'age' | 'money' | 'percent' | 'measure' | 'ordinal'> {
  readonly text: string;
  readonly value: number;
  readonly approx: boolean;
  /** approximation or bound word: about, more than, at least, up to, ... */
  readonly qualifier: string | null;
  /** what it counts ("Israeli hostages", "age", "Palestinian prisoners"); null when unknown. */
  readonly of: string | null;
  readonly ofSpan: Span | null;
}

// ---------------------------------------------------------------- attribution

/** A direct quotation (content inside quote marks) with its speaker when found. */
export interface Quote extends LayerRecord<'quote'> {
  readonly text: string;
  readonly speakerEntityId: string | null;
  readonly speakerSpan: Span | null;
  readonly cueSpan: Span | null;
}

/** Kinds of attribution relation. */
export type AttributionKind = 'direct' | 'reported' | 'according-to' | 'reportedly' | 'mixed';

/** Who says what: source, cue and content spans. `span` is the content span. */
export interface Attribution extends LayerRecord<AttributionKind> {
  readonly source: Span | null;
  readonly sourceEntityId: string | null;
  readonly cue: Span;
  readonly content: Span;
  readonly quoteId: string | null;
  /**
   * True for a quotation listed only so that every quote has an attribution: it sits inside a
   * stronger relation's content or has no cue of its own. Scorers of PolNeAR-style relations skip it.
   */
  readonly nested?: boolean;
}

/** Modality of an event, ordered from strongest doubt. */
export type Modality = 'negated' | 'potential' | 'planned' | 'reported' | 'asserted';

/** The cue classes that put a clause under a modality. */
export type ModalCueKind = 'negation' | 'hedge' | 'condition' | 'intention' | 'future' | 'hearsay';

/** A modality cue and the stretch of text it governs. `span` is the cue itself. */
export interface ModalCue extends LayerRecord<ModalCueKind> {
  readonly scope: Span;
}

// ---------------------------------------------------------------- events

/** The 16 PLOVER 0.8 event types. */
export type PloverType =
  | 'AGREE' | 'CONSULT' | 'SUPPORT' | 'CONCEDE' | 'COOPERATE' | 'AID' | 'RETREAT' | 'REQUEST'
  | 'ACCUSE' | 'REJECT' | 'THREATEN' | 'PROTEST' | 'SANCTION' | 'MOBILIZE' | 'COERCE' | 'ASSAULT';

/** An event mention. `span` is the trigger. Participants point into `entities` by id. */
export interface EventMention extends LayerRecord<PloverType> {
  readonly mode: string | null;
  readonly cameo: string | null;
  readonly trigger: Span;
  readonly actorIds: readonly string[];
  readonly recipientIds: readonly string[];
  /** entity id of the place (or country) where it happened, and the mention span. */
  readonly location: { readonly entityId: string | null; readonly span: Span; readonly name: string } | null;
  readonly timexId: string | null;
  readonly quantityIds: readonly string[];
  readonly modality: Modality;
  readonly inQuote: boolean;
  readonly attributionId: string | null;
  readonly sentence: Span;
}

// ---------------------------------------------------------------- document

/** All layers a document can carry. Each is sorted by span start. */
export interface Layers {
  readonly sentences?: readonly Sentence[];
  readonly tokens?: readonly Token[];
  readonly parses?: readonly Parse[];
  readonly mentions?: readonly Mention[];
  readonly entities?: readonly Entity[];
  readonly timexes?: readonly Timex[];
  readonly quantities?: readonly Quantity[];
  readonly quotes?: readonly Quote[];
  readonly attributions?: readonly Attribution[];
  readonly modalCues?: readonly ModalCue[];
  readonly events?: readonly EventMention[];
}

/** A layer name. */
export type LayerName = keyof Layers;

/** Document metadata. `published` is an ISO date (YYYY-MM-DD) or null. */
export interface DocumentMeta {
  readonly title: string | null;
  readonly published: string | null;
  readonly url: string | null;
  readonly publisher: string | null;
  readonly source: string | null;
  /** Caller's record id (batch mode), kept verbatim. */
  readonly externalId: string | null;
}

/** One article: frozen text, metadata, layers and diagnostics. Never edited in place. */
export interface Document {
  readonly id: string;
  readonly text: string;
  readonly meta: DocumentMeta;
  readonly layers: Layers;
  readonly diagnostics: readonly Diagnostic[];
}
