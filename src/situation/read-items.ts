import type { EntityOut, EventOut, Extraction } from '../output/schema.js';
import { type DocView, type SentenceView, wordIndexAt } from './doc-view.js';
import { lexicon, type Word, words } from './lexicon.js';
import { clauseAfter, countriesIn, listAfter, phraseAfter } from './read.js';
import { dayNumber } from './util.js';
import type { CaptiveStatus } from './schema.js';

type QuantityOut = Extraction['quantities'][number];

const ACTORS: ReadonlySet<string> = new Set(['country', 'organization', 'group', 'person']);

/** True when the sentence speaks of the future or of a possibility (cue words or a planned/potential event). */
export function isFutureSentence(view: DocView, s: SentenceView): boolean {
  const lx = lexicon();
  if (s.events.some((e) => e.modality === 'planned' || e.modality === 'potential')) return true;
  return lx.future.test(view.words(s));
}

// ---------------------------------------------------------------- agreements

/** True when one of the three words before word i puts it in the future ("would take effect", "is to free"). */
export function futureNear(ws: readonly Word[], i: number): boolean {
  const near = lexicon().nearFuture;
  for (let k = Math.max(0, i - 3); k < i; k++) if (near.has(ws[k]!.norm)) return true;
  return false;
}

/** What a sentence says about an agreement (ceasefire, truce, deal). */
export interface AgreementReading {
  readonly name: string;
  /** 'truce' for agreements that end fighting (ceasefire, truce, armistice), 'deal' otherwise; null when only a phase is named. */
  readonly kind: 'truce' | 'deal' | null;
  readonly inForceSince: string | null;
  readonly inForce: boolean;
  readonly ended: boolean;
  readonly currentPhases: number[];
  readonly nextPhases: number[];
  readonly knownPhases: number[];
  /** Next steps in text order: "extension", "second phase". */
  readonly next: string[];
  readonly future: boolean;
  readonly fromEvent: EventOut | null;
  /** Trouble the sentence reports (a violation, a postponement, a deadlock), most severe. */
  readonly trouble: 'stalled' | 'at risk' | 'disputed' | null;
  /** The day the agreement was announced (an asserted agreeing event with a day date). */
  readonly announced?: string | null;
  /** The day it is to take effect ("would take effect on Sunday"). */
  readonly starts?: string | null;
  /** How long a phase lasts, in days ("the first phase is due to last 42 days"). */
  readonly phaseLengthDays?: number | null;
  /** A phase that ran out, and the day it did ("a day after the first phase ran out"). */
  readonly phaseEnded?: { phase: number; date: string | null } | null;
  /** The day the next release is due ("the release of hostages scheduled for Saturday"). */
  readonly nextReleaseDue?: string | null;
  /** Who puts off a release ("X said it was postponing the release"), as a party key. */
  readonly postponedBy?: string | null;
}

/** The phase number named around a phase word at index i ("second phase", "phase two"), or null. */
export function phaseNumberAt(ws: readonly Word[], i: number): number | null {
  const lx = lexicon();
  const prev = ws[i - 1]?.norm;
  if (prev !== undefined && lx.ordinals.has(prev)) return lx.ordinals.get(prev)!;
  const next = ws[i + 1]?.norm;
  if (next !== undefined && lx.numberWords.has(next)) return lx.numberWords.get(next)!;
  return null;
}

/** Reads agreement name, in-force date, phases and next steps from one sentence; null when it names none. */
export function readAgreement(view: DocView, s: SentenceView): AgreementReading | null {
  const lx = lexicon();
  const ws = view.words(s);
  const truceEvent = s.events.find((e) => e.type === 'RETREAT' && e.mode === 'ceasefire') ?? null;
  const agreeEvent = s.events.find((e) => e.type === 'AGREE') ?? null;
  const hits = lx.agreement.find(ws);
  const halted = hits.length === 0 && !truceEvent ? fightingHalted(view, ws) : false;
  const phaseHits = lx.phase.find(ws).filter((h) => phaseNumberAt(ws, h.i) !== null);
  const toHalt = hits.length === 0 && !truceEvent && !halted && agreeEvent !== null && fightingToHalt(view, ws);
  if (hits.length === 0 && !truceEvent && !halted && !toHalt && phaseHits.length === 0) return null;
  const first = hits[0];
  const kind: AgreementReading['kind'] = truceEvent || halted || toHalt || lx.conflictEnd.test(ws) ? 'truce' : first ? 'deal' : null;
  // Agreements that end fighting go by one name whatever the article calls them (truce, cease-fire).
  let name = kind === 'truce' ? 'ceasefire' : (first?.phrase ?? 'agreement');
  if (kind === 'deal' && first && ws[first.j] && lx.agreement.at(ws, first.j) && ws[first.j]!.norm !== first.phrase) name = `${first.phrase} ${ws[first.j]!.norm}`;
  const future = isFutureSentence(view, s);
  const futureHits = lx.future.find(ws);
  const talkHits = lx.negotiation.find(ws);
  const currentPhases: number[] = [];
  const nextPhases: number[] = [];
  const knownPhases: number[] = [];
  const next: { at: number; what: string }[] = [];
  let explicitCurrent = false;
  for (const h of phaseHits) {
    const n = phaseNumberAt(ws, h.i)!;
    if (view.negatedAt(ws, h.i)) continue;
    knownPhases.push(n);
    const isCurrent = ws.slice(Math.max(0, h.i - 3), h.i).some((w) => lx.current.has(w.norm));
    // A phase is what comes next when a future cue or a talks word stands just before it ("move to the second phase", "talks on a second phase").
    const near = (hs: readonly { i: number }[]) => hs.some((x) => x.i < h.i && x.i >= h.i - 7);
    if (isCurrent) {
      currentPhases.push(n);
      explicitCurrent = true;
    } else if (near(futureHits) || near(talkHits)) {
      nextPhases.push(n);
      next.push({ at: h.start, what: `${lx.ordinalName(n)} ${h.phrase}` });
    } else currentPhases.push(n);
  }
  if (future) {
    for (const h of lx.extension.find(ws)) if (!view.negatedAt(ws, h.i)) next.push({ at: h.start, what: 'extension' });
    // "The security cabinet plans to meet to approve the deal": the approval is a step ahead.
    for (const h of lx.approval.find(ws)) {
      if (view.negatedAt(ws, h.i)) continue;
      let body: string | null = null;
      for (let k = Math.max(0, h.i - 8); k < h.i; k++) if (lx.approvingBodies.has(ws[k]!.norm)) body = ws[k]!.norm;
      if (body) next.push({ at: h.start, what: `${body} approval` });
    }
  }
  next.sort((a, b) => a.at - b.at);
  // "The first phase ended" ends a phase, not the agreement.
  const ended = knownPhases.length === 0 && lx.ended.find(ws).some((h) => !view.negatedAt(ws, h.i)) && !future;
  let inForceSince: string | null = null;
  let inForce = false;
  const assertedTruce = truceEvent && (truceEvent.modality === 'asserted' || truceEvent.modality === 'reported') ? truceEvent : null;
  if (assertedTruce) {
    inForce = !ended;
    const v = assertedTruce.date?.value.slice(0, 10);
    if (v && /^\d{4}-\d{2}-\d{2}$/.test(v)) inForceSince = v;
  }
  if (halted && !future) inForce = true;
  // "The truce took effect on Sunday", "the current phase": in force now — unless the verb is in the future ("would take effect").
  const nowInForce = lx.inForce.find(ws).filter((h) => !view.negatedAt(ws, h.i) && !futureNear(ws, h.i));
  if (explicitCurrent || nowInForce.length > 0) inForce = true;
  if (!ended && (assertedTruce || (halted && !future) || nowInForce.length > 0)) {
    let best: string | null = null;
    for (const d of view.datesIn(s)) {
      const v = d.value.slice(0, 10);
      if (!/^\d{4}-\d{2}(-\d{2})?$/.test(v)) continue;
      const i = wordIndexAt(ws, d.start);
      const prev = ws[i - 1]?.norm;
      if (prev === 'since' || prev === 'from') {
        best = v;
        break;
      }
      if (best === null && /^\d{4}-\d{2}-\d{2}$/.test(v) && !futureNear(ws, i)) best = v;
    }
    if (best) {
      inForceSince ??= best;
      inForce = true;
    }
  }
  if (agreeEvent && agreeEvent.modality === 'asserted' && !future && !toHalt) inForce = true;
  let trouble: AgreementReading['trouble'] = null;
  // "The truce took effect hours late, after X delayed ...": a delay or dispute on the way in does not put it at risk.
  const started = nowInForce.some((h) => STARTED.has(h.phrase));
  if (!started) for (const [k, m] of lx.trouble) {
    if (m.find(ws).some((h) => !view.negatedAt(ws, h.i) && !futureNear(ws, h.i))) {
      trouble = k;
      break;
    }
  }
  return {
    trouble,
    name,
    kind,
    inForceSince,
    inForce,
    ended,
    currentPhases,
    nextPhases,
    knownPhases,
    next: [...new Set(next.map((n) => n.what))],
    future,
    fromEvent: truceEvent ?? agreeEvent,
    announced: agreeEvent && (agreeEvent.modality === 'asserted' || agreeEvent.modality === 'reported') && agreeEvent.date?.precision === 'day' && hits.length + Number(halted) + Number(toHalt) > 0 ? agreeEvent.date.value.slice(0, 10) : null,
    starts: startDay(view, s, ws),
    phaseLengthDays: phaseHits.length > 0 ? phaseLength(view, s) : null,
    ...releaseSchedule(view, s, ws),
    phaseEnded: phaseHits.length > 0 ? phaseEnd(view, s, ws, phaseHits) : null,
  };
}

