import { z } from 'zod';
import { loadData } from '../core/index.js';

const NumberMap = z.record(z.string(), z.number());
const Words = z.array(z.string().min(1));

const QuantitiesSchema = z.object({
  about: z.string(),
  units: NumberMap,
  tens: NumberMap,
  scales: NumberMap,
  scaleAbbreviations: NumberMap,
  dozen: NumberMap,
  vaguePlurals: NumberMap,
  ordinals: NumberMap,
  qualifiers: z.record(z.string(), z.enum(['approx', 'lower', 'upper', 'exact'])),
  particleVerbs: Words,
  currencySymbols: z.record(z.string(), z.string().length(3)),
  currencyWords: z.record(z.string(), z.string().length(3)),
  percentWords: Words,
  measureUnits: Words,
  timeUnits: Words,
  months: Words,
  yearContext: Words,
  timeWords: Words,
  labelNouns: Words,
  labelNounsAnyCase: Words,
  ageWords: Words,
  nonQuantityCompounds: Words,
  headStopWords: Words,
  headModifiers: Words,
  pronounsAfterOf: Words,
  weekdays: Words,
  rangeWords: Words,
  dateHeads: Words,
  relativeTimeWords: Words,
});

/** The raw word lists of data/quantities.json. */
export type QuantitiesData = z.infer<typeof QuantitiesSchema>;

/** Kinds of qualifier: an approximation, a lower or upper bound, or an exact addition ("another 5"). */
export type QualifierKind = 'approx' | 'lower' | 'upper' | 'exact';

/** Look-up structures built once from data/quantities.json. Multi-word entries are kept as token arrays. */
export interface QuantityLexicon {
  readonly units: ReadonlyMap<string, number>;
  readonly tens: ReadonlyMap<string, number>;
  readonly scales: ReadonlyMap<string, number>;
  readonly scaleAbbreviations: ReadonlyMap<string, number>;
  readonly dozen: ReadonlyMap<string, number>;
  readonly vaguePlurals: ReadonlyMap<string, number>;
  readonly ordinals: ReadonlyMap<string, number>;
  /** qualifier phrases as token arrays, longest first. */
  readonly qualifiers: readonly { readonly words: readonly string[]; readonly kind: QualifierKind }[];
  readonly particleVerbs: ReadonlySet<string>;
  readonly currencySymbols: ReadonlyMap<string, string>;
  readonly currencyWords: ReadonlyMap<string, string>;
  readonly percentWords: readonly (readonly string[])[];
  readonly measureUnits: readonly (readonly string[])[];
  readonly timeUnits: ReadonlySet<string>;
  readonly months: ReadonlySet<string>;
  readonly yearContext: ReadonlySet<string>;
  readonly timeWords: ReadonlySet<string>;
  readonly labelNouns: ReadonlySet<string>;
  readonly labelNounsAnyCase: ReadonlySet<string>;
  readonly ageWords: ReadonlySet<string>;
  readonly nonQuantityCompounds: ReadonlySet<string>;
  readonly headStopWords: ReadonlySet<string>;
  readonly headModifiers: ReadonlySet<string>;
  readonly pronounsAfterOf: ReadonlySet<string>;
  readonly weekdays: ReadonlySet<string>;
  readonly rangeWords: ReadonlySet<string>;
  /** heads that make an ordinal part of a date: the third quarter, the 20th century. */
  readonly dateHeads: ReadonlySet<string>;
  /** words after a duration that make it a date: six weeks ago, two days later. */
  readonly relativeTimeWords: ReadonlySet<string>;
}

let cached: QuantityLexicon | null = null;

const phrases = (list: readonly string[]) =>
  list.map((p) => p.split(' ')).sort((a, b) => b.length - a.length);

/** Loads and indexes data/quantities.json once (module-level lazy cache). */
export function quantityLexicon(): QuantityLexicon {
  if (cached) return cached;
  const d = loadData('quantities.json', QuantitiesSchema);
  const map = (r: Record<string, number>) => new Map(Object.entries(r));
  cached = {
    units: map(d.units),
    tens: map(d.tens),
    scales: map(d.scales),
    scaleAbbreviations: map(d.scaleAbbreviations),
    dozen: map(d.dozen),
    vaguePlurals: map(d.vaguePlurals),
    ordinals: map(d.ordinals),
    qualifiers: Object.entries(d.qualifiers)
      .map(([k, kind]) => ({ words: k.split(' '), kind }))
      .sort((a, b) => b.words.length - a.words.length),
    particleVerbs: new Set(d.particleVerbs),
    currencySymbols: new Map(Object.entries(d.currencySymbols)),
    currencyWords: new Map(Object.entries(d.currencyWords)),
    percentWords: phrases(d.percentWords),
    measureUnits: phrases(d.measureUnits),
    timeUnits: new Set(d.timeUnits),
    months: new Set(d.months),
    yearContext: new Set(d.yearContext),
    timeWords: new Set(d.timeWords),
    labelNouns: new Set(d.labelNouns),
    labelNounsAnyCase: new Set(d.labelNounsAnyCase),
    ageWords: new Set(d.ageWords),
    nonQuantityCompounds: new Set(d.nonQuantityCompounds),
    headStopWords: new Set(d.headStopWords),
    headModifiers: new Set(d.headModifiers),
    pronounsAfterOf: new Set(d.pronounsAfterOf),
    weekdays: new Set(d.weekdays),
    rangeWords: new Set(d.rangeWords),
    dateHeads: new Set(d.dateHeads),
    relativeTimeWords: new Set(d.relativeTimeWords),
  };
  return cached;
}
