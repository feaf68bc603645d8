import { createRequire } from 'node:module';
import { z } from 'zod';
import { loadData } from '../core/index.js';

const StringList = z.array(z.string().min(1));

/** Schema of data/situation.json. */
export const SituationLexiconSchema = z.object({
  about: z.string().optional(),
  negotiation_words: StringList,
  mediator_cues: StringList,
  direct_cues: StringList,
  lead_cues: StringList,
  stalled_words: StringList,
  concluded_words: StringList,
  subject_cues: StringList,
  subject_preps: StringList,
  subject_words: StringList,
  conflict_end_words: StringList,
  agreement_words: StringList,
  hostility_types: StringList,
  phase_words: StringList,
  ordinals: z.record(z.string(), z.number().int().positive()),
  extension_words: StringList,
  in_force_words: StringList,
  ended_words: StringList,
  exchange_cues: StringList,
  release_words: StringList,
  captive_words: StringList,
  captive_status_words: z.object({
    'declared dead': StringList,
    dead: StringList,
    rescued: StringList,
    released: StringList,
    held: StringList,
  }),
  alive_words: StringList,
  proof_of_life_words: StringList,
  country_aliases: z.record(z.string(), z.string().regex(/^[A-Z]{3}$/)),
  state_sectors: StringList,
  future_cues: StringList,
  negation_words: StringList,
  nationality_heads: StringList,
  np_stop_words: StringList,
  number_words: z.record(z.string(), z.number().int().positive()),
  current_words: StringList,
  ordinal_names: z.record(z.string(), z.string()),
  fighting_nouns: StringList,
  halt_verbs: StringList,
  near_future_words: StringList,
  official_sectors: StringList,
  remains_words: StringList,
  mediator_verbs: StringList,
  people_nouns: StringList,
  schedule_cues: StringList,
  approval_verbs: StringList,
  approving_bodies: StringList,
  postpone_words: StringList,
  agreement_trouble_words: z.object({ stalled: StringList, 'at risk': StringList, disputed: StringList }),
});

/** The raw situation lexicon. */
export type SituationLexicon = z.infer<typeof SituationLexiconSchema>;

/** A word of a sentence: lower-cased `norm` and its offsets (relative to the string given to `words`). */
export interface Word {
  readonly norm: string;
  readonly start: number;
  readonly end: number;
}

