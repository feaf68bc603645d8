import { z } from 'zod';
import type { EntityRef, EventOut, Extraction } from '../output/schema.js';
import { sameCode } from './codes.js';
import { containsLoose, containsWords, findLoose, fold, stripQuotes } from './text.js';

// ---------------------------------------------------------------- gold schema

const NameList = z.array(z.string());

/** A gold event of the `document` format, matched by meaning (never by position). */
export const GoldEventSchema = z.looseObject({
  id: z.string(),
  required: z.boolean().default(true),
  type: z.string().optional(),
  type_any: NameList.optional(),
  mode_any: z.array(z.string().nullable()).optional(),
  actor: NameList.optional(),
  actor_preferred: NameList.optional(),
  actor_may_be_implicit: z.boolean().optional(),
  actor_country: z.string().optional(),
  recipient: NameList.optional(),
  recipient_any_of: NameList.optional(),
  participants: NameList.optional(),
  participants_any_of: NameList.optional(),
  participants_may_be_empty: z.boolean().optional(),
  location: z.looseObject({ name: z.string().optional(), country: z.string().optional() }).nullable().optional(),
  date: z
    .looseObject({
      value: z.string().optional(),
      precision: z.string().optional(),
      text: z.string().optional(),
      before: z.string().optional(),
      after: z.string().optional(),
    })
    .nullable()
    .optional(),
  quantities: z
    .array(z.looseObject({ value: z.number(), approx: z.boolean().optional(), of_contains: z.string().optional() }))
    .optional(),
  modality: z.string().optional(),
  modality_any: NameList.optional(),
  attribution_source_contains: z.string().optional(),
  trigger_sentence_contains: z.string().optional(),
  note: z.string().optional(),
});

/** A sentence where nothing may be coded as having happened. */
export const MustNotAssertSchema = z.looseObject({
  id: z.string(),
  sentence_contains: z.string(),
  rule: z.string().optional(),
  violating_types: NameList.optional(),
  violating_actors: NameList.optional(),
  allowed_modalities: NameList.default([]),
});

/** A gold entity of the `document` format. */
export const GoldEntitySchema = z.looseObject({
  name: z.string(),
  kind: z.string().optional(),
  country: z.string().optional(),
  sector: z.string().optional(),
  role_contains: z.string().optional(),
  mentions_contain: NameList.optional(),
  age: z.number().optional(),
  from_contains: z.string().optional(),
  affiliation: z.string().optional(),
});

/** A gold date: text plus a value, or a past/future reference bounded by a date. */
export const GoldDateSchema = z.looseObject({
  text: z.string(),
  value: z.string().optional(),
  value_kind: z.enum(['past-reference', 'future-reference']).optional(),
  before: z.string().optional(),
  after: z.string().optional(),
});

/** A gold number with the text it sits in. */
export const GoldQuantitySchema = z.looseObject({
  text_contains: z.string(),
  value: z.number(),
  approx: z.boolean().optional(),
  of: z.string().optional(),
});

/** A gold direct quotation. */
export const GoldQuoteSchema = z.looseObject({ speaker: z.string().optional(), text_starts_with: z.string() });

/** A gold attribution relation. */
export const GoldAttributionSchema = z.looseObject({
  source_contains: z.string().optional(),
  cue: z.string().optional(),
  content_contains: z.string(),
});

/** The `document` gold format (one hand-annotated article); `situation` is passed through. */
export const DocumentGoldSchema = z.looseObject({
  about: z.string().optional(),
  document: z.looseObject({ file: z.string().optional(), published: z.string().optional(), language: z.string().optional() }).optional(),
  events: z.array(GoldEventSchema).default([]),
  must_not_assert: z.array(MustNotAssertSchema).default([]),
  entities: z.array(GoldEntitySchema).default([]),
  dates: z.array(GoldDateSchema).default([]),
  quantities: z.array(GoldQuantitySchema).default([]),
  quotes: z.array(GoldQuoteSchema).default([]),
  attributions: z.array(GoldAttributionSchema).default([]),
  situation: z.unknown().optional(),
});

/** A parsed `document` gold file. */
export type DocumentGold = z.infer<typeof DocumentGoldSchema>;
export type GoldEvent = z.infer<typeof GoldEventSchema>;

