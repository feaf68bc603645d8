import { z } from 'zod';
import { ModalitySchema, TextSpanSchema } from '../output/schema.js';

/** Where a situation item was read: one document and a sentence of it. */
export const SourceRefSchema = z.object({
  document: z.string(),
  url: z.string().nullable(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  sentence: z.object({ start: z.number().int(), end: z.number().int(), text: z.string().optional() }),
});

/** A participant of a merged event: a stable key (country code or normalised name) and what was shown. */
export const ParticipantSchema = z.object({
  key: z.string(),
  name: z.string(),
  country: z.string().nullable(),
});

/** One event mention kept as provenance of a merged event. */
export const MentionRefSchema = SourceRefSchema.extend({
  event_id: z.string(),
  trigger: TextSpanSchema,
  modality: ModalitySchema,
  in_quote: z.boolean(),
  attribution: z.object({ source: z.string().nullable(), cue: z.string() }).nullable(),
  date: z.string().nullable(),
});

/** Status of a merged event across sources. */
export const EventStatusSchema = z.enum(['potential', 'planned', 'reported', 'confirmed', 'denied']);

/** One change of status, with the document that caused it. */
export const StatusChangeSchema = z.object({
  status: z.string(),
  from: z.string().nullable(),
  document: z.string(),
  published: z.string().nullable(),
  url: z.string().nullable(),
  sentence: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
});

/** A field on which sources disagree, with each value and the documents that give it. */
export const DisagreementSchema = z.object({
  field: z.string(),
  values: z.array(
    z.object({
      value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
      documents: z.array(z.string()),
    }),
  ),
});

/** A happening reported by one or more mentions across documents. */
export const MergedEventSchema = z.object({
  id: z.string(),
  type: z.string(),
  mode: z.string().nullable(),
  actors: z.array(ParticipantSchema),
  recipients: z.array(ParticipantSchema),
  location: z.object({ name: z.string(), country: z.string().nullable() }).nullable(),
  date: z.object({ value: z.string(), precision: z.string() }).nullable(),
  quantities: z.array(z.object({ value: z.number(), approx: z.boolean(), of: z.string().nullable() })),
  status: EventStatusSchema,
  disputed: z.boolean(),
  disagreements: z.array(DisagreementSchema),
  history: z.array(StatusChangeSchema),
  first_seen: z.string().nullable(),
  last_seen: z.string().nullable(),
  documents: z.array(z.string()),
  mentions: z.array(MentionRefSchema),
});

/** Status of a negotiation. */
export const NegotiationStatusSchema = z.enum(['planned', 'not started', 'reported', 'confirmed', 'stalled', 'concluded']);

/** A negotiation between parties, directly or through mediators. */
export const NegotiationSchema = z.object({
  id: z.string(),
  parties: z.array(z.string()),
  channel: z.enum(['direct', 'mediated']),
  mediators: z.array(z.string()),
  /** Others involved who are neither a party nor a named mediator (e.g. a sponsor of the talks). */
  involved: z.array(z.string()),
  where: z.string().nullable(),
  /** The person leading the talks (the first one named); per side in `leads`. */
  led_by: z.string().nullable(),
  leads: z.array(z.object({ side: z.string().nullable(), name: z.string() })),
  status: NegotiationStatusSchema,
  /** True when a source denies the talks; the denials are listed with their sources. */
  disputed: z.boolean(),
  denials: z.array(SourceRefSchema),
  subject: z.string().nullable(),
  first_seen: z.string().nullable(),
  last_seen: z.string().nullable(),
  history: z.array(StatusChangeSchema),
  sources: z.array(SourceRefSchema),
});

/** An agreement (ceasefire, deal, truce) with its phases. */
export const AgreementSchema = z.object({
  id: z.string(),
  name: z.string(),
  parties: z.array(z.string()),
  /** Phases named in the sources (1, 2, ...), in order. */
  phases: z.array(z.number().int()),
  in_force_since: z.string().nullable(),
  /** The day the agreement was announced. */
  announced: z.string().nullable().optional(),
  /** The day it is (or was) to take effect, as announced. */
  starts: z.string().nullable().optional(),
  /** How long a phase lasts, in days, as announced. */
  phase_length_days: z.number().nullable().optional(),
  /** The day the next release is due, as the latest article tells it. */
  next_release_due: z.string().nullable().optional(),
  /** Who put off a release, as a party key. */
  postponed_by: z.string().nullable().optional(),
  /** The day the current phase ran out (without the next one starting). */
  phase_ended: z.string().nullable().optional(),
  /** Releases still to come under the agreement, by day. */
  schedule: z.array(z.object({ date: z.string(), count: z.number() })).optional(),
  /** in_force, or in trouble (disputed < at risk < stalled) as the latest article tells it. */
  status: z.enum(['proposed', 'in_force', 'disputed', 'at risk', 'stalled', 'ended']),
  /** The current phase number; null when no phase is known. */
  phase: z.number().int().nullable(),
  /** What the next step may hold, e.g. ["extension", "second phase"]. */
  next: z.array(z.string()),
  first_seen: z.string().nullable(),
  last_seen: z.string().nullable(),
  sources: z.array(SourceRefSchema),
});

/** A group of people in an exchange. */
export const ExchangeGroupSchema = z.object({
  count: z.number().nullable(),
  approx: z.boolean(),
  who: z.string().nullable(),
  /** 'planned' when this side's release is still to come (the other side's is done). */
  status: z.enum(['done', 'planned']).optional(),
});

/** A release, possibly in return for another. */
export const ExchangeSchema = z.object({
  id: z.string(),
  released_by: z.string().nullable(),
  released: z.array(ExchangeGroupSchema),
  in_return: ExchangeGroupSchema.nullable(),
  /** True when the exchange is announced for later, not done. */
  planned: z.boolean(),
  /** The phase of the agreement the exchange belongs to, when named. */
  phase: z.number().int().nullable(),
  /** Who brokered the exchange, as party keys. */
  mediators: z.array(z.string()).optional(),
  date: z.string().nullable(),
  first_seen: z.string().nullable(),
  sources: z.array(SourceRefSchema),
});

/** What is known of a captive or group of captives. */
export const CaptiveStatusSchema = z.enum(['held', 'released', 'rescued', 'dead', 'declared dead']);

/** A named captive or an aggregate group of captives. */
export const CaptiveSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  count: z.number().nullable(),
  who: z.string().nullable(),
  nationality: z.string().nullable(),
  age: z.number().nullable(),
  status: CaptiveStatusSchema,
  alive: z.boolean().nullable(),
  /** Last proof of life (ISO date or month). */
  last_seen: z.string().nullable(),
  declared_by: z.string().nullable(),
  held_by: z.string().nullable(),
  /** The day the remains were handed back; false when the remains handed back proved not to be theirs. */
  remains_returned: z.union([z.string(), z.literal(false)]).nullable().optional(),
  /** When a release still to come is expected, as the source says it ("next week"); cleared once freed. */
  expected_release: z.string().nullable().optional(),
  /** The whole group a counted part belongs to ("the 33 hostages" for "eight of the 33 hostages"). */
  of_group: z.string().nullable().optional(),
  history: z.array(StatusChangeSchema),
  first_seen: z.string().nullable(),
  sources: z.array(SourceRefSchema),
});