const PHASE_END: ReadonlySet<string> = new Set(['ran', 'expired', 'expires', 'ended', 'ends', 'lapsed', 'concluded', 'over']);
const COUNT_WORD: Readonly<Record<string, number>> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };

/**
 * A phase that ended: a phase word followed within six words by an end verb ("the first phase of
 * the truce ran out", "phase one expired"). Dated by a day date after the verb, else by "N days
 * after" counted back from the sentence's own day ("on Sunday, a day after the phase ran out").
 */
function phaseEnd(view: DocView, s: SentenceView, ws: readonly Word[], phaseHits: readonly { i: number; j: number }[]): { phase: number; date: string | null } | null {
  for (const h of phaseHits) {
    const n = phaseNumberAt(ws, h.i);
    if (n === null) continue;
    let k = h.j;
    while (k < Math.min(ws.length, h.j + 7) && !PHASE_END.has(ws[k]!.norm)) k++;
    if (k >= ws.length || !PHASE_END.has(ws[k]!.norm) || view.negatedAt(ws, k) || futureNear(ws, k)) continue;
    if (ws[k]!.norm === 'ran' && ws[k + 1]?.norm !== 'out') continue;
    const days = view.datesIn(s).filter((d) => /^\d{4}-\d{2}-\d{2}/.test(d.value));
    const after = days.find((d) => d.start > ws[k]!.end && wordIndexAt(ws, d.start) - k <= 3);
    if (after) return { phase: n, date: after.value.slice(0, 10) };
    // "X on Sunday, a day after the phase ran out".
    const back = /\b(a|an|one|two|three|four|five|six|seven|\d+) days? after\s+(?:\S+\s+){0,3}$/i.exec(view.slice(s, s.start, ws[h.i]!.start) ?? '');
    const anchor = days.find((d) => d.end <= ws[h.i]!.start);
    if (back && anchor) {
      const nBack = COUNT_WORD[back[1]!.toLowerCase()] ?? Number(back[1]);
      return { phase: n, date: new Date((dayNumber(anchor.value.slice(0, 10)) - nBack) * 86_400_000).toISOString().slice(0, 10) };
    }
    return { phase: n, date: null };
  }
  return null;
}

