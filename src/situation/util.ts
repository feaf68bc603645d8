import { hashId } from '../core/index.js';
import type { EntityRef } from '../output/schema.js';
import type { DocRef } from './inputs.js';
import { countryCode, lexicon } from './lexicon.js';
import type { Participant, SourceRef } from './schema.js';

/** A calendar date of year, month or day precision. */
export interface CalendarDate {
  readonly y: number;
  readonly m: number | null;
  readonly d: number | null;
}

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|T)/;

/** Parses an ISO-like TIMEX value (YYYY, YYYY-MM, YYYY-MM-DD[T...]); null for anything else (PAST_REF, P3W, ...). */
export function parseDate(value: string | null | undefined): CalendarDate | null {
  if (!value) return null;
  const m = DATE_RE.exec(value);
  if (!m) return null;
  return { y: Number(m[1]), m: m[2] ? Number(m[2]) : null, d: m[3] ? Number(m[3]) : null };
}

/** True when two dates can name the same day given their precision (same year; same month and day where both give them). */
export function datesCompatible(a: CalendarDate, b: CalendarDate): boolean {
  if (a.y !== b.y) return false;
  if (a.m !== null && b.m !== null && a.m !== b.m) return false;
  if (a.d !== null && b.d !== null && a.d !== b.d) return false;
  return true;
}

/** The date as YYYY, YYYY-MM or YYYY-MM-DD. */
export function formatDate(d: CalendarDate): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return d.m === null ? String(d.y) : d.d === null ? `${d.y}-${p(d.m)}` : `${d.y}-${p(d.m)}-${p(d.d)}`;
}

/** How many parts a date gives (1 year, 2 month, 3 day). */
export function precisionRank(d: CalendarDate): number {
  return d.m === null ? 1 : d.d === null ? 2 : 3;
}

/** Days since the epoch of a YYYY-MM-DD string (NaN when not a date). */
export function dayNumber(iso: string | null | undefined): number {
  const d = parseDate(iso);
  if (!d) return Number.NaN;
  return Math.floor(Date.UTC(d.y, (d.m ?? 1) - 1, d.d ?? 1) / 86_400_000);
}

/** Lower-cased name without a leading article or possessive, for comparing names across documents. */
export function normName(name: string): string {
  let hit = normCache.get(name);
  if (hit === undefined) {
    if (normCache.size > 50_000) normCache.clear();
    hit = normalise(name);
    normCache.set(name, hit);
  }
  return hit;
}

const normCache = new Map<string, string>();

function normalise(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/^(the|a|an)\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The key under which an actor counts as a party: the country code for state actors (government,
 * military, a country, or a person/office of one), the name for everyone else (armed groups,
 * civilians, NGOs). So "the Trump administration" and "U.S. envoy X" are both "USA", "Hamas" is "Hamas".
 */
export function partyKey(ref: { name: string; country: string | null; sector: string | null }, kind?: string | null): string {
  const lx = lexicon();
  const code = ref.country ?? countryCode(ref.name);
  if (kind === 'country' && code) return code;
  if (code && (ref.sector === null || ref.sector === '' ? countryCode(ref.name) === code : lx.stateSectors.has(ref.sector))) return code;
  return ref.name;
}

/** A participant record of an entity reference. */
export function participantOf(ref: EntityRef, kind?: string | null): Participant {
  return { key: partyKey(ref, kind), name: ref.name, country: ref.country };
}

/** A source link to one sentence of a document. */
export function sourceRef(doc: DocRef, sentence: { start: number; end: number; text?: string | undefined }): SourceRef {
  const s: SourceRef = {
    document: doc.id,
    url: doc.url ?? null,
    title: doc.title ?? null,
    published: doc.published,
    sentence: sentence.text === undefined ? { start: sentence.start, end: sentence.end } : { start: sentence.start, end: sentence.end, text: sentence.text },
  };
  return s;
}

/** A stable id with a prefix: the hash of the given defining parts. */
export function stableId(prefix: string, ...parts: string[]): string {
  return `${prefix}_${hashId(prefix, ...parts)}`;
}

/** Adds items not yet present (by key) to a list, keeping first-seen order. */
export function addUnique<T>(list: T[], items: Iterable<T>, key: (t: T) => string = (t) => String(t)): void {
  const seen = new Set(list.map(key));
  for (const it of items) {
    const k = key(it);
    if (!seen.has(k)) {
      seen.add(k);
      list.push(it);
    }
  }
}

/** Compares two nullable ISO dates (nulls last). */
export function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
