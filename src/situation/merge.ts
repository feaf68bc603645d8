import type { EventOut } from '../output/schema.js';
import type { MentionInput } from './inputs.js';
import type { Disagreement, EventStatus, MentionRef, MergedEvent, Participant, StatusChange } from './schema.js';
import {
  type CalendarDate,
  compareDates,
  datesCompatible,
  dayNumber,
  formatDate,
  normName,
  parseDate,
  participantOf,
  precisionRank,
  stableId,
} from './util.js';

/** Event types whose actor and recipient are interchangeable (both sides take part alike). */
const SYMMETRIC = new Set(['CONSULT', 'AGREE', 'COOPERATE']);
/** Undated mentions attach to an event only when published within this many days of it. */
const UNDATED_WINDOW_DAYS = 7;

/** The status a single mention gives its event. */
export function statusOfModality(m: EventOut['modality']): EventStatus {
  switch (m) {
    case 'asserted':
      return 'confirmed';
    case 'reported':
      return 'reported';
    case 'planned':
      return 'planned';
    case 'potential':
      return 'potential';
    case 'negated':
      return 'denied';
  }
}

const RANK: Record<EventStatus, number> = { denied: -1, potential: 0, planned: 1, reported: 2, confirmed: 3 };

/** The next status when a mention with status `next` arrives: upgrades go up the scale, a denial always shows. */
export function nextStatus(current: EventStatus, next: EventStatus): EventStatus {
  if (next === 'denied') return 'denied';
  if (current === 'denied') return RANK[next] >= RANK.reported ? next : current;
  return RANK[next] > RANK[current] ? next : current;
}

/** The features of one mention that decide what it can merge with. */
interface Features {
  readonly input: MentionInput;
  readonly type: string;
  readonly mode: string | null;
  readonly actors: Participant[];
  readonly recipients: Participant[];
  readonly date: CalendarDate | null;
  readonly location: { name: string; country: string | null } | null;
  readonly published: string | null;
  readonly day: number;
  readonly actorKeys: Set<string>;
  readonly recipientKeys: Set<string>;
}

/** Reads the merge features of a mention (pure). */
export function featuresOf(input: MentionInput): Features {
  const e = input.event;
  const actors = e.actor.map((r) => participantOf(r));
  const recipients = e.recipient.map((r) => participantOf(r));
  return {
    input,
    type: e.type,
    mode: e.mode,
    actors,
    recipients,
    actorKeys: keysOf(actors),
    recipientKeys: keysOf(recipients),
    date: parseDate(e.date?.value),
    location: e.location ? { name: e.location.name, country: e.location.country } : null,
    published: input.document.published,
    day: dayNumber(input.document.published),
  };
}

/** Keys of a participant list: the party key and the normalised name. */
function keysOf(ps: readonly Participant[]): Set<string> {
  const s = new Set<string>();
  for (const p of ps) {
    s.add(`k:${p.key}`);
    s.add(`n:${normName(p.name)}`);
  }
  return s;
}

function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (big.has(x)) return true;
  return false;
}

/** A merged event while it is being built. */
interface Working {
  readonly id: string;
  readonly type: string;
  mode: string | null;
  readonly actors: Participant[];
  readonly recipients: Participant[];
  actorKeys: Set<string>;
  recipientKeys: Set<string>;
  date: CalendarDate | null;
  datePrecision: string | null;
  location: { name: string; country: string | null } | null;
  status: EventStatus;
  readonly history: StatusChange[];
  readonly mentions: MentionRef[];
  readonly documents: string[];
  /** field → value(JSON) → documents */
  readonly values: Map<string, Map<string, Set<string>>>;
  readonly quantities: Map<string, { value: number; approx: boolean; of: string | null }>;
  firstDay: number;
  lastDay: number;
  firstSeen: string | null;
  lastSeen: string | null;
  readonly order: number;
  readonly filed: Set<string>;
}

/**
 * Participant compatibility: the sides must share someone where both sides are known (for
 * symmetric types the two sides are pooled), and at least one side must be known on both.
 */
