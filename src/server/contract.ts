/**
 * The HTTP API's contract: zod schemas of query strings and response bodies (the OpenAPI document
 * is generated from them) and the types the web UI imports. Record shapes reuse the output
 * contract (src/output/schema.ts) and the situation schema.
 */
import { z } from 'zod';
import { ExtractionSchema, ModalitySchema } from '../output/schema.js';
import { MergedEventSchema, SituationSchema } from '../situation/schema.js';

export { ExtractionSchema, MergedEventSchema, SituationSchema };
export type { Extraction, EventOut, EntityOut, EntityRef } from '../output/schema.js';
export type { MergedEvent, MentionRef, Situation, SourceRef, Negotiation, Agreement, Exchange, Captive } from '../situation/schema.js';

export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;

/** True for a real calendar day written YYYY-MM-DD. */
export function isCalendarDay(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD').refine(isCalendarDay, 'not a real calendar date');
const NAME = z.string().trim().min(1).max(200);

/** Paging: `limit` (1–500, default 50) and either `offset` or the opaque `cursor` of the previous page. */
export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).optional(),
  cursor: z.string().max(64).optional(),
});

/** Filters of GET /api/events (as in `parley events`) plus the document a mention comes from. */
export const EventQuerySchema = PageQuerySchema.extend({
  actor: NAME.optional(),
  recipient: NAME.optional(),
  type: z.string().transform((s) => s.toUpperCase()).pipe(z.enum(PLOVER_TYPES)).optional(),
  modality: z.string().transform((s) => s.toLowerCase()).pipe(ModalitySchema).optional(),
  since: DAY.optional(),
  until: DAY.optional(),
  document: z.string().max(200).optional(),
});

export const DocumentQuerySchema = PageQuerySchema.extend({ since: DAY.optional(), until: DAY.optional() });

export const EntityQuerySchema = PageQuerySchema.extend({
  kind: z.enum(['person', 'organization', 'country', 'place', 'group']).optional(),
  name: NAME.optional(),
});

export const SearchQuerySchema = z.object({
  q: z.string().trim().min(2).max(200),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const SituationQuerySchema = z.object({ until: DAY.optional() });

/** Metadata sent with a plain text or HTML body (query string), or inside a JSON body. */
export const ArticleMetaSchema = z.object({
  published: DAY.optional(),
  title: z.string().max(1000).optional(),
  url: z.string().max(2000).optional(),
});

/** A JSON article body of POST /api/ingest and /api/extract. */
export const ArticleBodySchema = ArticleMetaSchema.extend({
  text: z.string().optional(),
  html: z.string().optional(),
});

export const DocumentRowSchema = z.object({
  id: z.string(),
  contentHash: z.string(),
  externalId: z.string().nullable(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  url: z.string().nullable(),
  publisher: z.string().nullable(),
  source: z.string().nullable(),
  eventCount: z.number().int(),
  ingestedAt: z.string(),
});

export const StoredDocumentSchema = DocumentRowSchema.extend({ text: z.string(), extraction: ExtractionSchema });

export const EntityRowSchema = z.object({
  name: z.string(),
  kind: z.string(),
  country: z.string().nullable(),
  sector: z.string().nullable(),
  documents: z.number().int(),
  mentions: z.number().int(),
});

export const SearchHitSchema = z.object({
  id: z.string(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  snippets: z.array(z.object({ start: z.number().int(), end: z.number().int(), text: z.string() })),
});

export const IngestResultSchema = z.object({
  results: z.array(
    z.object({
      origin: z.string(),
      status: z.enum(['new', 'duplicate', 'failed']),
      id: z.string().nullable(),
      events: z.number().int(),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
  merged_events: z.number().int(),
});

export const ErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export const HealthSchema = z.object({
  ok: z.boolean(),
  store: z.enum(['sqlite', 'postgres']),
  documents: z.number().int(),
  eventMentions: z.number().int(),
  mergedEvents: z.number().int(),
  entities: z.number().int(),
  reads_need_token: z.boolean(),
});

/** A page of a listing: `next` is the cursor of the next page, or null at the end. */
export interface Page<T> {
  readonly items: T[];
  readonly next: string | null;
  readonly offset: number;
}

export type EventQuery = z.input<typeof EventQuerySchema>;
export type DocumentRowOut = z.infer<typeof DocumentRowSchema>;
export type StoredDocumentOut = z.infer<typeof StoredDocumentSchema>;
export type EntityRowOut = z.infer<typeof EntityRowSchema>;
export type SearchHit = z.infer<typeof SearchHitSchema>;
export type IngestResult = z.infer<typeof IngestResultSchema>;
export type ErrorOut = z.infer<typeof ErrorSchema>;
export type Health = z.infer<typeof HealthSchema>;