// ---------------------------------------------------------------- result

/** One checked attribute of a matched item. `ok` null means not scored (e.g. an actor that may be implicit). */
export interface AttributeCheck {
  readonly name: string;
  readonly ok: boolean | null;
  readonly expected: string;
  readonly got: string;
}

/** One gold item (event, entity, date, ...) and how Parley did on it. */
export interface ItemResult {
  readonly id: string;
  readonly required: boolean;
  readonly found: boolean;
  /** Why it was not found, or a note on the match. */
  readonly reason: string | null;
  readonly attributes: readonly AttributeCheck[];
}

/** Recall over one section plus the accuracy of the attributes of the found items. */
export interface SectionScore {
  readonly total: number;
  readonly found: number;
  readonly recall: number;
  readonly attributesCorrect: number;
  readonly attributesTotal: number;
  readonly attributeAccuracy: number;
  readonly items: readonly ItemResult[];
}

/** An event that breaks a must_not_assert rule. */
export interface Violation {
  readonly rule: string;
  readonly eventId: string;
  readonly type: string;
  readonly modality: string;
  readonly actors: readonly string[];
  readonly reason: string;
}

/** The full score of one extraction against a `document` gold file. */
export interface DocumentScore {
  /** Required events only (optional ones are listed in `optionalEvents`, neither rewarded nor penalised). */
  readonly events: SectionScore;
  readonly optionalEvents: SectionScore;
  readonly mustNotAssert: { readonly rules: number; readonly violated: number; readonly violations: readonly Violation[] };
  readonly entities: SectionScore;
  readonly dates: SectionScore;
  readonly quantities: SectionScore;
  readonly quotes: SectionScore;
  readonly attributions: SectionScore;
  /** Extracted events matched by no gold event (informative: the gold is not exhaustive). */
  readonly unmatchedEvents: number;
  /** Headline numbers, flat, for tables and JSON. */
  readonly summary: Readonly<Record<string, number>>;
  /** Every missing or mismatched item, one readable line each. */
  readonly problems: readonly string[];
}

/** Options for scoreDocument: the article text lets sentences be recovered when the output omits them. */
export interface ScoreDocumentOptions {
  readonly text?: string;
}

// ---------------------------------------------------------------- matching helpers

const CODE = /^[A-Z]{3}$/;

/** True when the gold name matches a name loosely: same words, or one contained in the other on word boundaries. */
export function nameMatches(gold: string, name: string | null | undefined): boolean {
  if (!name) return false;
  const g = fold(gold);
  const n = fold(name);
  if (g === '' || n === '') return false;
  if (g === n) return true;
  return containsWords(n, g) || (n.length >= 3 && containsWords(g, n));
}

/** True when a gold actor (a name like "Hamas" or a code like "USA") denotes the entity reference. */
export function refMatches(gold: string, ref: Pick<EntityRef, 'name' | 'country'> | null | undefined): boolean {
  if (!ref) return false;
  if (CODE.test(gold.trim()) && sameCode(gold, ref.country)) return true;
  return nameMatches(gold, ref.name);
}

const anyRef = (gold: string, refs: readonly EntityRef[]) => refs.some((r) => refMatches(gold, r));
const showRefs = (refs: readonly EntityRef[]) =>
  refs.length === 0 ? '(none)' : refs.map((r) => (r.country ? `${r.name}/${r.country}` : r.name)).join(', ');
const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

function check(name: string, ok: boolean | null, expected: unknown, got: unknown): AttributeCheck {
  const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? 'undefined');
  return { name, ok, expected: show(expected), got: show(got) };
}

function sentenceText(ev: EventOut, text: string | undefined): string {
  if (ev.sentence.text !== undefined) return ev.sentence.text;
  return text ? text.slice(ev.sentence.start, ev.sentence.end) : '';
}

/**
 * A predicate "this event comes from the sentence that contains `anchor`": its sentence text
 * contains the anchor or, when the article text is known, its sentence overlaps a place where the
 * anchor occurs (so a sentence that Parley split in two still counts).
 */