function participantsAgree(w: Working, f: Features): { ok: boolean; score: number; none: boolean } {
  const fa = f.actorKeys;
  const fr = f.recipientKeys;
  const none = w.actorKeys.size + w.recipientKeys.size === 0 && fa.size + fr.size === 0;
  if (none) return { ok: false, score: 0, none };
  if (SYMMETRIC.has(f.type)) {
    if (w.actorKeys.size + w.recipientKeys.size === 0 || fa.size + fr.size === 0) return { ok: false, score: 0, none };
    let score = 0;
    for (const k of fa) if (w.actorKeys.has(k) || w.recipientKeys.has(k)) score++;
    for (const k of fr) if (w.actorKeys.has(k) || w.recipientKeys.has(k)) score++;
    return { ok: score > 0, score, none };
  }
  let known = 0;
  let score = 0;
  for (const [ws, fs] of [[w.actorKeys, fa], [w.recipientKeys, fr]] as const) {
    if (ws.size === 0 || fs.size === 0) continue;
    known++;
    if (!intersects(ws, fs)) return { ok: false, score: 0, none };
    for (const k of fs) if (ws.has(k)) score++;
  }
  return { ok: known > 0, score, none };
}

function placesAgree(a: Working['location'], b: Features['location']): boolean {
  if (!a || !b) return true;
  if (normName(a.name) === normName(b.name)) return true;
  if (a.country && b.country) return a.country === b.country;
  return false;
}

/** Decides whether a mention can join a working event, and how well (higher is better); -1 when not. */
function matchScore(w: Working, f: Features): number {
  if (w.type !== f.type) return -1;
  if (w.mode !== null && f.mode !== null && w.mode !== f.mode) return -1;
  if (!placesAgree(w.location, f.location)) return -1;
  const p = participantsAgree(w, f);
  if (p.none) {
    // Nobody named on either side ("fighting in X was halted"): the same day and the same place decide.
    if (!w.date || !f.date || precisionRank(w.date) < 3 || precisionRank(f.date) < 3 || !datesCompatible(w.date, f.date)) return -1;
    if (!w.location || !f.location) return -1;
    return 10;
  }
  if (!p.ok) return -1;
  if (w.date && f.date) {
    if (!datesCompatible(w.date, f.date)) return -1;
    return 10 + p.score + Math.min(precisionRank(w.date), precisionRank(f.date));
  }
  // One side undated: everything else must agree and the publication dates be close.
  if ((w.mode === null) !== (f.mode === null)) return -1;
  if (Number.isNaN(f.day) || Number.isNaN(w.firstDay)) return -1;
  // Close to when the event happened (its day) or was first reported, not to its latest mention: no chaining.
  const anchor = w.date && precisionRank(w.date) === 3 ? dayNumber(formatDate(w.date)) : w.firstDay;
  const fAnchor = f.date && precisionRank(f.date) === 3 ? dayNumber(formatDate(f.date)) : f.day;
  if (Math.abs(fAnchor - anchor) > UNDATED_WINDOW_DAYS) return -1;
  return 1 + p.score;
}

function mentionRef(input: MentionInput): MentionRef {
  const e = input.event;
  const d = input.document;
  return {
    document: d.id,
    url: d.url ?? null,
    title: d.title ?? null,
    published: d.published,
    sentence: e.sentence.text === undefined ? { start: e.sentence.start, end: e.sentence.end } : { ...e.sentence, text: e.sentence.text },
    event_id: e.id,
    trigger: e.trigger,
    modality: e.modality,
    in_quote: e.in_quote,
    attribution: e.attribution ? { source: e.attribution.source, cue: e.attribution.cue } : null,
    date: e.date?.value ?? null,
  };
}

function record(w: Working, field: string, value: string | number | boolean | null, doc: string): void {
  let byValue = w.values.get(field);
  if (!byValue) w.values.set(field, (byValue = new Map()));
  const k = JSON.stringify(value);
  let docs = byValue.get(k);
  if (!docs) byValue.set(k, (docs = new Set()));
  docs.add(doc);
}

function quantityKey(q: EventOut['quantities'][number]): string {
  const of = q.of ? normName(q.of).split(' ').pop() ?? '' : '';
  return `${q.kind ?? 'count'}:${of.replace(/s$/, '')}`;
}

function addParticipants(list: Participant[], add: readonly Participant[]): void {
  const seen = new Set(list.map((p) => `${p.key}|${normName(p.name)}`));
  for (const p of add) {
    const k = `${p.key}|${normName(p.name)}`;
    if (!seen.has(k)) {
      seen.add(k);
      list.push(p);
    }
  }
}