/** A weekday named for what is still to come is the next such day after publication. */
function aheadOfPublication(view: DocView, d: { value: string; text: string }): string {
  let day = dayNumber(d.value.slice(0, 10));
  const pub = dayNumber(view.ref.published);
  if (WEEKDAY_RE.test(d.text.trim()) && Number.isFinite(pub)) while (day <= pub) day += 7;
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A release put off or scheduled: "X said it was postponing the release of hostages scheduled
 * for Saturday" → due on that Saturday, put off by X (the subject, else the source of the sentence).
 */
function releaseSchedule(view: DocView, s: SentenceView, ws: readonly Word[]): { nextReleaseDue?: string; postponedBy?: string } {
  const lx = lexicon();
  const rel = lx.release.find(ws).find((h) => !view.negatedAt(ws, h.i));
  if (!rel) return {};
  const out: { nextReleaseDue?: string; postponedBy?: string } = {};
  const cue = lx.schedule.find(ws).find((h) => h.i > rel.i && h.i - rel.j <= 6);
  if (cue) {
    const d = view.datesIn(s).find((x) => x.start >= cue.end && /^\d{4}-\d{2}-\d{2}/.test(x.value) && wordIndexAt(ws, x.start) - cue.j <= 2);
    if (d) out.nextReleaseDue = aheadOfPublication(view, d);
  }
  // "postponing the release of hostages": the release as a noun after a determiner, not "delayed handing over the names".
  const nominal = /^(the|a|next|this|that|their|its)$/.test(ws[rel.i - 1]?.norm ?? '');
  const off = nominal ? lx.postpone.find(ws).find((h) => h.i < rel.i && rel.i - h.j <= 3 && !view.negatedAt(ws, h.i)) : undefined;
  if (off) {
    const by = subjectBefore(view, s, ws, off.i) ?? reportedBy(view, s);
    if (by) out.postponedBy = by;
  }
  return out;
}

/** In-force words that tell the start of an agreement, not its state ("holding" is no start). */
const STARTED: ReadonlySet<string> = new Set(['took effect', 'took hold', 'came into force', 'went into effect', 'takes effect', 'taking effect', 'began', 'begun', 'started']);

const WEEKDAY_RE = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/i;

/**
 * The day an agreement is to take effect: a day date in a sentence whose in-force word is in the
 * future ("would take effect on Sunday"). A weekday named for what is still to come is the next
 * such day after publication, whatever the date resolver guessed.
 */
function startDay(view: DocView, s: SentenceView, ws: readonly Word[]): string | null {
  const lx = lexicon();
  const hit = lx.inForce.find(ws).find((h) => !view.negatedAt(ws, h.i) && futureNear(ws, h.i));
  if (!hit) return null;
  const d = view.datesIn(s).find((x) => x.start > hit.start && /^\d{4}-\d{2}-\d{2}$/.test(x.value.slice(0, 10)));
  if (!d) return null;
  return aheadOfPublication(view, d);
}

/** A phase length stated as a duration in days or weeks ("to last 42 days", "six weeks"). */
function phaseLength(view: DocView, s: SentenceView): number | null {
  const ws = view.words(s);
  for (const d of view.datesIn(s)) {
    // "to last 42 days", "lasting six weeks", "for 42 days": not "a day after".
    const prev = ws[wordIndexAt(ws, d.start) - 1]?.norm ?? '';
    if (!/^(?:last|lasting)\b/i.test(d.text) && !['last', 'lasts', 'lasting', 'for'].includes(prev)) continue;
    const m = /^P(\d+)([DW])$/.exec(d.value);
    if (m) return Number(m[1]) * (m[2] === 'W' ? 7 : 1);
  }
  return null;
}

/** True when a fighting noun is followed within seven words by a halt verb ("fighting in X has been halted"), not negated. */
export function fightingHalted(view: DocView, ws: readonly Word[]): boolean {
  const lx = lexicon();
  for (let i = 0; i < ws.length; i++) {
    if (!lx.fighting.has(ws[i]!.norm)) continue;
    for (let k = i + 1; k < Math.min(ws.length, i + 8); k++) if (lx.halt.has(ws[k]!.norm) && !view.negatedAt(ws, k)) return true;
  }
  return false;
}

/** True when a halt verb still to come takes a fighting noun as object ("agreed to halt the fighting"): a truce agreed, not in force. */
export function fightingToHalt(view: DocView, ws: readonly Word[]): boolean {
  const lx = lexicon();
  for (let i = 1; i < ws.length; i++) {
    if (!lx.fighting.has(ws[i]!.norm)) continue;
    const v = ws[i - 1]!.norm === 'the' ? i - 2 : i - 1;
    if (v >= 0 && lx.halt.has(ws[v]!.norm) && !view.negatedAt(ws, v) && futureNear(ws, v)) return true;
  }
  return false;
}

// ---------------------------------------------------------------- exchanges

/** A counted group of people in a release. */
export interface GroupReading {
  readonly count: number;
  readonly approx: boolean;
  readonly who: string | null;
  readonly span: { start: number; end: number };
}

/** What a sentence says about a release (and what was given in return). */
export interface ExchangeReading {
  readonly releasedBy: string | null;
  readonly released: GroupReading[];
  /** What the other side gave: counted after "in exchange for", or released by another subject in the same sentence. */
  readonly inReturn: GroupReading | null;
  readonly inReturnBy: string | null;
  readonly date: string | null;
  readonly event: EventOut | null;
  /** True when the release is itself the return for an earlier one ("In return, X freed 200 ..."). */
  readonly counterpart: boolean;
  /** True when the release is announced for later ("is to free", a planned event). */
  readonly planned: boolean;
  /** The phase of the agreement the release belongs to ("during the first phase"). */
  readonly phase: number | null;
  /** True when what the other side gives is still to come. */
  readonly inReturnPlanned?: boolean;
  /** Who brokered the release, as party keys. */
  readonly mediators?: string[];
  /** For a release still to come: its counts by day. */
  readonly schedule?: { date: string; count: number }[];
}

function isCount(q: QuantityOut): boolean {
  return q.kind === undefined || q.kind === 'count';
}

/**
 * The noun phrase of a group of people cut after its head: a people noun ("the 33 hostages
 * meant to be freed" → "the 33 hostages", "prisoners of war") or a plural demonym ("Israelis").
 * Remains keep whose they are ("bodies of others"). Null when no such head ends a noun phrase
 * ("2 countries", "the safety"): a clause fragment is no group name.
 */
export function groupHead(who: string | null): string | null {
  if (who === null) return null;
  const lx = lexicon();
  const ws = words(who);
  for (let i = 0; i < ws.length; i++) {
    const hit = lx.peopleNoun.at(ws, i);
    let j = hit?.j ?? -1;
    if (!hit) {
      const w = ws[i]!.norm;
      if (!(w.length > 3 && w.endsWith('s') && lx.countryOf.has(w.slice(0, -1)))) continue;
      j = i + 1;
    }
    // A compound head goes on ("farm workers", "hostages and prisoners" stops at "and").
    while (j < ws.length && lx.peopleNoun.at(ws, j) !== null) j = lx.peopleNoun.at(ws, j)!.j;
    if (hit && lx.remains.test(ws, i, hit.j) && ws[j]?.norm === 'of' && j + 1 < ws.length) j = ws.length;
    return who.slice(0, ws[j - 1]!.end);
  }
  return null;
}

/** A counted group names its people ("Israeli women"), not a part of another group ("the 33", "more", "others"). */
export function namesPeople(who: string | null): boolean {
  if (who === null) return false;
  const ws = words(who);
  if (ws.length === 0) return false;
  if (groupHead(who) === null) return false;
  if (lexicon().remains.test(ws)) return true;
  // "8 of the 33 hostages": a part of a named group is still people.
  if (/^(the|these|those|a|an|of)$/.test(ws[0]!.norm) && !lexicon().captive.test(ws)) return false;
  return !/^(more|others|other|them|whom|those|each|all)$/.test(ws[ws.length - 1]!.norm);
}

/** The people a counted quantity stands for: the words after the number, else its `of`. */
export function whoOf(view: DocView, s: SentenceView, q: QuantityOut): string | null {
  let after = phraseAfter(view, s, q.end);
  // "the bodies of eight others": the remains are what was handed over.
  const ws = view.words(s);
  const qi = wordIndexAt(ws, q.start);
  if (after && qi >= 2 && ws[qi - 1]!.norm === 'of' && lexicon().captiveStatus[1]![1].test(ws, qi - 2, qi - 1)) after = `${view.slice(s, ws[qi - 2]!.start, ws[qi - 1]!.end)} ${after}`;
  if (after) after = after.replace(/^of\s+/i, '');
  if (after && !/^\d/.test(after)) return groupHead(after) ?? after;
  if (q.of) return groupHead(q.of) ?? q.of;
  const rest = q.text.replace(/^[^A-Za-z]*(?:about|approximately|around|some|nearly|almost|more than|at least|over|roughly)?\s*[\d,.]+\s*/i, '').trim();
  return rest || null;
}

const OBJECT_BLOCKERS: ReadonlySet<string> = new Set(['from', 'to', 'in', 'at', 'by', 'near', 'of', 'with', 'for', 'into', 'outside', 'inside', 'said', 'told']);
const SUBSET_BEFORE: ReadonlySet<string> = new Set(['including', 'among', 'includes', 'included']);
/** Words that open a new clause between a name and a passive verb: the name is not its subject. */
const CLAUSE_BREAK: ReadonlySet<string> = new Set(['said', 'says', 'told', 'tells', 'that', 'reported', 'announced', 'added', 'stated']);
const PASSIVE_AUX: ReadonlySet<string> = new Set(['was', 'were', 'been', 'be', 'being', 'is', 'are']);
const POTENTIAL: ReadonlySet<string> = new Set(['could', 'might', 'may', 'if']);

const AUX: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'to', 'also', 'then', 'later', 'in', 'turn', 'be', 'been', 'due', 'set', 'itself', 'has', 'would']);

