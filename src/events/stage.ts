import { modalityAt } from '../core/index.js';
import type { Attribution, Document, EventMention, Mention, Modality, PloverType, Quantity, Quote, Span, Timex, Token } from '../core/index.js';
import type { Stage } from '../pipeline/index.js';
import { clauseIds, findCandidates, firstTriggerWord, type Candidate } from './candidates.js';
import { lexicon, type Lexicon } from './lexicon.js';
import { readModality } from './modality.js';
import { base, headsOf, isDefinite, isPassive, locationNear, npRight, ppMentions, subjectOf, type Range, type SentenceView } from './roles.js';

const VERSION = '1';
const STAGE = 'events';
const CAPTIVES = new Set(['prisoner', 'prisoners', 'hostage', 'hostages', 'detainee', 'detainees', 'captive', 'captives', 'inmates', 'inmate']);
const MERGE_WINDOW = 6;
/** Prepositions that place a target ("in Iraq", "from Gaza"). */
const TARGET_PLACE_PREPS: ReadonlySet<string> = new Set(['in', 'from', 'near', 'into', 'at', 'of']);
/** Event nouns that name the participants themselves. */
const PARTICIPANT_NOUNS = new Set(['demonstrator', 'protester']);
const RANK: Readonly<Record<Modality, number>> = { negated: 4, potential: 3, planned: 2, reported: 1, asserted: 0 };
/** Types whose target may be a place (a town shelled, a city under curfew). */
const PLACE_TARGETS = new Set<PloverType>(['ASSAULT', 'COERCE', 'PROTEST', 'THREATEN']);

/** A mutable event under construction. */
interface Draft {
  type: PloverType;
  mode: string | null;
  cameo: string | null;
  trigger: Span;
  actorIds: string[];
  recipientIds: string[];
  location: { entityId: string | null; span: Span; name: string } | null;
  timexId: string | null;
  quantityIds: string[];
  modality: Modality;
  inQuote: boolean;
  attributionId: string | null;
  sentence: Span;
  sentenceIndex: number;
  evidence: Span[];
  rule: string;
  nominal: boolean;
  /** actors taken from the clause subject of a predicate noun (not carried over on a merge) */
  fromPredicate: boolean;
}

function spanOfTokens(tokens: readonly Token[], a: number, b: number): Span {
  return { start: tokens[a]!.start, end: tokens[b - 1]!.end };
}

/** Candidate roles in the sentence: absorbed complements, subordinate clauses, generic gerunds. */
interface Planned {
  c: Candidate;
  absorbed: Candidate | null;
  subordinate: boolean;
  drop: boolean;
}

function classify(v: SentenceView, cands: readonly Candidate[], lex: Lexicon): Planned[] {
  const out: Planned[] = cands.map((c) => ({ c, absorbed: null, subordinate: false, drop: false }));
  const g = lex.grammarSets;
  // governed complements: "threatened to attack", "demanded the release", "refused to resign"
  for (let k = 0; k < out.length; k++) {
    const p = out[k]!;
    if (p.drop || !p.c.entry.governs) continue;
    for (let m = k + 1; m < out.length; m++) {
      const q = out[m]!;
      if (q.drop) continue;
      if (q.c.head - p.c.tokenEnd > 14) break;
      const sameClause = q.c.clause === p.c.clause;
      const thatComplement = q.c.clause === p.c.clause + 1 && v.tokens[p.c.tokenEnd]?.norm === 'that';
      if (!sameClause && !thatComplement) break;
      if (p.c.entry.governs === 'complement' && v.tokens[q.c.head - 1]?.norm !== 'to' && !(q.c.asNoun && directObject(v, p.c.tokenEnd, q.c.head))) continue;
      if (p.absorbed === null) p.absorbed = q.c;
      q.drop = true;
      if (q.c.entry.governs) continue;
    }
  }
  for (const p of out) {
    if (p.drop) continue;
    const c = p.c;
    const t = v.tokens[c.head]!;
    const prev = c.head > v.ts ? v.tokens[c.head - 1]! : null;
    // generic gerund subject: "negotiating with X sets a precedent"
    if (!c.asNoun && t.norm.endsWith('ing')) {
      let k = c.head - 1;
      while (k >= v.ts && (v.tokens[k]!.pos === 'ADV' || v.tokens[k]!.pos === 'PUNCT' || v.tokens[k]!.pos === 'CCONJ')) k--;
      if (k < v.ts || v.clauses[k - v.ts] !== c.clause) p.drop = true;
      if (prev && (prev.norm === ',' || prev.pos === 'NOUN' || prev.pos === 'PROPN' || prev.pos === 'NUM' || prev.pos === 'ADP')) p.subordinate = true;
    }
    // reduced passive relative after a noun: "a compromise mediated by Qatar", "fighters backed by X"
    if (!c.asNoun && /ed$/.test(t.norm) && prev !== null && prev.pos === 'NOUN' && v.tokens[c.tokenEnd]?.norm === 'by' && c.head + 1 < v.te) p.subordinate = true;
    // purpose infinitive after a noun: "opened fire to disperse"
    if (!c.asNoun && prev?.norm === 'to' && c.head - 2 >= v.ts) {
      const before = v.tokens[c.head - 2]!;
      const intent = lex.modality.planned.some((cue) => cue.length === 2 && cue[1] === 'to' && cue[0] === before.norm);
      if (!intent && (before.pos === 'NOUN' || before.pos === 'PROPN' || before.norm === ',')) p.subordinate = true;
    }
    // relative clause
    const cs = clauseStart(v, c.head);
    const opener = v.tokens[cs]!;
    if (cs > v.ts && !g.mainClauseOpeners.has(opener.norm)) {
      const before = v.tokens[cs - 1]!;
      const gov = opener.norm === 'that' && (before.pos === 'VERB' || before.pos === 'NOUN') && (g.reporting.has(base(v, cs - 1)) || out.some((o) => o.c.head === cs - 1 && o.c.entry.governs) || before.pos === 'VERB');
      if (!gov) p.subordinate = true;
    }
    // event noun inside a circumstantial PP: "in a bomb attack", "during talks"
    if (c.asNoun) {
      for (let k = c.head - 1; k >= Math.max(v.ts, c.head - 4); k--) {
        const w = v.tokens[k]!;
        if (g.circumstantialPreps.has(w.norm) && (w.pos === 'ADP' || w.norm === 'to')) {
          p.subordinate = true;
          break;
        }
        if (!['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN'].includes(w.pos)) break;
      }
    }
  }
  // "the fighting killed 20": an event noun that is the subject of a verb trigger of the same type is that event
  for (let k = 0; k + 1 < out.length; k++) {
    const p = out[k]!;
    const q = out[k + 1]!;
    if (p.drop || q.drop || !p.c.asNoun || q.c.asNoun || p.c.entry.type !== q.c.entry.type) continue;
    let j = p.c.tokenEnd;
    while (j < q.c.head && (v.tokens[j]!.pos === 'AUX' || v.tokens[j]!.pos === 'ADV')) j++;
    if (j === q.c.head) p.drop = true;
  }
  const hasMain = out.some((p) => !p.drop && !p.subordinate);
  if (hasMain) for (const p of out) if (p.subordinate) p.drop = true;
  return out;
}