function absorb(w: Working, f: Features): void {
  const doc = f.input.document;
  const e = f.input.event;
  w.mentions.push(mentionRef(f.input));
  if (!w.documents.includes(doc.id)) w.documents.push(doc.id);
  addParticipants(w.actors, f.actors);
  addParticipants(w.recipients, f.recipients);
  w.actorKeys = keysOf(w.actors);
  w.recipientKeys = keysOf(w.recipients);
  w.mode ??= f.mode;
  if (f.location) {
    w.location ??= f.location;
    // A city and its country agree: compare countries where known.
    record(w, 'location', f.location.country ?? normName(f.location.name), doc.id);
  }
  if (f.date && (!w.date || precisionRank(f.date) > precisionRank(w.date))) {
    w.date = f.date;
    w.datePrecision = e.date?.precision ?? null;
  }
  for (const q of e.quantities) {
    const key = quantityKey(q);
    if (!w.quantities.has(key)) w.quantities.set(key, { value: q.value, approx: q.approx, of: q.of });
    // Approximate figures do not contradict each other.
    if (!q.approx) record(w, `count:${key.split(':')[1] || 'count'}`, q.value, doc.id);
  }
  const s = statusOfModality(e.modality);
  if (s === 'denied' || s === 'confirmed' || s === 'reported') record(w, 'occurred', s !== 'denied', doc.id);
  const next = w.history.length === 0 ? s : nextStatus(w.status, s);
  if (w.history.length === 0 || next !== w.status) {
    w.history.push({
      status: next,
      from: w.history.length === 0 ? null : w.status,
      document: doc.id,
      published: doc.published,
      url: doc.url ?? null,
      sentence: { start: e.sentence.start, end: e.sentence.end },
    });
    w.status = next;
  }
  if (!Number.isNaN(f.day)) {
    w.firstDay = Number.isNaN(w.firstDay) ? f.day : Math.min(w.firstDay, f.day);
    w.lastDay = Number.isNaN(w.lastDay) ? f.day : Math.max(w.lastDay, f.day);
  }
  if (doc.published) {
    if (w.firstSeen === null || doc.published < w.firstSeen) w.firstSeen = doc.published;
    if (w.lastSeen === null || doc.published > w.lastSeen) w.lastSeen = doc.published;
  }
}

/** The stable id of an event: a hash of the defining features of its first mention. */
export function eventId(f: Features): string {
  const keys = (ps: readonly Participant[]) => ps.map((p) => p.key).sort().join(',');
  return stableId(
    'evt',
    f.type,
    f.mode ?? '',
    keys(f.actors),
    keys(f.recipients),
    f.date ? formatDate(f.date) : '',
    f.location?.name ?? '',
    f.input.document.id,
    f.input.event.id,
  );
}

function create(f: Features, order: number): Working {
  const w: Working = {
    id: eventId(f),
    type: f.type,
    mode: f.mode,
    actors: [],
    recipients: [],
    actorKeys: new Set(),
    recipientKeys: new Set(),
    date: null,
    datePrecision: null,
    location: null,
    status: 'reported',
    history: [],
    mentions: [],
    documents: [],
    values: new Map(),
    quantities: new Map(),
    firstDay: Number.NaN,
    lastDay: Number.NaN,
    firstSeen: null,
    lastSeen: null,
    order,
    filed: new Set(),
  };
  absorb(w, f);
  return w;
}

function disagreementsOf(w: Working): Disagreement[] {
  const out: Disagreement[] = [];
  for (const [field, byValue] of w.values) {
    if (byValue.size < 2) continue;
    out.push({
      field,
      values: [...byValue].map(([v, docs]) => ({ value: JSON.parse(v) as string | number | boolean | null, documents: [...docs] })),
    });
  }
  return out;
}

function finish(w: Working): MergedEvent {
  const disagreements = disagreementsOf(w);
  return {
    id: w.id,
    type: w.type,
    mode: w.mode,
    actors: w.actors,
    recipients: w.recipients,
    location: w.location,
    date: w.date ? { value: formatDate(w.date), precision: w.datePrecision ?? ['year', 'month', 'day'][precisionRank(w.date) - 1]! } : null,
    quantities: [...w.quantities.values()],
    status: w.status,
    disputed: disagreements.length > 0,
    disagreements,
    history: w.history,
    first_seen: w.firstSeen,
    last_seen: w.lastSeen,
    documents: w.documents,
    mentions: w.mentions,
  };
}

