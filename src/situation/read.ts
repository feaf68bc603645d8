import type { EventOut } from '../output/schema.js';
import { type DocView, type PlacedMention, type SentenceView, wordIndexAt } from './doc-view.js';
import { lexicon, type Word, words, words as lexiconWords } from './lexicon.js';

/**
 * Candidate finding: pure readers of one sentence (its words, entity mentions, dates and
 * quantities). They say what a sentence states about talks, agreements, releases and captives;
 * build.ts decides how the statements combine into the situation.
 */

/** Entity mentions that follow word index `from` as a list ("Qatar and Egypt", "X, Y or Z"). */
export function listAfter(view: DocView, s: SentenceView, ws: readonly Word[], from: number, maxWords = 10, kinds?: ReadonlySet<string>): PlacedMention[] {
  if (from >= ws.length) return [];
  const lx = lexicon();
  const limit = ws[Math.min(ws.length - 1, from + maxWords)]!.end;
  const ms = view.mentionsIn({ start: ws[from]!.start, end: Math.max(limit, ws[from]!.end) });
  const out: PlacedMention[] = [];
  let lastEnd = ws[from]!.start;
  for (const m of ms) {
    if (out.some((o) => o.start <= m.start && m.end <= o.end)) continue;
    if (kinds && !kinds.has(m.entity.kind)) continue;
    // Between two listed names only list glue may stand: commas, "and", "or", articles.
    const gap = view.slice(s, lastEnd, m.start);
    if (out.length > 0 && gap !== null && !/^[\s,]*(?:(?:and|or|as well as|the)\s+)*$/i.test(gap)) break;
    if (out.length === 0) {
      const before = ws.slice(from, wordIndexAt(ws, m.start));
      // Only list openers ("such as", "the") may stand before the first name.
      if (before.some((w) => !LIST_LEAD.has(w.norm))) break;
    }
    out.push(m);
    lastEnd = m.end;
  }
  return out;
}

/** Entity mentions that end just before word index `to` (at most `gapWords` words between) as a list ("X and Y acted as"). */
export function listBefore(view: DocView, s: SentenceView, ws: readonly Word[], to: number, gapWords = 3, kinds?: ReadonlySet<string>): PlacedMention[] {
  if (to <= 0) return [];
  const from = Math.max(0, to - gapWords - 12);
  const ms = view.mentionsIn({ start: ws[from]!.start, end: ws[to - 1]!.end }).filter((m) => !kinds || kinds.has(m.entity.kind));
  const out: PlacedMention[] = [];
  let bound = ws[to]?.start ?? s.end;
  for (let k = ms.length - 1; k >= 0; k--) {
    const m = ms[k]!;
    if (out.some((o) => o.start <= m.start && m.end <= o.end)) continue;
    const gap = view.slice(s, m.end, bound) ?? '';
    if (out.length === 0) {
      if (words(gap).length > gapWords) break;
    } else if (!/^[\s,]*(?:(?:and|or|as well as)\s+)*(?:the\s+)?$/i.test(gap)) break;
    out.unshift(m);
    bound = m.start;
  }
  return out;
}

