import type { DatePrecision, TimexType } from '../core/index.js';
import type { SeasonCode, TimeExpr, TimeUnit } from './types.js';

/** The grammatical time of the clause a phrase sits in. */
export type Tense = 'past' | 'present' | 'future';

/** A calendar day (month 1–12). */
export interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

/** What resolution may look at besides the phrase itself. */
export interface ResolveContext {
  /** The publication date; null when unknown. */
  readonly ref: Ymd | null;
  readonly tense: Tense;
  /** The last quarter mentioned earlier in the document ("1989-Q3"), for "the quarter" and "a year ago". */
  readonly anchorQuarter?: string | null;
  /** The last explicit year mentioned earlier in the document, for "that year". */
  readonly anchorYear?: number | null;
  /** The last day (YYYY-MM-DD) mentioned earlier in the document, for "the next day". */
  readonly anchorDay?: string | null;
}

/** A resolved TIMEX3 value with its type and precision. */
export interface Resolved {
  readonly value: string;
  readonly type: TimexType;
  readonly precision: DatePrecision;
}

/** Parses "2025-03-05" or "1990-08-15T13:37" (the date part is used); null when not a date. */
export function parseReferenceDate(s: string | null | undefined): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s ?? '');
  if (!m) return null;
  const r = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return r.m >= 1 && r.m <= 12 && r.d >= 1 && r.d <= 31 ? r : null;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const DAY = 86_400_000;
const toMs = (a: Ymd) => Date.UTC(a.y, a.m - 1, a.d);
const fromMs = (ms: number): Ymd => {
  const t = new Date(ms);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};
const addDays = (a: Ymd, n: number) => fromMs(toMs(a) + n * DAY);
/** ISO weekday 1 (Monday) … 7 (Sunday). */
const isoWeekday = (a: Ymd) => ((new Date(toMs(a)).getUTCDay() + 6) % 7) + 1;
const fmtDay = (a: Ymd) => `${pad(a.y, 4)}-${pad(a.m)}-${pad(a.d)}`;
const addMonths = (y: number, m: number, n: number) => {
  const k = y * 12 + (m - 1) + n;
  return { y: Math.floor(k / 12), m: (k % 12) + 1 };
};
const quarterOf = (m: number) => Math.floor((m - 1) / 3) + 1;

/** The ISO 8601 week ("2025-W10") that contains a day. */
export function isoWeek(a: Ymd): string {
  const thursday = addDays(a, 4 - isoWeekday(a));
  const jan1 = Date.UTC(thursday.y, 0, 1);
  const week = Math.floor((toMs(thursday) - jan1) / DAY / 7) + 1;
  return `${pad(thursday.y, 4)}-W${pad(week)}`;
}

/** The precision a TIMEX3 value expresses. */
export function precisionOf(value: string, type: TimexType): DatePrecision {
  if (type === 'DURATION' || type === 'SET') return 'none';
  if (/_REF$|X/.test(value)) return 'approximate';
  if (/T\d\d:\d\d/.test(value)) return 'minute';
  if (/T(\d\d|MO|AF|EV|NI|MI|DT)/.test(value)) return 'hour';
  if (/^\d{4}-\d\d-\d\d$/.test(value)) return 'day';
  if (/^\d{4}-W\d\d/.test(value)) return 'week';
  if (/^\d{4}-Q\d$/.test(value)) return 'quarter';
  if (/^\d{4}-(SP|SU|FA|WI)$/.test(value)) return 'season';
  if (/^\d{4}-\d\d$/.test(value)) return 'month';
  if (/^\d{4}$/.test(value)) return 'year';
  if (/^\d{3}$/.test(value)) return 'decade';
  if (/^\d{2}$/.test(value)) return 'century';
  return 'approximate';
}

function done(value: string, type: TimexType = 'DATE'): Resolved {
  return { value, type, precision: precisionOf(value, type) };
}

function refByDirection(n: number): Resolved {
  return done(n < 0 ? 'PAST_REF' : n > 0 ? 'FUTURE_REF' : 'PRESENT_REF');
}

/**
 * Picks the year of a day given without one: the nearest occurrence, but a past-tense clause
 * looks back (allowing a few weeks ahead for dates announced in advance) and a future one forward.
 */
function pickYear(ref: Ymd, month: number, day: number, tense: Tense): number {
  const options = [ref.y - 1, ref.y, ref.y + 1].map((y) => ({ y, ms: Date.UTC(y, month - 1, day) }));
  const r = toMs(ref);
  if (tense === 'past') return [...options].reverse().find((o) => o.ms <= r + 45 * DAY)!.y;
  if (tense === 'future') return options.find((o) => o.ms >= r - 7 * DAY)!.y;
  return options.reduce((best, o) => (Math.abs(o.ms - r) < Math.abs(best.ms - r) ? o : best)).y;
}

