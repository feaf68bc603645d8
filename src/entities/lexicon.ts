import { z } from 'zod';
import { loadData } from '../core/index.js';
import { PhraseIndex, foldKey } from './matcher.js';

// ---------------------------------------------------------------- schemas

const Sector = z.string().regex(/^[A-Z]{3}$/);
const Country = z.string().regex(/^[A-Z]{3}$/);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const RoleSchema = z.object({
  country: Country,
  sector: Sector,
  role: z.string(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  affiliation: z.string().optional(),
});

const OrgSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['organization', 'group']),
  aliases: z.array(z.string()),
  country: Country.nullable(),
  sector: Sector.nullable(),
  group_type: z.string().optional(),
  parent: z.string().optional(),
  note: z.string().optional(),
});

const PersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.literal('person'),
  aliases: z.array(z.string()),
  weak_aliases: z.array(z.string()).optional(),
  gender: z.enum(['m', 'f']).nullable(),
  roles: z.array(RoleSchema).min(1),
});

/** The actor dictionary file (data/actors.json). */
export const ActorsSchema = z.object({
  about: z.string().optional(),
  organizations: z.array(OrgSchema),
  people: z.array(PersonSchema),
});

const CountriesSchema = z.object({
  about: z.string().optional(),
  countries: z.array(
    z.object({
      code: Country,
      name: z.string(),
      aliases: z.array(z.string()),
      demonyms: z.array(z.string()),
      capital: z.string().nullable(),
      independent: z.boolean(),
    }),
  ),
});

const CitiesSchema = z.object({
  about: z.string().optional(),
  cities: z.array(z.tuple([z.string(), Country, z.number()])),
});

const ExtraSchema = z.object({
  about: z.string().optional(),
  countryAliases: z.record(Country, z.array(z.string())),
  demonyms: z.record(Country, z.array(z.string())),
  regions: z.array(z.object({ name: z.string(), country: Country.nullable(), aliases: z.array(z.string()), kind: z.literal('place') })),
  groups: z.array(z.object({ name: z.string(), aliases: z.array(z.string()), country: Country.nullable() })),
  cityStoplist: z.array(z.string()),
  countryNames: z.record(z.string(), z.string()),
  extraCapitals: z.record(z.string(), Country),
});

const LexiconSchema = z.object({
  about: z.string().optional(),
  roles: z.record(z.string(), Sector.nullable()),
  titles: z.array(z.string()),
  groupHeads: z.record(z.string(), z.tuple([Sector, z.boolean()])),
  orgHeads: z.array(z.string()),
  orgHeadSectors: z.record(z.string(), Sector.nullable()),
  placeHeads: z.array(z.string()),
  placePrefixes: z.array(z.string()),
  placeNouns: z.array(z.string()),
  locativePrepositions: z.array(z.string()),
  directions: z.array(z.string()),
  nameParticles: z.array(z.string()),
  firstNames: z.object({ male: z.array(z.string()), female: z.array(z.string()) }),
  pronouns: z.record(z.string(), z.tuple([z.enum(['person', 'organization', 'group']), z.enum(['m', 'f']).nullable(), z.boolean()])),
  notNames: z.array(z.string()),
  nonEntityPrefixes: z.array(z.string()),
  miscHeads: z.array(z.string()),
  facilityHeads: z.array(z.string()),
  nonEntityAcronyms: z.array(z.string()),
  placeCorefNouns: z.record(z.string(), z.enum(['place', 'country'])),
  placeDescNouns: z.array(z.string()),
});

export type OrgActor = z.infer<typeof OrgSchema>;
export type PersonActor = z.infer<typeof PersonSchema>;
export type ActorRole = z.infer<typeof RoleSchema>;
export type EntityLexiconData = z.infer<typeof LexiconSchema>;

// ---------------------------------------------------------------- gazetteer references

/** What a gazetteer or dictionary alias points at. */
export type GazRef =
  | { readonly type: 'country'; readonly code: string; readonly name: string }
  | { readonly type: 'demonym'; readonly code: string; readonly name: string }
  | { readonly type: 'identity'; readonly name: string }
  | { readonly type: 'place'; readonly name: string; readonly country: string | null; readonly city: boolean }
  | { readonly type: 'org'; readonly actor: OrgActor }
  | { readonly type: 'person'; readonly actor: PersonActor; readonly weak: boolean };

