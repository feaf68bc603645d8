/** The time units a duration or relative expression can count. */
export type TimeUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'weekend' | 'month' | 'quarter' | 'year' | 'decade' | 'century';

/** A season code as TIMEX3 writes it. */
export type SeasonCode = 'SP' | 'SU' | 'FA' | 'WI';

/**
 * What a time phrase says, before it is anchored to a reference date. Produced by the candidate
 * finder, consumed by `resolveTimeExpr`.
 */
export type TimeExpr =
  /** Explicit calendar pieces: "October 7, 2023", "Sept. 30", "5 p.m. Nov. 9", "Saturday". */
  | { kind: 'calendar'; year?: number; month?: number; day?: number; weekday?: number; hour?: number; minute?: number; part?: string; weekdayRel?: number; dir?: -1 | 1 }
  /** A bare year: "1997", "fiscal 1989". */
  | { kind: 'year'; year: number }
  /** A decade: "the 1990s" → decade 199. */
  | { kind: 'decade'; decade: number; offset?: number }
  /** A century: "the 20th century" → 19. */
  | { kind: 'century'; century: number }
  /** A day relative to the reference: today (0), yesterday (-1), tomorrow (1); with an optional part of day. */
  | { kind: 'day'; offset: number; part?: string }
  /** A calendar unit relative to the reference: last week, this month, next year, the weekend. */
  | { kind: 'relative'; unit: TimeUnit; offset: number | 'tense' | 'anchor' | 'following' }
  /** A season: this summer, last fall, the winter of 1994. */
  | { kind: 'season'; season: SeasonCode; offset: number | 'tense'; year?: number }
  /** A month with a relative word: last April, this September, next January. */
  | { kind: 'relMonth'; month: number; offset: number }
  /** A quarter: "the third quarter", "the latest quarter", "the year-ago quarter", "fiscal 1990's first quarter". */
  | { kind: 'quarter'; q: number | null; year?: number; yearOffset?: number; rel?: 'latest' | 'current' | 'previous' | 'next' }
  /** Counted units before or after the reference: "two years ago", "a year earlier". */
  | { kind: 'ago'; unit: TimeUnit; n: number | null; dir: -1 | 1 }
  /** A holiday: "Thanksgiving Day", "last Christmas". rel -1/1 for last/next, 0 by tense. */
  | { kind: 'holiday'; month: number; day?: number; nth?: number; weekday?: number; plus?: number; rel: number }
  /** A day next to the last day the story mentioned: "the next day", "the day before". */
  | { kind: 'nextDay'; offset: number; part?: string }
  /** "year-end". */
  | { kind: 'yearEnd' }
  /** A length of time: "five years", "the past two months", "a few days". n null → X. */
  | { kind: 'duration'; unit: TimeUnit; n: number | null }
  /** A recurrence with its TIMEX3 value: "every week" → P1W, "each Thursday" → XXXX-WXX-4. */
  | { kind: 'set'; value: string }
  /** A vague reference: now → PRESENT_REF, recently → PAST_REF, soon → FUTURE_REF. */
  | { kind: 'ref'; value: 'PAST_REF' | 'PRESENT_REF' | 'FUTURE_REF' };

/** A time phrase found in a sentence: offsets are relative to the string searched. */
export interface TimeCandidate {
  readonly start: number;
  readonly end: number;
  /** The pattern that found it (kept in provenance). */
  readonly rule: string;
  readonly expr: TimeExpr;
  /** TIMEX3 mod (START, END, MID, APPROX, LESS_THAN, ...), or null. */
  readonly mod: string | null;
}
