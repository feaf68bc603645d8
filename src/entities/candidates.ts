import type { EntityKind, MentionForm, Sentence, Token } from '../core/index.js';
import type { EntityLexicon, GazRef } from './lexicon.js';

/**
 * A possible entity mention found in one sentence, before any document-level decision.
 * `ref` is set when a gazetteer or dictionary alias matched; otherwise `name` carries the
 * surface name of an unknown entity.
 */
export interface Candidate {
  readonly tokenStart: number;
  readonly tokenEnd: number;
  readonly sentence: number;
  readonly kind: EntityKind;
  readonly form: MentionForm;
  readonly rule: string;
  readonly ref: GazRef | null;
  /** For unknown names: the name without titles; for descriptions: the phrase without determiner. */
  readonly name: string | null;
  /** Token range of the bare name inside the mention (titles excluded). */
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly role: string | null;
  readonly roleSector: string | null;
  readonly country: string | null;
  readonly sector: string | null;
  /** An organisation mentioned inside a description or title ("Hamas representatives"). */
  readonly org: GazRef | null;
  /** A person mentioned inside a description ("Trump administration"). */
  readonly person: GazRef | null;
  /** Description/pronoun resolution hints. */
  readonly coref: CorefHint | null;
  /** Country mention used as an actor (not after a locative preposition). */
  readonly agentive: boolean;
}

/** What a description or pronoun needs from its antecedent. */
export interface CorefHint {
  readonly type: 'group' | 'organization' | 'person' | 'pronoun' | 'role';
  readonly gender: 'm' | 'f' | null;
  readonly plural: boolean;
  /** Role head word for person descriptions ("minister"). */
  readonly head: string | null;
  readonly nonState: boolean;
  /** A first-person pronoun inside a quotation: it refers to the speaker. */
  readonly quoted?: boolean;
}