/** Everything the entities stage looks up, built once from the data files. */
export interface EntityLexicon {
  readonly gazetteer: PhraseIndex<GazRef>;
  readonly countries: ReadonlyMap<string, string>;
  /** Capital city name → country code, for "Washington said". */
  readonly capitals: ReadonlyMap<string, string>;
  readonly roles: PhraseIndex<string | null>;
  readonly titles: ReadonlySet<string>;
  readonly groupHeads: PhraseIndex<readonly [string, boolean]>;
  readonly orgHeads: ReadonlySet<string>;
  readonly orgHeadSectors: Readonly<Record<string, string | null>>;
  readonly placeHeads: ReadonlySet<string>;
  readonly placePrefixes: ReadonlySet<string>;
  readonly placeNouns: ReadonlySet<string>;
  readonly locativePrepositions: ReadonlySet<string>;
  readonly directions: ReadonlySet<string>;
  readonly nameParticles: ReadonlySet<string>;
  readonly gender: ReadonlyMap<string, 'm' | 'f'>;
  /** Pronoun → [kind, gender, plural]; a Map, so words like "constructor" find nothing. */
  readonly pronouns: ReadonlyMap<string, readonly ['person' | 'organization' | 'group', 'm' | 'f' | null, boolean]>;
  readonly notNames: ReadonlySet<string>;
  readonly nonEntityPrefixes: ReadonlySet<string>;
  readonly miscHeads: ReadonlySet<string>;
  readonly facilityHeads: ReadonlySet<string>;
  readonly nonEntityAcronyms: ReadonlySet<string>;
  readonly placeCorefNouns: ReadonlyMap<string, 'place' | 'country'>;
  readonly placeDescNouns: PhraseIndex<true>;
  readonly orgsById: ReadonlyMap<string, OrgActor>;
}

let cached: EntityLexicon | null = null;

/**
 * Plain spellings of a gazetteer city name as news writes it: without diacritics or
 * transliteration marks ("Sāmarrā’" → "Samarra"), and, for an Arabic name with a spaced
 * article ("Al ‘Amārah"), the hyphenated form ("Al-Amarah") and the bare name ("Amarah", 5+ letters).
 */
