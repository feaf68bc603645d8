import { z } from 'zod';

/** A span of the article with its text (UTF-16 offsets, end exclusive). */
export const TextSpanSchema = z.object({ text: z.string(), start: z.number().int(), end: z.number().int() });

/** A reference to an entity as it appears on events and quotes. */
export const EntityRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  country: z.string().nullable(),
  sector: z.string().nullable(),
});

export const MentionSchema = z.object({
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  form: z.enum(['name', 'demonym', 'description', 'pronoun']),
  /** What this mention names when it differs from its entity ("Turkey said": organization, the country's government). */
  kind: z.enum(['person', 'organization', 'country', 'place', 'group']).optional(),
});

export const EntitySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['person', 'organization', 'country', 'place', 'group']),
  country: z.string().nullable(),
  sector: z.string().nullable(),
  role: z.string().nullable(),
  affiliation: z.string().nullable(),
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  mentions: z.array(MentionSchema),
});

export const QuantityOutSchema = z.object({
  value: z.number(),
  approx: z.boolean(),
  of: z.string().nullable(),
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  kind: z.string().optional(),
  qualifier: z.string().nullable().optional(),
});

export const DateOutSchema = z.object({
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  value: z.string(),
  precision: z.string(),
  type: z.enum(['DATE', 'TIME', 'DURATION', 'SET']),
  mod: z.string().nullable().optional(),
});

export const ModalitySchema = z.enum(['asserted', 'reported', 'planned', 'potential', 'negated']);

export const EventOutSchema = z.object({
  id: z.string(),
  type: z.string(),
  mode: z.string().nullable(),
  cameo: z.string().nullable(),
  actor: z.array(EntityRefSchema),
  recipient: z.array(EntityRefSchema),
  location: z.object({ name: z.string(), country: z.string().nullable(), start: z.number().int(), end: z.number().int() }).nullable(),
  date: z.object({ value: z.string(), precision: z.string(), text: z.string(), start: z.number().int(), end: z.number().int() }).nullable(),
  quantities: z.array(QuantityOutSchema),
  modality: ModalitySchema,
  in_quote: z.boolean(),
  attribution: z
    .object({
      source: z.string().nullable(),
      source_entity: EntityRefSchema.nullable(),
      cue: z.string(),
      start: z.number().int(),
      end: z.number().int(),
    })
    .nullable(),
  trigger: TextSpanSchema,
  sentence: z.object({ start: z.number().int(), end: z.number().int(), text: z.string().optional() }),
});

export const QuoteOutSchema = z.object({
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  speaker: EntityRefSchema.nullable(),
  speaker_text: z.string().nullable(),
  cue: z.string().nullable(),
});

export const AttributionOutSchema = z.object({
  kind: z.string().optional(),
  source: TextSpanSchema.nullable(),
  source_entity: EntityRefSchema.nullable(),
  cue: TextSpanSchema,
  content: TextSpanSchema,
  /** true for a quotation listed only so that every quote has an attribution (inside a stronger relation, or with no cue). */
  nested: z.boolean().optional(),
});

export const DiagnosticOutSchema = z.object({
  severity: z.enum(['fatal', 'warning', 'info']),
  source: z.string(),
  rule: z.string(),
  message: z.string(),
  start: z.number().int().optional(),
  end: z.number().int().optional(),
});

/** The output contract of `parley extract` for one document. Field names are fixed. */
export const ExtractionSchema = z.object({
  id: z.string().nullable(),
  document: z.object({ id: z.string(), title: z.string().nullable(), published: z.string().nullable(), url: z.string().nullable().optional() }),
  entities: z.array(EntitySchema),
  events: z.array(EventOutSchema),
  dates: z.array(DateOutSchema),
  quantities: z.array(QuantityOutSchema),
  quotes: z.array(QuoteOutSchema),
  attributions: z.array(AttributionOutSchema),
  sentences: z.array(z.object({ start: z.number().int(), end: z.number().int(), headline: z.boolean().optional() })).optional(),
  diagnostics: z.array(DiagnosticOutSchema),
});

/** One document's extraction as printed by `parley extract`. */
export type Extraction = z.infer<typeof ExtractionSchema>;
export type EntityRef = z.infer<typeof EntityRefSchema>;
export type EventOut = z.infer<typeof EventOutSchema>;
export type EntityOut = z.infer<typeof EntitySchema>;

/** JSON Schema (draft 2020-12) of the output contract, generated from the zod schema. */
export function extractionJsonSchema(): unknown {
  return z.toJSONSchema(ExtractionSchema, { target: 'draft-2020-12' });
}