/**
 * The subject of the verb at word i: an actor named (not as an adjective, "Israeli hostages")
 * right before it, with only auxiliaries between ("Israel is to release"). Party key or null.
 */
function subjectBefore(view: DocView, s: SentenceView, ws: readonly Word[], i: number): string | null {
  const from = ws[Math.max(0, i - 5)]?.start ?? s.start;
  const before = view.mentionsIn({ start: from, end: ws[i]?.start ?? s.end }).filter((m) => ACTORS.has(m.entity.kind) && m.entity.kind !== 'person' && m.form !== 'demonym');
  const last = before[before.length - 1];
  if (!last) return null;
  for (let k = wordIndexAt(ws, last.end); k < i; k++) if (!AUX.has(ws[k]!.norm)) return null;
  return view.party(last.entity);
}

/**
 * Reads a release with counts: "X released 9 A and 2 B in exchange for 40 C", "X is to free 9 A
 * while Y is to release 40 C", "9 A were freed", "In return, Y freed 40 C". Null when none.
 */
export function readExchange(view: DocView, s: SentenceView): ExchangeReading | null {
  const lx = lexicon();
  const ws = view.words(s);
  const event = s.events.find((e) => e.type === 'RETREAT' && (e.mode === 'release' || lx.release.test(words(e.trigger.text)))) ?? null;
  if (event && (event.modality === 'negated' || event.modality === 'potential' || event.in_quote)) return null;
  const rels = lx.release.find(ws).filter((h) => !view.negatedAt(ws, h.i));
  const future = isFutureSentence(view, s);
  if (!event && rels.length === 0) return null;
  if (!event && ws.some((w) => POTENTIAL.has(w.norm))) return null;
  const releaseAt = event ? Math.min(event.trigger.start, rels[0]?.start ?? Infinity) : rels[0]!.start;
  const ri = wordIndexAt(ws, releaseAt);
  // "the hostages meant to be freed": a description of a group, not a release.
  if (!event && ws[ri - 1]?.norm === 'be' && ws[ri - 2]?.norm === 'to') return null;
  const passive = ws[ri]!.norm.endsWith('ed') && [ws[ri - 1], ws[ri - 2]].some((w) => w !== undefined && PASSIVE_AUX.has(w.norm));
  const cues = lx.exchange.find(ws);
  const cueAfter = cues.find((h) => h.start > releaseAt) ?? null;
  const cueBefore = cues.find((h) => h.start < releaseAt) ?? null;
  // A second release with its own subject ("while Y is to release 40 C") is what the other side gives.
  const second = rels.find((h) => h.start > releaseAt + 1 && (!cueAfter || h.start < cueAfter.start) && subjectBefore(view, s, ws, h.i) !== null) ?? null;
  const qs: QuantityOut[] = [];
  for (const q of view.quantitiesIn(s)) if (isCount(q) && !qs.some((o) => o.start < q.end && q.start < o.end)) qs.push(q);
  const group = (q: QuantityOut): GroupReading => ({ count: q.value, approx: q.approx, who: whoOf(view, s, q), span: { start: q.start, end: q.end } });
  const named = (q: QuantityOut) => namesPeople(whoOf(view, s, q));
  const stop = Math.min(cueAfter?.start ?? Infinity, second?.start ?? Infinity);
  // "including 111 who ...", "70 of them": a part of a group already counted.
  const subset = (q: QuantityOut) => {
    const k = wordIndexAt(ws, q.start);
    return (k > 0 && SUBSET_BEFORE.has(ws[k - 1]!.norm)) || (ws[k + 1]?.norm === 'of' && /^(whom|them|those)$/.test(ws[k + 2]?.norm ?? ''));
  };
  let released = qs.filter((q) => q.start > releaseAt && q.start < stop && !subset(q) && named(q));
  if (passive) {
    // The subject of "were freed": the last counted group before the verb, with those joined to it by "and".
    const before = qs.filter((q) => q.start < releaseAt && (!cueBefore || q.start > cueBefore.end) && named(q));
    const subject: QuantityOut[] = [];
    for (let k = before.length - 1; k >= 0; k--) {
      const q = before[k]!;
      if (subject.length > 0 && !/^[^,;]*\band\b[^,;]*$/.test(view.slice(s, q.end, subject[0]!.start) ?? '')) break;
      subject.unshift(q);
    }
    released = subject.concat(released);
  }
  let groups = released.map(group);
  if (groups.length === 0) {
    // "Russia released Marc Fogel": named people, one each.
    const planned = event?.modality === 'planned' || (event === null && future);
    const people = readReleasedPersons(view, s, new Set()).filter((p) => p.status !== 'held' || planned);
    const firstAfter = people.filter((p) => view.mentionsIn(s).some((m) => m.entity.id === p.entity.id && (m.start > releaseAt || passive)));
    groups = firstAfter.map((p) => ({ count: 1, approx: false, who: p.entity.name, span: { start: releaseAt, end: releaseAt } }));
  }
  if (groups.length === 0) return null;
  const mediators = exchangeMediators(view, s, ws);
  const mutual = !passive ? mutualSides(view, s, ws, ri, groups) : null;
  if (mutual) {
    const date = (event?.date?.value ?? view.datesIn(s).find((d) => /^\d{4}-\d{2}/.test(d.value))?.value ?? null)?.slice(0, 10) ?? null;
    return {
      releasedBy: mutual.second,
      released: [mutual.firstPeople],
      inReturn: mutual.secondPeople,
      inReturnBy: mutual.first,
      date,
      event,
      phase: null,
      counterpart: false,
      planned: event?.modality === 'planned' || (event === null && future),
      ...(mediators.length ? { mediators } : {}),
    };
  }
  // "in return" / "in exchange" without "for" marks this release as the return for another.
  const bareCue = (h: { phrase: string } | null) => h !== null && !h.phrase.endsWith(' for');
  const afterCue = cueAfter && !bareCue(cueAfter) ? qs.filter((q) => q.start >= cueAfter.end && !subset(q)) : [];
  const afterSecond = second ? qs.filter((q) => q.start > second.start && (!cueAfter || q.start < cueAfter.start) && !subset(q)) : [];
  let phase: number | null = null;
  if (!future) for (const h of lx.phase.find(ws)) phase ??= phaseNumberAt(ws, h.i);
  let releasedBy: string | null = null;
  const actor = event?.actor[0];
  if (actor && (!passive || event?.actor.length)) releasedBy = view.party(actor);
  else if (!passive) releasedBy = subjectBefore(view, s, ws, ri);
  const dates = view.datesIn(s).filter((d) => /^\d{4}-\d{2}/.test(d.value));
  const inReturn = afterCue[0] ?? afterSecond[0] ?? null;
  // "agreed to free three hostages on Thursday": the release is still to come.
  const planned = event?.modality === 'planned' || (event === null && future) || (event !== null && event.modality !== 'asserted' && event.modality !== 'reported') || (!passive && futureNear(ws, ri));
  let date = (event?.date?.value ?? dates[0]?.value ?? null)?.slice(0, 10) ?? null;
  const schedule = planned ? releaseDays(view, s, ws, qs.filter((q) => q.start > releaseAt && q.start < stop && !subset(q))) : [];
  if (planned && schedule.length > 0) date = schedule[0]!.date;
  return {
    releasedBy,
    released: groups,
    inReturn: inReturn ? group(inReturn) : null,
    inReturnBy: second ? subjectBefore(view, s, ws, second.i) : null,
    date,
    event,
    phase,
    counterpart: bareCue(cueBefore) || bareCue(cueAfter) || (cueBefore !== null && !cueBefore.phrase.endsWith(' for')),
    planned,
    ...(mediators.length ? { mediators } : {}),
    ...(schedule.length ? { schedule } : {}),
  };
}

