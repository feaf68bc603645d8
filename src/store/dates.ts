/** First and last day (YYYY-MM-DD) covered by a TIMEX3 date value. */
export interface DayRange {
  readonly start: string;
  readonly end: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const iso = (d: Date) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const SEASONS: Record<string, [number, number]> = { SP: [3, 5], SU: [6, 8], FA: [9, 11], WI: [12, 14] };

/**
 * The days a TIMEX3 value covers, or null for values with no calendar position (PAST_REF, P3W, ...).
 * @example dateRange('2024-11') // { start: '2024-11-01', end: '2024-11-30' }
 * @example dateRange('2025-W10') // { start: '2025-03-03', end: '2025-03-09' }
 */
export function dateRange(value: string): DayRange | null {
  const v = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (m) {
    const day = `${m[1]}-${m[2]}-${m[3]}`;
    return { start: day, end: day };
  }
  m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return null;
    return { start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${pad(lastDay(y, mo))}` };
  }
  m = /^(\d{4})-W(\d{2})$/.exec(v);
  if (m) {
    const y = Number(m[1]);
    const w = Number(m[2]);
    // ISO week 1 contains January 4th; weeks start on Monday.
    const jan4 = new Date(Date.UTC(y, 0, 4));
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000 + (w - 1) * 7 * 86_400_000);
    return { start: iso(monday), end: iso(new Date(monday.getTime() + 6 * 86_400_000)) };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(v);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    return { start: `${m[1]}-${pad(q * 3 - 2)}-01`, end: `${m[1]}-${pad(q * 3)}-${pad(lastDay(y, q * 3))}` };
  }
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(v);
  if (m) {
    const y = Number(m[1]);
    const [a, b] = SEASONS[m[2]!]!;
    const end = new Date(Date.UTC(y, b, 0));
    return { start: `${m[1]}-${pad(a)}-01`, end: iso(end) };
  }
  m = /^(\d{4})$/.exec(v);
  if (m) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  m = /^(\d{3})X$/.exec(v);
  if (m) return { start: `${m[1]}0-01-01`, end: `${m[1]}9-12-31` };
  m = /^(\d{2})XX$/.exec(v);
  if (m) return { start: `${m[1]}00-01-01`, end: `${m[1]}99-12-31` };
  return null;
}