function inAnchorSentence(anchor: string, text: string | undefined): (ev: EventOut) => boolean {
  const places = text ? findLoose(text, anchor) : [];
  return (ev) =>
    containsLoose(sentenceText(ev, text), anchor) ||
    places.some((p) => ev.sentence.start < p.end && p.start < ev.sentence.end);
}

function isIsoDate(v: string): boolean {
  return /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v);
}

/** True when a TIMEX value lies on the expected side of a bound (or is the matching PAST_REF/FUTURE_REF). */
function onSide(value: string, side: 'before' | 'after', bound: string): boolean {
  if (side === 'before' && value === 'PAST_REF') return true;
  if (side === 'after' && value === 'FUTURE_REF') return true;
  if (!isIsoDate(value)) return false;
  const v = value.slice(0, bound.length);
  return side === 'before' ? v < bound : v > bound;
}

// ---------------------------------------------------------------- events

function typeOk(g: GoldEvent, ev: EventOut): boolean {
  if (g.type_any) return g.type_any.includes(ev.type);
  if (g.type) return ev.type === g.type;
  return true;
}

function expectedTypes(g: GoldEvent): string {
  return g.type_any ? g.type_any.join('|') : g.type ?? 'any';
}

/** Checks every attribute the gold event specifies against one extracted event. */
export function eventAttributes(g: GoldEvent, ev: EventOut): AttributeCheck[] {
  const out: AttributeCheck[] = [];
  const parts = [...ev.actor, ...ev.recipient];
  if (g.mode_any) out.push(check('mode', g.mode_any.includes(ev.mode), g.mode_any, ev.mode));
  if (g.actor) out.push(check('actor', g.actor.every((a) => anyRef(a, ev.actor)), g.actor.join(' + '), showRefs(ev.actor)));
  if (g.actor_country) {
    out.push(check('actor_country', ev.actor.some((r) => sameCode(g.actor_country, r.country)), g.actor_country, showRefs(ev.actor)));
  }
  if (g.actor_preferred) {
    const implicit = ev.actor.length === 0 && g.actor_may_be_implicit === true;
    out.push(check('actor', implicit ? null : g.actor_preferred.some((a) => anyRef(a, ev.actor)), g.actor_preferred.join(' | '), showRefs(ev.actor)));
  }
  if (g.recipient) out.push(check('recipient', g.recipient.every((a) => anyRef(a, ev.recipient)), g.recipient.join(' + '), showRefs(ev.recipient)));
  if (g.recipient_any_of) {
    out.push(check('recipient', g.recipient_any_of.some((a) => anyRef(a, ev.recipient)), g.recipient_any_of.join(' | '), showRefs(ev.recipient)));
  }
  if (g.participants) {
    out.push(check('participants', g.participants.every((a) => anyRef(a, parts)), g.participants.join(' + '), showRefs(parts)));
  }
  if (g.participants_any_of) {
    const empty = parts.length === 0 && g.participants_may_be_empty === true;
    out.push(check('participants', empty ? null : g.participants_any_of.some((a) => anyRef(a, parts)), g.participants_any_of.join(' | '), showRefs(parts)));
  }
  if (g.location) {
    const loc = ev.location;
    const ok =
      loc !== null &&
      ((g.location.name !== undefined && nameMatches(g.location.name, loc.name)) ||
        (g.location.country !== undefined && sameCode(g.location.country, loc.country)));
    out.push(check('location', ok, g.location, loc ? `${loc.name}/${loc.country ?? '?'}` : null));
  }
  if (g.date) out.push(check('date', dateOk(g.date, ev.date), g.date, ev.date ? `${ev.date.text} = ${ev.date.value} (${ev.date.precision})` : null));
  for (const q of g.quantities ?? []) {
    const ok = ev.quantities.some(
      (x) =>
        x.value === q.value &&
        (q.approx === undefined || x.approx === q.approx) &&
        (q.of_contains === undefined || containsLoose(x.of, q.of_contains) || containsLoose(x.text, q.of_contains)),
    );
    out.push(check(`quantity ${q.value}`, ok, q, ev.quantities.map((x) => `${x.approx ? '~' : ''}${x.value} ${x.of ?? '?'}`).join(', ') || '(none)'));
  }
  if (g.modality) out.push(check('modality', ev.modality === g.modality, g.modality, ev.modality));
  if (g.modality_any) out.push(check('modality', g.modality_any.includes(ev.modality), g.modality_any, ev.modality));
  if (g.attribution_source_contains) {
    const a = ev.attribution;
    const ok = a !== null && (containsLoose(a.source, g.attribution_source_contains) || containsLoose(a.source_entity?.name, g.attribution_source_contains));
    out.push(check('attribution_source', ok, g.attribution_source_contains, a ? a.source : null));
  }
  return out;
}

