import type { EventOut, Extraction } from '../output/schema.js';

/** The document an event or extraction came from. `published` is YYYY-MM-DD or null. */
export interface DocRef {
  readonly id: string;
  readonly published: string | null;
  readonly url?: string | null;
  readonly title?: string | null;
}

/** One event of one document's extraction, with that document. Input of `mergeMentions`. */
export interface MentionInput {
  readonly event: EventOut;
  readonly document: DocRef;
}

/**
 * One document's extraction for `buildSituation`. `document` defaults to `extraction.document`;
 * `text` (the article text the extraction's offsets point into) is optional but lets the
 * situation read sentences that carry no event (phase words, proof of life, ...).
 */
export interface SituationInput {
  readonly extraction: Extraction;
  readonly document?: DocRef;
  readonly text?: string;
}

/** The mentions of a batch of extractions, ready for `mergeMentions`. */
export function mentionsOf(docs: readonly SituationInput[]): MentionInput[] {
  const out: MentionInput[] = [];
  for (const d of docs) {
    const document = docRefOf(d);
    for (const event of d.extraction.events) out.push({ event, document });
  }
  return out;
}

/** The document reference of a situation input. */
export function docRefOf(d: SituationInput): DocRef {
  if (d.document) return d.document;
  const x = d.extraction.document;
  return { id: x.id, published: x.published, url: x.url ?? null, title: x.title };
}