/** Index buckets a working event is filed under: type × participant key × date month (or publication month when undated). */
function bucketsOf(type: string, keys: Iterable<string>, date: CalendarDate | null, published: string | null): string[] {
  const out: string[] = [];
  const when = date ? (date.m === null ? `y${date.y}` : `m${date.y}-${date.m}`) : `p${(published ?? '').slice(0, 7)}`;
  for (const k of keys) out.push(`${type}|${k}|${when}`);
  out.push(`${type}|*|${when}`);
  return out;
}

function monthsAround(published: string | null): string[] {
  const d = parseDate(published);
  if (!d || d.m === null) return [`p${(published ?? '').slice(0, 7)}`];
  const out: string[] = [];
  for (let k = -1; k <= 1; k++) {
    let y = d.y;
    let m = d.m + k;
    if (m === 0) { m = 12; y--; }
    if (m === 13) { m = 1; y++; }
    out.push(`p${y}-${String(m).padStart(2, '0')}`, `m${y}-${m}`);
  }
  return out;
}

/** The buckets to search for a mention's candidates. */
function searchBuckets(f: Features): string[] {
  const keys = [...f.actorKeys, ...f.recipientKeys];
  const lookIn = keys.length > 0 ? keys : ['*'];
  const whens: string[] = [];
  if (f.date) {
    if (f.date.m === null) {
      whens.push(`y${f.date.y}`);
      for (let m = 1; m <= 12; m++) whens.push(`m${f.date.y}-${m}`);
    } else whens.push(`m${f.date.y}-${f.date.m}`, `y${f.date.y}`);
    // Undated events filed by publication month may take a dated mention.
    for (const p of monthsAround(f.published)) if (p.startsWith('p')) whens.push(p);
  } else whens.push(...monthsAround(f.published));
  const out: string[] = [];
  for (const k of lookIn) for (const w of whens) out.push(`${f.type}|${k}|${w}`);
  return out;
}

function mentionOrder(a: MentionInput, b: MentionInput): number {
  return (
    compareDates(a.document.published, b.document.published) ||
    (a.document.id < b.document.id ? -1 : a.document.id > b.document.id ? 1 : 0) ||
    a.event.sentence.start - b.event.sentence.start ||
    a.event.trigger.start - b.event.trigger.start
  );
}

/**
 * Merges event mentions from many documents into events. Mentions merge when they have the
 * same type (and mode), compatible participants, dates and places; an undated mention joins
 * only when everything else agrees and it was published within a week. Each event keeps every
 * mention as provenance, a status with its history (reported → confirmed, → denied) and the
 * disagreements between sources. Mentions are processed in publication order, so the id (a
 * hash of the first mention) does not depend on the order of the input or on later additions.
 * Cost: sorting plus a lookup in a few (type, participant, month) buckets per mention.
 */
export function mergeMentions(mentions: readonly MentionInput[]): MergedEvent[] {
  const sorted = [...mentions].sort(mentionOrder);
  const index = new Map<string, Working[]>();
  const all: Working[] = [];
  const file = (w: Working, keys: Iterable<string>, published: string | null) => {
    for (const b of bucketsOf(w.type, keys, w.date, published)) {
      if (w.filed.has(b)) continue;
      w.filed.add(b);
      const list = index.get(b);
      if (!list) index.set(b, [w]);
      else list.push(w);
    }
  };
  for (const input of sorted) {
    const f = featuresOf(input);
    let best: Working | null = null;
    let bestScore = -1;
    const seen = new Set<Working>();
    for (const b of searchBuckets(f)) {
      const list = index.get(b);
      if (!list) continue;
      for (const w of list) {
        if (seen.has(w)) continue;
        seen.add(w);
        const s = matchScore(w, f);
        if (s > bestScore || (s === bestScore && best !== null && w.order < best.order)) {
          best = w;
          bestScore = s;
        }
      }
    }
    if (best && bestScore >= 0) {
      absorb(best, f);
      file(best, [...best.actorKeys, ...best.recipientKeys], input.document.published);
    } else {
      const w = create(f, all.length);
      all.push(w);
      file(w, [...w.actorKeys, ...w.recipientKeys], input.document.published);
    }
  }
  return all.map(finish);
}