const CONNECTORS = new Set(['of', 'for', 'and', 'on', 'de', 'du', 'al', 'bin', 'ibn', 'van', 'von', 'der', 'la', 'le', 'da', 'del', '&']);
const ARTICLE_AFTER = new Set(['of', 'for', 'and', 'on']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those']);
const PP_WORDS = new Set(['for', 'of', 'to', 'on']);
const COREF_HEADS = new Set(['group', 'organization', 'organisation', 'movement', 'faction', 'militia']);
const PERSON_PRON_KINDS = new Set(['person']);
const NON_STATE_MODIFIERS = /^(militant|armed|terrorist|rebel|jihadist|islamist|extremist|insurgent|paramilitary|radical)$/;
const PERSON_ORG_HEADS = new Set(['administration', 'government', 'cabinet', 'team', 'campaign', 'camp', 'regime', 'coalition']);
const HONORIFICS = new Set(['Mr.', 'Mr', 'Mrs.', 'Mrs', 'Ms.', 'Ms', 'Dr.', 'Dr', 'HE', 'H.E.', 'Sir', 'Dame', 'Lord', 'Lady', 'Prof.', 'Rev.', 'Sheikh', 'Sheik']);
const TITLE_MODIFIERS = new Set(['Prime', 'Vice', 'Crown', 'Deputy', 'Special', 'Senior', 'Foreign', 'Defense', 'Defence', 'Interior', 'Finance', 'Home', 'Acting', 'Former', 'Staff', 'High', 'Supreme', 'Under', 'Field', 'Chief', 'Executive', 'Assistant', 'Principal', 'Grand', 'National', 'Security', 'Intelligence', 'State', 'Minister-designate']);

interface Unit {
  readonly ts: number;
  readonly te: number;
  readonly hit: GazRef | null;
}

/** True when a token looks like part of a name: capitalised or an Arabic article prefix. */
export function isCapitalised(text: string): boolean {
  const c = text.charCodeAt(0);
  if ((c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde)) return true;
  // Only "a…" and "e…" can open an Arabic article ("al-", "el-", "ash-").
  if (c !== 97 && c !== 101) return false;
  return /^(al|el|ad|ar|as|ash|at|az|an)-?[A-Z]/.test(text);
}

/** True when a word starts with an ASCII lower-case letter (cheaper than /^[a-z]/). */
function lowerInitial(text: string): boolean {
  const c = text.charCodeAt(0);
  return c >= 97 && c <= 122;
}

const ARABIC_PARTICLES = new Set(['al', 'Al', 'el', 'El', 'ad', 'ar', 'as', 'ash', 'at', 'az', 'an', 'bin', 'Bin', 'ibn', 'Abu', 'Abd']);
const FUNCTION_POS = new Set(['DET', 'ADP', 'CCONJ', 'SCONJ', 'PART']);
const CLOSED_POS = new Set(['DET', 'PRON', 'ADP', 'CCONJ', 'SCONJ', 'AUX', 'PART', 'PUNCT', 'INTJ']);
const OPENING_MARKS = new Set(['“', '"', '‘', "'", '(', '[', '—', '–', ':', '-']);

const LETTER = /[A-Za-z\u00C0-\u024F]/;

/** Finds entity candidates in every sentence: dictionary and gazetteer names, capitalised runs, descriptions and pronouns. */
export function findCandidates(text: string, tokens: readonly Token[], sentences: readonly Sentence[], lex: EntityLexicon): Candidate[] {
  const out: Candidate[] = [];
  // Words the article capitalises inside sentences are names there, even sentence-first ("Cook said").
  const seen = new Set<string>();
  for (const s of sentences) {
    if (s.label === 'headline' || isTitleCase(tokens, s.tokenStart, s.tokenEnd)) continue;
    for (let i = s.tokenStart + 1; i < s.tokenEnd; i++) {
      const t = tokens[i]!;
      const c0 = t.text.charCodeAt(0);
      const c1 = t.text.charCodeAt(1);
      if (c0 >= 65 && c0 <= 90 && c1 >= 97 && c1 <= 122 && !CLOSED_POS.has(t.pos) && !OPENING_MARKS.has(tokens[i - 1]!.text) && !lex.notNames.has(t.text)) seen.add(t.text);
    }
  }
  sentences.forEach((s, si) => findInSentence(text, tokens, s, si, lex, out, seen));
  return out;
}

function base(ts: number, te: number, sentence: number, kind: EntityKind, form: MentionForm, rule: string): Candidate {
  return {
    tokenStart: ts,
    tokenEnd: te,
    sentence,
    kind,
    form,
    rule,
    ref: null,
    name: null,
    nameStart: ts,
    nameEnd: te,
    role: null,
    roleSector: null,
    country: null,
    sector: null,
    org: null,
    person: null,
    coref: null,
    agentive: false,
  };
}

function kindOf(ref: GazRef): EntityKind {
  switch (ref.type) {
    case 'country':
    case 'demonym':
      return 'country';
    case 'identity':
      return 'group';
    case 'place':
      return 'place';
    case 'org':
      return ref.actor.kind;
    case 'person':
      return 'person';
  }
}

function countryOf(ref: GazRef | null): string | null {
  if (!ref) return null;
  switch (ref.type) {
    case 'country':
    case 'demonym':
      return ref.code;
    case 'place':
      return ref.country;
    case 'org':
      return ref.actor.country;
    default:
      return null;
  }
}

function textOf(tokens: readonly Token[], ts: number, te: number, text?: string): string {
  if (ts >= te) return '';
  if (text !== undefined) return text.slice(tokens[ts]!.start, tokens[te - 1]!.end);
  let s = tokens[ts]!.text;
  for (let k = ts + 1; k < te; k++) s += (tokens[k]!.start > tokens[k - 1]!.end ? ' ' : '') + tokens[k]!.text;
  return s;
}

/** Rebuilds the surface text of a token range (single spaces where the text has gaps). */
export function surface(tokens: readonly Token[], ts: number, te: number): string {
  return textOf(tokens, ts, te);
}

function findInSentence(text: string, tokens: readonly Token[], s: Sentence, si: number, lex: EntityLexicon, out: Candidate[], seen: ReadonlySet<string>): void {
  const start = s.tokenStart;
  const end = s.tokenEnd;
  const headline = s.label === 'headline' || isTitleCase(tokens, start, end) || isShortLine(text, tokens, start, end);
  // 1. Gazetteer and dictionary hits, leftmost-longest.
  const units = findUnits(tokens, start, end, lex);
  const covered = new Uint8Array(end - start);
  const mark = (a: number, b: number) => covered.fill(1, a - start, b - start);

  // 2. Capitalised runs.
  const runs: Unit[][] = [];
  let cur: Unit[] = [];
  const flush = () => {
    while (cur.length > 0 && !cur[cur.length - 1]!.hit && cur[cur.length - 1]!.te - cur[cur.length - 1]!.ts === 1 && CONNECTORS.has(tokens[cur[cur.length - 1]!.ts]!.norm)) cur.pop();
    if (cur.length > 0) runs.push(cur);
    cur = [];
  };
  const namey = units.map((x) => isNamey(tokens, x, start, lex, headline, seen));
  for (let u = 0; u < units.length; u++) {
    const unit = units[u]!;
    if (namey[u]) {
      cur.push(unit);
      continue;
    }
    const t = tokens[unit.ts]!;
    const next = units[u + 1];
    const nextNamey = next !== undefined && namey[u + 1]!;
    const prevHit = cur.length > 0 && cur[cur.length - 1]!.hit !== null;
    // "and" joins inside an organisation name ("Ministry of Foreign Affairs and Trade"), not in a list of names.
    const andOk = t.norm !== 'and' || (next !== undefined && !prevHit && !next.hit && cur.some((x) => !x.hit && (PP_WORDS.has(tokens[x.ts]!.norm) || lex.orgHeads.has(tokens[x.ts]!.text))));
    if (cur.length > 0 && nextNamey && next !== undefined && unit.te - unit.ts === 1 && CONNECTORS.has(t.norm) && t.text === t.norm && andOk && !(prevHit && next.hit)) {
      cur.push(unit);
      continue;
    }
    // A rank grade inside a title: "Petty Officer 1st Class", "Airman 2nd Class".
    if (cur.length > 0 && next !== undefined && namey[u + 1] && /^\d{1,2}(?:st|nd|rd|th)$/.test(t.text) && tokens[next.ts]!.text === 'Class') {
      cur.push(unit);
      continue;
    }
    // "of the Levant": allow "the" after a connector inside a run.
    if (cur.length > 0 && t.norm === 'the' && nextNamey && ARTICLE_AFTER.has(tokens[cur[cur.length - 1]!.ts]!.norm) && !cur[cur.length - 1]!.hit) {
      cur.push(unit);
      continue;
    }
    // "Office of the Prime Minister": a connector followed by "the" and a name.
    const next2 = units[u + 2];
    if (cur.length > 0 && !prevHit && ARTICLE_AFTER.has(t.norm) && t.norm !== 'and' && t.text === t.norm && next && tokens[next.ts]!.norm === 'the' && next.te - next.ts === 1 && next2 && namey[u + 2]) {
      cur.push(unit);
      continue;
    }
    flush();
  }
  flush();
  for (const run of runs) classifyRun(tokens, run, si, start, lex, out, mark, headline);

  findDescriptions(tokens, start, end, si, lex, out, covered);
  findPlaceCorefs(tokens, start, end, si, lex, out, covered);
  findPlaceDescriptions(tokens, start, end, si, lex, out, covered);
  findCoordinates(text, tokens, start, end, si, out, covered);
  findPronouns(tokens, start, end, si, lex, out, covered);
  void PERSON_PRON_KINDS;
}

/** True when tokens i, i+1, i+2 are Capitalised-Capitalised with the hyphen glued on both sides. */
function gluedHyphenName(tokens: readonly Token[], i: number): boolean {
  const a = tokens[i]!;
  const h = tokens[i + 1]!;
  const b = tokens[i + 2]!;
  return h.text === '-' && h.start === a.end && b.start === h.end && /^[A-Z][a-z]/.test(a.text) && /^[A-Z][a-z]/.test(b.text);
}

/** Step 1 of a sentence: the tokens as units, gazetteer and dictionary hits taken leftmost-longest. */
function findUnits(tokens: readonly Token[], start: number, end: number, lex: EntityLexicon): Unit[] {
  const units: Unit[] = [];
  for (let i = start; i < end; ) {
    const m = lex.gazetteer.longestAt(tokens, i, end);
    const ref = m ? pickRef(tokens, m.tokenStart, m.tokenEnd, m.values, lex, start) : null;
    if (m && ref) {
      units.push({ ts: m.tokenStart, te: m.tokenEnd, hit: ref });
      i = m.tokenEnd;
    } else {
      // Arabic article glued by a hyphen: "al-Abadi" comes as al / - / Abadi.
      const t = tokens[i]!;
      // "Maj" + "." split by the tokenizer at a sentence start: one title unit.
      const dot = tokens[i + 1];
      if (i + 1 < end && dot && dot.text === '.' && dot.start === t.end && lex.titles.has(t.text + '.')) {
        units.push({ ts: i, te: i + 2, hit: null });
        i += 2;
        continue;
      }
      if (i + 2 < end && tokens[i + 1]!.text === '-' && ARABIC_PARTICLES.has(t.text) && tokens[i + 1]!.start === t.end && tokens[i + 2]!.start === tokens[i + 1]!.end && /^[A-Z]/.test(tokens[i + 2]!.text)) {
        units.push({ ts: i, te: i + 3, hit: null });
        i += 3;
      } else if (i + 2 < end && gluedHyphenName(tokens, i) && !lex.gazetteer.longestAt(tokens, i + 2, end)) {
        // a hyphenated name with no gazetteer part: "Dekel-Berg", "Jean-Luc"
        units.push({ ts: i, te: i + 3, hit: null });
        i += 3;
      } else {
        units.push({ ts: i, te: i + 1, hit: null });
        i += 1;
      }
    }
  }
  return units;
}

/** Step 3 of a sentence: descriptions ("the Israeli government", "Hamas representatives", "the group") and role nouns. */
function findDescriptions(tokens: readonly Token[], start: number, end: number, si: number, lex: EntityLexicon, out: Candidate[], covered: Uint8Array): void {
  // 3. Descriptions ("the Israeli government", "Hamas representatives", "the group") and role nouns.
  for (let i = start; i < end; i++) {
    const t = tokens[i]!;
    if (!lowerInitial(t.text) || (t.pos !== 'NOUN' && t.pos !== 'ADJ' && t.pos !== 'PROPN') || covered[i - start]) continue;
    const gh = lex.groupHeads.longestAt(tokens, i, end);
    const isCoref = COREF_HEADS.has(t.norm);
    const rh = gh || isCoref ? null : lex.roles.longestAt(tokens, i, end);
    if (!gh && !isCoref && !rh) continue;
    const headEnd = gh ? gh.tokenEnd : rh ? rh.tokenEnd : i + 1;
    // A noun used as a modifier ("terrorist organization", "hostage releases") is not the head.
    const follow = tokens[headEnd];
    if (headEnd < end && follow && /^[a-z]/.test(follow.text) && (follow.pos === 'NOUN' || (follow.pos === 'ADJ' && !gh)) && !lex.groupHeads.get(follow.text)) {
      if (!(follow.pos === 'NOUN' && (lex.groupHeads.longestAt(tokens, headEnd, end) || lex.roles.longestAt(tokens, headEnd, end) || COREF_HEADS.has(follow.norm)))) {
        i = headEnd - 1;
        continue;
      }
      i = headEnd - 1;
      continue;
    }
    // A role word before a group head modifies the group: "the civilian workforce", "a fighter squadron".
    if (!gh && !isCoref && follow && headEnd < end && /^[a-z]/.test(follow.text) && follow.pos === 'NOUN' && lex.groupHeads.get(follow.text)) {
      i = headEnd - 1;
      continue;
    }
    // A role word right before a capitalised name is a title of that name, handled with the name.
    const after = tokens[headEnd];
    if (after && headEnd < end && isCapitalised(after.text) && (after.pos === 'PROPN' || covered[headEnd - start])) {
      i = headEnd - 1;
      continue;
    }
    describe(tokens, i, headEnd, si, start, end, lex, out, covered, gh ? gh.values[0]! : null, isCoref, rh ? rh.values[0] ?? null : null);
    i = headEnd - 1;
  }

}

/** Step 4 of a sentence: place descriptions that refer back ("the city") or name the place ("the city of X"). */
function findPlaceCorefs(tokens: readonly Token[], start: number, end: number, si: number, lex: EntityLexicon, out: Candidate[], covered: Uint8Array): void {
  // 4. Place descriptions that refer back: "the city", "the country".
  for (let i = start + 1; i < end; i++) {
    if (covered[i - start]) continue;
    const t = tokens[i]!;
    const want = lex.placeCorefNouns.get(t.norm);
    if (!want || !lowerInitial(t.text) || tokens[i - 1]!.norm !== 'the') continue;
    const nx = tokens[i + 1];
    if (nx && i + 1 < end && nx.pos === 'NOUN') continue;
    // "the city of Mosul" names the place itself.
    if (nx && nx.norm === 'of' && i + 2 < end) {
      const m = lex.gazetteer.longestAt(tokens, i + 2, end);
      const r = m?.values[0];
      if (m && r && (r.type === 'place' || r.type === 'country')) {
        removeInside(out, i + 2, m.tokenEnd);
        const hc = hitCandidate(tokens, { ts: i + 2, te: m.tokenEnd, hit: r }, si, start, lex);
        out.push({ ...hc, tokenStart: i - 1, rule: 'place-of' });
        covered.fill(1, i - 1 - start, m.tokenEnd - start);
        i = m.tokenEnd - 1;
        continue;
      }
    }
    const c = base(i - 1, i + 1, si, want, 'description', 'place-description');
    out.push({ ...c, name: t.norm, coref: { type: 'organization', gender: null, plural: false, head: t.norm, nonState: false } });
    covered.fill(1, i - 1 - start, i + 1 - start);
  }
}

/** Step 4b of a sentence: other place and facility descriptions ("two bridges"). */
function findPlaceDescriptions(tokens: readonly Token[], start: number, end: number, si: number, lex: EntityLexicon, out: Candidate[], covered: Uint8Array): void {
  // Other place and facility descriptions: "an ISIL-held building", "two bridges", "the Al Salem hospital".
  for (let i = start; i < end; i++) {
    if (covered[i - start]) continue;
    const t = tokens[i]!;
    if (t.pos !== 'NOUN' || !lowerInitial(t.text)) continue;
    const m = lex.placeDescNouns.longestAt(tokens, i, end);
    if (!m) continue;
    const he = m.tokenEnd;
    const nx = tokens[he];
    if (he < end && nx && /^[a-z]/.test(nx.text) && nx.pos === 'NOUN') {
      i = he - 1;
      continue;
    }
    let a = i;
    while (a - 1 >= start && i - a < 5) {
      const p = tokens[a - 1]!;
      if (p.text === '-' || /^(ADJ|NOUN|PROPN|NUM)$/.test(p.pos) || (covered[a - 1 - start] && p.pos !== 'PRON')) a--;
      else break;
    }
    const det = a - 1 >= start && /^(the|a|an|this|that|these|those)$/.test(tokens[a - 1]!.norm);
    const spanA = det ? a - 1 : a;
    let n = a;
    while (n < i && (tokens[n]!.pos === 'NUM' || /^(some|many|several|all|most|few|other|more)$/.test(tokens[n]!.norm))) n++;
    const c = base(spanA, he, si, 'place', 'description', 'place-np');
    out.push({ ...c, name: textOf(tokens, n, he) });
    i = he - 1;
  }

}

/** A latitude/longitude pair in degrees: "33°47′N 44°30′E", "33.78°N, 44.5°E" (bounded, no backtracking blow-up). */
const COORDINATES = /\d{1,3}(?:\.\d{1,8})?°(?:\s?\d{1,2}(?:\.\d{1,6})?[′'](?:\s?\d{1,2}(?:\.\d{1,6})?[″"])?)?\s?[NS],?\s{0,3}\d{1,3}(?:\.\d{1,8})?°(?:\s?\d{1,2}(?:\.\d{1,6})?[′'](?:\s?\d{1,2}(?:\.\d{1,6})?[″"])?)?\s?[EW]/g;

/** Geographic coordinates name a place: a place description over the tokens they cover. */
export function findCoordinates(text: string | undefined, tokens: readonly Token[], start: number, end: number, si: number, out: Candidate[], covered: Uint8Array): void {
  if (text === undefined || start >= end) return;
  const from = tokens[start]!.start;
  const s = text.slice(from, tokens[end - 1]!.end);
  if (!s.includes('°')) return;
  let i = start;
  for (const m of s.matchAll(COORDINATES)) {
    const a = from + m.index;
    const b = a + m[0].length;
    while (i < end && tokens[i]!.end <= a) i++;
    let j = i;
    while (j < end && tokens[j]!.start < b) j++;
    // The last token may carry the sentence's full stop ("E.").
    if (j <= i || tokens[i]!.start < a || tokens[j - 1]!.end > b + 1) continue;
    // Letters inside ("N", "E") may have been read as names: the coordinates replace them.
    removeInside(out, i, j);
    const c = base(i, j, si, 'place', 'description', 'place-np');
    out.push({ ...c, name: m[0] });
    covered.fill(1, i - start, j - start);
    i = j;
  }
}

/** Step 5 of a sentence: pronouns (first-person ones inside a quotation are flagged for attribution). */
function findPronouns(tokens: readonly Token[], start: number, end: number, si: number, lex: EntityLexicon, out: Candidate[], covered: Uint8Array): void {
  // 5. Pronouns. First-person pronouns inside a quotation belong to its speaker, found later by attribution.
  let inQuote = false;
  for (let i = start; i < end; i++) {
    const t = tokens[i]!;
    if (t.text === '“') inQuote = true;
    else if (t.text === '”') inQuote = false;
    else if (t.text === '"') inQuote = !inQuote;
    if (covered[i - start]) continue;
    const p = lex.pronouns.get(t.norm);
    if (!p) continue;
    const quoted = inQuote && /^(i|me|my|myself|we|us|our|ourselves)$/.test(t.norm);
    if (t.norm === 'it' && !itRefers(tokens, i, end)) continue;
    const c = base(i, i + 1, si, p[0] === 'person' ? 'person' : p[0] === 'organization' ? 'organization' : 'group', 'pronoun', 'pronoun');
    out.push({ ...c, coref: { type: 'pronoun', gender: p[1], plural: p[2], head: null, nonState: false, quoted } });
  }
}

/** A line of its own of a few words with no final stop ("What Comes Next?") reads as a heading. */
function isShortLine(text: string, tokens: readonly Token[], start: number, end: number): boolean {
  if (end - start > 8) return false;
  const a = tokens[start]!.start;
  const b = tokens[end - 1]!.end;
  const lineStart = a === 0 || text[a - 1] === '\n';
  const lineEnd = b === text.length || text[b] === '\n' || text[b] === '\r';
  for (let i = start; i < end; i++) if (tokens[i]!.pos === 'VERB') return false;
  return lineStart && lineEnd && tokens[end - 1]!.text !== '.';
}

/** A short line where nearly every word is capitalised reads as a headline. */
function isTitleCase(tokens: readonly Token[], start: number, end: number): boolean {
  if (end - start > 16) return false;
  let words = 0;
  let caps = 0;
  for (let i = start + 1; i < end; i++) {
    const t = tokens[i]!;
    const c = t.text.charCodeAt(0);
    const upper = c >= 65 && c <= 90;
    if (!(upper || (c >= 97 && c <= 122)) || FUNCTION_POS.has(t.pos) || t.text.length < 2) continue;
    words++;
    if (upper) caps++;
  }
  // A headline has no final stop; a full sentence must be capitalised throughout to count.
  const stop = tokens[end - 1]!.text === '.';
  return words >= 2 && (stop ? caps === words && words >= 3 : caps / words >= 0.75);
}

/** "it" refers when it acts ("it said", "it was informed"), not in "it is likely that". */
function itRefers(tokens: readonly Token[], i: number, end: number): boolean {
  const n1 = tokens[i + 1];
  if (!n1 || i + 1 >= end) return false;
  if (n1.pos === 'VERB') return true;
  if (n1.pos === 'AUX') {
    const n2 = tokens[i + 2];
    return n2 !== undefined && i + 2 < end && (n2.pos === 'VERB' || (n2.pos === 'ADJ' && /ed$/.test(n2.norm))) && !/^(likely|possible|clear|unclear|important|necessary)$/.test(n2.norm);
  }
  return false;
}

function pickRef(tokens: readonly Token[], ts: number, te: number, values: readonly GazRef[], lex: EntityLexicon, sentStart: number): GazRef | null {
  for (const v of values) {
    if (v.type === 'place' && v.city && te - ts === 1) {
      const t = tokens[ts]!;
      const prev = ts > sentStart ? tokens[ts - 1]! : null;
      if (t.pos !== 'PROPN' && !(prev && lex.locativePrepositions.has(prev.norm))) continue;
    }
    if (v.type === 'place' && v.city && lex.gender.has(tokens[ts]!.text) && te - ts === 1) continue;
    return v;
  }
  return null;
}

function isNamey(tokens: readonly Token[], u: Unit, sentStart: number, lex: EntityLexicon, headline: boolean, seen: ReadonlySet<string>): boolean {
  if (u.hit) return true;
  if (u.te - u.ts === 3) return /^[A-Z]/.test(tokens[u.ts + 2]!.text); // "al-Freiji"
  const t = tokens[u.ts]!;
  void headline;
  if (!isCapitalised(t.text) || !LETTER.test(t.text)) return false;
  if (lex.notNames.has(t.text)) return false;
  if (CLOSED_POS.has(t.pos)) return false;
  const first = u.ts === sentStart || /^[“"‘'(\[—–-]$/.test(tokens[u.ts - 1]!.text);
  if (first && t.pos !== 'PROPN' && !lex.gender.has(t.text) && !lex.titles.has(t.text) && !seen.has(t.text)) return false;
  // An all-capitals word in a line of capitals is shouting, not a name.
  return true;
}

function isTitleToken(t: { readonly text: string }, lex: EntityLexicon): 'core' | 'mod' | null {
  if (HONORIFICS.has(t.text)) return 'core';
  if (!/^[A-Z]/.test(t.text)) return null;
  // A capitalised role word is a title only when the title list has it ("Minister", not "National").
  if (lex.titles.has(t.text) && lex.roles.get(t.text) !== undefined && !TITLE_MODIFIERS.has(t.text)) return 'core';
  if (TITLE_MODIFIERS.has(t.text) || lex.titles.has(t.text)) return 'mod';
  return null;
}

/** The text of a unit as one word ("Maj."), for title look-ups. */
function unitWord(tokens: readonly Token[], u: Unit): { readonly text: string } {
  return u.te - u.ts === 2 && tokens[u.ts + 1]!.text === '.' ? { text: tokens[u.ts]!.text + '.' } : tokens[u.ts]!;
}

function classifyRun(tokens: readonly Token[], run: Unit[], si: number, sentStart: number, lex: EntityLexicon, out: Candidate[], mark: (a: number, b: number) => void, headline: boolean): void {
  const ts = run[0]!.ts;
  const te = run[run.length - 1]!.te;
  mark(ts, te);
  // Operations, exercises and ships are not actors: "Operation Inherent Resolve", "USS Mahan".
  if (!run[0]!.hit && lex.nonEntityPrefixes.has(tokens[ts]!.text)) return;
  if (run.length === 1 && !run[0]!.hit && lex.nonEntityAcronyms.has(tokens[ts]!.text)) return;
  // "in Turkey Minister X": a place name governed by a locative preposition is not part of a title.
  if (run.length > 1 && run[0]!.hit && (run[0]!.hit.type === 'country' || run[0]!.hit.type === 'place') && ts > sentStart && lex.locativePrepositions.has(tokens[ts - 1]!.norm)) {
    out.push(hitCandidate(tokens, run[0]!, si, sentStart, lex));
    classifyRun(tokens, run.slice(1), si, sentStart, lex, out, mark, headline);
    return;
  }
  // Title prefix: country/demonym/org hits and title words, with at least one core title word.
  let p = 0;
  let lastCore = -1;
  let country: string | null = null;
  let org: GazRef | null = null;
  // Up to three other capitalised words may stand before the title ("Pentagon Press Secretary").
  let others = 0;
  const startsOrg = !run[0]!.hit && lex.orgHeads.has(tokens[ts]!.text) && run.length > 1 && PP_WORDS.has(tokens[run[1]!.ts]!.norm);
  while (p < run.length && !startsOrg) {
    const u = run[p]!;
    if (u.hit && (u.hit.type === 'country' || u.hit.type === 'demonym' || u.hit.type === 'org')) {
      if (u.hit.type === 'org') org = u.hit;
      else country ??= u.hit.code;
      p++;
      continue;
    }
    if (u.hit) break;
    const kind = isTitleToken(unitWord(tokens, u), lex);
    if (!kind) {
      if (lastCore >= 0 || others >= 3 || CONNECTORS.has(tokens[u.ts]!.norm) || p + 1 >= run.length) break;
      // look ahead: only a title further on makes these words part of it
      let q = p + 1;
      while (q < run.length && q - p <= 3 && !run[q]!.hit && !isTitleToken(unitWord(tokens, run[q]!), lex) && !CONNECTORS.has(tokens[run[q]!.ts]!.norm)) q++;
      // Modifiers may open the title: "Freedonian Prime Minister X".
      let r = q;
      while (r < run.length && !run[r]!.hit && isTitleToken(unitWord(tokens, run[r]!), lex) === 'mod') r++;
      if (r >= run.length || run[r]!.hit || isTitleToken(unitWord(tokens, run[r]!), lex) !== 'core' || r + 1 >= run.length) break;
      others += q - p;
      p = q;
      continue;
    }
    if (kind === 'core') lastCore = p;
    p++;
  }
  if (lastCore >= 0) {
    let titleEnd = lastCore + 1;
    // Trailing modifiers that are not followed by more title words belong to the name only if capitalised names follow.
    let nameStartUnit = titleEnd;
    const rest = run.slice(titleEnd);
    if (rest.length > 0 && rest[0]!.te - rest[0]!.ts === 1 && PP_WORDS.has(tokens[rest[0]!.ts]!.norm)) {
      // "Special Envoy for Refugee Affairs Lena Ortiz": the name starts at a first name, else is the last two words.
      let firstName = -1;
      for (let k = 1; k < rest.length; k++) {
        const u = rest[k]!;
        if (!u.hit && lex.gender.has(tokens[u.ts]!.text)) {
          firstName = k;
          break;
        }
        if (u.hit && u.hit.type === 'person') {
          firstName = k;
          break;
        }
      }
      if (firstName > 0) nameStartUnit = titleEnd + firstName;
      else {
        const tail = rest.slice(-2);
        const plain = tail.length === 2 && rest.length >= 4 && tail.every((u) => !u.hit && !CONNECTORS.has(tokens[u.ts]!.norm) && !isTitleToken(unitWord(tokens, u), lex) && !lex.orgHeads.has(tokens[u.ts]!.text));
        nameStartUnit = plain ? run.length - 2 : run.length;
      }
      titleEnd = nameStartUnit;
    }
    for (let k = lastCore + 1; k < titleEnd; k++) {
      const u = run[k]!;
      if (u.hit && (u.hit.type === 'country' || u.hit.type === 'demonym')) country ??= u.hit.code;
    }
    const nameUnits = run.slice(nameStartUnit);
    const titleTs = ts;
    const titleTe = run[titleEnd - 1]!.te;
    // "Mrs." or "Dr" mark a person but are no role.
    const onlyHonorifics = run.slice(0, titleEnd).every((u) => u.hit || HONORIFICS.has(unitWord(tokens, u).text));
    const roleText = onlyHonorifics ? null : roleFromTitle(tokens, run, titleEnd, lex);
    const roleSector = sectorOfRole(tokens, run[0]!.ts, titleTe, lex);
    if (nameUnits.length === 0) {
      // A title standing alone: "Minister of Foreign Affairs of Iraq", "President".
      const c = base(titleTs, titleTe, si, 'person', 'description', 'title-only');
      if (roleText === null) return;
      out.push({ ...c, name: roleText, role: roleText, roleSector, country, org, coref: { type: 'role', gender: null, plural: false, head: headOfRole(tokens, run, titleEnd, lex), nonState: false } });
      return;
    }
    const nts = nameUnits[0]!.ts;
    // A surname alias inside a longer name ("Andrew Burns") is not the dictionary person.
    const personHit = nameUnits.length === 1 && nameUnits[0]!.hit?.type === 'person' ? nameUnits[0]!.hit : (nameUnits.find((u) => u.hit?.type === 'person' && u.te - u.ts > 1)?.hit ?? null);
    const c = base(titleTs, te, si, 'person', 'name', 'title-name');
    out.push({
      ...c,
      ref: personHit,
      name: textOf(tokens, nts, te),
      nameStart: nts,
      nameEnd: te,
      role: roleText,
      roleSector,
      country,
      org,
    });
    return;
  }

  // No title. A single hit.
  if (run.length === 1 && run[0]!.hit) {
    out.push(hitCandidate(tokens, run[0]!, si, sentStart, lex));
    return;
  }
  const last = tokens[te - 1]!;
  const firstTok = tokens[ts]!;
  // An organisation head ends the name, or comes before an of-phrase, or before a unit number ("Mobile Unit Two").
  const orgHeadAt = run.findIndex((u, k) => !u.hit && lex.orgHeads.has(tokens[u.te - 1]!.text) && (k === run.length - 1 || PP_WORDS.has(tokens[run[k + 1]!.ts]!.norm) || (k === run.length - 2 && UNIT_NUMBER.test(tokens[run[k + 1]!.ts]!.text))));
  if (orgHeadAt >= 0 && run.length >= 2) {
    const head = tokens[run[orgHeadAt]!.te - 1]!.text;
    let c0: string | null = null;
    let orgHit: GazRef | null = null;
    for (const u of run) {
      if (u.hit?.type === 'org') orgHit ??= u.hit;
      else if (u.hit) c0 ??= countryOf(u.hit);
    }
    const headSector = lex.orgHeadSectors[head] ?? null;
    const c = base(ts, te, si, 'organization', 'name', 'org-head');
    out.push({
      ...c,
      name: textOf(tokens, ts, te),
      country: c0 ?? (orgHit ? countryOf(orgHit) : null),
      sector: orgHit && orgHit.type === 'org' && !headSector ? orgHit.actor.sector : headSector,
      org: orgHit,
    });
    return;
  }
  if (run.length >= 2 && (lex.placeHeads.has(last.text) || (lex.placePrefixes.has(firstTok.text) && !run[0]!.hit && !lex.gender.has(tokens[run[1]!.ts]!.text)))) {
    let c0: string | null = null;
    for (const u of run) if (u.hit) c0 ??= countryOf(u.hit);
    const c = base(ts, te, si, 'place', 'name', 'place-head');
    out.push({ ...c, name: textOf(tokens, ts, te), country: c0 });
    return;
  }
  // Split into hits and unknown stretches.
  let k = 0;
  while (k < run.length) {
    const u = run[k]!;
    if (u.hit) {
      // "Michael Jordan": a country or city right after a first name is a surname.
      const prevUnknown = k > 0 && !run[k - 1]!.hit && lex.gender.has(tokens[run[k - 1]!.ts]!.text);
      const prevName = k > 0 && !run[k - 1]!.hit && !CONNECTORS.has(tokens[run[k - 1]!.ts]!.norm);
      const surnameHit = u.hit.type === 'person' && u.te - u.ts === 1 && prevName;
      if (!(prevUnknown && (u.hit.type === 'place' || u.hit.type === 'country')) && !surnameHit) {
        out.push(hitCandidate(tokens, u, si, sentStart, lex));
        k++;
        continue;
      }
    }
    let j = k;
    while (
      j < run.length &&
      (!run[j]!.hit ||
        (j > k && (run[j]!.hit!.type === 'place' || run[j]!.hit!.type === 'country') && lex.gender.has(tokens[run[j - 1]!.ts]!.text)) ||
        (j > k && run[j]!.hit!.type === 'person' && run[j]!.te - run[j]!.ts === 1 && !run[j - 1]!.hit))
    )
      j++;
    // trim connectors at the edges
    let a = k;
    let b = j;
    while (a < b && CONNECTORS.has(tokens[run[a]!.ts]!.norm) && !run[a]!.hit && run[a]!.te - run[a]!.ts === 1) a++;
    while (b > a && CONNECTORS.has(tokens[run[b - 1]!.ts]!.norm) && !run[b - 1]!.hit && run[b - 1]!.te - run[b - 1]!.ts === 1) b--;
    if (b > a) {
      const uts = run[a]!.ts;
      const ute = run[b - 1]!.te;
      // A direction word before a place hit: "Northern Iraq".
      const nextHit = run[j]?.hit;
      if (b - a === 1 && lex.directions.has(tokens[uts]!.norm) && nextHit && (nextHit.type === 'place' || nextHit.type === 'country')) {
        const hc = hitCandidate(tokens, run[j]!, si, sentStart, lex);
        out.push({ ...hc, tokenStart: uts });
        k = j + 1;
        continue;
      }
      // In a headline every word is capitalised: keep only names that look like people.
      if (!headline || lex.gender.has(tokens[uts]!.text)) {
        const c = base(uts, ute, si, 'person', 'name', 'unknown-name');
        out.push({ ...c, name: textOf(tokens, uts, ute) });
      }
    }
    k = j;
  }
}

function hitCandidate(tokens: readonly Token[], u: Unit, si: number, sentStart: number, lex: EntityLexicon): Candidate {
  const ref = u.hit!;
  let ts = u.ts;
  // "southern Israel": a direction word belongs to the place mention.
  if ((ref.type === 'country' || ref.type === 'place') && ts > sentStart && lex.directions.has(tokens[ts - 1]!.norm) && /^[a-z]/.test(tokens[ts - 1]!.text)) ts--;
  const form: MentionForm = ref.type === 'demonym' || ref.type === 'identity' ? 'demonym' : 'name';
  const c = base(ts, u.te, si, kindOf(ref), form, 'gazetteer');
  let agentive = ref.type === 'country' && isAgentive(tokens, ts, u.te, sentStart, lex);
  // A capital as the subject or possessor stands for the government: "Moscow rejected", "Beijing’s stance".
  if (ref.type === 'place' && lex.capitals.has(ref.name)) {
    const next = tokens[u.te];
    agentive = next !== undefined && next.sentence === tokens[u.ts]!.sentence && (next.pos === 'VERB' || next.pos === 'AUX' || (/^['’]s?$/.test(next.text) && next.start === tokens[u.te - 1]!.end)) && !locativeGoverned(tokens, u.ts, sentStart, lex);
  }
  return { ...c, ref, country: countryOf(ref), nameStart: u.ts, agentive };
}

const UNIT_NUMBER = /^(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|[IVX]{1,4}|\d{1,3})$/;
const AGENT_PREPS = new Set(['by', 'with', 'against', 'between', 'for']);
const LIST_WORDS = new Set(['and', 'or', ',', 'both', 'the', 'nor']);

/**
 * A country name used for its government or people ("Turkey said", "Iraq’s efforts", "U.S.
 * forces", "talks with Qatar") rather than as a location ("in Iraq and Syria", "Palmyra, Syria").
 */
export function isAgentive(tokens: readonly Token[], ts: number, te: number, sentStart: number, lex: EntityLexicon): boolean {
  // Walk back over a coordination ("in Iraq and Syria") to the word that governs the list.
  let j = ts - 1;
  let steps = 0;
  // A name right before its verb ("..., the United States is committed") starts a clause: the walk stops at a comma.
  const nx = tokens[te];
  const subject = nx !== undefined && nx.sentence === tokens[ts]!.sentence && (nx.pos === 'VERB' || nx.pos === 'AUX');
  while (j >= sentStart && steps < 12 && (LIST_WORDS.has(tokens[j]!.norm) || (/^[A-Z]/.test(tokens[j]!.text) && tokens[j]!.pos === 'PROPN'))) {
    // "Palmyra, Syria" (a place then its country), unless the name before the comma is a country too ("Belgium, Canada").
    // "Anbar province, Iraq": a place noun before the comma reads the same way.
    if (tokens[j]!.text === ',' && j - 1 >= sentStart && steps === 0 && lex.placeNouns.has(tokens[j - 1]!.norm)) return false;
    if (tokens[j]!.text === ',' && j - 1 >= sentStart && /^[A-Z]/.test(tokens[j - 1]!.text) && steps === 0 && !countryEndsAt(tokens, j, sentStart, lex)) return false;
    if (subject && tokens[j]!.text === ',') break;
    j--;
    steps++;
  }
  const gov = j >= sentStart ? tokens[j]! : null;
  const next = tokens[te];
  if (next && /^['’]s?$/.test(next.text) && next.start === tokens[te - 1]!.end) return true;
  if (gov && (lex.locativePrepositions.has(gov.norm) || gov.norm === 'of' || gov.norm === 'on') && !AGENT_PREPS.has(gov.norm)) return false;
  if (next && next.sentence === tokens[ts]!.sentence) {
    if (next.pos === 'VERB' || next.pos === 'AUX' || /^['’]s?$/.test(next.text)) return true;
    if (/^[a-z]/.test(next.text) && (next.pos === 'NOUN' || next.pos === 'ADJ')) return true;
  }
  if (gov && AGENT_PREPS.has(gov.norm)) return true;
  // Alone on its line ("Syria" as a section heading) it names the place.
  const sent = tokens[ts]!.sentence;
  const alone = (ts === 0 || tokens[ts - 1]!.sentence !== sent) && (!next || next.sentence !== sent || /^[.:]$/.test(next.text));
  return !alone;
}

/** True when a country name of the gazetteer ends just before token `end` (looks back at most 4 tokens). */
export function countryEndsAt(tokens: readonly Token[], end: number, sentStart: number, lex: EntityLexicon): boolean {
  for (let s = end - 1; s >= sentStart && s >= end - 4; s--) {
    const m = lex.gazetteer.longestAt(tokens, s, end);
    if (m && m.tokenEnd === end && m.values.some((v) => v.type === 'country')) return true;
  }
  return false;
}

/** True when a locative preposition governs the name at `ts`, across a coordination ("in Aleppo, Homs and Hama"). */
export function locativeGoverned(tokens: readonly Token[], ts: number, sentStart: number, lex: EntityLexicon): boolean {
  let j = ts - 1;
  let steps = 0;
  while (j >= sentStart && steps < 12 && (LIST_WORDS.has(tokens[j]!.norm) || (/^[A-Z]/.test(tokens[j]!.text) && tokens[j]!.pos === 'PROPN'))) {
    j--;
    steps++;
  }
  if (j < sentStart) return false;
  const gov = tokens[j]!;
  if (lex.locativePrepositions.has(gov.norm) && !AGENT_PREPS.has(gov.norm)) return true;
  // "the towns of Jabla and Tartus"
  return gov.norm === 'of' && j - 1 >= sentStart && lex.placeNouns.has(tokens[j - 1]!.norm.replace(/s$/, ''));
}

function roleFromTitle(tokens: readonly Token[], run: readonly Unit[], titleEnd: number, lex: EntityLexicon): string {
  // Drop leading country/demonym hits: "U.S. Special Envoy ..." → "Special Envoy ..."; keep honorific-free text.
  let a = 0;
  while (a < titleEnd && run[a]!.hit && (run[a]!.hit!.type === 'country' || run[a]!.hit!.type === 'demonym')) a++;
  while (a < titleEnd - 1 && !run[a]!.hit && HONORIFICS.has(tokens[run[a]!.ts]!.text) && titleEnd - a > 1) a++;
  void lex;
  return textOf(tokens, run[a]!.ts, run[titleEnd - 1]!.te);
}

function headOfRole(tokens: readonly Token[], run: readonly Unit[], titleEnd: number, lex: EntityLexicon): string | null {
  for (let k = titleEnd - 1; k >= 0; k--) {
    const u = run[k]!;
    if (!u.hit && lex.roles.get(tokens[u.ts]!.text) !== undefined) return tokens[u.ts]!.norm;
  }
  return null;
}

/** The sector of the most specific role phrase inside [ts, te) (the last role match wins, longest first). */
export function sectorOfRole(tokens: readonly Token[], ts: number, te: number, lex: EntityLexicon): string | null {
  let sector: string | null = null;
  for (let i = ts; i < te; i++) {
    const m = lex.roles.longestAt(tokens, i, te);
    if (m) {
      const v = m.values[0];
      if (v) sector = v;
      i = m.tokenEnd - 1;
    }
  }
  return sector;
}

function describe(
  tokens: readonly Token[],
  h: number,
  headEnd: number,
  si: number,
  sentStart: number,
  sentEnd: number,
  lex: EntityLexicon,
  out: Candidate[],
  covered: Uint8Array,
  group: readonly [string, boolean] | null,
  isCoref: boolean,
  roleSector: string | null,
): void {
  // Walk left over modifiers.
  let j = h - 1;
  let country: string | null = null;
  let orgRef: GazRef | null = null;
  let personRef: GazRef | null = null;
  let nonState = false;
  let modifiers = 0;
  const headNorm = tokens[headEnd - 1]!.norm;
  while (j >= sentStart && h - j <= 6) {
    const t = tokens[j]!;
    if (t.text === '-' && j - 1 >= sentStart) {
      j--;
      continue;
    }
    if (/^(ADJ|NOUN|PROPN|NUM|X)$/.test(t.pos) || covered[j - sentStart]) {
      if (DETERMINERS.has(t.norm)) break;
      if (NON_STATE_MODIFIERS.test(t.norm)) nonState = true;
      j--;
      modifiers++;
      continue;
    }
    break;
  }
  const from = j + 1;
  // Look up what the modifiers name.
  const hits: GazRef[] = [];
  for (let k = from; k < h; ) {
    const m = lex.gazetteer.longestAt(tokens, k, h);
    const ref = m ? m.values[0]! : null;
    if (m && ref) {
      hits.push(ref);
      k = m.tokenEnd;
    } else k++;
  }
  for (const r of hits) {
    if (r.type === 'org') orgRef ??= r;
    else if (r.type === 'person') personRef ??= r;
    else if (r.type === 'country' || r.type === 'demonym') country ??= r.code;
  }
  const identity = hits.find((r) => r.type === 'identity') ?? null;
  let to = headEnd;
  // "the government of Iraq": a country in an of-phrase after the head.
  if (!country && headEnd + 1 < sentEnd && tokens[headEnd]!.norm === 'of') {
    let k = headEnd + 1;
    if (tokens[k]!.norm === 'the') k++;
    const m = k < sentEnd ? lex.gazetteer.longestAt(tokens, k, sentEnd) : null;
    const ref = m?.values[0];
    if (m && ref && (ref.type === 'country' || ref.type === 'demonym')) {
      country = ref.code;
      to = m.tokenEnd;
    }
  }
  // "the commander of U.S. Central Command": a role of a named organisation takes it into its phrase.
  let orgOf = false;
  if (!group && !isCoref && !country && !orgRef && headEnd + 1 < sentEnd && tokens[headEnd]!.norm === 'of') {
    const k = tokens[headEnd + 1]!.norm === 'the' ? headEnd + 2 : headEnd + 1;
    let org: Candidate | null = null;
    for (let n = out.length - 1; n >= 0 && out[n]!.sentence === si; n--) {
      const c = out[n]!;
      if (c.tokenStart === k && c.form === 'name' && (c.kind === 'organization' || c.kind === 'group')) org = c;
    }
    if (org) {
      orgRef = org.ref && org.ref.type === 'org' ? org.ref : null;
      country = org.country;
      to = org.tokenEnd;
      orgOf = true;
    }
  }
  const hasDet = from - 1 >= sentStart && DETERMINERS.has(tokens[from - 1]!.norm);
  const spanStart = hasDet ? from - 1 : from;
  const phrase = textOf(tokens, from, to);
  const plural = /s$/.test(headNorm) && !/ss$/.test(headNorm);
  const genericGroup = (a: number, b: number, name: string, sector: string, ctry: string | null = null) => {
    // Numbers and quantifiers do not name a group: "two bridges" / "20 people" keep the noun only.
    let n = a;
    while (n < b - 1 && (tokens[n]!.pos === 'NUM' || DETERMINERS.has(tokens[n]!.norm) || /^(some|many|several|all|most|few|other|more|dozens|hundreds|thousands)$/.test(tokens[n]!.norm))) n++;
    const c = base(a, b, si, 'group', 'description', 'group');
    out.push({ ...c, name: textOf(tokens, n, b).replace(/^(the|a|an) /i, ''), sector, country: ctry });
    void name;
  };
  if (group) {
    const [sector, institutional] = group;
    if (!institutional) {
      // "Israeli hostages": the demonym stays a mention of the country; the group is its own entity.
      // "the people of Syria": the country closes the group's own phrase and is not a place mention of its own.
      if (!personRef && !orgRef) {
        if (to > headEnd) removeInside(out, headEnd, to);
        genericGroup(spanStart, to, phrase, sector, country);
      }
      return;
    }
    if (personRef && PERSON_ORG_HEADS.has(headNorm)) {
      removeInside(out, from, to);
      const c = base(from, to, si, 'person', 'description', 'person-administration');
      out.push({ ...c, person: personRef, ref: personRef, sector: 'GOV' });
      covered.fill(1, from - sentStart, to - sentStart);
      return;
    }
    if (orgRef) {
      removeInside(out, from, to);
      const c = base(spanStart, to, si, orgRef.type === 'org' ? orgRef.actor.kind : 'organization', 'description', 'org-description');
      out.push({ ...c, ref: orgRef, org: orgRef });
      covered.fill(1, spanStart - sentStart, to - sentStart);
      return;
    }
    if (country || identity) {
      removeInside(out, from, to);
      const c = base(spanStart, to, si, identity && !country ? 'group' : 'organization', 'description', 'country-description');
      const mod = modifierSurface(tokens, from, h, lex) ?? phrase;
      out.push({ ...c, name: `${mod} ${CANONICAL_HEADS[sector] ?? headNorm}`, country, sector, coref: null, org: identity });
      covered.fill(1, spanStart - sentStart, to - sentStart);
      return;
    }
    if (hasDet && (modifiers === 0 || nonState) && !plural) {
      const c = base(spanStart, to, si, 'organization', 'description', 'definite-description');
      out.push({ ...c, name: phrase, sector, coref: { type: 'organization', gender: null, plural, head: headNorm, nonState } });
      covered.fill(1, spanStart - sentStart, to - sentStart);
      return;
    }
    genericGroup(spanStart, to, phrase, sector);
    return;
  }
  if (isCoref) {
    if (!hasDet && !orgRef) return;
    if (orgRef) {
      removeInside(out, from, to);
      const c = base(spanStart, to, si, 'organization', 'description', 'org-description');
      out.push({ ...c, ref: orgRef, org: orgRef });
    } else {
      removeInside(out, from, to);
      const c = base(spanStart, to, si, 'organization', 'description', 'group-description');
      out.push({ ...c, name: phrase, country, coref: { type: 'group', gender: null, plural, head: headNorm, nonState: true } });
    }
    covered.fill(1, spanStart - sentStart, to - sentStart);
    return;
  }
  // Role nouns: a person description ("the prime minister", "an Israeli soldier").
  if (plural || (!hasDet && !country && !orgRef && !orgOf)) return;
  if (!roleSector && !country && !orgRef && !orgOf) return;
  // The organisation named in the of-phrase stays a mention of its own (it may act elsewhere).
  removeInside(out, from, orgOf ? headEnd : to);
  const c = base(spanStart, to, si, 'person', 'description', 'role-description');
  out.push({ ...c, name: phrase, role: phrase, roleSector, country, org: orgRef, coref: { type: 'role', gender: null, plural: false, head: headNorm, nonState: false } });
  covered.fill(1, spanStart - sentStart, to - sentStart);
}

const CANONICAL_HEADS: Readonly<Record<string, string>> = {
  GOV: 'government',
  MIL: 'military',
  COP: 'police',
  SPY: 'intelligence',
  LEG: 'parliament',
  JUD: 'judiciary',
  REB: 'militants',
  OPP: 'opposition',
  JRN: 'media',
};

/** The text of the first country, demonym or identity name among the modifiers ("Israeli", "U.S."). */
function modifierSurface(tokens: readonly Token[], a: number, b: number, lex: EntityLexicon): string | null {
  for (let k = a; k < b; k++) {
    const m = lex.gazetteer.longestAt(tokens, k, b);
    const r = m?.values[0];
    if (m && r && (r.type === 'country' || r.type === 'demonym' || r.type === 'identity')) {
      if (r.type === 'country' && m.tokenEnd - m.tokenStart > 1) return r.name;
      return textOf(tokens, m.tokenStart, m.tokenEnd);
    }
  }
  return null;
}

/** Drops candidates of the current sentence lying inside [a, b) (a description absorbs its modifiers). */
function removeInside(out: Candidate[], a: number, b: number): void {
  const si = out.length > 0 ? out[out.length - 1]!.sentence : -1;
  for (let k = out.length - 1; k >= 0; k--) {
    const c = out[k]!;
    if (c.sentence !== si) break;
    if (c.tokenStart >= a && c.tokenEnd <= b) out.splice(k, 1);
  }
}
