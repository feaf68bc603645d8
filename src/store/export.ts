import { createRequire } from 'node:module';
import type { MergedEvent, Participant } from '../situation/index.js';
import { dateRange } from './dates.js';
import type { DocumentRow, EntityRow } from './store.js';

/** Export formats of `parley events`. */
export const EVENT_FORMATS = ['jsonl', 'csv', 'plover', 'gdelt'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

/** PLOVER quad codes: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
export const QUAD_CODE: Readonly<Record<string, 1 | 2 | 3 | 4>> = {
  AGREE: 1, CONSULT: 1, SUPPORT: 1, CONCEDE: 1,
  COOPERATE: 2, AID: 2, RETREAT: 2,
  REQUEST: 3, ACCUSE: 3, REJECT: 3, THREATEN: 3,
  PROTEST: 4, SANCTION: 4, MOBILIZE: 4, COERCE: 4, ASSAULT: 4,
};

/** The CAMEO root code each PLOVER type comes from (for GDELT-style rows). */
export const CAMEO_ROOT: Readonly<Record<string, string>> = {
  AGREE: '03', CONSULT: '04', SUPPORT: '05', COOPERATE: '06', AID: '07', CONCEDE: '08', RETREAT: '08',
  REQUEST: '10', ACCUSE: '11', REJECT: '12', THREATEN: '13', PROTEST: '14', MOBILIZE: '15',
  SANCTION: '16', COERCE: '17', ASSAULT: '18',
};

/**
 * Date precision codes of the CSV export, in the spirit of ACLED's time_precision and UCDP's
 * date_prec: 1 = the day (or finer) is known, 2 = the week, 3 = the month, 4 = a quarter or season,
 * 5 = the year, 6 = a decade or coarser; empty = no date.
 */
export function datePrecisionCode(precision: string | null | undefined): number | null {
  switch (precision) {
    case 'minute':
    case 'hour':
    case 'day':
      return 1;
    case 'week':
      return 2;
    case 'month':
      return 3;
    case 'quarter':
    case 'season':
      return 4;
    case 'year':
      return 5;
    case 'decade':
    case 'century':
      return 6;
    default:
      return null;
  }
}

let countryIndex: Map<string, { name: string; names: Set<string> }> | null = null;

/** Names of a country by ISO alpha-3 code (world-countries: common, official, alternative spellings), loaded once. */
function countryEntry(code: string): { name: string; names: Set<string> } | null {
  if (!countryIndex) {
    const require = createRequire(import.meta.url);
    const world = require('world-countries/countries.json') as { cca3: string; name: { common: string; official: string }; altSpellings?: string[] }[];
    countryIndex = new Map(
      world.map((c) => [c.cca3, { name: c.name.common, names: new Set([c.name.common, c.name.official, ...(c.altSpellings ?? [])].map((n) => n.toLowerCase())) }]),
    );
  }
  return countryIndex.get(code.toUpperCase()) ?? null;
}

/** The common English name of a country from its ISO alpha-3 code, or null. */
export function countryName(code: string): string | null {
  return countryEntry(code)?.name ?? null;
}

/**
 * Geographic precision codes of the CSV export, after ACLED's geo_precision: 1 = a named place
 * inside a country (town, city, district or site, not geocoded further), 3 = only the country is
 * known; empty = no location. (2, "near a place / part of a region", is not produced yet.)
 */
export function geoPrecisionCode(location: MergedEvent['location']): number | null {
  if (!location) return null;
  const name = location.name.trim().replace(/^the\s+/i, '').toLowerCase();
  if (location.country && (name === location.country.toLowerCase() || countryEntry(location.country)?.names.has(name))) return 3;
  return 1;
}

/** The first and last day of an event's date, or nulls. */
function days(ev: MergedEvent): { start: string | null; end: string | null } {
  const r = ev.date ? dateRange(ev.date.value) : null;
  return { start: r?.start ?? null, end: r?.end ?? null };
}

const modalityOf = (status: string) => (status === 'confirmed' ? 'asserted' : status === 'denied' ? 'negated' : status);
const urls = (ev: MergedEvent) => [...new Set(ev.mentions.map((m) => m.url).filter((u): u is string => !!u))];
const names = (ps: readonly Participant[]) => ps.map((p) => p.name).join('; ');
const codes = (ps: readonly Participant[]) => ps.map((p) => p.country ?? '').join('; ');
/** The sector the store adds to a participant (see withSectors), or null. */
const sectorOf = (p: Participant | undefined): string | null => (p as { sector?: string | null } | undefined)?.sector ?? null;
const sectors = (ps: readonly Participant[]) => ps.map((p) => sectorOf(p) ?? '').join('; ');
/** A CAMEO-style actor code: country code followed by sector (e.g. USAGOV), or whichever is known. */
const actorCode = (p: Participant | undefined): string | null => (p ? `${p.country ?? ''}${sectorOf(p) ?? ''}` || null : null);

/** Quotes one CSV field (RFC 4180). */
export function csvField(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line. */
export function csvLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvField).join(',')}\n`;
}

/** One TSV line (tabs and newlines inside values become spaces). */
export function tsvLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map((v) => (v === null || v === undefined ? '' : String(v).replace(/[\t\r\n]+/g, ' '))).join('\t')}\n`;
}