/** A noun phrase read after a number or cue: words up to a stop word or punctuation (max 8). */
export function phraseAfter(view: DocView, s: SentenceView, offset: number, maxWords = 8): string | null {
  if (s.text === null) return null;
  const lx = lexicon();
  const ws = view.words(s);
  let i = wordIndexAt(ws, offset);
  const first = i;
  let end = -1;
  for (; i < ws.length && i - first < maxWords; i++) {
    const w = ws[i]!;
    if (lx.npStop.has(w.norm)) break;
    const gap = view.slice(s, i === first ? offset : ws[i - 1]!.end, w.start) ?? '';
    if (/[,;:.!?()“”"—–]/.test(gap)) break;
    end = w.end;
  }
  if (end < 0) return null;
  return view.slice(s, ws[first]!.start, end);
}

/** The clause after a cue: text up to the next clause punctuation, at most `maxWords` words. */
export function clauseAfter(view: DocView, s: SentenceView, offset: number, maxWords = 12): string | null {
  if (s.text === null) return null;
  const ws = view.words(s);
  let i = wordIndexAt(ws, offset);
  const first = i;
  let end = -1;
  for (; i < ws.length && i - first < maxWords; i++) {
    const gap = view.slice(s, i === first ? offset : ws[i - 1]!.end, ws[i]!.start) ?? '';
    if (/[,;:.!?()“”"—–]/.test(gap)) break;
    end = ws[i]!.end;
  }
  return end < 0 ? null : view.slice(s, ws[first]!.start, end);
}

/** Country codes named in a phrase (names, demonyms, aliases), in order. */
export function countriesIn(phrase: string | null): string[] {
  if (!phrase) return [];
  const lx = lexicon();
  // "American-Israeli" names two countries.
  phrase = phrase.replace(/(\p{L})-(\p{Lu})/gu, '$1 $2');
  const ws = lexiconWords(phrase);
  const out: string[] = [];
  for (const h of lx.countries.find(ws)) {
    // "New Jersey" is not Jersey: a country name right after a capitalised word is part of a longer name.
    const prev = h.i > 0 ? phrase.slice(ws[h.i - 1]!.start, ws[h.i - 1]!.end) : '';
    if (/^[A-Z][a-z]/.test(prev) && !lx.countryOf.has(ws[h.i - 1]!.norm)) continue;
    const code = lx.countryOf.get(h.phrase);
    if (code && !out.includes(code)) out.push(code);
  }
  return out;
}


/** What a sentence says about a negotiation. */
export interface NegotiationReading {
  readonly parties: string[];
  readonly mediators: string[];
  readonly channel: 'direct' | 'mediated';
  readonly where: string | null;
  /** True when `where` is the event's own location (better than a place read nearby). */
  readonly whereFromEvent: boolean;
  readonly lead: { side: string | null; name: string } | null;
  readonly subject: string | null;
  /** True when the subject is a clause read after a cue ("to secure ..."), not just words found. */
  readonly subjectFromCue: boolean;
  readonly subjectIsConflictEnd: boolean;
  readonly statusWord: 'stalled' | 'concluded' | null;
}

/** True when an event is about talks: a CONSULT, or any event whose trigger is a negotiation word. */
export function isNegotiationEvent(view: DocView, s: SentenceView, e: EventOut): boolean {
  const lx = lexicon();
  const trig = lexiconWords(e.trigger.text);
  if (lx.negotiation.test(trig)) return true;
  if (e.type !== 'CONSULT') return false;
  const ws = view.words(s);
  return ws.length === 0 || lx.negotiation.test(ws) || lx.agreement.test(ws);
}

/**
 * True when a sentence with no talks event still speaks of talks already in view ("The
 * discussions, led by X, took place in Y"): a negotiation noun after a determiner.
 */
export function mentionsTalks(view: DocView, s: SentenceView): boolean {
  const lx = lexicon();
  const ws = view.words(s);
  if (lx.mediator.test(ws) || lx.mediatorVerb.test(ws)) return true;
  for (const h of lx.negotiation.find(ws)) {
    const prev = ws[h.i - 1]?.norm;
    if (prev !== undefined && TALKS_DETERMINERS.has(prev)) return true;
  }
  return false;
}

/** Verbs of going somewhere: "travel to Cairo" names where talks will be. */
const TRAVEL: ReadonlySet<string> = new Set(['travel', 'travels', 'travelled', 'traveled', 'fly', 'flew', 'head', 'heads', 'headed', 'go', 'went', 'arrive', 'arrived', 'return', 'returned', 'sent', 'send']);

const TALKS_DETERMINERS: ReadonlySet<string> = new Set(['the', 'these', 'those', 'such', 'current', 'ongoing', 'latest', 'direct', 'secret', 'indirect']);

/** Reads parties, mediators, channel, place, lead, subject and status words of a talks sentence. */
export function readNegotiation(view: DocView, s: SentenceView, e: EventOut): NegotiationReading {
  const lx = lexicon();
  const ws = view.words(s);
  const mediatorMentions: PlacedMention[] = [];
  let mediatedCue = false;
  for (const h of lx.mediator.find(ws)) {
    mediatedCue = true;
    mediatorMentions.push(...listAfter(view, s, ws, h.j, 10, ACTOR_KINDS));
    // "X and Y acted as mediators", "X and Y, the two main mediators,": the names just before the cue.
    if (ws[h.i - 1]?.norm === 'as') mediatorMentions.push(...listBefore(view, s, ws, h.i - 1, 3, ACTOR_KINDS));
    else {
      const before = listBefore(view, s, ws, h.i, 4, ACTOR_KINDS);
      const last = before[before.length - 1];
      if (last && /^\s*,/.test(view.slice(s, last.end, h.start) ?? '')) mediatorMentions.push(...before);
    }
  }
  for (const h of lx.mediatorVerb.find(ws)) {
    // "Egypt and the United States helped broker the agreement": the subjects mediate.
    if (view.negatedAt(ws, h.i)) continue;
    mediatedCue = true;
    mediatorMentions.push(...listBefore(view, s, ws, h.i, 1, ACTOR_KINDS));
  }
  const mediators = unique(mediatorMentions.map((m) => view.party(m.entity)));
  const parties: string[] = [];
  for (const r of [...e.actor, ...e.recipient]) {
    const k = view.party(r);
    const kind = view.entity(r.id)?.kind;
    if (kind === 'place') continue;
    // A description ("the full government") stands for its country, or for nobody.
    if (!/^\p{Lu}/u.test(r.name)) {
      if (r.country) parties.push(r.country);
      continue;
    }
    // Civilians (hostages, residents) are what talks are about, not a side in them.
    if (kind === 'group' && r.sector === 'CVL') continue;
    parties.push(k);
  }
  // Counterparts named after "talks with X", "talked to X", and anywhere "between X and Y".
  for (const h of lx.negotiation.find(ws)) {
    for (let k = h.j; k < Math.min(ws.length, h.j + 3); k++) {
      const w = ws[k]!.norm;
      if (w === 'with' || w === 'to') {
        for (const m of listAfter(view, s, ws, k + 1, 8, ACTOR_KINDS)) parties.push(view.party(m.entity));
        break;
      }
    }
  }
  for (let k = 0; k < ws.length; k++) {
    if (ws[k]!.norm !== 'between') continue;
    for (const m of listAfter(view, s, ws, k + 1, 8, ACTOR_KINDS)) parties.push(view.party(m.entity));
  }
  const partySet = unique(parties).filter((p) => !mediators.includes(p));
  let lead: NegotiationReading['lead'] = null;
  for (const h of lx.lead.find(ws)) {
    const after = view.mentionsIn({ start: h.end, end: ws[Math.min(ws.length - 1, h.j + 12)]!.end }).find((m) => m.entity.kind === 'person');
    if (after) {
      lead = { side: view.party(after.entity) === after.entity.name ? after.entity.country : view.party(after.entity), name: after.entity.name };
      break;
    }
  }
  const { subject, fromCue, span: subjectSpan } = readSubject(view, s, ws);
  // Only a named place ("Doha"), not "the region".
  let where: string | null = e.location && /^\p{Lu}/u.test(e.location.name) ? e.location.name : null;
  // "talks in the Qatari capital" from a story datelined "DOHA, Qatar —": the dateline city.
  if (where === null && s.text !== null) {
    const at = e.trigger.end - s.start;
    const cap = at >= 0 ? /^[^,;.]{0,40}?\bin the (\p{Lu}[\p{L}-]+) capital\b/u.exec(s.text.slice(at)) : null;
    const line = cap ? datelineOf(view) : null;
    if (cap && line && line.country !== null && countriesIn(cap[1]!)[0] === line.country) where = line.city;
  }
  if (where === null) {
    for (const m of view.mentionsIn(s)) {
      if (m.entity.kind !== 'place' && m.entity.kind !== 'country') continue;
      // "the release of hostages held in X" says where the hostages are, not where the talks are.
      if (subjectSpan && subjectSpan.start <= m.start && m.end <= subjectSpan.end) continue;
      if (!/^\p{Lu}/u.test(m.text)) continue;
      const i = wordIndexAt(ws, m.start);
      const prev = ws[i - 1]?.norm;
      if (prev === 'in' || prev === 'at' || (prev === 'to' && i > 1 && TRAVEL.has(ws[i - 2]!.norm))) {
        where = m.text;
        break;
      }
    }
  }
  let statusWord: NegotiationReading['statusWord'] = null;
  const stalled = lx.stalled.find(ws).find((h) => !view.negatedAt(ws, h.i));
  const concluded = lx.concluded.find(ws).find((h) => !view.negatedAt(ws, h.i));
  if (e.modality !== 'potential' && e.modality !== 'planned') statusWord = stalled ? 'stalled' : concluded && e.type !== 'CONSULT' ? 'concluded' : null;
  return {
    parties: partySet,
    mediators,
    channel: mediatedCue || mediators.length > 0 ? 'mediated' : 'direct',
    where,
    whereFromEvent: where !== null && where === e.location?.name,
    lead,
    subject,
    subjectFromCue: fromCue,
    subjectIsConflictEnd: subject !== null && lx.conflictEnd.test(lexiconWords(subject)),
    statusWord,
  };
}

/** Words that may open a list of names: "such as X and Y", "including X". */
const LIST_LEAD: ReadonlySet<string> = new Set(['and', 'such', 'as', 'including', 'like', 'namely', 'the']);

const ACTOR_KINDS: ReadonlySet<string> = new Set(['country', 'organization', 'group', 'person']);

/** The subject of talks: the clause after "to secure", "aimed at", "talks on", ...; else the subject words found. */
export function readSubject(view: DocView, s: SentenceView, ws: readonly Word[]): { subject: string | null; fromCue: boolean; span: { start: number; end: number } | null } {
  const lx = lexicon();
  const hasSubjectWord = (t: string | null) => {
    if (t === null) return false;
    const tw = lexiconWords(t);
    return lx.subjectWord.test(tw) || lx.captive.test(tw);
  };
  for (const h of lx.subjectCue.find(ws)) {
    const c = clauseAfter(view, s, h.end);
    if (hasSubjectWord(c)) return { subject: c, fromCue: true, span: spanOf(s, h.end, c!) };
  }
  for (const h of lx.negotiation.find(ws)) {
    const next = ws[h.j];
    if (next && lx.subjectPreps.has(next.norm)) {
      const c = clauseAfter(view, s, next.end);
      if (hasSubjectWord(c)) return { subject: c, fromCue: true, span: spanOf(s, next.end, c!) };
    }
  }
  const found = unique(lx.subjectWord.find(ws).map((h) => h.phrase));
  return { subject: found.length > 0 ? found.join(', ') : null, fromCue: false, span: null };
}

function spanOf(s: SentenceView, from: number, clause: string): { start: number; end: number } {
  const at = s.text === null ? -1 : s.text.indexOf(clause, from - s.start);
  const start = at < 0 ? from : s.start + at;
  return { start, end: start + clause.length };
}

/** Keeps the first occurrence of each string. */
export function unique(xs: Iterable<string>): string[] {
  return [...new Set(xs)];
}

const DATELINE_RE = /^\s*(\p{Lu}[\p{Lu} .'’-]{1,40}?)(?:\/[\p{Lu} .'’-]{1,40})?(?:,\s*([\p{L} .'’-]{2,40}?))?\s+[—–]\s/u;

/**
 * The dateline of a story ("DOHA, Qatar — ..."): the city in title case and its country (from
 * the words after the comma, else the city's entity), read from the first body sentence.
 */
export function datelineOf(view: DocView): { city: string; country: string | null } | null {
  const first = view.sentences.find((s) => !s.headline && s.text !== null);
  if (!first) return null;
  const m = DATELINE_RE.exec(first.text!);
  if (!m) return null;
  const city = m[1]!.trim().toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_x, a: string, b: string) => a + b.toUpperCase());
  const at = first.start + (first.text!.indexOf(m[1]!));
  const ent = view.mentionsIn({ start: at, end: at + m[1]!.length })[0]?.entity ?? null;
  const country = countriesIn(m[2] ?? null)[0] ?? ent?.country ?? countriesIn(city)[0] ?? null;
  return { city, country };
}