/**
 * The days of releases still to come: each count followed closely by its day ("three hostages on
 * Thursday and three more on Saturday"). A weekday is the next one after publication.
 */
function releaseDays(view: DocView, s: SentenceView, ws: readonly Word[], qs: readonly QuantityOut[]): { date: string; count: number }[] {
  const out: { date: string; count: number }[] = [];
  const days = view.datesIn(s).filter((d) => /^\d{4}-\d{2}-\d{2}/.test(d.value));
  qs.forEach((q, k) => {
    const next = qs[k + 1]?.start ?? Infinity;
    const d = days.find((x) => x.start > q.end && x.start < next && wordIndexAt(ws, x.start) - wordIndexAt(ws, q.end) <= 10);
    if (d) out.push({ date: aheadOfPublication(view, d), count: q.value });
  });
  return out;
}

/** Who brokered a release ("in a swap brokered by the United Arab Emirates"), as party keys. */
function exchangeMediators(view: DocView, s: SentenceView, ws: readonly Word[]): string[] {
  const out: string[] = [];
  for (const h of lexicon().mediator.find(ws)) {
    for (const m of listAfter(view, s, ws, h.j, 8, ACTORS)) {
      const p = view.party(m.entity);
      if (!out.includes(p)) out.push(p);
    }
  }
  return out;
}

/**
 * A swap told from both sides at once: "A and B exchanged 300 prisoners, 150 from each side" (or
 * "150 each"). Each side gives back the other's people; the first-named side's people come first.
 * Null unless two parties joined by "and" stand before the verb and the sentence says "each".
 */
function mutualSides(
  view: DocView,
  s: SentenceView,
  ws: readonly Word[],
  ri: number,
  groups: readonly GroupReading[],
): { first: string; second: string; firstPeople: GroupReading; secondPeople: GroupReading } | null {
  const eachAt = ws.findIndex((w, k) => k > ri && (w.norm === 'each' || w.norm === 'apiece' || (w.norm === 'both' && ws[k + 1]?.norm === 'sides')));
  if (eachAt < 0) return null;
  // "150 from each side": a count just before "each" is the share of one side, not a group of its own.
  const near = (g: GroupReading) => {
    const k = wordIndexAt(ws, g.span.end);
    return k <= eachAt && eachAt - k <= 3;
  };
  const share = groups.length > 1 ? groups.find((g) => near(g)) : undefined;
  const rest = groups.filter((g) => g !== share);
  if (rest.length !== 1) return null;
  const total = rest[0]!;
  const before = view.mentionsIn({ start: ws[Math.max(0, ri - 6)]!.start, end: ws[ri]!.start }).filter((m) => ACTORS.has(m.entity.kind) && m.entity.kind !== 'person' && m.form !== 'demonym');
  if (before.length < 2) return null;
  const a = before[before.length - 2]!;
  const b = before[before.length - 1]!;
  if (!/^\s+and\s+$/.test(view.slice(s, a.end, b.start) ?? '')) return null;
  const first = view.party(a.entity);
  const second = view.party(b.entity);
  if (first === second) return null;
  // "150 from each side": the per-side count is stated; else each gives half.
  // "60 detainees apiece": the group itself is one side's share.
  const count = share ? share.count : near(total) || words(total.who ?? '').length + wordIndexAt(ws, total.span.end) >= eachAt - 1 ? total.count : total.count % 2 === 0 ? total.count / 2 : null;
  if (count === null) return null;
  const head = (total.who ?? 'prisoners').replace(/^(?:the|these|those)\s+/i, '');
  const lx = lexicon();
  const of = (code: string): GroupReading => {
    const dem = lx.demonymOf.get(code);
    return { count, approx: total.approx, who: dem && !countriesIn(head).length ? `${dem} ${head}` : head, span: total.span };
  };
  return { first, second, firstPeople: of(first), secondPeople: of(second) };
}

// ---------------------------------------------------------------- captives

/** The status words of a sentence, most specific first, with where they stand; negated ones are left out. */
export function statusWordsIn(view: DocView, ws: readonly Word[], from = 0, to = ws.length): { status: CaptiveStatus | 'declared dead'; at: number; j: number }[] {
  const lx = lexicon();
  const out: { status: CaptiveStatus | 'declared dead'; at: number; j: number }[] = [];
  for (const [status, m] of lx.captiveStatus) {
    for (const h of m.find(ws, from, to)) {
      if (view.negatedAt(ws, h.i)) continue;
      if (out.some((o) => o.at <= h.start && h.start < o.j)) continue;
      out.push({ status, at: h.start, j: h.end });
    }
  }
  return out;
}

const STATUS_ORDER: readonly (CaptiveStatus | 'declared dead')[] = ['declared dead', 'dead', 'rescued', 'released', 'held'];