/** The occurrence of an ISO weekday relative to the reference: rel -1 strictly before, +1 strictly after, 0 by tense. */
function pickWeekday(ref: Ymd, wd: number, rel: number, tense: Tense): Ymd {
  const today = isoWeekday(ref);
  const back = (today - wd + 7) % 7;
  const fwd = (wd - today + 7) % 7;
  if (rel < 0) return addDays(ref, -(back || 7));
  if (rel > 0) return addDays(ref, fwd || 7);
  if (tense === 'past') return addDays(ref, -back);
  if (tense === 'future') return addDays(ref, fwd);
  // news mostly reports what has happened: a present-tense weekday within the last days looks back
  return back <= 4 ? addDays(ref, -back) : addDays(ref, fwd);
}

function durationValue(unit: TimeUnit, n: number | null): string {
  const clock = unit === 'hour' || unit === 'minute' || unit === 'second';
  const code: Record<TimeUnit, string> = { second: 'S', minute: 'M', hour: 'H', day: 'D', week: 'W', weekend: 'WE', month: 'M', quarter: 'Q', year: 'Y', decade: 'E', century: 'C' };
  const p = clock ? 'PT' : 'P';
  if (n === null) return `${p}X${code[unit]}`;
  if (unit === 'weekend') return 'P2D';
  if (unit === 'quarter') return `P${Math.round(n * 3)}M`;
  if (unit === 'decade') return n === 1 ? 'P1E' : `P${Math.round(n * 10)}Y`;
  if (!Number.isInteger(n)) {
    const whole = Math.floor(n);
    const sub: Partial<Record<TimeUnit, [string, number]>> = { year: ['M', 12], hour: ['M', 60], minute: ['S', 60], day: ['H', 24], month: ['D', 30] };
    const s = sub[unit];
    if (s) {
      const rest = Math.round((n - whole) * s[1]);
      const subClock = unit === 'day' && !clock ? `T${rest}H` : `${rest}${s[0]}`;
      return whole > 0 ? `${p}${whole}${code[unit]}${subClock}` : `${unit === 'day' ? 'PT' : p}${rest}${s[0]}`;
    }
    return `${p}${Math.round(n)}${code[unit]}`;
  }
  return `${p}${n}${code[unit]}`;
}

function seasonYear(ref: Ymd, season: SeasonCode, offset: number): number {
  const startMonth = { SP: 3, SU: 6, FA: 9, WI: 12 }[season];
  if (offset < 0) return startMonth >= ref.m ? ref.y - 1 : ref.y;
  if (offset > 0) return startMonth > ref.m ? ref.y : ref.y + 1;
  return ref.y;
}

function shiftQuarter(value: string, years: number, quarters = 0): string {
  const m = /^(\d{4})-Q(\d)$/.exec(value);
  if (!m) return value;
  const k = Number(m[1]) * 4 + Number(m[2]) - 1 + years * 4 + quarters;
  return `${Math.floor(k / 4)}-Q${(k % 4) + 1}`;
}

/**
 * Anchors a time expression to the reference date with news conventions and returns its TIMEX3
 * value, or null when it cannot be placed (e.g. "that year" with nothing to point back to).
 * @example resolveTimeExpr({kind:'calendar', weekday: 6, weekdayRel: 0}, {ref:{y:2025,m:3,d:5}, tense:'past'}) // → {value:'2025-03-01', type:'DATE', precision:'day'}
 */