/** True when an event noun's required object is its own predicate ("the truce held", "the ceasefire took effect"): the event happened even with no participant named. */
function hasVerbalPredicate(v: SentenceView, c: Candidate): boolean {
  const o = c.objectToken;
  if (o === null || o <= c.head) return false;
  for (let k = Math.max(c.head + 1, o - 2); k <= o; k++) if (v.tokens[k]!.pos === 'VERB') return true;
  return false;
}

/** True when the noun at `noun` heads the object right after a verb ending at `from` ("ordered patrols", "ordered a curfew"). */
function directObject(v: SentenceView, from: number, noun: number): boolean {
  for (let k = from; k < noun; k++) if (!['DET', 'ADJ', 'NUM', 'NOUN'].includes(v.tokens[k]!.pos)) return false;
  return noun - from <= 3;
}

function clauseStart(v: SentenceView, i: number): number {
  const c = v.clauses[i - v.ts]!;
  let k = i;
  while (k > v.ts && v.clauses[k - 1 - v.ts] === c) k--;
  return k;
}

function clauseEnd(v: SentenceView, i: number): number {
  const c = v.clauses[i - v.ts]!;
  let k = i;
  while (k < v.te && v.clauses[k - v.ts] === c) k++;
  return k;
}

/** Finds the support verb before an event noun ("held talks", "imposed sanctions"), or -1. */
function supportVerbBefore(v: SentenceView, noun: number, lex: Lexicon, anyVerb = false): number {
  for (let k = noun - 1; k >= Math.max(v.ts, noun - 5); k--) {
    const t = v.tokens[k]!;
    if (t.pos === 'VERB' || t.pos === 'AUX') return anyVerb || lex.grammarSets.support.has(base(v, k)) ? k : -1;
    if (t.pos === 'ADP' && (t.norm === 'on' || t.norm === 'into') && k === noun - 1) continue;
    if (!['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN', 'ADV', 'PART', 'PRON'].includes(t.pos) && t.norm !== "'s" && t.norm !== '’s') return -1;
  }
  return -1;
}

function possessorBefore(v: SentenceView, noun: number): Range | null {
  // "the group's raid", "Israeli air raids", "a Hamas video", "U.S. sanctions"
  let k = noun - 1;
  let a = -1;
  while (k >= v.ts && noun - k <= 8) {
    const t = v.tokens[k]!;
    if (t.norm === "'s" || t.norm === '’s' || v.mentionAt[k - v.ts] !== null || ['ADJ', 'NUM', 'NOUN', 'PROPN', 'PUNCT'].includes(t.pos)) {
      if (t.pos === 'PUNCT' && t.norm !== ',' && t.norm !== '-') break;
      a = k;
      k--;
      continue;
    }
    if (t.pos === 'DET') a = k;
    break;
  }
  if (a < 0) return null;
  return { a, b: noun };
}