/** Header of the events CSV. */
export const EVENT_CSV_HEADER = [
  'event_id', 'event_date', 'event_date_end', 'date_precision', 'date_value', 'event_type', 'quad_code', 'mode',
  'status', 'modality', 'disputed', 'actor', 'actor_code', 'actor_sector', 'recipient', 'recipient_code', 'recipient_sector', 'location',
  'location_country', 'geo_precision', 'first_seen', 'last_seen', 'documents', 'mentions', 'event_text', 'source_urls',
] as const;

/** One merged event as a CSV row (columns of EVENT_CSV_HEADER; several actors are joined by "; "). */
export function eventCsvRow(ev: MergedEvent): (string | number | boolean | null)[] {
  const d = days(ev);
  return [
    ev.id, d.start, d.end, datePrecisionCode(ev.date?.precision), ev.date?.value ?? null, ev.type, QUAD_CODE[ev.type] ?? null, ev.mode,
    ev.status, modalityOf(ev.status), ev.disputed, names(ev.actors), codes(ev.actors), sectors(ev.actors), names(ev.recipients), codes(ev.recipients), sectors(ev.recipients),
    ev.location?.name ?? null, ev.location?.country ?? null, geoPrecisionCode(ev.location), ev.first_seen, ev.last_seen,
    ev.documents.length, ev.mentions.length, ev.mentions[0]?.trigger.text ?? null, urls(ev).join('; '),
  ];
}

/**
 * One merged event as a PLOVER 0.8 record (field names of the PLOVER data model). `date` is the
 * first day of the event's period and `enddate` the last when the period is longer than a day; an
 * undated event takes the first publication date and says so in `comment`.
 */
