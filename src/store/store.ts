import type { DocumentMeta, Modality, PloverType } from '../core/index.js';
import type { Extraction } from '../output/schema.js';
import type { MergedEvent, MentionInput } from '../situation/index.js';

/** What `putDocument` stores: the document's text and metadata and everything extracted from it. */
export interface DocumentInput {
  readonly id: string;
  readonly text: string;
  readonly meta: DocumentMeta;
  /** sha256 of the text (see `contentHash`): the same content is stored once. */
  readonly contentHash: string;
  readonly extraction: Extraction;
}

/** One stored document as listed by `documents()` (no text, no extraction). */
export interface DocumentRow {
  readonly id: string;
  readonly contentHash: string;
  readonly externalId: string | null;
  readonly title: string | null;
  readonly published: string | null;
  readonly url: string | null;
  readonly publisher: string | null;
  readonly source: string | null;
  readonly eventCount: number;
  readonly ingestedAt: string;
}

/** One stored document with its text and its full extraction. */
export interface StoredDocument extends DocumentRow {
  readonly text: string;
  readonly extraction: Extraction;
}

/** An event merged across documents, as `mergeMentions` builds it (src/situation). */
export type { MergedEvent, MentionInput } from '../situation/index.js';

/**
 * Filters of `events()`. Dates are YYYY-MM-DD and keep events whose date range overlaps them;
 * actor/recipient match a participant's name, key or country code, case-insensitively; modality
 * matches the merged status (confirmed = asserted, denied = negated, the others by name).
 */
export interface EventFilter {
  readonly actor?: string;
  readonly recipient?: string;
  readonly type?: PloverType;
  readonly modality?: Modality;
  readonly since?: string;
  readonly until?: string;
}

/** Filters of `documents()` on the publication date (YYYY-MM-DD). */
export interface DocumentFilter {
  readonly since?: string;
  readonly until?: string;
}

/** Filters of `entities()`. */
export interface EntityFilter {
  readonly kind?: string;
  /** case-insensitive substring of the name */
  readonly name?: string;
}

/** An entity aggregated over all documents (same kind and same name, case-insensitively). */
export interface EntityRow {
  readonly name: string;
  readonly kind: string;
  readonly country: string | null;
  readonly sector: string | null;
  readonly documents: number;
  readonly mentions: number;
}

/** Sizes of a store. */
export interface StoreCounts {
  readonly documents: number;
  readonly eventMentions: number;
  readonly mergedEvents: number;
  readonly entities: number;
}

/** Outcome of `putDocument`. */
export type PutResult = 'new' | 'duplicate';

/**
 * The one store interface (SQLite and PostgreSQL). Async because pg is; every listing is an async
 * iterable read in pages, so memory stays constant for any store size.
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Schema version after migrations. */
  schemaVersion(): Promise<number>;
  /** True when a document with this content hash is stored. */
  hasContent(contentHash: string): Promise<boolean>;
  /** Stores a document and everything extracted from it in ONE transaction; the same content twice is stored once. */
  putDocument(doc: DocumentInput): Promise<PutResult>;
  /** One document with its text and extraction, or null. */
  getDocument(id: string): Promise<StoredDocument | null>;
  /** Documents in publication-date order (undated last). */
  documents(filter?: DocumentFilter): AsyncIterable<DocumentRow>;
  /** Full stored documents in publication-date order (the input of the situation). */
  storedDocuments(filter?: DocumentFilter): AsyncIterable<StoredDocument>;
  /** Every stored event mention with its document, in publication-date order. */
  eventMentions(): AsyncIterable<MentionInput>;
  /** Merged events (recomputed first when documents were added since the last merge), by date. */
  events(filter?: EventFilter): AsyncIterable<MergedEvent>;
  /** Entities aggregated across documents, by kind and name. */
  entities(filter?: EntityFilter): AsyncIterable<EntityRow>;
  /**
   * Recomputes the merged events from all mentions and returns how many there are; with
   * `ifStale`, only when documents were added since the last merge.
   */
  refreshMerged(options?: { readonly ifStale?: boolean }): Promise<number>;
  counts(): Promise<StoreCounts>;
  close(): Promise<void>;
}