/** The most specific status among status words. */
export function strongestStatus(found: readonly { status: CaptiveStatus | 'declared dead' }[]): CaptiveStatus | 'declared dead' | null {
  for (const s of STATUS_ORDER) if (found.some((f) => f.status === s)) return s;
  return null;
}

/** Who declared a death: the actor named after "by" following the declaration, as a party key. */
export function declaredBy(view: DocView, s: SentenceView, ws: readonly Word[], after: number): string | null {
  let i = wordIndexAt(ws, after);
  for (let k = 0; i < ws.length && k < 6; i++, k++) {
    if (ws[i]!.norm !== 'by') continue;
    const listed = listAfter(view, s, ws, i + 1, 6, ACTORS);
    if (listed[0]) return view.party(listed[0].entity);
    const codes = countriesIn(clauseAfter(view, s, ws[i]!.end, 4));
    return codes[0] ?? null;
  }
  return null;
}

/** What a sentence says about a counted group of captives ("four hostages were declared dead"). */
export interface GroupCaptiveReading {
  readonly count: number;
  readonly who: string | null;
  readonly nationality: string | null;
  readonly status: CaptiveStatus;
  readonly declaredBy: string | null;
  readonly alive: boolean | null;
  /** The whole group this one is part of ("the 33 hostages" for "eight of the 33 hostages"). */
  readonly ofGroup?: string | null;
}

function aliveOf(status: CaptiveStatus | 'declared dead'): boolean | null {
  if (status === 'dead' || status === 'declared dead') return false;
  if (status === 'released' || status === 'rescued') return true;
  return null;
}

/** True when word i is planned for, not done to, its subject ("meant to be freed", "due to be released"). */
function describedPlan(ws: readonly Word[], i: number): boolean {
  return ws[i - 1]?.norm === 'be' && ws[i - 2]?.norm === 'to';
}

/** The whole a counted part is taken from: "of the 33 hostages" → "the 33 hostages". */
function wholeGroup(view: DocView, s: SentenceView, ws: readonly Word[], ofAt: number): string | null {
  const next = ws[ofAt + 1];
  if (!next || !/^(the|these|those)$/.test(next.norm)) return null;
  return phraseAfter(view, s, next.start);
}

/** The party that states what a sentence says: the source of an attribution whose cue is in the sentence. */
export function reportedBy(view: DocView, s: SentenceView): string | null {
  for (const a of view.extraction.attributions) {
    if (a.cue.start < s.start || a.cue.start >= s.end || !a.source_entity) continue;
    return view.party(a.source_entity);
  }
  return null;
}

/** Reads counted groups of captives with a status from a sentence. */
export function readCaptiveGroups(view: DocView, s: SentenceView): GroupCaptiveReading[] {
  const lx = lexicon();
  const ws = view.words(s);
  if (ws.length === 0 || isFutureSentence(view, s)) return [];
  const out: GroupCaptiveReading[] = [];
  const counted = view.quantitiesIn(s).filter(isCount);
  for (const q of counted) {
    const who = whoOf(view, s, q);
    if (!who || !namesPeople(who) || !lx.captive.test(words(who))) continue;
    const notNoun = (f: { status: string; at: number; j: number }) => !(f.status === 'held' && lx.captive.test(words(view.slice(s, f.at, f.j) ?? '')));
    // What follows the group speaks of it first ("four hostages were freed"); else the whole sentence ("the bodies of four hostages").
    const qi = wordIndexAt(ws, q.start);
    // "the bodies of two hostages": a status noun governing the group wins.
    // "eight of the 33 hostages": the 33 are the whole the eight are taken from, not a group with their own status.
    if (qi >= 3 && ws[qi - 1]!.norm === 'the' && ws[qi - 2]!.norm === 'of' && counted.some((o) => o.end <= ws[qi - 2]!.start && wordIndexAt(ws, o.end) === qi - 2)) continue;
    // "meant to be freed", "due to be released": what is planned for the group is not its status.
    const stated = (f: { at: number }) => !describedPlan(ws, wordIndexAt(ws, f.at));
    let found = qi >= 2 && ws[qi - 1]!.norm === 'of' ? statusWordsIn(view, ws, qi - 2, qi - 1).filter((f) => f.status === 'dead') : [];
    if (found.length === 0) found = statusWordsIn(view, ws, wordIndexAt(ws, q.end)).filter(notNoun).filter(stated);
    if (found.length === 0) found = statusWordsIn(view, ws).filter(notNoun).filter(stated);
    // "are no longer alive": a negated alive word after the group says they are dead.
    const notAlive = lx.alive.find(ws, wordIndexAt(ws, q.end)).find((h) => view.negatedAt(ws, h.i));
    if (notAlive && !found.some((f) => f.status === 'dead' || f.status === 'declared dead')) found = [{ status: 'declared dead', at: notAlive.start, j: notAlive.end }];
    const st = strongestStatus(found);
    if (!st) continue;
    const declared = found.find((f) => f.status === 'declared dead');
    const whole = ws[qi + 1]?.norm === 'of' ? wholeGroup(view, s, ws, qi + 1) : null;
    out.push({
      count: q.value,
      who: whole ? (groupHead(whole)?.replace(/^(?:the|these|those)\s+(?:[\d,]+\s+)?/i, '') ?? who) : who,
      nationality: countriesIn(who)[0] ?? null,
      status: st === 'declared dead' ? 'dead' : st,
      declaredBy: declared ? (declaredBy(view, s, ws, declared.j) ?? reportedBy(view, s)) : null,
      alive: aliveOf(st),
      ...(whole && groupHead(whole) ? { ofGroup: groupHead(whole) } : {}),
    });
  }
  return out;
}

/** What the sentences about one person say about them as a captive. */
export interface NamedCaptiveReading {
  readonly entity: EntityOut;
  readonly statuses: { status: CaptiveStatus; sentence: SentenceView; declaredBy: string | null }[];
  readonly alive: boolean | null;
  readonly lastSeen: string | null;
  readonly age: number | null;
  readonly nationality: string | null;
  readonly heldBy: string | null;
  readonly sentences: SentenceView[];
  /** When a release still to come is expected, as the text says it ("next week"). */
  readonly expectedRelease?: string | null;
}

/** True when an offset of a sentence falls inside quotation marks opened before it in the same sentence. */
export function insideQuotes(sentence: string, offset: number): boolean {
  let curly = 0;
  let straight = 0;
  const end = Math.min(offset, sentence.length);
  for (let i = 0; i < end; i++) {
    const c = sentence.charCodeAt(i);
    if (c === 0x201c) curly++;
    else if (c === 0x201d) curly = Math.max(0, curly - 1);
    else if (c === 0x22) straight ^= 1;
  }
  return curly > 0 || straight === 1;
}

const AGE_RE = /\b(\d{1,3})-year-old\b/;