export function eventPlover(ev: MergedEvent, codedDate: string): Record<string, unknown> {
  const d = days(ev);
  const entity = (p: Participant) => ({
    entity_text: p.name,
    ...(p.country ? { code: p.country } : {}),
    ...(sectorOf(p) ? { sector: sectorOf(p) } : {}),
    identifier_text: p.key,
  });
  const rec: Record<string, unknown> = {
    id: ev.id,
    has_event: true,
    date: d.start ?? ev.first_seen,
    ...(d.end && d.end !== d.start ? { enddate: d.end } : {}),
    actor: ev.actors.map(entity),
    recipient: ev.recipients.map(entity),
    event: [ev.type],
    ...(ev.mode ? { mode: [ev.mode] } : {}),
    ...(QUAD_CODE[ev.type] ? { quad_code: QUAD_CODE[ev.type] } : {}),
    ...(ev.location
      ? {
          event_loc: {
            extracted_place: ev.location.name,
            ...(ev.location.country ? { country_code: ev.location.country } : {}),
            ...(ev.location.country && countryName(ev.location.country) ? { country: countryName(ev.location.country) } : {}),
            ...(geoPrecisionCode(ev.location) === 3 ? { resolution: 1 } : {}),
          },
        }
      : {}),
    event_text: [...new Set(ev.mentions.map((m) => m.sentence.text ?? m.trigger.text))],
    text_info: ev.mentions.map((m) => ({ document: m.document, start: m.sentence.start, end: m.sentence.end, trigger: m.trigger.text })),
    cite_info: ev.mentions.map((m) => ({ url: m.url, title: m.title, publication: m.published })),
    coder: 'parley',
    coded_date: codedDate,
    comment: `status ${ev.status}${ev.disputed ? ', disputed' : ''}; ${ev.documents.length} document(s)${d.start ? '' : '; undated: date is the first publication date'}`,
  };
  return rec;
}

/** Header of the GDELT-style TSV (a subset of GDELT 1.0 event columns, plus PloverType and Modality). */
export const GDELT_HEADER = [
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'Actor1Code', 'Actor1Name', 'Actor1CountryCode', 'Actor2Code', 'Actor2Name',
  'Actor2CountryCode', 'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'NumMentions', 'NumSources',
  'NumArticles', 'ActionGeo_Type', 'ActionGeo_FullName', 'ActionGeo_CountryCode', 'DATEADDED', 'SOURCEURL', 'PloverType', 'Modality',
] as const;

/** One merged event as a GDELT-style row. ActionGeo_Type: 1 = country, 4 = a place (world city) as in GDELT. */
export function eventGdeltRow(ev: MergedEvent): (string | number | null)[] {
  const d = days(ev).start ?? ev.first_seen;
  const sql = d ? d.replace(/-/g, '') : null;
  const a1 = ev.actors[0];
  const a2 = ev.recipients[0];
  const root = CAMEO_ROOT[ev.type] ?? null;
  const geo = geoPrecisionCode(ev.location);
  const sources = new Set(ev.mentions.map((m) => (m.url ? safeHost(m.url) : m.document)));
  return [
    ev.id, sql, sql ? sql.slice(0, 6) : null, sql ? sql.slice(0, 4) : null,
    actorCode(a1), a1?.name ?? null, a1?.country ?? null, actorCode(a2), a2?.name ?? null, a2?.country ?? null,
    1, root ? `${root}0` : null, root ? `${root}0` : null, root, QUAD_CODE[ev.type] ?? null,
    ev.mentions.length, sources.size, ev.documents.length,
    geo === null ? 0 : geo === 3 ? 1 : 4, ev.location?.name ?? null, ev.location?.country ?? null,
    ev.last_seen ? ev.last_seen.replace(/-/g, '') : null, urls(ev)[0] ?? null, ev.type, modalityOf(ev.status),
  ];
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Header of the documents CSV. */
export const DOCUMENT_CSV_HEADER = ['id', 'published', 'title', 'url', 'publisher', 'source', 'external_id', 'events', 'content_hash', 'ingested_at'] as const;

/** One document as a CSV row. */
export function documentCsvRow(d: DocumentRow): (string | number | null)[] {
  return [d.id, d.published, d.title, d.url, d.publisher, d.source, d.externalId, d.eventCount, d.contentHash, d.ingestedAt];
}

/** Header of the entities CSV. */
export const ENTITY_CSV_HEADER = ['name', 'kind', 'country', 'sector', 'documents', 'mentions'] as const;

/** One entity as a CSV row. */
export function entityCsvRow(e: EntityRow): (string | number | null)[] {
  return [e.name, e.kind, e.country, e.sector, e.documents, e.mentions];
}