export function cityVariants(name: string): string[] {
  const plain = name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘ʼʻ`]/g, '').replace(/\s+/g, ' ').trim();
  const out = new Set<string>();
  if (plain !== name && plain.length >= 3) out.add(plain);
  const m = /^(A[lrnsdzt]h?) (\p{Lu}[\p{L}-]{4,})$/u.exec(plain);
  if (m) {
    out.add(`${m[1]}-${m[2]}`);
    out.add(m[2]!);
  }
  out.delete(name);
  return [...out];
}

/** Loads and indexes the gazetteer, actor dictionary and entity lexicon (once per process). */
export function entityLexicon(): EntityLexicon {
  if (cached) return cached;
  const actors = loadData('actors.json', ActorsSchema);
  const countries = loadData('gazetteer-countries.json', CountriesSchema);
  const cities = loadData('gazetteer-cities.json', CitiesSchema);
  const extra = loadData('gazetteer-extra.json', ExtraSchema);
  const lex = loadData('entity-lexicon.json', LexiconSchema);

  const gaz = new PhraseIndex<GazRef>(true);
  // Priority by insertion: earlier wins for the same alias.
  for (const o of actors.organizations) {
    gaz.add(o.name, { type: 'org', actor: o });
    for (const a of o.aliases) gaz.add(a, { type: 'org', actor: o });
  }
  for (const p of actors.people) {
    const weak = new Set(p.weak_aliases ?? []);
    gaz.add(p.name, { type: 'person', actor: p, weak: false });
    for (const a of p.aliases) gaz.add(a, { type: 'person', actor: p, weak: weak.has(a) });
  }
  const countryNames = new Map<string, string>();
  for (const c of countries.countries) {
    const english = extra.countryNames[c.code];
    if (english) {
      if (!c.aliases.includes(c.name)) c.aliases.push(c.name);
      c.name = english;
    }
    countryNames.set(c.code, c.name);
  }
  for (const [code, dems] of Object.entries(extra.demonyms)) {
    for (const d of dems) gaz.add(d, { type: 'demonym', code, name: countryNames.get(code) ?? code });
  }
  for (const c of countries.countries) {
    for (const d of c.demonyms) {
      gaz.add(d, { type: 'demonym', code: c.code, name: c.name });
      if (/[aeiouny]$/.test(d) && !/(ese|ish|ch|s)$/.test(d)) gaz.add(d + 's', { type: 'demonym', code: c.code, name: c.name });
    }
  }
  const demonymWords = new Set<string>();
  for (const c of countries.countries) for (const d of c.demonyms) demonymWords.add(d);
  for (const c of countries.countries) {
    const ref: GazRef = { type: 'country', code: c.code, name: c.name };
    gaz.add(c.name, ref);
    for (const a of c.aliases) if (!demonymWords.has(a)) gaz.add(a, ref);
    for (const a of extra.countryAliases[c.code] ?? []) gaz.add(a, ref);
  }
  for (const g of extra.groups) for (const a of g.aliases) gaz.add(a, { type: 'identity', name: g.name });
  for (const r of extra.regions) {
    const ref: GazRef = { type: 'place', name: r.name.replace(/ \(.*\)$/, ''), country: r.country, city: false };
    if (!/\(/.test(r.name)) gaz.add(r.name, ref);
    for (const a of r.aliases) gaz.add(a, ref);
  }
  const stop = new Set(extra.cityStoplist);
  for (const [name, cc] of cities.cities) {
    if (stop.has(name)) continue;
    gaz.add(name, { type: 'place', name, country: cc, city: true });
    for (const v of cityVariants(name)) if (!stop.has(v)) gaz.add(v, { type: 'place', name, country: cc, city: true });
  }

  const roles = new PhraseIndex<string | null>(false);
  for (const [r, s] of Object.entries(lex.roles)) roles.add(r, s);
  const groupHeads = new PhraseIndex<readonly [string, boolean]>(false);
  for (const [h, v] of Object.entries(lex.groupHeads)) groupHeads.add(h, v);
  const placeDesc = new PhraseIndex<true>(false);
  for (const n of lex.placeDescNouns) placeDesc.add(n, true);
  const gender = new Map<string, 'm' | 'f'>();
  for (const n of lex.firstNames.male) gender.set(n, 'm');
  for (const n of lex.firstNames.female) if (!gender.has(n)) gender.set(n, 'f');

  const capitals = new Map<string, string>(Object.entries(extra.extraCapitals));
  for (const c of countries.countries) if (c.capital && !capitals.has(c.capital)) capitals.set(c.capital, c.code);
  cached = {
    gazetteer: gaz,
    countries: countryNames,
    capitals,
    roles,
    titles: new Set(lex.titles),
    groupHeads,
    orgHeads: new Set(lex.orgHeads),
    orgHeadSectors: lex.orgHeadSectors,
    placeHeads: new Set(lex.placeHeads),
    placePrefixes: new Set(lex.placePrefixes),
    placeNouns: new Set(lex.placeNouns),
    locativePrepositions: new Set(lex.locativePrepositions),
    directions: new Set(lex.directions),
    nameParticles: new Set(lex.nameParticles),
    gender,
    pronouns: new Map(Object.entries(lex.pronouns)),
    notNames: new Set(lex.notNames),
    nonEntityPrefixes: new Set(lex.nonEntityPrefixes),
    miscHeads: new Set(lex.miscHeads),
    facilityHeads: new Set(lex.facilityHeads),
    nonEntityAcronyms: new Set(lex.nonEntityAcronyms),
    placeCorefNouns: new Map(Object.entries(lex.placeCorefNouns)),
    placeDescNouns: placeDesc,
    orgsById: new Map(actors.organizations.map((o) => [o.id, o])),
  };
  void foldKey;
  return cached;
}

/** The role of a dictionary person valid at `date` (YYYY-MM-DD); without a date, the latest role. */
export function roleAt(person: PersonActor, date: string | null): ActorRole {
  const roles = person.roles;
  if (!date) return roles[roles.length - 1]!;
  const active = roles.filter((r) => (!r.from || r.from <= date) && (!r.to || date < r.to));
  if (active.length > 0) return active[active.length - 1]!;
  // Not in office at that date: the most recent earlier role, else the first later one.
  const past = roles.filter((r) => r.to && r.to <= date).sort((a, b) => (a.to! < b.to! ? -1 : 1));
  return past[past.length - 1] ?? roles[0]!;
}

/** True when the person holds some role at `date` (always true without a date). */
export function activeAt(person: PersonActor, date: string | null): boolean {
  if (!date) return true;
  return person.roles.some((r) => (!r.from || r.from <= date) && (!r.to || date < r.to));
}