/**
 * Reads a person as a captive: they are one when a sentence about them uses a captive word
 * (hostage, captivity, abducted, ...) outside names and titles, and they are not a state official.
 * `sentences` are the sentences that mention the person (by name or surname); `known` says the
 * person is already a captive in the picture.
 */
export function readNamedCaptive(view: DocView, e: EntityOut, sentences: readonly SentenceView[], sources: ReadonlySet<string>, known = false): NamedCaptiveReading | null {
  const lx = lexicon();
  if (e.kind !== 'person' || (sources.has(e.id) && !known)) return null;
  // A name starts with a capital; "last living citizen" is a description, not a person's name.
  if (!/^\p{Lu}/u.test(e.name)) return null;
  if ((e.sector && lx.officialSectors.has(e.sector)) || (!known && speaksForOthers(e))) return null;
  // A person already known as a captive from earlier articles is read without a captive word.
  let isCaptive = known;
  let heldBy: string | null = null;
  for (const s of sentences) {
    const ws = view.words(s);
    for (const h of lx.captive.find(ws)) {
      const raw = view.slice(s, h.start, h.end) ?? '';
      // A capitalised captive word mid-sentence belongs to a title or a name ("Hostage Affairs").
      if (/^[A-Z]/.test(raw) && h.i > 0) continue;
      if (view.negatedAt(ws, h.i)) continue;
      // Words inside a quotation are the speaker's, not about the speaker.
      if (insideQuotes(s.text ?? '', h.start - s.start)) continue;
      isCaptive = true;
      if (heldBy === null && (ws[h.i]!.norm === 'captivity')) {
        const prev = view.mentionsIn({ start: ws[Math.max(0, h.i - 3)]!.start, end: h.start }).filter((m) => m.entity.kind !== 'person' && m.entity.kind !== 'place');
        const last = prev[prev.length - 1];
        if (last) heldBy = view.party(last.entity);
      }
    }
  }
  if (!isCaptive) return null;
  const statuses: NamedCaptiveReading['statuses'] = [];
  let alive: boolean | null = null;
  let lastSeen: string | null = null;
  let age: number | null = typeof e.attributes?.['age'] === 'number' ? (e.attributes['age'] as number) : null;
  let nationality: string | null = ownCountry(e);
  let expectedRelease: string | null = null;
  for (const s of sentences) {
    const ws = view.words(s);
    // "would be released next week", "should have been released": not (yet) so.
    const found = statusWordsIn(view, ws).filter((f) => !futureNear(ws, wordIndexAt(ws, f.at)));
    const st = strongestStatus(found);
    if (st) {
      const declared = found.find((f) => f.status === 'declared dead');
      statuses.push({ status: st === 'declared dead' ? 'dead' : st, sentence: s, declaredBy: declared ? declaredBy(view, s, ws, declared.j) : null });
      const a = aliveOf(st);
      if (a !== null) alive = a;
    }
    if (lx.alive.find(ws).some((h) => !view.negatedAt(ws, h.i)) && alive !== false) alive = true;
    // "would be released next week": when the release is expected.
    const due = lx.release.find(ws).find((h) => futureNear(ws, h.i) && !view.negatedAt(ws, h.i));
    if (due) {
      const d = view.datesIn(s).find((x) => x.start >= due.end && wordIndexAt(ws, x.start) - due.j <= 3);
      if (d) expectedRelease = d.text;
    }
    if (lx.proofOfLife.test(ws)) {
      for (const d of view.datesIn(s)) {
        if (!/^\d{4}(-\d{2}){0,2}$/.test(d.value)) continue;
        if (lastSeen === null || d.value > lastSeen) lastSeen = d.value;
      }
    }
    if (age === null && view.mentionsIn(s).filter((m) => m.entity.kind === 'person' && m.entity.id !== e.id).length === 0) {
      const q = view.quantitiesIn(s).find((x) => x.kind === 'age');
      const m = q ? null : AGE_RE.exec(s.text ?? '');
      age = q ? q.value : m ? Number(m[1]) : null;
    }
    if (nationality === null) {
      for (let i = 0; i < ws.length; i++) {
        if (!lx.nationalityHeads.has(ws[i]!.norm)) continue;
        const codes = countriesIn(view.slice(s, ws[Math.max(0, i - 3)]!.start, ws[i]!.start));
        if (codes.length > 0) {
          nationality = codes[codes.length - 1]!;
          break;
        }
      }
    }
  }
  return { entity: e, statuses, alive, lastSeen, age, nationality, heldBy, sentences: [...sentences], expectedRelease };
}

/** A person a release sentence speaks of: freed, or still held when the release is denied or still to come. */
export interface ReleasedPersonReading {
  readonly entity: EntityOut;
  readonly status: 'released' | 'held' | 'dead';
  readonly age: number | null;
  /** Nationality read from the apposition ("X, an American teacher"), when the entity has none. */
  readonly nationality: string | null;
}

/**
 * Reads the people named as released in a sentence: after an active release verb ("X handed A
 * and B to ...") or before a passive one ("A, 29, was freed"). A release that is negated or
 * still to come ("failing to free A", "A would be released") leaves them held.
 */