export function resolveTimeExpr(expr: TimeExpr, ctx: ResolveContext): Resolved | null {
  const { ref, tense } = ctx;
  switch (expr.kind) {
    case 'ref':
      return done(expr.value);
    case 'set':
      return done(expr.value, 'SET');
    case 'duration':
      return done(durationValue(expr.unit, expr.n), 'DURATION');
    case 'year':
      return done(pad(expr.year, 4));
    case 'decade':
      return done(String(expr.decade + (expr.offset ?? 0)));
    case 'century':
      return done(pad(expr.century));
    case 'calendar':
      return resolveCalendar(expr, ctx);
    case 'day': {
      if (!ref) return refByDirection(expr.offset);
      const day = fmtDay(addDays(ref, expr.offset));
      return expr.part ? done(`${day}T${expr.part}`, 'TIME') : done(day);
    }
    case 'relative': {
      if (expr.offset === 'anchor' || expr.offset === 'following') {
        if (expr.unit === 'year' && ctx.anchorYear) return done(pad(ctx.anchorYear + (expr.offset === 'following' ? 1 : 0), 4));
        return null;
      }
      if (!ref) return refByDirection(expr.offset === 'tense' ? (tense === 'future' ? 1 : -1) : (expr.offset as number));
      const off = expr.offset;
      switch (expr.unit) {
        case 'week':
          return done(isoWeek(addDays(ref, 7 * (off as number))));
        case 'weekend': {
          const dir = off === 'tense' ? (tense === 'future' ? 1 : -1) : off;
          const sat = dir > 0 ? pickWeekday(ref, 6, 0, 'future') : isoWeekday(ref) === 7 ? addDays(ref, -1) : pickWeekday(ref, 6, -1, 'past');
          return done(`${isoWeek(sat)}-WE`);
        }
        case 'month': {
          const a = addMonths(ref.y, ref.m, off as number);
          return done(`${pad(a.y, 4)}-${pad(a.m)}`);
        }
        case 'quarter': {
          const q = shiftQuarter(`${ref.y}-Q${quarterOf(ref.m)}`, 0, off as number);
          return done(q);
        }
        case 'year':
          return done(pad(ref.y + (off as number), 4));
        case 'decade':
          return done(String(Math.floor(ref.y / 10) + (off as number)));
        case 'century':
          return done(pad(Math.floor(ref.y / 100) + (off as number)));
        default:
          return null;
      }
    }
    case 'season': {
      if (expr.year) return done(`${pad(expr.year, 4)}-${expr.season}`);
      if (!ref) return refByDirection(expr.offset === 'tense' ? 0 : expr.offset);
      let off = expr.offset === 'tense' ? 0 : expr.offset;
      if (expr.offset === 'tense') {
        const startMonth = { SP: 3, SU: 6, FA: 9, WI: 12 }[expr.season];
        if (tense === 'past' && startMonth > ref.m) off = -1;
        else if (tense === 'future' && startMonth + 2 < ref.m) off = 1;
      }
      return done(`${pad(seasonYear(ref, expr.season, off), 4)}-${expr.season}`);
    }
    case 'relMonth': {
      if (!ref) return expr.offset === 0 ? done(`XXXX-${pad(expr.month)}`) : refByDirection(expr.offset);
      let y = ref.y;
      if (Math.abs(expr.offset) === 12) y += expr.offset / 12;
      // "last February" said in March is a year back ("last month" would be used otherwise)
      else if (expr.offset < 0) y = expr.month < ref.m - 1 ? ref.y : ref.y - 1;
      else if (expr.offset > 0) y = expr.month > ref.m ? ref.y : ref.y + 1;
      return done(`${pad(y, 4)}-${pad(expr.month)}`);
    }
    case 'quarter': {
      if (!ref) {
        if (expr.q && expr.year) return done(`${pad(expr.year, 4)}-Q${expr.q}`);
        return done(expr.q ? `XXXX-Q${expr.q}` : 'XXXX-QX');
      }
      const refQ = quarterOf(ref.m);
      let base: string;
      if (expr.q !== null) {
        let y = expr.year ?? ref.y;
        if (expr.year === undefined && expr.yearOffset === undefined && expr.q > refQ && tense !== 'future') y -= 1;
        base = `${y}-Q${expr.q}`;
      } else if (expr.rel === 'current' && tense !== 'past') base = `${ref.y}-Q${refQ}`;
      else if (expr.rel === 'next') base = shiftQuarter(`${ref.y}-Q${refQ}`, 0, 1);
      else if (expr.rel === 'previous') base = shiftQuarter(`${ref.y}-Q${refQ}`, 0, -1);
      else base = ctx.anchorQuarter ?? shiftQuarter(`${ref.y}-Q${refQ}`, 0, -1);
      if (expr.year !== undefined && expr.q === null) base = `${expr.year}-Q${base.slice(-1)}`;
      return done(shiftQuarter(base, expr.yearOffset ?? 0));
    }
    case 'ago': {
      if (expr.n === null || !ref) return done(expr.dir < 0 ? 'PAST_REF' : 'FUTURE_REF');
      const n = Math.round(expr.n) * expr.dir;
      switch (expr.unit) {
        case 'second':
        case 'minute':
        case 'hour':
        case 'day':
          return done(fmtDay(addDays(ref, expr.unit === 'day' ? n : 0)));
        case 'week':
        case 'weekend':
          return done(isoWeek(addDays(ref, 7 * n)));
        case 'month': {
          const a = addMonths(ref.y, ref.m, n);
          return done(`${pad(a.y, 4)}-${pad(a.m)}`);
        }
        case 'quarter':
          return done(shiftQuarter(`${ref.y}-Q${quarterOf(ref.m)}`, 0, n));
        case 'year':
          if (ctx.anchorQuarter && expr.dir < 0) return done(shiftQuarter(ctx.anchorQuarter, n));
          return done(pad(ref.y + n, 4));
        case 'decade':
          return done(pad(ref.y + 10 * n, 4));
        case 'century':
          return done(pad(ref.y + 100 * n, 4));
      }
      return null;
    }
    case 'holiday': {
      const h = expr;
      const on = (y: number): Ymd => {
        if (h.day !== undefined) return { y, m: h.month, d: h.day };
        const wd = h.weekday ?? 1;
        let day: Ymd;
        if ((h.nth ?? 1) > 0) {
          const first = { y, m: h.month, d: 1 };
          day = addDays(first, ((wd - isoWeekday(first) + 7) % 7) + 7 * ((h.nth ?? 1) - 1));
        } else {
          const last = addDays({ y: h.month === 12 ? y + 1 : y, m: h.month === 12 ? 1 : h.month + 1, d: 1 }, -1);
          day = addDays(last, -((isoWeekday(last) - wd + 7) % 7));
        }
        return addDays(day, h.plus ?? 0);
      };
      if (!ref) return done(h.day !== undefined ? `XXXX-${pad(h.month)}-${pad(h.day)}` : `XXXX-${pad(h.month)}`);
      const r = toMs(ref);
      const options = [ref.y - 1, ref.y, ref.y + 1].map(on);
      let pick: Ymd;
      if (h.rel < 0 || (h.rel === 0 && tense === 'past')) pick = [...options].reverse().find((o) => toMs(o) < r + (h.rel < 0 ? 0 : DAY))!;
      else if (h.rel > 0 || tense === 'future') pick = options.find((o) => toMs(o) > r - (h.rel > 0 ? 0 : DAY))!;
      else pick = options.reduce((best, o) => (Math.abs(toMs(o) - r) < Math.abs(toMs(best) - r) ? o : best));
      return done(fmtDay(pick));
    }
    case 'nextDay': {
      const base = parseReferenceDate(ctx.anchorDay) ?? ref;
      if (!base) return refByDirection(expr.offset);
      const day = fmtDay(addDays(base, expr.offset));
      return expr.part ? done(`${day}T${expr.part}`, 'TIME') : done(day);
    }
    case 'yearEnd': {
      if (!ref) return done('XXXX-12-31');
      return done(`${pad(tense === 'past' ? ref.y - 1 : ref.y, 4)}-12-31`);
    }
  }
}