function dateOk(g: NonNullable<GoldEvent['date']>, d: EventOut['date']): boolean {
  if (!d) return false;
  if (g.value !== undefined) return d.value === g.value && (g.precision === undefined || d.precision === g.precision);
  let ok = false;
  if (g.text !== undefined) ok = containsWords(d.text, g.text) || containsWords(g.text, d.text);
  if (!ok && g.before !== undefined) ok = onSide(d.value, 'before', g.before);
  if (!ok && g.after !== undefined) ok = onSide(d.value, 'after', g.after);
  return ok;
}

function scored(checks: readonly AttributeCheck[]): { correct: number; total: number } {
  let correct = 0;
  let total = 0;
  for (const c of checks) {
    if (c.ok === null) continue;
    total++;
    if (c.ok) correct++;
  }
  return { correct, total };
}

/** Picks the candidate with most correct attributes (first on ties). */
function best<T>(cands: readonly T[], checksOf: (c: T) => AttributeCheck[]): { cand: T; checks: AttributeCheck[] } | null {
  let top: { cand: T; checks: AttributeCheck[]; score: number } | null = null;
  for (const c of cands) {
    const checks = checksOf(c);
    const s = scored(checks);
    const score = s.correct - 0.001 * (s.total - s.correct);
    if (!top || score > top.score) top = { cand: c, checks, score };
  }
  return top ? { cand: top.cand, checks: top.checks } : null;
}

/**
 * Matches gold events to extracted events one-to-one: a candidate is an event of an accepted type
 * from the anchor sentence; pairs are taken best attribute score first, so one extracted event
 * never satisfies two gold events. Marks the events it takes in `used`.
 */
function matchEvents(golds: readonly GoldEvent[], events: readonly EventOut[], text: string | undefined, used: Set<string>): ItemResult[] {
  const info = golds.map((g) => {
    const anchor = g.trigger_sentence_contains;
    const inSentence = anchor ? events.filter(inAnchorSentence(anchor, text)) : events;
    const cands = inSentence.filter((ev) => typeOk(g, ev)).map((ev) => {
      const checks = eventAttributes(g, ev);
      const s = scored(checks);
      return { ev, checks, score: s.correct - 0.001 * (s.total - s.correct) };
    });
    return { g, anchor, inSentence, cands };
  });
  const pairs: Array<{ gi: number; ci: number; score: number }> = [];
  info.forEach((x, gi) => x.cands.forEach((c, ci) => pairs.push({ gi, ci, score: c.score })));
  pairs.sort((a, b) => b.score - a.score || a.gi - b.gi || a.ci - b.ci);
  const taken = new Map<number, number>();
  const takenBy = new Map<string, string>();
  for (const p of pairs) {
    const ev = info[p.gi]!.cands[p.ci]!.ev;
    if (taken.has(p.gi) || used.has(ev.id)) continue;
    taken.set(p.gi, p.ci);
    used.add(ev.id);
    takenBy.set(ev.id, info[p.gi]!.g.id);
  }
  return info.map(({ g, anchor, inSentence, cands }, gi) => {
    const ci = taken.get(gi);
    if (ci !== undefined) {
      const c = cands[ci]!;
      return { id: g.id, required: g.required, found: true, reason: `matched ${c.ev.type} "${c.ev.trigger.text}"`, attributes: c.checks };
    }
    let reason: string;
    if (cands.length > 0) {
      const other = cands.map((c) => takenBy.get(c.ev.id)).find((x) => x !== undefined);
      reason = `the only ${expectedTypes(g)} event there is already matched to ${other ? `"${other}"` : 'another gold event'}`;
    } else if (anchor && inSentence.length === 0) reason = `no event coded in the sentence containing "${anchor}"`;
    else if (anchor) reason = `the sentence has ${inSentence.map((e) => e.type).join(', ')}, expected ${expectedTypes(g)}`;
    else reason = `no ${expectedTypes(g)} event`;
    return { id: g.id, required: g.required, found: false, reason, attributes: [] };
  });
}

