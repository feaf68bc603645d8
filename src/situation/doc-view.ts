import type { EntityOut, EventOut, Extraction } from '../output/schema.js';
import { docRefOf, type DocRef, type SituationInput } from './inputs.js';
import { lexicon, type Word, words } from './lexicon.js';
import { partyKey, sourceRef } from './util.js';
import type { SourceRef } from './schema.js';

/** A sentence of a document: its span, its text when known, and its words (lazily). */
export interface SentenceView {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly text: string | null;
  readonly events: EventOut[];
  /** A headline-like line with no final stop. */
  readonly headline: boolean;
}

/** An entity mention placed in the document, with its entity. */
export interface PlacedMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly form: string;
  readonly entity: EntityOut;
}

type DateOut = Extraction['dates'][number];
type QuantityOut = Extraction['quantities'][number];

function lowerBound<T>(xs: readonly T[], start: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(xs[mid]!) < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function within<T extends { start: number; end: number }>(xs: readonly T[], s: { start: number; end: number }): T[] {
  const out: T[] = [];
  for (let i = lowerBound(xs, s.start, (x) => x.start); i < xs.length && xs[i]!.start < s.end; i++) {
    if (xs[i]!.end <= s.end) out.push(xs[i]!);
  }
  return out;
}

/**
 * Read-only lookups over one document's extraction: sentences (with text when the article
 * text or the events give it), entity mentions, dates and quantities by sentence. Every lookup
 * is a binary search, so reading all sentences stays linear-logarithmic in the document.
 */
export class DocView {
  readonly ref: DocRef;
  readonly extraction: Extraction;
  readonly sentences: SentenceView[];
  readonly mentions: PlacedMention[];
  readonly dates: DateOut[];
  readonly quantities: QuantityOut[];
  private readonly entityById: Map<string, EntityOut>;
  private readonly wordCache = new Map<number, Word[]>();

  constructor(input: SituationInput) {
    this.ref = docRefOf(input);
    const x = (this.extraction = input.extraction);
    this.entityById = new Map(x.entities.map((e) => [e.id, e]));
    const textOf = new Map<number, string>();
    for (const e of x.events) if (e.sentence.text !== undefined) textOf.set(e.sentence.start, e.sentence.text);
    const spans = new Map<number, { start: number; end: number; headline?: boolean | undefined }>();
    for (const s of x.sentences ?? []) spans.set(s.start, { start: s.start, end: s.end, headline: s.headline });
    for (const e of x.events) if (!spans.has(e.sentence.start)) spans.set(e.sentence.start, { start: e.sentence.start, end: e.sentence.end });
    const sorted = [...spans.values()].sort((a, b) => a.start - b.start);
    this.sentences = sorted.map((s, index) => ({
      index,
      start: s.start,
      end: s.end,
      text: input.text !== undefined ? input.text.slice(s.start, s.end) : (textOf.get(s.start) ?? null),
      events: [],
      headline: s.headline === true,
    }));
    for (const e of x.events) this.sentenceAt(e.sentence.start)?.events.push(e);
    this.mentions = x.entities
      .flatMap((entity) => entity.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text, form: m.form, entity })))
      .sort((a, b) => a.start - b.start || b.end - a.end);
    this.dates = [...x.dates].sort((a, b) => a.start - b.start);
    this.quantities = [...x.quantities].sort((a, b) => a.start - b.start);
  }

  /** The sentence containing an offset, or null. */
  sentenceAt(offset: number): SentenceView | null {
    const i = lowerBound(this.sentences, offset + 1, (s) => s.start) - 1;
    const s = this.sentences[i];
    return s && s.start <= offset && offset < Math.max(s.end, s.start + 1) ? s : null;
  }

  /** The words of a sentence with document offsets ([] when its text is unknown). */
  words(s: SentenceView): Word[] {
    let ws = this.wordCache.get(s.index);
    if (!ws) {
      ws = s.text === null ? [] : words(s.text, s.start);
      this.wordCache.set(s.index, ws);
    }
    return ws;
  }

  /** Text of a document span, when the sentence text is known. */
  slice(s: SentenceView, start: number, end: number): string | null {
    if (s.text === null) return null;
    return s.text.slice(Math.max(0, start - s.start), Math.max(0, end - s.start));
  }

  /** Entity mentions inside a span. */
  mentionsIn(span: { start: number; end: number }): PlacedMention[] {
    return within(this.mentions, span);
  }

  /** Dates inside a span. */
  datesIn(span: { start: number; end: number }): DateOut[] {
    return within(this.dates, span);
  }

  /** Quantities inside a span. */
  quantitiesIn(span: { start: number; end: number }): QuantityOut[] {
    return within(this.quantities, span);
  }

  /** The entity with this id. */
  entity(id: string): EntityOut | undefined {
    return this.entityById.get(id);
  }

  /** The entities of the document. */
  get entities(): readonly EntityOut[] {
    return this.extraction.entities;
  }

  /** Party key of an entity reference (country code for state actors, name otherwise). */
  party(ref: { id: string; name: string; country: string | null; sector: string | null }): string {
    return partyKey(ref, this.entityById.get(ref.id)?.kind ?? null);
  }

  /** A source link to a sentence (with its text when known). */
  source(s: SentenceView): SourceRef {
    return sourceRef(this.ref, { start: s.start, end: s.end, text: s.text ?? undefined });
  }

  /** True when a word at index i is preceded (within `window` words) by a negation word. */
  negatedAt(ws: readonly Word[], i: number, window = 3): boolean {
    const neg = lexicon().negation;
    for (let k = Math.max(0, i - window); k < i; k++) if (neg.has(ws[k]!.norm) || ws[k]!.norm.endsWith("n't")) return true;
    return false;
  }
}

/** Index of the first word starting at or after an offset. */
export function wordIndexAt(ws: readonly Word[], offset: number): number {
  return lowerBound(ws, offset, (w) => w.start);
}