/** Everything the stage reads from the other layers, in one place. */
interface DocIndex {
  doc: Document;
  tokens: readonly Token[];
  mentions: readonly Mention[];
  timexes: readonly Timex[];
  quantities: readonly Quantity[];
  quotes: readonly Quote[];
  attributions: readonly Attribution[];
  entityOf: SentenceView['entityOf'];
}

function within(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

const MAX_COVER_CHARS = 5000;

/** The innermost record (sorted by span start) whose span covers `s`; scans back a bounded stretch. */
function findCovering<T extends { span: Span }>(records: readonly T[], get: (r: T) => Span, s: Span): T | null {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (records[mid]!.span.start <= s.start) lo = mid + 1;
    else hi = mid;
  }
  let best: T | null = null;
  for (let k = lo - 1; k >= 0; k--) {
    const r = records[k]!;
    if (r.span.start < s.start - MAX_COVER_CHARS) break;
    if (within(get(r), s) && (best === null || get(r).start > get(best).start)) best = r;
  }
  return best;
}

/** Runs the events stage over a document: returns the events layer. */
export function extractEvents(doc: Document, lex: Lexicon = lexicon()): EventMention[] {
  const L = doc.layers;
  const tokens = L.tokens ?? [];
  const sentences = L.sentences ?? [];
  const entities = new Map((L.entities ?? []).map((e) => [e.id, e]));
  const ix: DocIndex = {
    doc,
    tokens,
    mentions: L.mentions ?? [],
    timexes: L.timexes ?? [],
    quantities: L.quantities ?? [],
    quotes: L.quotes ?? [],
    attributions: L.attributions ?? [],
    entityOf: (id) => entities.get(id),
  };
  const drafts: Draft[] = [];
  let mp = 0;
  let tp = 0;
  let qp = 0;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si]!;
    const ts = s.tokenStart;
    const te = s.tokenEnd;
    while (mp < ix.mentions.length && ix.mentions[mp]!.span.end <= s.span.start) mp++;
    while (tp < ix.timexes.length && ix.timexes[tp]!.span.end <= s.span.start) tp++;
    while (qp < ix.quantities.length && ix.quantities[qp]!.span.end <= s.span.start) qp++;
    const firstTrigger = te > ts ? firstTriggerWord(tokens, ts, te, lex) : -1;
    if (firstTrigger < 0) continue;
    const mentionAt: (Mention | null)[] = new Array(te - ts).fill(null);
    const sMentions: Mention[] = [];
    for (let k = mp; k < ix.mentions.length && ix.mentions[k]!.span.start < s.span.end; k++) {
      const m = ix.mentions[k]!;
      sMentions.push(m);
      for (let j = firstTokenAt(tokens, ts, te, m.span.start); j < te && tokens[j]!.start < m.span.end; j++) {
        const t = tokens[j]!;
        if (t.start >= m.span.start && t.end <= m.span.end && mentionAt[j - ts] === null) mentionAt[j - ts] = m;
      }
    }
    const inTimex = new Uint8Array(te - ts);
    const sTimexes: Timex[] = [];
    for (let k = tp; k < ix.timexes.length && ix.timexes[k]!.span.start < s.span.end; k++) {
      const x = ix.timexes[k]!;
      sTimexes.push(x);
      for (let j = firstTokenAt(tokens, ts, te, x.span.start); j < te && tokens[j]!.start < x.span.end; j++) if (tokens[j]!.start >= x.span.start && tokens[j]!.end <= x.span.end) inTimex[j - ts] = 1;
    }
    const sQuantities: Quantity[] = [];
    for (let k = qp; k < ix.quantities.length && ix.quantities[k]!.span.start < s.span.end; k++) sQuantities.push(ix.quantities[k]!);
    const clauses = clauseIds(tokens, ts, te, lex);
    const v: SentenceView = { tokens, ts, te, clauses, mentionAt, inTimex, entityOf: ix.entityOf, lex };
    const cands = findCandidates(tokens, ts, te, lex, { kindAt: (rel) => (mentionAt[rel] && mentionAt[rel]!.form !== 'pronoun' ? mentionAt[rel]!.label : null) }, clauses, firstTrigger);
    if (cands.length === 0) continue;
    const plan = classify(v, cands, lex);
    const reportingAt = firstReporting(v, lex);
    const sentenceDrafts: Draft[] = [];
    for (const p of plan) {
      if (p.drop) continue;
      const d = buildDraft(v, ix, p, si, s.span, sTimexes, sQuantities, reportingAt, lex);
      if (!d) continue;
      // a definite event noun that refers back to a recent event of the same type adds to it
      if (p.c.asNoun && isDefinite(v, p.c.head) && supportVerbBefore(v, p.c.head, lex) < 0) {
        const ante = findAntecedent(drafts, d, si);
        if (ante) {
          mergeInto(ante, d, ix);
          continue;
        }
      }
      if (p.c.asNoun && d.actorIds.length === 0 && d.recipientIds.length === 0 && !d.location && supportVerbBefore(v, p.c.head, lex) < 0 && !hasVerbalPredicate(v, p.c)) continue;
      // agreement-like nouns are events only when something is done with them ("reached a deal")
      if (p.c.asNoun && p.c.entry.supportOnly && supportVerbBefore(v, p.c.head, lex) < 0 && predicateOf(v, p.c.head, lex) === p.c.head) continue;
      sentenceDrafts.push(d);
    }
    addExchange(v, ix, sentenceDrafts, sQuantities, lex);
    drafts.push(...sentenceDrafts);
  }
  drafts.sort((a, b) => a.trigger.start - b.trigger.start || a.trigger.end - b.trigger.end);
  return drafts.map((d, i) => ({
    id: `ev${i}`,
    span: d.trigger,
    label: d.type,
    evidence: d.evidence,
    provenance: { stage: STAGE, version: VERSION, rule: d.rule },
    mode: d.mode,
    cameo: d.cameo,
    trigger: d.trigger,
    actorIds: d.actorIds,
    recipientIds: d.recipientIds,
    location: d.location,
    timexId: d.timexId,
    quantityIds: d.quantityIds,
    modality: d.modality,
    inQuote: d.inQuote,
    attributionId: d.attributionId,
    sentence: d.sentence,
  }));
}