function section(items: readonly ItemResult[]): SectionScore {
  let found = 0;
  let correct = 0;
  let total = 0;
  for (const it of items) {
    if (!it.found) continue;
    found++;
    const s = scored(it.attributes);
    correct += s.correct;
    total += s.total;
  }
  return {
    total: items.length,
    found,
    recall: ratio(found, items.length),
    attributesCorrect: correct,
    attributesTotal: total,
    attributeAccuracy: ratio(correct, total),
    items,
  };
}

// ---------------------------------------------------------------- must_not_assert

function violations(rule: z.infer<typeof MustNotAssertSchema>, events: readonly EventOut[], text: string | undefined): Violation[] {
  const out: Violation[] = [];
  const inSentence = inAnchorSentence(rule.sentence_contains, text);
  for (const ev of events) {
    if (!inSentence(ev)) continue;
    const byType = rule.violating_types?.includes(ev.type) ?? false;
    const byActor = rule.violating_actors?.some((a) => anyRef(a, ev.actor)) ?? false;
    const unconstrained = rule.violating_types === undefined && rule.violating_actors === undefined;
    if (!(byType || byActor || unconstrained)) continue;
    if (rule.allowed_modalities.includes(ev.modality)) continue;
    out.push({
      rule: rule.id,
      eventId: ev.id,
      type: ev.type,
      modality: ev.modality,
      actors: ev.actor.map((r) => r.name),
      reason: `${ev.type} "${ev.trigger.text}" is ${ev.modality}; allowed: ${rule.allowed_modalities.join(', ') || 'none'}`,
    });
  }
  return out;
}

// ---------------------------------------------------------------- entities, dates, quantities, quotes, attributions

type EntityOut = Extraction['entities'][number];

function entityChecks(g: z.infer<typeof GoldEntitySchema>, e: EntityOut): AttributeCheck[] {
  const out: AttributeCheck[] = [];
  if (g.kind) out.push(check('kind', e.kind === g.kind, g.kind, e.kind));
  if (g.country) out.push(check('country', sameCode(g.country, e.country), g.country, e.country));
  if (g.sector) out.push(check('sector', (e.sector ?? '').toUpperCase() === g.sector.toUpperCase(), g.sector, e.sector));
  if (g.role_contains) out.push(check('role', containsLoose(e.role, g.role_contains), g.role_contains, e.role));
  for (const m of g.mentions_contain ?? []) {
    const ok = e.mentions.some((x) => containsLoose(x.text, m) || (fold(x.text).length >= 3 && containsWords(m, x.text)));
    out.push(check(`mention "${m}"`, ok, m, e.mentions.map((x) => x.text).join(' | ')));
  }
  const attrs = e.attributes ?? {};
  if (g.age !== undefined) out.push(check('age', Number(attrs.age) === g.age, g.age, attrs.age ?? null));
  if (g.from_contains) {
    const ok = Object.values(attrs).some((v) => typeof v === 'string' && containsLoose(v, g.from_contains));
    out.push(check('from', ok, g.from_contains, attrs.from ?? attrs.origin ?? null));
  }
  if (g.affiliation) out.push(check('affiliation', containsLoose(e.affiliation, g.affiliation) || containsLoose(g.affiliation, e.affiliation), g.affiliation, e.affiliation));
  return out;
}

function matchEntity(g: z.infer<typeof GoldEntitySchema>, entities: readonly EntityOut[]): ItemResult {
  const exact = entities.filter((e) => fold(e.name) === fold(g.name) || e.mentions.some((m) => fold(m.text) === fold(g.name)));
  const cands = exact.length > 0 ? exact : entities.filter((e) => nameMatches(g.name, e.name));
  const pick = best(cands, (e) => entityChecks(g, e));
  if (!pick) return { id: g.name, required: true, found: false, reason: `no entity named like "${g.name}"`, attributes: [] };
  return { id: g.name, required: true, found: true, reason: `matched "${pick.cand.name}"`, attributes: pick.checks };
}

