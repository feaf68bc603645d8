import { z } from 'zod';
import { loadData } from '../core/index.js';

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
  futureCues: z.array(z.string()),
  pastAuxiliaries: z.array(z.string()),
  deadlinePrepositions: z.array(z.string()),
});

/** The validated contents of data/time-lexicon.json. */
export type TimeLexicon = z.infer<typeof TimeLexiconSchema>;

let cached: TimeLexicon | null = null;

/** Loads the time lexicon once (validated with zod). */
export function timeLexicon(): TimeLexicon {
  cached ??= loadData('time-lexicon.json', TimeLexiconSchema);
  return cached;
}