function resolveCalendar(e: Extract<TimeExpr, { kind: 'calendar' }>, ctx: ResolveContext): Resolved | null {
  const { ref } = ctx;
  // "last Oct. 23" / "next March 3" say which way to look whatever the verb
  const tense: Tense = e.dir ? (e.dir < 0 ? 'past' : 'future') : ctx.tense;
  // a weekday with a part of day ("Friday night") is annotated as the day itself
  const clock = e.hour !== undefined ? `T${pad(e.hour)}:${pad(e.minute ?? 0)}` : e.part && e.weekday === undefined ? `T${e.part}` : '';
  const type: TimexType = clock ? 'TIME' : 'DATE';
  let date: string | null = null;
  if (e.month !== undefined) {
    if (e.year !== undefined) date = e.day !== undefined ? `${pad(e.year, 4)}-${pad(e.month)}-${pad(e.day)}` : `${pad(e.year, 4)}-${pad(e.month)}`;
    else if (!ref) date = e.day !== undefined ? `XXXX-${pad(e.month)}-${pad(e.day)}` : `XXXX-${pad(e.month)}`;
    else if (e.day !== undefined) {
      // a weekday given with the date ("Saturday, April 25") fixes the year
      const y = e.weekday !== undefined ? [ref.y, ref.y - 1, ref.y + 1].find((yy) => isoWeekday({ y: yy, m: e.month!, d: e.day! }) === e.weekday) : undefined;
      date = `${pad(y ?? pickYear(ref, e.month, e.day, tense), 4)}-${pad(e.month)}-${pad(e.day)}`;
    }
    else {
      let y = ref.y;
      const diff = e.month - ref.m;
      if (tense === 'past') y = diff > 2 ? ref.y - 1 : ref.y;
      else if (tense === 'future') y = diff < 0 ? ref.y + 1 : ref.y;
      // news mostly looks back: a month up to three ahead is this year's, further ones last year's
      else y = diff > 3 ? ref.y - 1 : diff < -9 ? ref.y + 1 : ref.y;
      date = `${pad(y, 4)}-${pad(e.month)}`;
    }
  } else if (e.year !== undefined) date = pad(e.year, 4);
  else if (e.weekday !== undefined) {
    date = ref ? fmtDay(pickWeekday(ref, e.weekday, e.weekdayRel ?? 0, tense)) : `XXXX-WXX-${e.weekday}`;
  } else if (e.weekdayRel !== undefined && e.weekdayRel >= 50) {
    date = ref ? fmtDay(addDays(ref, e.weekdayRel - 100)) : null;
  } else if (clock) date = ref ? fmtDay(ref) : 'XXXX-XX-XX';
  if (date === null) return null;
  return done(date.length >= 10 ? date + clock : date, date.length >= 10 ? type : 'DATE');
}