function matchDate(g: z.infer<typeof GoldDateSchema>, dates: Extraction['dates']): ItemResult {
  const cands = dates.filter((d) => containsWords(d.text, g.text) || containsWords(g.text, d.text));
  const pick = best(cands, (d) => {
    const out: AttributeCheck[] = [];
    if (g.value !== undefined) out.push(check('value', d.value === g.value, g.value, d.value));
    if (g.value_kind === 'past-reference') {
      out.push(check('value', d.value === 'PAST_REF' || (g.before !== undefined && onSide(d.value, 'before', g.before)), `PAST_REF or before ${g.before ?? '?'}`, d.value));
    }
    if (g.value_kind === 'future-reference') {
      out.push(check('value', d.value === 'FUTURE_REF' || (g.after !== undefined && onSide(d.value, 'after', g.after)), `FUTURE_REF or after ${g.after ?? '?'}`, d.value));
    }
    return out;
  });
  if (!pick) return { id: g.text, required: true, found: false, reason: `no date expression "${g.text}"`, attributes: [] };
  return { id: g.text, required: true, found: true, reason: `matched "${pick.cand.text}"`, attributes: pick.checks };
}

function matchQuantity(g: z.infer<typeof GoldQuantitySchema>, qs: Extraction['quantities']): ItemResult {
  const near = qs.filter((q) => containsWords(g.text_contains, q.text) || containsWords(q.text, g.text_contains));
  const cands = near.filter((q) => q.value === g.value);
  const pick = best(cands, (q) => {
    const out: AttributeCheck[] = [];
    if (g.approx !== undefined) out.push(check('approx', q.approx === g.approx, g.approx, q.approx));
    if (g.of !== undefined) out.push(check('of', q.kind === g.of || containsLoose(q.of, g.of), g.of, q.of ?? q.kind ?? null));
    return out;
  });
  if (!pick) {
    const reason = near.length > 0 ? `"${g.text_contains}" read as ${near.map((q) => q.value).join(', ')}, expected ${g.value}` : `no number in "${g.text_contains}"`;
    return { id: g.text_contains, required: true, found: false, reason, attributes: [] };
  }
  return { id: g.text_contains, required: true, found: true, reason: null, attributes: pick.checks };
}

function matchQuote(g: z.infer<typeof GoldQuoteSchema>, quotes: Extraction['quotes']): ItemResult {
  const start = fold(g.text_starts_with);
  const cands = quotes.filter((q) => fold(stripQuotes(q.text)).startsWith(start));
  const loose = cands.length > 0 ? cands : quotes.filter((q) => fold(q.text).includes(start));
  const pick = best(loose, (q) =>
    g.speaker === undefined
      ? []
      : [check('speaker', refMatches(g.speaker, q.speaker) || nameMatches(g.speaker, q.speaker_text), g.speaker, q.speaker?.name ?? q.speaker_text)],
  );
  if (!pick) return { id: g.text_starts_with, required: true, found: false, reason: `no quote starting "${g.text_starts_with}"`, attributes: [] };
  return { id: g.text_starts_with, required: true, found: true, reason: null, attributes: pick.checks };
}

function matchAttribution(g: z.infer<typeof GoldAttributionSchema>, atts: Extraction['attributions']): ItemResult {
  const cands = atts.filter((a) => containsLoose(a.content.text, g.content_contains));
  const pick = best(cands, (a) => {
    const out: AttributeCheck[] = [];
    if (g.source_contains !== undefined) {
      const ok = containsLoose(a.source?.text, g.source_contains) || containsLoose(a.source_entity?.name, g.source_contains);
      out.push(check('source', ok, g.source_contains, a.source?.text ?? null));
    }
    if (g.cue !== undefined) out.push(check('cue', fold(a.cue.text) === fold(g.cue) || containsWords(a.cue.text, g.cue), g.cue, a.cue.text));
    return out;
  });
  if (!pick) return { id: g.content_contains, required: true, found: false, reason: `no attribution whose content contains "${g.content_contains}"`, attributes: [] };
  return { id: g.content_contains, required: true, found: true, reason: null, attributes: pick.checks };
}