/** Index of the first token of [ts, te) that starts at or after `offset`. */
function firstTokenAt(tokens: readonly Token[], ts: number, te: number, offset: number): number {
  let lo = ts;
  let hi = te;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function firstReporting(v: SentenceView, lex: Lexicon): number {
  for (let j = v.ts; j < v.te; j++) {
    const t = v.tokens[j]!;
    if ((t.pos === 'VERB' || t.norm === 'according' || /^(says|said)$/.test(t.norm)) && lex.grammarSets.reporting.has(base(v, j))) return j;
  }
  return -1;
}

function findAntecedent(drafts: readonly Draft[], d: Draft, si: number): Draft | null {
  // prefer an event named by a noun ("secret negotiations") over one named by a verb
  let verbal: Draft | null = null;
  for (let k = drafts.length - 1; k >= 0; k--) {
    const a = drafts[k]!;
    if (si - a.sentenceIndex > MERGE_WINDOW) break;
    if (a.type !== d.type) continue;
    if (a.nominal) return a;
    verbal ??= a;
  }
  return verbal;
}

function mergeInto(a: Draft, d: Draft, ix: DocIndex): void {
  a.location ??= d.location;
  a.timexId ??= d.timexId;
  const sourced = (id: string | null) => id !== null && ix.attributions.some((x) => x.id === id && x.source !== null);
  if (d.attributionId !== null && (a.attributionId === null || (!sourced(a.attributionId) && sourced(d.attributionId)))) a.attributionId = d.attributionId;
  if (!d.fromPredicate) for (const id of d.actorIds) if (!a.actorIds.includes(id) && !a.recipientIds.includes(id)) a.actorIds.push(id);
  a.evidence.push(d.trigger);
  if (a.type === 'CONSULT' && a.mode === null && d.mode !== null) a.mode = d.mode;
}

function buildDraft(
  v: SentenceView,
  ix: DocIndex,
  p: Planned,
  si: number,
  sentence: Span,
  sTimexes: readonly Timex[],
  sQuantities: readonly Quantity[],
  reportingAt: number,
  lex: Lexicon,
): Draft | null {
  const { c } = p;
  const e = c.entry;
  const tokens = v.tokens;
  const trigger = spanOfTokens(tokens, c.tokenStart, c.tokenEnd);
  let type: PloverType = e.type;
  let mode: string | null = e.mode ?? null;
  let cameo: string | null = e.cameo ?? null;
  let rule = `lexicon:${e.lemma}`;
  // order X to do Y: the complement's type wins
  if (e.governs === 'complement' && p.absorbed) {
    type = p.absorbed.entry.type;
    mode = p.absorbed.entry.mode ?? null;
    cameo = p.absorbed.entry.cameo ?? cameo;
    rule += `+${p.absorbed.entry.lemma}`;
  } else if (p.absorbed) {
    // committing to violence or coercion is a threat, not an agreement
    if (type === 'AGREE' && lex.coding.planned[p.absorbed.entry.type] === 'THREATEN') type = 'THREATEN';
    const table = lex.coding.complementModes[type];
    if (table) {
      const a = p.absorbed.entry;
      mode = table[`${a.type}/${a.mode ?? ''}`] ?? table[a.type] ?? mode;
    }
    rule += `>${p.absorbed.entry.lemma}`;
  }
  // participants
  let actors: string[] = [];
  let recipients: string[] = [];
  const cl = c.clause;
  let objectRange: Range | null = null;
  let fromPredicate = false;
  let subjectRange: Range | null = null;
  if (!c.asNoun) {
    subjectRange = subjectOf(v, c.head);
    let passive = isPassive(v, c.head);
    // "is committed to", "is prepared to": adjectival participles of intent are not passives
    if (passive && e.governs && ppMentions(v, c.tokenEnd, 12, new Set(['by'])).length === 0) passive = false;
    let objStart = c.tokenEnd;
    objectRange = npRight(v, objStart, cl);
    if (passive) {
      recipients = headsOf(v, subjectRange, { skipPlaces: !PLACE_TARGETS.has(type) });
      const by = ppMentions(v, c.tokenEnd, 25, new Set(['by']));
      actors = by.length > 0 ? headsOf(v, by[0]!.range) : [];
      // "guerrillas have been demobilized", "the minister was forced to resign": those who yield are the actors
      if (by.length === 0 && type === 'RETREAT' && mode !== 'release') {
        actors = recipients;
        recipients = [];
      }
      if (objectRange && !by.some((b) => b.range.a === objectRange!.a)) {
        for (const id of headsOf(v, objectRange, { skipPlaces: true })) if (!recipients.includes(id)) recipients.push(id);
      }
    } else {
      actors = headsOf(v, subjectRange);
      // a place as direct object stands for its government ("accused Moscow")
      recipients = headsOf(v, objectRange);
      if (actors.length === 0 && subjectRange && tokens[subjectRange.a]!.pos === 'PRON') actors = fallbackSpeaker(v, ix, c.head, reportingAt);
      if (actors.length === 0 && !c.asNoun && tokens[c.head]!.norm.endsWith('ing') && c.head > v.ts && tokens[c.head - 1]!.norm === ',') actors = adjunctSubject(v, ix, c.head - 1, reportingAt);
    }
    objStart = objectRange ? objectRange.b : c.tokenEnd;
    for (const pp of ppMentions(v, objStart, 10, v.lex.grammarSets.recipientPreps)) {
      const ids = headsOf(v, pp.range, { skipPlaces: !PLACE_TARGETS.has(type) && type !== 'CONSULT' });
      if (ids.length === 0) continue;
      if (e.symmetric && pp.prep === 'with') {
        for (const id of ids) if (!actors.includes(id)) actors.push(id);
      } else if (recipients.length === 0 && pp.prep !== 'for') {
        recipients.push(...ids);
      }
      break;
    }
  } else {
    const sv = supportVerbBefore(v, c.head, lex, e.prev !== undefined);
    if (sv >= 0) {
      subjectRange = subjectOf(v, sv);
      if (isPassive(v, sv)) {
        const by = ppMentions(v, c.tokenEnd, 12, new Set(['by']));
        actors = by.length > 0 ? headsOf(v, by[0]!.range) : [];
      } else {
        actors = headsOf(v, subjectRange);
        if (actors.length === 0 && subjectRange && tokens[subjectRange.a]!.pos === 'PRON') actors = fallbackSpeaker(v, ix, sv, reportingAt);
      }
    }
    if (PARTICIPANT_NOUNS.has(e.lemma)) {
      // "demonstrators in the capital blocked roads": the protesters are the actors
      let b = c.head + 1;
      while (b < v.te && b - c.head < 6 && v.clauses[b - v.ts] === cl && tokens[b]!.pos !== 'VERB') b++;
      actors = headsOf(v, { a: c.head, b });
    }
    const poss = possessorBefore(v, c.head);
    if (actors.length === 0 && poss) actors = headsOf(v, poss, { skipPlaces: true });
    if (actors.length === 0 && sv < 0) {
      fromPredicate = true;
      // an event noun in the predicate ("were converging for a rally") takes the clause subject
      for (let k = c.head - 1; k >= v.ts && v.clauses[k - v.ts] === cl; k--) {
        const t = tokens[k]!;
        if (t.pos === 'VERB' && !lex.grammarSets.reporting.has(base(v, k))) {
          actors = headsOf(v, subjectOf(v, k));
          break;
        }
      }
    }
    const after = ppMentions(v, c.tokenEnd, 10, new Set(['by', 'with', 'against', 'on', 'into', 'of', 'to', 'between', 'from']));
    for (const pp of after) {
      const ids = headsOf(v, pp.range, { skipPlaces: !PLACE_TARGETS.has(type) });
      if (ids.length === 0) continue;
      if (pp.prep === 'by' && actors.length === 0) actors = ids;
      else if ((pp.prep === 'with' || pp.prep === 'between') && e.symmetric) {
        for (const id of ids) if (!actors.includes(id)) actors.push(id);
      } else if (recipients.length === 0 && pp.prep !== 'by') {
        recipients = ids;
        if (pp.prep === 'of') objectRange = pp.range;
      }
    }
    if (!objectRange && c.objectToken !== null) objectRange = npRight(v, c.objectToken, cl);
  }
  if (e.governs && !c.asNoun && tokens[c.tokenEnd]?.norm === 'that') {
    // "demanded that X renounce ...": X is asked
    const np = npRight(v, c.tokenEnd + 1, v.clauses[c.tokenEnd + 1 - v.ts] ?? -1);
    const ids = headsOf(v, np);
    if (ids.length > 0) recipients = ids;
  }
  if (recipients.length === 0 && e.roles !== 'speaker') recipients = firstMentionAfter(v, c.tokenEnd, actors, PLACE_TARGETS.has(type) || mode === 'visit');
  if (e.roles === 'speaker' && !c.asNoun) {
    // "I must tell you", "we must act": speakers binding themselves make no demand
    const subj = subjectOf(v, c.head);
    if (subj && subj.b - subj.a === 1 && /^(i|we|you)$/.test(tokens[subj.a]!.norm)) return null;
  }
  if (e.roles === 'speaker') {
    // "X said Y must ...": the speaker demands, the subject of 'must' is asked
    const sp = reportingAt >= 0 && reportingAt < c.head ? headsOf(v, subjectOf(v, reportingAt)) : fallbackSpeaker(v, ix, c.head, reportingAt);
    recipients = c.asNoun ? recipients : headsOf(v, subjectOf(v, c.head));
    actors = sp;
  }
  if (e.symmetric && recipients.length > 0 && type === 'CONSULT' && !e.mode) {
    for (const id of recipients) if (!actors.includes(id)) actors.push(id);
    recipients = [];
  }
  recipients = recipients.filter((id) => !actors.includes(id));
  // a target with no known country ("peacekeepers in Iraq", "roads in Algiers") is coded by the place it is in
  // (not for released captives: they are rarely of the place where they are handed over)
  if (recipients.length > 0 && recipients.every((id) => !ix.entityOf(id)?.country) && type !== 'CONSULT' && mode !== 'release') {
    for (const pp of ppMentions(v, c.tokenEnd, 14, TARGET_PLACE_PREPS)) {
      const ids = headsOf(v, pp.range).filter((id) => ix.entityOf(id)?.country && !actors.includes(id));
      if (ids.length > 0) {
        recipients.push(ids[0]!);
        break;
      }
    }
  }
  // modality
  const quote = findCovering(ix.quotes, (q) => q.span, trigger);
  const attribution = findCovering(ix.attributions, (a) => a.content, trigger);
  const cs = clauseStart(v, c.head);
  const ce = clauseEnd(v, c.head);
  const reported = attribution !== null || (reportingAt >= 0 && reportingAt !== c.head && !(c.asNoun && supportVerbBefore(v, c.head, lex, true) === reportingAt));
  // an event noun takes the modality of its predicate too ("the talks are expected to resume")
  const cueEnd = c.asNoun ? predicateEnd(v, c.head, ce) : c.head;
  const reading = readModality(tokens, cs, cueEnd, v.te, lex.modality, { reported, reportingBefore: reportingAt >= 0 && reportingAt < c.head });
  let modality: Modality = reading.modality;
  if (e.modality && RANK[e.modality] > RANK[modality]) modality = e.modality;

  // "officials denied that troops had fired": the content of a denial is negated
  if (cs > v.ts && tokens[cs]!.norm === 'that' && lex.modality.denial.some((d) => d.length === 1 && d[0] === tokens[cs - 1]!.norm)) modality = 'negated';
  if (reading.volitional && lex.coding.refusedCooperation.includes(type)) {
    const m = lex.coding.complementModes.REJECT?.[type] ?? null;
    type = 'REJECT';
    mode = m;
    modality = reported ? 'reported' : 'asserted';
    rule += ':refusal';
  } else if (modality === 'planned' && reading.unless && lex.coding.conditionalThreat.includes(type)) {
    mode = lex.coding.complementModes.THREATEN?.[type] ?? null;
    type = 'THREATEN';
    rule += ':conditional-threat';
  } else if (modality === 'planned' && reading.commitment && lex.coding.planned[type]) {
    const to = lex.coding.planned[type]!;
    mode = to === 'THREATEN' ? (lex.coding.complementModes.THREATEN?.[`${type}/${mode ?? ''}`] ?? lex.coding.complementModes.THREATEN?.[type] ?? null) : null;
    type = to;
    rule += ':commitment';
  }
  // the attribution stage's cue layer is a second reader: the stronger doubt wins, except over a
  // refusal (coded REJECT) or a stated commitment ("they said they would boycott" is planned)
  const shared = modalityAt(ix.doc, trigger);
  const keep = rule.endsWith(':refusal') || (reading.commitment && modality === 'planned') || (p.absorbed !== null && shared.modality === 'planned');
  if (!keep && RANK[shared.modality] > RANK[modality]) modality = shared.modality;
  if (type !== e.type && e.governs !== 'complement') cameo = lex.coding.recodedCameo[`${type}/${e.type}`] ?? lex.coding.recodedCameo[type] ?? cameo;
  // modes decided from the clause
  if (type === 'ASSAULT' && (mode === null || mode === 'explosives')) {
    for (let j = cs; j < ce; j++) {
      const cue = lex.coding.assaultModeCues[tokens[j]!.norm];
      if (cue && (mode === null || cue === 'suicide-attack')) mode = cue;
      if (mode === 'suicide-attack') break;
    }
  }
  const loc = locationNear(v, c.head, c.asNoun ? predicateOf(v, c.head, lex) : c.tokenEnd - 1);
  const location = loc ? { entityId: loc.mention.entityId, span: { start: loc.start, end: loc.end }, name: ix.doc.text.slice(loc.start, loc.end) } : null;
  if (type === 'CONSULT' && mode === null && loc) {
    const lc = ix.entityOf(loc.mention.entityId)?.country ?? null;
    const parts = [...actors, ...recipients].map((id) => ix.entityOf(id)?.country ?? null).filter((x) => x !== null);
    if (lc && parts.length > 0 && !parts.includes(lc)) mode = 'third-party';
  }
  // date: the nearest time expression in the clause
  let timexId: string | null = null;
  let bestD = Infinity;
  for (const x of sTimexes) {
    if (x.label === 'SET' || x.label === 'DURATION') continue;
    const tk = tokenIndexAt(v, x.span.start);
    if (tk < 0) continue;
    const tc = v.clauses[tk - v.ts]!;
    // "... since 1997": a temporal preposition that the clause splitter took for a conjunction
    const attached = tc === cl || (Math.abs(tc - cl) === 1 && tk > v.ts && lex.grammarSets.clauseBreak.has(tokens[tk - 1]!.norm) && v.clauses[tk - 1 - v.ts] === tc && onlyTimexInClause(v, tk, x.span.end));
    if (!attached) continue;
    const d = Math.abs(tk - c.head) + (tc === cl ? 0 : 20);
    if (d < bestD) {
      bestD = d;
      timexId = x.id;
    }
  }
  // a date after the publication date makes an asserted or reported event a planned one
  if (timexId !== null && (modality === 'asserted' || modality === 'reported')) {
    const tx = sTimexes.find((x) => x.id === timexId);
    const pub = ix.doc.meta.published;
    const later = (val: string) => pub !== null && /^\d{4}-\d{2}(-\d{2})?$/.test(val) && val > pub.slice(0, val.length);
    if (tx && (tx.value === 'FUTURE_REF' || later(tx.value))) modality = 'planned';
  }
  // quantities in the object (or, for a passive, the subject)
  // an absorbed complement brings the quantities of its own object ("agreed to free three hostages")
  const absorbedObject = p.absorbed && !p.absorbed.asNoun ? npRight(v, p.absorbed.tokenEnd, v.clauses[p.absorbed.head - v.ts]!) : null;
  const qRanges = [objectRange, isPassiveOrNoun(v, c) ? subjectRange : null, absorbedObject].filter((r): r is Range => r !== null);
  const quantityIds = sQuantities
    .filter((q) => q.label !== 'age' && q.label !== 'ordinal' && qRanges.some((r) => q.span.start >= tokens[r.a]!.start && q.span.end <= tokens[r.b - 1]!.end))
    .map((q) => q.id);
  const evidence = [spanOfTokens(tokens, Math.min(c.tokenStart, p.absorbed?.tokenStart ?? c.tokenStart), Math.max(c.tokenEnd, p.absorbed?.tokenEnd ?? c.tokenEnd))];
  return {
    type,
    mode,
    cameo,
    trigger,
    actorIds: actors,
    recipientIds: recipients,
    location,
    timexId,
    quantityIds,
    modality,
    inQuote: quote !== null || insideQuoteMarks(v, c.head),
    attributionId: attribution?.id ?? null,
    sentence,
    sentenceIndex: si,
    evidence,
    rule,
    nominal: c.asNoun,
    fromPredicate,
  };
}

/** The first participant mentioned after the trigger (within 10 tokens of the sentence), for events with no recipient yet. */
function firstMentionAfter(v: SentenceView, from: number, exclude: readonly string[], placesOk: boolean): string[] {
  for (let j = from; j < v.te && j - from < 10; j++) {
    const t = v.tokens[j]!;
    if (t.norm === ';' || t.norm === ':' || t.norm === ',') break;
    const m = v.mentionAt[j - v.ts];
    if (!m) continue;
    const prev = j > v.ts ? v.tokens[j - 1]!.norm : '';
    if (m.label === 'place' && ((!placesOk && j !== from) || prev === 'in' || prev === 'at' || prev === 'near')) continue;
    if (exclude.includes(m.entityId)) continue;
    return v.entityOf(m.entityId) ? [m.entityId] : [];
  }
  return [];
}

/** After an event noun that is a subject, the end of its verb group (the predicate's first verb), else the noun. */
function predicateEnd(v: SentenceView, noun: number, clauseEndAt: number): number {
  for (let k = noun + 1; k < clauseEndAt && k - noun < 8; k++) {
    const t = v.tokens[k]!;
    if (t.pos === 'VERB') return Math.min(k + 2, clauseEndAt);
    if (t.pos === 'ADP' || t.norm === ',') return noun;
  }
  return noun;
}

/** For an event noun that is a subject ("the talks, led by X, took place"), its support predicate. */
function predicateOf(v: SentenceView, noun: number, lex: Lexicon): number {
  for (let k = noun + 1; k < v.te && k - noun < 16; k++) {
    if (v.clauses[k - v.ts] !== v.clauses[noun - v.ts]) break;
    const t = v.tokens[k]!;
    if (t.pos === 'VERB' && lex.grammarSets.supportAfter.has(base(v, k))) return k;
  }
  return noun;
}

/** True when the clause holding token `tk` has nothing after the time expression but punctuation. */
function onlyTimexInClause(v: SentenceView, tk: number, timexEnd: number): boolean {
  const c = v.clauses[tk - v.ts];
  for (let j = tk; j < v.te && v.clauses[j - v.ts] === c; j++) {
    const t = v.tokens[j]!;
    if (t.start >= timexEnd && t.pos !== 'PUNCT') return false;
  }
  return true;
}

function isPassiveOrNoun(v: SentenceView, c: Candidate): boolean {
  return c.asNoun || isPassive(v, c.head);
}

function tokenIndexAt(v: SentenceView, offset: number): number {
  let lo = v.ts;
  let hi = v.te;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v.tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < v.te ? lo : -1;
}

function insideQuoteMarks(v: SentenceView, i: number): boolean {
  let open = false;
  let straight = 0;
  for (let j = v.ts; j < i; j++) {
    const n = v.tokens[j]!.text;
    if (n === '“' || n === '«') open = true;
    else if (n === '”' || n === '»') open = false;
    else if (n === '"') straight++;
  }
  return open || straight % 2 === 1;
}

/** The speaker of a reported clause whose subject is a pronoun ("Syria says it will ..."). */
/** A participle adjunct after a comma ("..., accusing X of Y") has the subject of the nearest verb before it. */
function adjunctSubject(v: SentenceView, ix: DocIndex, comma: number, reportingAt: number): string[] {
  for (let k = comma - 1; k >= v.ts && comma - k <= 40; k--) {
    if (v.tokens[k]!.pos !== 'VERB') continue;
    const sr = subjectOf(v, k);
    if (!sr) continue;
    const ids = headsOf(v, sr);
    if (ids.length > 0) return ids;
    if (v.tokens[sr.a]!.pos === 'PRON') return fallbackSpeaker(v, ix, k, reportingAt);
  }
  return [];
}

function fallbackSpeaker(v: SentenceView, ix: DocIndex, at: number, reportingAt: number): string[] {
  const t = v.tokens[at]!;
  const a = ix.attributions.find((x) => x.content.start <= t.start && t.end <= x.content.end && x.sourceEntityId !== null);
  if (a?.sourceEntityId) return [a.sourceEntityId];
  if (reportingAt >= 0 && reportingAt < at) return headsOf(v, subjectOf(v, reportingAt));
  return [];
}

/**
 * "X released N hostages in exchange for M prisoners": the prisoners' release is a second
 * RETREAT/release, done by the side the hostages belong to.
 */
function addExchange(v: SentenceView, ix: DocIndex, drafts: Draft[], sQuantities: readonly Quantity[], lex: Lexicon): void {
  const main = drafts.find((d) => d.type === 'RETREAT' && d.mode === 'release');
  if (!main) return;
  for (let j = v.ts; j + 2 < v.te; j++) {
    const a = v.tokens[j]!.norm;
    const b = v.tokens[j + 1]!.norm;
    const cc = v.tokens[j + 2]!.norm;
    if (!((a === 'in' && (b === 'exchange' || b === 'return') && cc === 'for') || (a === 'in' && b === 'a' && cc === 'swap'))) continue;
    const np = npRight(v, j + 3, v.clauses[j + 3 - v.ts] ?? -1, true);
    if (!np) continue;
    let captive = false;
    for (let k = np.a; k < np.b; k++) if (CAPTIVES.has(v.tokens[k]!.norm)) captive = true;
    if (!captive) continue;
    const trig = spanOfTokens(v.tokens, j + 1, j + 2);
    const qs = sQuantities.filter((q) => q.span.start >= v.tokens[np.a]!.start && q.span.end <= v.tokens[np.b - 1]!.end).map((q) => q.id);
    const recipients = headsOf(v, np);
    // the side the released captives belong to: its country entity when the document has one
    const first = main.recipientIds.length > 0 ? ix.entityOf(main.recipientIds[0]!) : undefined;
    const state = first?.country ? (ix.doc.layers.entities ?? []).find((x) => x.label === 'country' && x.country === first.country) : undefined;
    const actors = first ? [state?.id ?? first.id] : [];
    drafts.push({
      ...main,
      type: 'RETREAT',
      mode: 'release',
      cameo: '0841',
      trigger: trig,
      actorIds: actors.filter((x) => !recipients.includes(x)),
      recipientIds: recipients,
      quantityIds: qs,
      evidence: [spanOfTokens(v.tokens, j, np.b)],
      rule: 'exchange',
    });
    // the first release keeps only what stands before the exchange
    main.quantityIds = main.quantityIds.filter((id) => !qs.includes(id));
    main.recipientIds = main.recipientIds.filter((id) => !recipients.includes(id));
    void lex;
    void ix;
    break;
  }
}

/** The events stage: PLOVER events with modality, participants, place, date and numbers. */
export const eventsStage: Stage = {
  name: STAGE,
  version: VERSION,
  requires: ['sentences', 'tokens', 'mentions', 'entities', 'timexes', 'quantities', 'quotes', 'attributions', 'modalCues'],
  produces: ['events'],
  run(doc) {
    return { layers: { events: extractEvents(doc) } };
  },
};