// Letters/digits joined by inner dots, apostrophes or hyphens; a final dot is kept only for
// dotted abbreviations ("U.S.") so that "Doha." reads as "doha".
const WORD_RE = /[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*\.?/gu;

/** Splits text into lower-cased words with offsets (linear; no backtracking). */
export function words(text: string, offset = 0): Word[] {
  const out: Word[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m !== null; m = WORD_RE.exec(text)) {
    let raw = m[0];
    let end = m.index + raw.length;
    if (raw.endsWith('.') && !raw.slice(0, -1).includes('.')) {
      raw = raw.slice(0, -1);
      end -= 1;
    }
    out.push({ norm: raw.toLowerCase().replace(/’/g, "'"), start: offset + m.index, end: offset + end });
  }
  return out;
}

/** One match of a phrase over a word array: word indices [i, j) and character offsets. */
export interface PhraseHit {
  readonly phrase: string;
  readonly i: number;
  readonly j: number;
  readonly start: number;
  readonly end: number;
}

/** Finds whole-word occurrences of a fixed list of phrases in a word array (linear in the words). */
export class PhraseMatcher {
  private readonly byFirst = new Map<string, string[][]>();

  constructor(phrases: Iterable<string>) {
    for (const p of phrases) {
      const ws = words(p).map((w) => w.norm);
      if (ws.length === 0) continue;
      const list = this.byFirst.get(ws[0]!) ?? [];
      list.push(ws);
      this.byFirst.set(ws[0]!, list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length);
  }

  /** All matches, longest first at each position, non-overlapping left to right. */
  find(ws: readonly Word[], from = 0, to = ws.length): PhraseHit[] {
    const out: PhraseHit[] = [];
    for (let i = from; i < to; ) {
      const hit = this.at(ws, i, to);
      if (hit) {
        out.push(hit);
        i = hit.j;
      } else i++;
    }
    return out;
  }

  /** The longest phrase starting at word i, or null. */
  at(ws: readonly Word[], i: number, to = ws.length): PhraseHit | null {
    const list = this.byFirst.get(ws[i]!.norm);
    if (!list) return null;
    for (const p of list) {
      if (i + p.length > to) continue;
      let ok = true;
      for (let k = 1; k < p.length; k++) if (ws[i + k]!.norm !== p[k]) { ok = false; break; }
      if (ok) return { phrase: p.join(' '), i, j: i + p.length, start: ws[i]!.start, end: ws[i + p.length - 1]!.end };
    }
    return null;
  }

  /** True when any phrase occurs. */
  test(ws: readonly Word[], from = 0, to = ws.length): boolean {
    for (let i = from; i < to; i++) if (this.at(ws, i, to)) return true;
    return false;
  }
}

/** Compiled lexicon: matchers and lookups. */
export interface Lexicon {
  readonly raw: SituationLexicon;
  readonly negotiation: PhraseMatcher;
  readonly mediator: PhraseMatcher;
  readonly direct: PhraseMatcher;
  readonly lead: PhraseMatcher;
  readonly stalled: PhraseMatcher;
  readonly concluded: PhraseMatcher;
  readonly subjectCue: PhraseMatcher;
  readonly subjectPreps: ReadonlySet<string>;
  readonly subjectWord: PhraseMatcher;
  readonly conflictEnd: PhraseMatcher;
  readonly agreement: PhraseMatcher;
  readonly phase: PhraseMatcher;
  readonly extension: PhraseMatcher;
  readonly inForce: PhraseMatcher;
  readonly ended: PhraseMatcher;
  readonly exchange: PhraseMatcher;
  readonly release: PhraseMatcher;
  readonly captive: PhraseMatcher;
  readonly captiveStatus: ReadonlyArray<readonly [CaptiveStatusWord, PhraseMatcher]>;
  readonly alive: PhraseMatcher;
  readonly proofOfLife: PhraseMatcher;
  readonly ordinals: ReadonlyMap<string, number>;
  readonly hostilityTypes: ReadonlySet<string>;
  readonly stateSectors: ReadonlySet<string>;
  /** Country names, demonyms and aliases (lower-case, as word sequences) → alpha-3. */
  readonly countries: PhraseMatcher;
  readonly countryOf: ReadonlyMap<string, string>;
  /** alpha-3 → the English demonym ("UKR" → "Ukrainian"). */
  readonly demonymOf: ReadonlyMap<string, string>;
  readonly future: PhraseMatcher;
  readonly negation: ReadonlySet<string>;
  readonly nationalityHeads: ReadonlySet<string>;
  readonly npStop: ReadonlySet<string>;
  readonly numberWords: ReadonlyMap<string, number>;
  readonly current: ReadonlySet<string>;
  /** 2 → "second" */
  readonly ordinalName: (n: number) => string;
  readonly fighting: ReadonlySet<string>;
  readonly halt: ReadonlySet<string>;
  /** Words that put the verb right after them in the future ("would take effect"). */
  readonly nearFuture: ReadonlySet<string>;
  /** Sectors of officials, who negotiate rather than being held (soldiers can be captives). */
  readonly officialSectors: ReadonlySet<string>;
  /** Bodies, remains, coffins: a release of these is a release of the dead. */
  readonly remains: PhraseMatcher;
  /** Verbs whose subjects are mediators ("X and Y brokered the deal"). */
  readonly mediatorVerb: PhraseMatcher;
  /** Nouns that can head a group of people held or freed ("hostages", "prisoners of war", "workers"). */
  readonly peopleNoun: PhraseMatcher;
  /** "scheduled for", "due on": a date after them is when something is due. */
  readonly schedule: PhraseMatcher;
  /** Verbs of putting something off ("postponing", "delayed"). */
  readonly postpone: PhraseMatcher;
  /** Verbs of approving an agreement ("approve", "ratify"). */
  readonly approval: PhraseMatcher;
  /** Bodies whose approval an agreement may await ("cabinet", "parliament"). */
  readonly approvingBodies: ReadonlySet<string>;
  /** Words that put an agreement in trouble, most severe first. */
  readonly trouble: ReadonlyArray<readonly ['stalled' | 'at risk' | 'disputed', PhraseMatcher]>;
}

/** Captive statuses in the order they are tested (most specific first). */
export type CaptiveStatusWord = 'declared dead' | 'dead' | 'rescued' | 'released' | 'held';

interface WorldCountry {
  cca3: string;
  name: { common: string; official: string };
  demonyms?: { eng?: { f: string; m: string } };
  altSpellings?: string[];
  independent?: boolean;
}

let compiled: Lexicon | null = null;

/** The situation lexicon, loaded once from data/situation.json and the world-countries package. */
export function lexicon(): Lexicon {
  if (compiled) return compiled;
  const raw = loadData('situation.json', SituationLexiconSchema);
  const countryOf = new Map<string, string>();
  const require = createRequire(import.meta.url);
  const world = require('world-countries/countries.json') as WorldCountry[];
  const add = (name: string, code: string) => {
    const key = words(name).map((w) => w.norm).join(' ');
    if (key && !countryOf.has(key)) countryOf.set(key, code);
  };
  for (const [k, v] of Object.entries(raw.country_aliases)) add(k, v);
  // Independent states first, so that a demonym shared with a territory ("American") goes to the state.
  const ordered = [...world].sort((a, b) => Number(b.independent === true) - Number(a.independent === true));
  for (const c of ordered) {
    add(c.name.common, c.cca3);
    if (c.demonyms?.eng) {
      add(c.demonyms.eng.m, c.cca3);
      add(c.demonyms.eng.f, c.cca3);
    }
  }
  for (const c of ordered) add(c.name.official, c.cca3);
  const demonymOf = new Map<string, string>();
  for (const c of ordered) if (c.demonyms?.eng?.m && !demonymOf.has(c.cca3)) demonymOf.set(c.cca3, c.demonyms.eng.m);
  const m = (xs: Iterable<string>) => new PhraseMatcher(xs);
  const st = raw.captive_status_words;
  compiled = {
    raw,
    negotiation: m(raw.negotiation_words),
    mediator: m(raw.mediator_cues),
    direct: m(raw.direct_cues),
    lead: m(raw.lead_cues),
    stalled: m(raw.stalled_words),
    concluded: m(raw.concluded_words),
    subjectCue: m(raw.subject_cues),
    subjectPreps: new Set(raw.subject_preps),
    subjectWord: m(raw.subject_words),
    conflictEnd: m(raw.conflict_end_words),
    agreement: m(raw.agreement_words),
    phase: m(raw.phase_words),
    extension: m(raw.extension_words),
    inForce: m(raw.in_force_words),
    ended: m(raw.ended_words),
    exchange: m(raw.exchange_cues),
    release: m(raw.release_words),
    captive: m(raw.captive_words),
    captiveStatus: (['declared dead', 'dead', 'rescued', 'released', 'held'] as const).map((k) => [k, m(st[k])] as const),
    alive: m(raw.alive_words),
    proofOfLife: m(raw.proof_of_life_words),
    ordinals: new Map(Object.entries(raw.ordinals)),
    hostilityTypes: new Set(raw.hostility_types),
    stateSectors: new Set(raw.state_sectors),
    countries: m(countryOf.keys()),
    countryOf,
    demonymOf,
    future: m(raw.future_cues),
    negation: new Set(raw.negation_words),
    nationalityHeads: new Set(raw.nationality_heads),
    npStop: new Set(raw.np_stop_words),
    numberWords: new Map(Object.entries(raw.number_words)),
    current: new Set(raw.current_words),
    ordinalName: (n: number) => raw.ordinal_names[String(n)] ?? `phase ${n}`,
    fighting: new Set(raw.fighting_nouns),
    halt: new Set(raw.halt_verbs),
    nearFuture: new Set(raw.near_future_words),
    officialSectors: new Set(raw.official_sectors),
    remains: m(raw.remains_words),
    mediatorVerb: m(raw.mediator_verbs),
    peopleNoun: m(raw.people_nouns),
    schedule: m(raw.schedule_cues),
    postpone: m(raw.postpone_words),
    approval: m(raw.approval_verbs),
    approvingBodies: new Set(raw.approving_bodies),
    trouble: (['stalled', 'at risk', 'disputed'] as const).map((k) => [k, m(raw.agreement_trouble_words[k])] as const),
  };
  return compiled;
}

/** The alpha-3 code of a country name, demonym or alias ("Israeli" → ISR), or null. */
export function countryCode(name: string): string | null {
  const key = words(name).map((w) => w.norm).join(' ');
  return lexicon().countryOf.get(key) ?? null;
}