// ---------------------------------------------------------------- main

/**
 * Scores one extraction against a `document` gold file, matching by meaning (types, names,
 * codes, values) and never by character offsets. Pure.
 */
export function scoreDocument(gold: DocumentGold, x: Extraction, options: ScoreDocumentOptions = {}): DocumentScore {
  const used = new Set<string>();
  const required = gold.events.filter((g) => g.required);
  const optional = gold.events.filter((g) => !g.required);
  const events = section(matchEvents(required, x.events, options.text, used));
  const optionalEvents = section(matchEvents(optional, x.events, options.text, used));
  const allViolations = gold.must_not_assert.flatMap((r) => violations(r, x.events, options.text));
  const violatedRules = new Set(allViolations.map((v) => v.rule));
  const entities = section(gold.entities.map((g) => matchEntity(g, x.entities)));
  const dates = section(gold.dates.map((g) => matchDate(g, x.dates)));
  const quantities = section(gold.quantities.map((g) => matchQuantity(g, x.quantities)));
  const quotes = section(gold.quotes.map((g) => matchQuote(g, x.quotes)));
  const attributions = section(gold.attributions.map((g) => matchAttribution(g, x.attributions)));

  const problems: string[] = [];
  const report = (what: string, s: SectionScore) => {
    for (const it of s.items) {
      if (!it.found) problems.push(`${what} ${it.id}: missing — ${it.reason ?? ''}`);
      for (const c of it.attributes) {
        if (c.ok === false) problems.push(`${what} ${it.id}: ${c.name} expected ${c.expected}, got ${c.got}`);
      }
    }
  };
  report('event', events);
  for (const v of allViolations) problems.push(`must_not_assert ${v.rule}: ${v.reason}`);
  report('entity', entities);
  report('date', dates);
  report('quantity', quantities);
  report('quote', quotes);
  report('attribution', attributions);

  const summary: Record<string, number> = {
    events_required: events.total,
    events_found: events.found,
    events_recall: events.recall,
    event_attribute_accuracy: events.attributeAccuracy,
    optional_events_found: optionalEvents.found,
    must_not_assert_rules: gold.must_not_assert.length,
    must_not_assert_violated: violatedRules.size,
    entities_recall: entities.recall,
    entity_attribute_accuracy: entities.attributeAccuracy,
    dates_recall: dates.recall,
    date_value_accuracy: dates.attributeAccuracy,
    quantities_recall: quantities.recall,
    quotes_recall: quotes.recall,
    quote_speaker_accuracy: quotes.attributeAccuracy,
    attributions_recall: attributions.recall,
    attribution_attribute_accuracy: attributions.attributeAccuracy,
    unmatched_events: x.events.filter((e) => !used.has(e.id)).length,
  };
  return {
    events,
    optionalEvents,
    mustNotAssert: { rules: gold.must_not_assert.length, violated: violatedRules.size, violations: allViolations },
    entities,
    dates,
    quantities,
    quotes,
    attributions,
    unmatchedEvents: summary.unmatched_events!,
    summary,
    problems,
  };
}

/** Renders a DocumentScore as readable lines (summary, then every problem). */
export function formatDocumentScore(s: DocumentScore): string {
  const pct = (v: number) => `${(100 * v).toFixed(0)}%`;
  const line = (name: string, sec: SectionScore) =>
    `${name.padEnd(13)} ${sec.found}/${sec.total} found (${pct(sec.recall)}), attributes ${sec.attributesCorrect}/${sec.attributesTotal}`;
  return [
    line('events', s.events),
    line('opt. events', s.optionalEvents),
    `must_not_assert ${s.mustNotAssert.violated}/${s.mustNotAssert.rules} rules violated`,
    line('entities', s.entities),
    line('dates', s.dates),
    line('quantities', s.quantities),
    line('quotes', s.quotes),
    line('attributions', s.attributions),
    `unmatched extracted events: ${s.unmatchedEvents}`,
    ...s.problems.map((p) => `  - ${p}`),
  ].join('\n');
}