export function readReleasedPersons(view: DocView, s: SentenceView, speakers: ReadonlySet<string>): ReleasedPersonReading[] {
  const lx = lexicon();
  const ws = view.words(s);
  if (ws.length === 0) return [];
  const hits = lx.release.find(ws);
  if (hits.length === 0) return [];
  const persons = view
    .mentionsIn(s)
    .filter((m) => m.entity.kind === 'person' && /^\p{Lu}/u.test(m.text) && !(m.entity.sector && lx.officialSectors.has(m.entity.sector)))
    // "Siegel's wife was freed": a possessor is not who was freed.
    .filter((m) => !/['’]s?$/.test(m.text) && !/^['’]s?\b/.test(view.slice(s, m.end, Math.min(s.end, m.end + 2)) ?? ''));
  if (persons.length === 0) return [];
  // Whoever does the releasing is not released.
  const actors = new Set(s.events.filter((e) => e.type === 'RETREAT').flatMap((e) => e.actor.map((a) => a.id)));
  const out = new Map<string, ReleasedPersonReading>();
  const ofRemains = lx.remains.find(ws).some((h) => !view.negatedAt(ws, h.i));
  for (const h of hits) {
    const undone = view.negatedAt(ws, h.i) || futureNear(ws, h.i);
    // A passive needs a participle: "were freed", not "are to free".
    const passive = ws[h.i]!.norm.endsWith('ed') && [ws[h.i - 1], ws[h.i - 2]].some((w) => w !== undefined && PASSIVE_AUX.has(w.norm));
    const next = hits.find((x) => x.start > h.start);
    let lastObjectEnd = -1;
    for (const m of persons) {
      if (actors.has(m.entity.id)) continue;
      const mi0 = wordIndexAt(ws, m.start);
      const gapWords = mi0 - h.j;
      // "from Ofer prison", "to the Red Cross": a place or a receiver, not who was freed.
      const prep = mi0 > 0 && OBJECT_BLOCKERS.has(ws[mi0 - 1]!.norm) && !(ws[mi0 - 1]!.norm === 'of' && mi0 > 1 && lx.remains.test(ws, mi0 - 2, mi0 - 1));
      // A name continuing a list of freed people ("A, 24, B, 28, and C") is freed too.
      const listed = lastObjectEnd >= 0 && /^(?:[\s,;:]|\d{1,3}|and|or)*$/.test(view.slice(s, lastObjectEnd, m.start) ?? 'x');
      const object = m.start > h.end && (!next || m.start < next.start) && (gapWords <= 25 || listed) && !prep && (!speakers.has(m.entity.id) || gapWords <= 2);
      if (object) lastObjectEnd = m.end;
      // The subject of a passive is in the same clause: a speaker ("X told reporters that ... were returned") is not it.
      const between = words(view.slice(s, m.end, h.start) ?? '');
      const subject =
        passive &&
        m.end <= h.start &&
        between.length <= 25 &&
        (!speakers.has(m.entity.id) || between.length <= 2) &&
        !between.some((w) => CLAUSE_BREAK.has(w.norm));
      if (!object && !subject) continue;
      const prev = out.get(m.entity.id);
      // "the bodies of A and B were handed over": they are dead.
      const mi = wordIndexAt(ws, m.start);
      const remains = mi >= 2 && ws[mi - 1]!.norm === 'of' && lx.captiveStatus[1]![1].test(ws, mi - 2, mi - 1);
      const status = remains || (ofRemains && !undone) ? 'dead' : undone ? 'held' : 'released';
      if (prev && prev.status !== 'held') continue;
      const tail = view.slice(s, m.end, Math.min(s.end, m.end + 50)) ?? '';
      const age = /^(?:-\p{Lu}\p{L}+)?,\s*(?:(\d{1,3})\b|(?:an?|the)\s+(\d{1,3})-year-old)/u.exec(tail)?.slice(1).find((x) => x !== undefined) ?? null;
      const appositive = /^(?:-\p{Lu}\p{L}+)?,\s*(?:an?|the)\s+([^,]{0,40})/u.exec(tail)?.[1] ?? null;
      // A hyphenated surname the entity lost ("Dekel" + "-Chen").
      const more = /^-\p{Lu}\p{L}+/u.exec(tail)?.[0] ?? '';
      const entity = more && m.text === m.entity.name ? { ...m.entity, name: m.entity.name + more } : m.entity;
      out.set(m.entity.id, { entity, status, age: age === null ? null : Number(age), nationality: countriesIn(appositive)[0] ?? null });
    }
  }
  return [...out.values()];
}

/**
 * The people a news story names right after a done release of a counted group ("X freed three
 * hostages. ... A, 29, and B, an 80-year-old farmer, were led to ..."): the persons standing
 * first in a following sentence, in subject position (not after a preposition, not a possessor),
 * who are neither speakers nor officials. The caller bounds how many may be taken.
 */
export function readPeopleNamedAfterRelease(view: DocView, s: SentenceView, speakers: ReadonlySet<string>): ReleasedPersonReading[] {
  const lx = lexicon();
  const ws = view.words(s);
  if (ws.length === 0) return [];
  // "Among the captives is A, still held in ...": a sentence telling another status is not about the freed.
  const other = statusWordsIn(view, ws).some((f) => f.status !== 'released' && !lx.captive.test(words(view.slice(s, f.at, f.j) ?? '')));
  if (other) return [];
  const out: ReleasedPersonReading[] = [];
  for (const m of view.mentionsIn(s)) {
    const e = m.entity;
    if (e.kind !== 'person' || m.form !== 'name' || !/^\p{Lu}/u.test(m.text)) continue;
    if (speakers.has(e.id) || (e.sector && lx.officialSectors.has(e.sector)) || speaksForOthers(e)) continue;
    const mi = wordIndexAt(ws, m.start);
    if (mi > 12) break;
    if (mi > 0 && OBJECT_BLOCKERS.has(ws[mi - 1]!.norm)) continue;
    const tail = view.slice(s, m.end, Math.min(s.end, m.end + 50)) ?? '';
    if (/^['’]s?\b/.test(tail)) continue;
    if (out.some((o) => o.entity.id === e.id)) continue;
    const age = /^,\s*(?:(\d{1,3})\b|(?:an?|the)\s+(\d{1,3})-year-old)/u.exec(tail)?.slice(1).find((x) => x !== undefined) ?? null;
    const appositive = /^,\s*(?:an?|the)\s+([^,]{0,40})/u.exec(tail)?.[1] ?? null;
    out.push({ entity: e, status: 'released', age: age === null ? null : Number(age), nationality: countriesIn(appositive)[0] ?? null });
  }
  return out;
}

/**
 * The people whose remains were handed back but proved to be someone else's: "remains returned
 * as those of A belonged to another woman", "the body said to be A's was not hers". Names of
 * persons after "as those of" / "said to be" in a sentence with a remains word and a mismatch cue.
 */
export function readMisidentifiedRemains(view: DocView, s: SentenceView): string[] {
  const lx = lexicon();
  const ws = view.words(s);
  if (ws.length === 0 || !lx.remains.test(ws)) return [];
  const text = s.text ?? '';
  if (!/\b(?:belong(?:ed|s)? to (?:an?|another|someone)|(?:was|were|is|are) not (?:hers|his|theirs|h[ie]r|them)|(?:wrong|another person's) (?:body|remains))\b/i.test(text)) return [];
  const out: string[] = [];
  for (let i = 0; i + 2 < ws.length; i++) {
    const as = ws[i]!.norm === 'as' && /^(those|that)$/.test(ws[i + 1]!.norm) && ws[i + 2]!.norm === 'of';
    const said = ws[i]!.norm === 'said' && ws[i + 1]!.norm === 'to' && ws[i + 2]!.norm === 'be';
    if (!as && !said) continue;
    const m = view.mentionsIn({ start: ws[i + 2]!.end, end: ws[Math.min(ws.length - 1, i + 6)]!.end }).find((x) => x.entity.kind === 'person');
    if (m) out.push(m.entity.name);
  }
  return out;
}

/** A person's own country: not one the entity stage guessed from the sentence around the name. */
export function ownCountry(e: { country: string | null; attributes?: Record<string, unknown> | undefined }): string | null {
  return e.attributes?.['countryFrom'] === 'sentence' ? null : e.country;
}

const SPOKES_RE = /\b(?:spokes(?:man|woman|person)|official|minister|envoy|negotiator|mediator|ambassador|commissioner|president|prime minister)\b/i;

/** A spokesman, official or envoy speaks for a side: not a captive unless described as held. */
export function speaksForOthers(e: { role?: string | null }): boolean {
  return typeof e.role === 'string' && SPOKES_RE.test(e.role);
}