/** The picture of a negotiation kept current across articles. */
export const SituationSchema = z.object({
  documents: z.number().int(),
  first_published: z.string().nullable(),
  last_published: z.string().nullable(),
  negotiations: z.array(NegotiationSchema),
  agreements: z.array(AgreementSchema),
  exchanges: z.array(ExchangeSchema),
  captives: z.array(CaptiveSchema),
});

export type SourceRef = z.infer<typeof SourceRefSchema>;
export type Participant = z.infer<typeof ParticipantSchema>;
export type MentionRef = z.infer<typeof MentionRefSchema>;
export type EventStatus = z.infer<typeof EventStatusSchema>;
export type StatusChange = z.infer<typeof StatusChangeSchema>;
export type Disagreement = z.infer<typeof DisagreementSchema>;
export type MergedEvent = z.infer<typeof MergedEventSchema>;
export type Negotiation = z.infer<typeof NegotiationSchema>;
export type Agreement = z.infer<typeof AgreementSchema>;
export type Exchange = z.infer<typeof ExchangeSchema>;
export type ExchangeGroup = z.infer<typeof ExchangeGroupSchema>;
export type Captive = z.infer<typeof CaptiveSchema>;
export type CaptiveStatus = z.infer<typeof CaptiveStatusSchema>;
export type Situation = z.infer<typeof SituationSchema>;

/** JSON Schema (draft 2020-12) of the situation picture. */
export function situationJsonSchema(): unknown {
  return z.toJSONSchema(SituationSchema, { target: 'draft-2020-12' });
}
