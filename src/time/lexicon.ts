import { z } from 'zod';
import { loadData } from '../core/index.js';

const HolidaySchema = z.object({
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31).optional(),
  nth: z.number().int().min(-1).max(5).optional(),
  weekday: z.number().int().min(1).max(7).optional(),
  plus: z.number().int().optional(),
});

/** A holiday: a fixed day, or the nth weekday of a month (nth -1 = the last), plus extra days. */
export type Holiday = z.infer<typeof HolidaySchema>;

const TimeLexiconSchema = z.object({
  about: z.string().optional(),
  months: z.record(z.string(), z.number().int().min(1).max(12)),
  weekdays: z.record(z.string(), z.number().int().min(1).max(7)),
  seasons: z.record(z.string(), z.enum(['SP', 'SU', 'FA', 'WI'])),
  dayParts: z.record(z.string(), z.string().regex(/^[A-Z]{2}$/)),
  numbers: z.record(z.string(), z.number().positive()),
  vagueNumbers: z.array(z.string()),
  ordinals: z.record(z.string(), z.number().int().min(1).max(4)),
  units: z.record(z.string(), z.object({ code: z.string(), clock: z.boolean().optional() })),
  vague: z.record(z.string(), z.enum(['PAST_REF', 'PRESENT_REF', 'FUTURE_REF'])),
  sets: z.record(z.string(), z.string()),
  modifiers: z.record(z.string(), z.string()),
  approximators: z.record(z.string(), z.string()),
  yearPrepositions: z.array(z.string()),
  /** Capitalised nouns that name an event or period together with a year ("Summit 2016"). */
  yearEventNouns: z.array(z.string()),
  futureCues: z.array(z.string()),
  futureAuxiliaries: z.array(z.string()),
  pastAuxiliaries: z.array(z.string()),
  deadlinePrepositions: z.array(z.string()),
  holidays: z.object({ about: z.string().optional() }).catchall(z.union([z.string(), HolidaySchema])),
});

/** The validated contents of data/time-lexicon.json. */
export type TimeLexicon = z.infer<typeof TimeLexiconSchema>;

let cached: TimeLexicon | null = null;

/** Loads the time lexicon once (validated with zod). */
export function timeLexicon(): TimeLexicon {
  cached ??= loadData('time-lexicon.json', TimeLexiconSchema);
  return cached;
}
