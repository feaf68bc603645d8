import type { EventOut } from '../output/schema.js';
import { DocView, type SentenceView } from './doc-view.js';
import type { SituationInput } from './inputs.js';
import { lexicon, words } from './lexicon.js';
import { countriesIn, isNegotiationEvent, mentionsTalks, type NegotiationReading, readNegotiation, unique } from './read.js';
import {
  type AgreementReading,
  type ExchangeReading,
  type GroupCaptiveReading,
  type NamedCaptiveReading,
  readAgreement,
  readCaptiveGroups,
  readExchange,
  insideQuotes,
  readNamedCaptive,
  readReleasedPersons,
  readPeopleNamedAfterRelease,
  groupHead,
  ownCountry,
  readMisidentifiedRemains,
  type ReleasedPersonReading,
} from './read-items.js';
import type { Agreement, Captive, CaptiveStatus, Exchange, Negotiation, Situation, SourceRef, StatusChange } from './schema.js';
import { addUnique, compareDates, normName, stableId } from './util.js';

function change(view: DocView, s: SentenceView | null, status: string, from: string | null): StatusChange {
  return {
    status,
    from,
    document: view.ref.id,
    published: view.ref.published,
    url: view.ref.url ?? null,
    sentence: s ? { start: s.start, end: s.end } : null,
  };
}

const sourceKeys = new WeakMap<SourceRef[], Set<string>>();

/** Adds a source link once per (document, sentence); constant time per call. */
function addSource(list: SourceRef[], src: SourceRef): void {
  let keys = sourceKeys.get(list);
  if (!keys) sourceKeys.set(list, (keys = new Set(list.map((x) => `${x.document}\u0000${x.sentence.start}`))));
  const k = `${src.document}\u0000${src.sentence.start}`;
  if (keys.has(k)) return;
  keys.add(k);
  list.push(src);
}

function seen(item: { first_seen: string | null; last_seen?: string | null }, published: string | null): void {
  if (!published) return;
  if (item.first_seen === null || published < item.first_seen) item.first_seen = published;
  if ('last_seen' in item && (item.last_seen === null || item.last_seen === undefined || published > item.last_seen)) item.last_seen = published;
}

/** A stand-in event for sentences read without one: no participants, no status. */
const NO_EVENT: EventOut = {
  id: '',
  type: 'CONSULT',
  mode: null,
  cameo: null,
  actor: [],
  recipient: [],
  location: null,
  date: null,
  quantities: [],
  modality: 'potential',
  in_quote: false,
  attribution: null,
  trigger: { text: '', start: 0, end: 0 },
  sentence: { start: 0, end: 0 },
};

/** Spans of time that talks can fill ("after weeks of talks"). */
const DURATIONS: ReadonlySet<string> = new Set(['days', 'weeks', 'months', 'years', 'rounds', 'hours']);

/**
 * Talks stated in a sentence the event stage coded no event for: "A Hamas delegation is due in
 * Cairo for talks with Egyptian officials" — a subject actor, a talks noun, "with" a counterpart.
 * Returns a stand-in event (planned when the talks are still to come), or null.
 */
export function talksStated(view: DocView, s: SentenceView): EventOut | null {
  const lx = lexicon();
  const ws = view.words(s);
  if (ws.some((w) => w.norm === 'could' || w.norm === 'might' || w.norm === 'may' || w.norm === 'if')) return null;
  for (const h of lx.negotiation.find(ws)) {
    if (view.negatedAt(ws, h.i) || insideQuotes(s.text ?? '', h.start - s.start)) continue;
    // "X and Y agreed ... after weeks of talks": the agreement's sides talked.
    const agree = s.events.find((e) => e.type === 'AGREE' && (e.modality === 'asserted' || e.modality === 'reported') && e.actor.length > 0);
    if (agree && ws[h.i - 1]?.norm === 'of' && DURATIONS.has(ws[h.i - 2]?.norm ?? '')) {
      return {
        ...NO_EVENT,
        id: `talks@${h.start}`,
        actor: agree.actor,
        modality: 'reported',
        trigger: { text: view.slice(s, h.start, h.end) ?? '', start: h.start, end: h.end },
        sentence: { start: s.start, end: s.end, text: s.text ?? undefined },
      };
    }
    if (ws[h.j]?.norm !== 'with') continue;
    const subject = view
      .mentionsIn({ start: s.start, end: h.start })
      .filter((m) => m.entity.kind === 'organization' || m.entity.kind === 'country' || m.entity.kind === 'group')
      .filter((m) => /^\p{Lu}/u.test(m.entity.name) && m.entity.sector !== 'CVL');
    const first = subject[0];
    if (!first) continue;
    const ref = { id: first.entity.id, name: first.entity.name, country: first.entity.country, sector: first.entity.sector };
    return {
      ...NO_EVENT,
      id: `talks@${h.start}`,
      actor: [ref],
      modality: lx.future.test(ws) ? 'planned' : 'reported',
      trigger: { text: view.slice(s, h.start, h.end) ?? '', start: h.start, end: h.end },
      sentence: { start: s.start, end: s.end, text: s.text ?? undefined },
    };
  }
  return null;
}

// ---------------------------------------------------------------- belligerents

/**
 * The two sides of the conflict the documents are about: the most frequent actor/recipient pair
 * of hostile events (assaults, coercion, threats); failing that, the captor and the captives'
 * country of a release; failing that, the sides of a ceasefire event.
 */
export function findBelligerents(views: readonly DocView[]): string[] {
  const lx = lexicon();
  const pairs = new Map<string, number>();
  const bump = (a: string, b: string, w: number) => {
    if (a === b) return;
    const k = [a, b].sort().join('\u0000');
    pairs.set(k, (pairs.get(k) ?? 0) + w);
  };
  for (const v of views) {
    // Civilians and unnamed descriptions ("people", "hostages") are victims, not sides.
    const side = (x: { id: string; name: string; sector: string | null }) => /^\p{Lu}/u.test(x.name) && x.sector !== 'CVL' && v.entity(x.id)?.kind !== 'place';
    for (const e0 of v.extraction.events) {
      if (e0.modality === 'negated' || e0.modality === 'potential') continue;
      const e = { ...e0, actor: e0.actor.filter(side), recipient: e0.recipient.filter(side) };
      if (lx.hostilityTypes.has(e.type)) {
        for (const a of e.actor) for (const r of e.recipient) bump(v.party(a), v.party(r), 3);
      } else if (e.type !== 'RETREAT' && [...e.actor, ...e.recipient].some((x) => x.sector === 'REB')) {
        // Any dealing between an armed group and someone else is weak evidence of who the sides are.
        for (const a of e.actor) for (const r of e.recipient) bump(v.party(a), v.party(r), 1);
      } else if (e.type === 'RETREAT' && e.mode === 'ceasefire') {
        const ps = unique([...e.actor, ...e.recipient].map((r) => v.party(r)));
        for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) bump(ps[i]!, ps[j]!, 2);
      }
    }
    for (const s of v.sentences) {
      if (!s.events.some((e) => e.type === 'RETREAT') && s.text === null) continue;
      const x = s.text === null && s.events.length === 0 ? null : readExchange(v, s);
      if (!x?.releasedBy) continue;
      for (const g of x.released) for (const c of countriesIn(g.who)) bump(x.releasedBy, c, 1);
    }
  }
  let best: string | null = null;
  let n = 0;
  for (const [k, c] of pairs) if (c > n) [best, n] = [k, c];
  if (!best) return [];
  // A territory fighting a state is usually an armed group based there: "PSE" → the group the documents name most.
  const armed = new Map<string, Map<string, number>>();
  for (const v of views) {
    for (const e of v.entities) {
      if (e.sector !== 'REB' || !e.country) continue;
      const byName = armed.get(e.country) ?? new Map<string, number>();
      byName.set(e.name, (byName.get(e.name) ?? 0) + e.mentions.length);
      armed.set(e.country, byName);
    }
  }
  const sides = best.split('\u0000');
  return sides.map((side) => {
    const groups = armed.get(side);
    if (!groups) return side;
    let name = side;
    let most = 0;
    for (const [g, c] of groups) if (c > most && !sides.includes(g)) [name, most] = [g, c];
    return name;
  });
}

// ---------------------------------------------------------------- negotiations

interface NegWork {
  readonly item: Negotiation;
  whereFromEvent: boolean;
  subjectFromCue: boolean;
  readonly conflictEnd: boolean;
  readonly perDoc: Map<string, { mentions: number; statuses: Set<string>; firstSentence: SentenceView }>;
  touched: number;
}

class Negotiations {
  readonly list: NegWork[] = [];
  private readonly byKey = new Map<string, NegWork>();
  private clock = 0;

  constructor(private readonly belligerents: readonly string[]) {}

  private key(parties: readonly string[], channel: string): string {
    return `${[...parties].sort().join('|')}#${channel}`;
  }

  add(view: DocView, s: SentenceView, e: EventOut, r: NegotiationReading): void {
    let parties = r.parties;
    let involved: string[] = [];
    // A ceasefire negotiated through intermediaries is between the warring sides; others named are brokers or sponsors.
    if (r.channel === 'mediated' && r.subjectIsConflictEnd && this.belligerents.length >= 2) {
      involved = parties.filter((p) => !this.belligerents.includes(p));
      parties = [...this.belligerents];
    }
    // One side of the conflict talking about conflict matters (a truce, a phase, hostages) talks with the other side.
    if (parties.length === 1 && this.belligerents.length === 2 && this.belligerents.includes(parties[0]!) && r.subject !== null) {
      parties = [...this.belligerents];
    }
    if (e.modality === 'negated') {
      const ws = view.words(s);
      // "X has not yet sent a delegation to negotiate": talks not started.
      const notYet = ws.some((w) => w.norm === 'yet');
      const known = parties.length >= 2 ? this.byKey.get(this.key(parties, r.channel)) : undefined;
      if (notYet && !known && parties.length >= 2) {
        const w = this.create(view, s, parties, r);
        this.absorb(w, view, s, e, { ...r, statusWord: null }, involved);
        w.perDoc.get(view.ref.id)!.statuses.add('not started');
        return;
      }
      // A denial disputes talks in view; "X has yet to comment on the talks" is silence, not a denial.
      const ti = ws.findIndex((w) => w.start >= e.trigger.start);
      const denial = ws.some((w) => /^(den(y|ies|ied)|reject(s|ed)?)$/.test(w.norm)) || (ti >= 0 && view.negatedAt(ws, ti));
      if (denial) this.deny(view, s, { ...r, parties });
      return;
    }
    let target: NegWork | null = null;
    if (parties.length >= 2) target = this.byKey.get(this.key(parties, r.channel)) ?? null;
    if (!target && (parties.length < 2 || e.modality === 'potential')) target = this.anaphor(view, parties, r);
    if (!target) {
      if (e.modality === 'potential' || parties.length === 0) return;
      if (parties.length < 2 && this.list.some((w) => w.perDoc.has(view.ref.id))) return;
      target = this.create(view, s, parties, r);
    }
    this.absorb(target, view, s, e, r, involved);
  }

  /** A denial of talks marks the negotiation it names (or refers to) as disputed; it never creates one. */
  private deny(view: DocView, s: SentenceView, r: NegotiationReading): void {
    const byParties = r.parties.length >= 2 ? (this.byKey.get(this.key(r.parties, r.channel)) ?? null) : null;
    const target = byParties ?? (r.parties.length > 0 ? this.anaphor(view, r.parties, r) : null);
    if (!target) return;
    target.item.disputed = true;
    addSource(target.item.denials, view.source(s));
  }

  /**
   * Adds what a sentence without a talks event says about talks of this document ("The
   * discussions, led by X, took place in Y"): lead, place, mediators and a source; never status.
   */
  addDetails(view: DocView, s: SentenceView, r: NegotiationReading): void {
    if (!this.list.some((w) => w.perDoc.has(view.ref.id))) return;
    const target = this.anaphor(view, r.parties, r);
    if (!target || !target.perDoc.has(view.ref.id)) return;
    this.absorb(target, view, s, NO_EVENT, { ...r, statusWord: null }, []);
  }

  /** The negotiation a mention with fewer than two parties ("the talks") refers to. */
  private anaphor(view: DocView, parties: readonly string[], r: NegotiationReading): NegWork | null {
    let best: NegWork | null = null;
    let bestScore = -1;
    for (const w of this.list) {
      const here = w.perDoc.get(view.ref.id);
      const everyone = [...w.item.parties, ...w.item.involved, ...w.item.mediators];
      let score = 0;
      if (parties.length > 0) {
        if (!parties.some((p) => everyone.includes(p))) continue;
        score += 2;
      }
      if (r.subject !== null && r.subjectIsConflictEnd === w.conflictEnd) score += 2;
      if (r.mediators.length > 0 && r.mediators.some((m) => w.item.mediators.includes(m))) score += 2;
      if (here) score += 1;
      const tie = (here?.mentions ?? 0) * 1e6 + w.touched;
      const bestTie = best ? (best.perDoc.get(view.ref.id)?.mentions ?? 0) * 1e6 + best.touched : -1;
      if (score > bestScore || (score === bestScore && tie > bestTie)) {
        best = w;
        bestScore = score;
      }
    }
    if (best && parties.length === 0 && !best.perDoc.has(view.ref.id)) return null;
    return best;
  }

  private create(view: DocView, s: SentenceView, parties: readonly string[], r: NegotiationReading): NegWork {
    const item: Negotiation = {
      id: stableId('neg', view.ref.id, String(s.start), [...parties].sort().join('|'), r.channel),
      parties: [...parties],
      channel: r.channel,
      mediators: [],
      involved: [],
      where: null,
      led_by: null,
      leads: [],
      status: 'reported',
      disputed: false,
      denials: [],
      subject: null,
      first_seen: null,
      last_seen: null,
      history: [],
      sources: [],
    };
    const w: NegWork = { item, whereFromEvent: false, subjectFromCue: false, conflictEnd: r.subjectIsConflictEnd, perDoc: new Map(), touched: 0 };
    this.list.push(w);
    this.byKey.set(this.key(parties, r.channel), w);
    return w;
  }

  private absorb(w: NegWork, view: DocView, s: SentenceView, e: EventOut, r: NegotiationReading, involved: readonly string[]): void {
    const it = w.item;
    w.touched = ++this.clock;
    addUnique(it.mediators, r.mediators.filter((m) => !it.parties.includes(m)));
    // Mediators named later make talks between the warring sides mediated.
    if (it.mediators.length > 0 && it.channel === 'direct' && this.belligerents.length === 2 && this.belligerents.every((b) => it.parties.includes(b))) it.channel = 'mediated';
    addUnique(it.involved, [...involved, ...r.parties].filter((p) => !it.parties.includes(p) && !it.mediators.includes(p)));
    if (r.where !== null && (it.where === null || (!w.whereFromEvent && r.whereFromEvent))) {
      it.where = r.where;
      w.whereFromEvent = r.whereFromEvent;
    }
    if (r.lead) {
      addUnique(it.leads, [r.lead], (l) => l.name);
      it.led_by ??= r.lead.name;
    }
    // A clause after a cue ("to secure ...") beats subject words picked from a later sentence.
    if (r.subject && (it.subject === null || (!w.subjectFromCue && r.subjectFromCue))) {
      it.subject = r.subject;
      w.subjectFromCue = r.subjectFromCue;
    }
    addSource(it.sources, view.source(s));
    seen(it, view.ref.published);
    let doc = w.perDoc.get(view.ref.id);
    if (!doc) w.perDoc.set(view.ref.id, (doc = { mentions: 0, statuses: new Set(), firstSentence: s }));
    doc.mentions++;
    if (r.statusWord) doc.statuses.add(r.statusWord);
    else if (e.modality === 'reported') doc.statuses.add('reported');
    else if (e.modality === 'asserted') doc.statuses.add('confirmed');
    else if (e.modality === 'planned') doc.statuses.add('planned');
  }

  /** Applies what one document said to each negotiation's status (the most hedged statement of the document wins). */
  endDocument(view: DocView): void {
    for (const w of this.list) {
      const doc = w.perDoc.get(view.ref.id);
      if (!doc) continue;
      const st = doc.statuses;
      const said = (['stalled', 'concluded', 'reported', 'confirmed', 'not started', 'planned'] as const).find((x) => st.has(x)) ?? null;
      const it = w.item;
      if (it.history.length === 0) {
        it.status = said === null ? 'reported' : (said as Negotiation['status']);
        it.history.push(change(view, doc.firstSentence, it.status, null));
        continue;
      }
      if (said === null || said === it.status) continue;
      // Later articles: a stall or a conclusion always shows; talks that were only planned or not started become reported/confirmed.
      const early = it.status === 'planned' || it.status === 'not started';
      const next: Negotiation['status'] | null =
        said === 'stalled' || said === 'concluded' || said === 'confirmed'
          ? said
          : said === 'reported' && early
            ? 'reported'
            : null;
      if (next && next !== it.status) {
        it.history.push(change(view, doc.firstSentence, next, it.status));
        it.status = next;
      }
    }
  }
}

// ---------------------------------------------------------------- agreements

const SEVERITY: Record<Agreement['status'], number> = { proposed: 0, in_force: 0, disputed: 1, 'at risk': 2, stalled: 3, ended: 4 };

interface AgrWork {
  readonly item: Agreement;
  statusDoc?: string;
  kind: AgreementReading['kind'];
  nextFrom: string | null;
}

class Agreements {
  readonly list: AgrWork[] = [];

  constructor(private readonly belligerents: readonly string[]) {}

  /** Releases still to come, added to the one agreement in view (dropping days already past). */
  schedule(items: readonly { date: string; count: number }[]): void {
    const w = this.list.length === 1 ? this.list[0]! : (this.list.find((x) => x.kind === 'truce') ?? null);
    if (!w) return;
    const list = (w.item.schedule ??= []);
    for (const it of items) {
      const same = list.find((x) => x.date === it.date);
      if (same) same.count = it.count;
      else list.push({ ...it });
    }
    list.sort((a, b) => a.date.localeCompare(b.date));
  }

  add(view: DocView, s: SentenceView, r: AgreementReading): void {
    const creates = r.kind !== null && (r.inForce || r.knownPhases.length > 0 || Boolean(r.announced) || Boolean(r.starts));
    let w = this.list.find((x) => x.kind === r.kind) ?? (this.list.length === 1 ? this.list[0]! : null);
    if (!w) {
      if (!creates) return;
      const parties =
        r.kind === 'truce' && this.belligerents.length >= 2
          ? [...this.belligerents]
          : unique(
              [...(r.fromEvent?.actor ?? []), ...(r.fromEvent?.recipient ?? [])]
                .filter((x) => /^\p{Lu}/u.test(x.name) && x.sector !== 'CVL' && view.entity(x.id)?.kind !== 'place')
                .map((x) => view.party(x)),
            );
      w = {
        kind: r.kind,
        nextFrom: null,
        item: {
          id: stableId('agr', view.ref.id, String(s.start), r.kind),
          name: r.name,
          parties,
          phases: [],
          in_force_since: null,
          status: 'proposed',
          phase: null,
          next: [],
          first_seen: null,
          last_seen: null,
          sources: [],
        },
      };
      this.list.push(w);
    }
    const it = w.item;
    // A deal that turns out to stop the fighting is the ceasefire.
    if (r.kind === 'truce' && w.kind !== 'truce') {
      w.kind = 'truce';
      it.name = r.name;
    }
    if (r.inForceSince && (it.in_force_since === null || r.inForceSince < it.in_force_since)) it.in_force_since = r.inForceSince;
    if (r.announced) it.announced ??= r.announced;
    if (r.starts && !it.in_force_since) it.starts = r.starts;
    if (r.phaseLengthDays) it.phase_length_days ??= r.phaseLengthDays;
    if (r.nextReleaseDue && (!it.next_release_due || r.nextReleaseDue > it.next_release_due)) it.next_release_due = r.nextReleaseDue;
    if (r.postponedBy) it.postponed_by = r.postponedBy;
    if (r.phaseEnded && r.phaseEnded.date && (it.phase === null || r.phaseEnded.phase >= it.phase)) it.phase_ended = r.phaseEnded.date;
    if (r.ended) it.status = 'ended';
    else if (r.trouble) {
      // The latest article's trouble replaces an older picture; within one article the worst counts.
      if (w.statusDoc !== view.ref.id || SEVERITY[r.trouble] > SEVERITY[it.status]) it.status = r.trouble;
      w.statusDoc = view.ref.id;
    } else if ((r.inForce || r.inForceSince) && (w.statusDoc !== view.ref.id || it.status === 'proposed')) {
      it.status = 'in_force';
      w.statusDoc = view.ref.id;
    }
    for (const p of [...r.knownPhases, ...r.currentPhases]) if (!it.phases.includes(p)) it.phases.push(p);
    it.phases.sort((a, b) => a - b);
    if (r.currentPhases.length > 0) it.phase = Math.max(it.phase ?? 0, ...r.currentPhases);
    else if (r.nextPhases.length > 0) {
      const guess = Math.min(...r.nextPhases) - 1;
      if (guess >= 1 && (it.phase === null || guess > it.phase)) it.phase = guess;
      if (guess >= 1 && !it.phases.includes(guess)) it.phases.unshift(guess);
    }
    if (it.phase === null && it.status === 'in_force' && r.nextPhases.length === 0 && r.currentPhases.length === 0 && it.phases.length === 0) {
      // In force with no phase named yet: nothing to say about phases.
    }
    if (r.next.length > 0) {
      // The latest document's view of what comes next replaces an older one.
      if (w.nextFrom !== view.ref.id) it.next = [];
      w.nextFrom = view.ref.id;
      addUnique(it.next, r.next);
    }
    addSource(it.sources, view.source(s));
    seen(it, view.ref.published);
  }
}

// ---------------------------------------------------------------- exchanges and captives

/** Two releases of one document read as one exchange: what one side released and what the other gave. */
export function pairReleases(readings: readonly { s: SentenceView; x: ExchangeReading }[], belligerents: readonly string[]): { sentences: SentenceView[]; x: ExchangeReading }[] {
  const lx = lexicon();
  const captiveWords = (x: ExchangeReading) => x.released.some((g) => g.who !== null && lx.captive.test(words(g.who)));
  const other = (side: string | null) => (side && belligerents.length === 2 && belligerents.includes(side) ? belligerents.find((b) => b !== side)! : null);
  const out: { sentences: SentenceView[]; x: ExchangeReading }[] = [];
  let open: { sentences: SentenceView[]; x: ExchangeReading } | null = null;
  for (const { s, x } of readings) {
    if (x.inReturn) {
      out.push({ sentences: [s], x: { ...x, releasedBy: x.releasedBy ?? other(x.inReturnBy) } });
      open = null;
      continue;
    }
    const opposite = open !== null && x.releasedBy !== null && open.x.releasedBy !== null && x.releasedBy !== open.x.releasedBy;
    // A done release may be paid back by one still to come ("the United States would release X as part of the arrangement").
    const laterReturn = open !== null && !open.x.planned && x.planned && opposite;
    if (open && (open.x.planned === x.planned || laterReturn) && (x.counterpart || opposite)) {
      const swap = !x.counterpart && captiveWords(x) && !captiveWords(open.x);
      const [main, back] = swap ? [x, open.x] : [open.x, x];
      open.sentences.push(s);
      open.x = {
        ...main,
        releasedBy: main.releasedBy ?? other(back.releasedBy),
        inReturn: back.released[0]!,
        inReturnPlanned: back.planned && !main.planned,
        inReturnBy: back.releasedBy,
        date: main.date ?? back.date,
        phase: main.phase ?? back.phase,
      };
      open = null;
      continue;
    }
    const sameSide = open !== null && (x.releasedBy === null || open.x.releasedBy === null || x.releasedBy === open.x.releasedBy);
    if (open && sameSide && !x.counterpart && x.planned === open.x.planned && !open.x.inReturn) {
      // The same release told again in more detail ("3 hostages were freed … Hamas handed A and B to …").
      const counted = (r: ExchangeReading) => r.released.some((g) => g.count > 1 || !/^\p{Lu}/u.test(g.who ?? ''));
      open.sentences.push(s);
      open.x = {
        ...open.x,
        releasedBy: open.x.releasedBy ?? x.releasedBy,
        released: counted(open.x) || !counted(x) ? open.x.released : x.released,
        date: open.x.date ?? x.date,
      };
      continue;
    }
    open = { sentences: [s], x };
    out.push(open);
  }
  return out;
}

class Exchanges {
  readonly list: Exchange[] = [];
  private readonly byKey = new Map<string, Exchange>();

  /** An exchange of this document whose return is this group: same count, same nationality. */
  private otherSideOf(view: DocView, g: { count: number; who: string | null }): Exchange | null {
    const nat = countriesIn(g.who)[0];
    if (!nat) return null;
    return (this.byDoc.get(view.ref.id) ?? []).find((x) => x.in_return !== null && x.in_return.count === g.count && countriesIn(x.in_return.who)[0] === nat) ?? null;
  }

  /** Exchanges read in each document (to find the other side of a swap told again without a scan of all). */
  private readonly byDoc = new Map<string, Exchange[]>();

  add(view: DocView, sentences: readonly SentenceView[], r: ExchangeReading): Exchange {
    const counts = r.released.map((g) => g.count).sort((a, b) => a - b).join(',');
    // Named people released one each are told apart by their names.
    const names = r.released.filter((g) => g.count === 1 && /^\p{Lu}/u.test(g.who ?? '')).map((g) => normName(g.who!)).sort().join(',');
    const key = `${r.releasedBy ?? ''}|${counts}|${r.planned}|${names}`;
    const existing = this.byKey.get(key);
    // "150 Russian servicemen had been returned": the other side of a swap already read in this article, told again.
    const other = r.released.length === 1 && !r.inReturn ? this.otherSideOf(view, r.released[0]!) : null;
    if (other) {
      for (const s of sentences) addSource(other.sources, view.source(s));
      other.in_return = { ...other.in_return!, who: r.released[0]!.who ?? other.in_return!.who };
      return other;
    }
    if (existing && (existing.date === null || r.date === null || existing.date === r.date)) {
      for (const s of sentences) addSource(existing.sources, view.source(s));
      existing.date ??= r.date;
      return existing;
    }
    const x: Exchange = {
      id: stableId('exc', view.ref.id, String(sentences[0]!.start), r.releasedBy ?? '', counts),
      released_by: r.releasedBy,
      released: r.released.map((g) => ({ count: g.count, approx: g.approx, who: g.who })),
      in_return: r.inReturn
        ? { count: r.inReturn.count, approx: r.inReturn.approx, who: r.inReturn.who, ...(r.inReturnPlanned ? { status: 'planned' as const } : {}) }
        : null,
      planned: r.planned,
      phase: r.phase,
      ...(r.mediators?.length ? { mediators: [...r.mediators] } : {}),
      date: r.date,
      first_seen: view.ref.published,
      sources: [],
    };
    for (const s of sentences) addSource(x.sources, view.source(s));
    this.byKey.set(key, x);
    this.list.push(x);
    const mine = this.byDoc.get(view.ref.id);
    if (mine) mine.push(x);
    else this.byDoc.set(view.ref.id, [x]);
    return x;
  }
}

class Captives {
  readonly list: Captive[] = [];
  private readonly byKey = new Map<string, Captive>();

  private upsert(key: string, view: DocView, s: SentenceView | null, init: () => Captive, status: CaptiveStatus | null): Captive {
    let c = this.byKey.get(key);
    if (!c) {
      c = init();
      this.byKey.set(key, c);
      this.list.push(c);
      if (status) c.status = status;
      c.history.push(change(view, s, c.status, null));
    } else if (status && status !== c.status && !(status === 'held' && c.status !== 'held' && c.history.some((h) => h.document === view.ref.id))) {
      c.history.push(change(view, s, status, c.status));
      c.status = status;
    }
    if (s) addSource(c.sources, view.source(s));
    return c;
  }

  private blank(id: string, view: DocView): Captive {
    return {
      id,
      name: null,
      count: null,
      who: null,
      nationality: null,
      age: null,
      status: 'held',
      alive: null,
      last_seen: null,
      declared_by: null,
      held_by: null,
      history: [],
      first_seen: view.ref.published,
      sources: [],
    };
  }

  addGroup(view: DocView, s: SentenceView, g: GroupCaptiveReading | { count: number; who: string | null; nationality: string | null; status: CaptiveStatus; declaredBy: string | null; alive: boolean | null; heldBy?: string | null }): void {
    const head = normName(g.who ?? '').split(' ').pop() ?? '';
    const key = `g|${g.nationality ?? ''}|${g.count}|${head.replace(/s$/, '')}`;
    const c = this.upsert(key, view, s, () => ({ ...this.blank(stableId('cap', key), view), count: g.count, who: g.who, nationality: g.nationality }), g.status);
    if (g.declaredBy) c.declared_by = g.declaredBy;
    if ('ofGroup' in g && g.ofGroup) c.of_group ??= g.ofGroup;
    if (g.alive !== null) c.alive = g.alive;
    if ('heldBy' in g && g.heldBy) c.held_by ??= g.heldBy;
  }

  /** A person named as freed (or still held) by a release sentence. */
  addReleasedPerson(view: DocView, s: SentenceView, r: ReleasedPersonReading): void {
    const key = `n|${normName(r.entity.name)}`;
    const c = this.upsert(key, view, s, () => ({ ...this.blank(stableId('cap', key), view), name: r.entity.name, status: r.status }), null);
    if (r.status !== c.status && !(r.status === 'held' && c.status === 'released')) {
      c.history.push(change(view, s, r.status, c.status));
      c.status = r.status;
    }
    if (r.status === 'released') c.alive = true;
    if (r.status !== 'held' && c.expected_release) c.expected_release = null;
    if (r.status === 'dead') c.alive = false;
    if (r.status === 'dead' && c.remains_returned !== false && lexicon().remains.test(view.words(s))) {
      const day = view.datesIn(s).find((d) => /^\d{4}-\d{2}-\d{2}/.test(d.value));
      c.remains_returned ??= day ? day.value.slice(0, 10) : view.ref.published;
    }
    c.age ??= r.age;
    c.nationality ??= ownCountry(r.entity) ?? r.nationality;
  }

  /** Remains handed back as someone's that proved to be another's: theirs were not returned. */
  markRemainsNotReturned(name: string): void {
    const c = this.byKey.get(`n|${normName(name)}`);
    if (c) c.remains_returned = false;
  }

  /** True when a person of this name is already in the picture. */
  hasNamed(name: string): boolean {
    return this.byKey.has(`n|${normName(name)}`);
  }

  addNamed(view: DocView, r: NamedCaptiveReading): void {
    const key = `n|${normName(r.entity.name)}`;
    const first = r.sentences[0] ?? null;
    const c = this.upsert(key, view, first, () => ({ ...this.blank(stableId('cap', key), view), name: r.entity.name }), null);
    for (const st of r.statuses) {
      if (st.status !== c.status) {
        c.history.push(change(view, st.sentence, st.status, c.status));
        c.status = st.status;
      }
      if (st.declaredBy) c.declared_by = st.declaredBy;
    }
    for (const s of r.sentences) addSource(c.sources, view.source(s));
    if (r.alive !== null) c.alive = r.alive;
    if (c.status === 'dead') c.alive = false;
    if (r.lastSeen && (c.last_seen === null || r.lastSeen > c.last_seen)) c.last_seen = r.lastSeen;
    c.age ??= r.age;
    c.nationality ??= r.nationality;
    c.held_by ??= r.heldBy;
    if (r.expectedRelease && c.status === 'held') c.expected_release = r.expectedRelease;
    if (c.status !== 'held' && c.expected_release) c.expected_release = null;
  }
}

/**
 * A story names the people of a counted release in the next sentences: those standing first in
 * the two sentences after it are freed too, up to the number released (less those already named).
 */
function nameTheReleased(view: DocView, sentences: readonly SentenceView[], x: ExchangeReading, speakers: ReadonlySet<string>, captives: Captives): void {
  let room = x.released.reduce((n, g) => n + (g.count > 1 ? g.count : 0), 0);
  const last = sentences[sentences.length - 1]!.index;
  const named = new Set<string>();
  for (let i = sentences[0]!.index; i <= last + 2 && i < view.sentences.length; i++) {
    const s = view.sentences[i]!;
    for (const p of readReleasedPersons(view, s, speakers)) if (p.status === 'released') named.add(p.entity.id);
  }
  room -= named.size;
  // The release may be told over several sentences; the names come in the ones between or just after.
  const told = new Set(sentences.map((s) => s.index));
  for (let i = sentences[0]!.index + 1, after = 0; i < view.sentences.length && room > 0 && after < 2; i++) {
    const s = view.sentences[i]!;
    if (told.has(i) || s.headline) continue;
    if (i > last) after++;
    else if (i > sentences[0]!.index + 2) continue;
    const people = readPeopleNamedAfterRelease(view, s, speakers);
    // The names follow the release at once; a sentence naming nobody (or telling another status) ends the run.
    if (people.length === 0 && i > last) break;
    for (const p of people) {
      if (named.has(p.entity.id) || room <= 0) continue;
      named.add(p.entity.id);
      room--;
      captives.addReleasedPerson(view, s, p);
    }
  }
}

/** Sentences that speak of each person: where an entity mention falls, or where their surname stands capitalised. */
function sentencesByPerson(view: DocView): Map<string, SentenceView[]> {
  const bySurname = new Map<string, Set<number>>();
  for (const s of view.sentences) {
    if (s.text === null) continue;
    for (const w of view.words(s)) {
      const raw = view.slice(s, w.start, w.end) ?? '';
      if (!/^[A-Z]/.test(raw)) continue;
      let set = bySurname.get(w.norm);
      if (!set) bySurname.set(w.norm, (set = new Set()));
      set.add(s.index);
    }
  }
  const out = new Map<string, SentenceView[]>();
  for (const e of view.entities) {
    if (e.kind !== 'person') continue;
    const idx = new Set<number>();
    for (const m of e.mentions) {
      // "Bibas's wife" speaks of someone else.
      if (/['’]s$/.test(m.text)) continue;
      const s = view.sentenceAt(m.start);
      if (s) idx.add(s.index);
    }
    const surname = words(e.name).pop()?.norm;
    if (surname && surname.length > 2) for (const i of bySurname.get(surname) ?? []) idx.add(i);
    out.set(e.id, [...idx].sort((a, b) => a - b).map((i) => view.sentences[i]!));
  }
  return out;
}

/**
 * What of an agreement's schedule still holds on the last day of the picture: releases due on a
 * day already past are history, and a postponement is told only while the agreement is at risk.
 */
function currentAgreement(a: Agreement, last: string | null, released: string | null): Agreement {
  const out = { ...a };
  if (last && out.schedule) out.schedule = out.schedule.filter((x) => x.date >= last);
  // A release due on a day past, or done on or after the day it was due, is no longer ahead.
  if (out.next_release_due && ((last && out.next_release_due < last) || (released && released >= out.next_release_due))) out.next_release_due = null;
  if (out.status !== 'at risk' && out.postponed_by) out.postponed_by = null;
  return out;
}

/** The latest day a release was done (a dated exchange not planned). */
function lastRelease(xs: readonly Exchange[]): string | null {
  let best: string | null = null;
  for (const x of xs) if (!x.planned && x.date && /^\d{4}-\d{2}-\d{2}$/.test(x.date) && (best === null || x.date > best)) best = x.date;
  return best;
}

/**
 * Builds the situation picture from per-document extractions. Documents are read in
 * publication order; each item (negotiation, agreement, exchange, captive) keeps its sources and
 * the history of its status, so a later article upgrades, stalls or concludes what an earlier
 * one reported.
 */
export function buildSituation(docs: readonly SituationInput[]): Situation {
  const views = docs
    .map((d, i) => ({ v: new DocView(d), i }))
    .sort((a, b) => compareDates(a.v.ref.published, b.v.ref.published) || a.i - b.i)
    .map((x) => x.v);
  const belligerents = findBelligerents(views);
  const negotiations = new Negotiations(belligerents);
  const agreements = new Agreements(belligerents);
  const exchanges = new Exchanges();
  const captives = new Captives();
  const lx = lexicon();
  for (const view of views) {
    const speakers = new Set<string>();
    for (const a of view.extraction.attributions) if (a.source_entity) speakers.add(a.source_entity.id);
    for (const q of view.extraction.quotes) if (q.speaker) speakers.add(q.speaker.id);
    const releases: { s: SentenceView; x: ExchangeReading }[] = [];
    for (const s of view.sentences) {
      // A headline repeats the story in telegraphic words ("3 Hostages Freed"): the body says it properly.
      if (s.headline) continue;
      let talks = false;
      for (const e of s.events) {
        if (!isNegotiationEvent(view, s, e)) continue;
        talks = true;
        negotiations.add(view, s, e, readNegotiation(view, s, e));
      }
      if (!talks && s.text !== null) {
        const stated = talksStated(view, s);
        if (stated) {
          const r = readNegotiation(view, s, stated);
          // "X and Y agreed to halt the fighting after weeks of talks": the talks were about the truce they produced.
          const made = stated.actor.length > 0 && !r.subjectFromCue ? readAgreement(view, s) : null;
          const subject = made?.kind === 'truce' && !(r.subject ?? '').includes(made.name) ? [made.name, r.subject].filter((x) => x).join(', ') : r.subject;
          negotiations.add(view, s, stated, { ...r, subject, subjectIsConflictEnd: r.subjectIsConflictEnd || made?.kind === 'truce' });
        }
        else if (mentionsTalks(view, s)) negotiations.addDetails(view, s, readNegotiation(view, s, NO_EVENT));
      }
      const ag = readAgreement(view, s);
      if (ag) agreements.add(view, s, ag);
      for (const p of readReleasedPersons(view, s, speakers)) captives.addReleasedPerson(view, s, p);
      const x = readExchange(view, s);
      if (x) {
        releases.push({ s, x });
      } else for (const g of readCaptiveGroups(view, s)) captives.addGroup(view, s, g);
    }
    for (const { sentences, x } of pairReleases(releases, belligerents)) {
      exchanges.add(view, sentences, x);
      if (x.schedule) agreements.schedule(x.schedule);
      if (!x.planned && x.released.some((g) => g.count > 1 && groupHead(g.who) !== null)) nameTheReleased(view, sentences, x, speakers, captives);
      if (x.planned || !x.released.some((g) => g.who !== null && lx.captive.test(words(g.who)))) continue;
      for (const g of x.released) {
        captives.addGroup(view, sentences[0]!, {
          count: g.count,
          who: g.who,
          nationality: countriesIn(g.who)[0] ?? null,
          status: g.who !== null && lx.remains.test(words(g.who)) ? 'dead' : 'released',
          declaredBy: null,
          alive: !(g.who !== null && lx.remains.test(words(g.who))),
          heldBy: x.releasedBy,
        });
      }
    }
    for (const [id, sentences] of sentencesByPerson(view)) {
      const e = view.entity(id);
      if (!e || sentences.length === 0) continue;
      const r = readNamedCaptive(view, e, sentences, speakers, captives.hasNamed(e.name));
      if (r) captives.addNamed(view, r);
    }
    for (const s of view.sentences) for (const name of readMisidentifiedRemains(view, s)) captives.markRemainsNotReturned(name);
    negotiations.endDocument(view);
  }
  const published = views.map((v) => v.ref.published).filter((p): p is string => p !== null).sort();
  const last = published[published.length - 1] ?? null;
  return {
    documents: views.length,
    first_published: published[0] ?? null,
    last_published: published[published.length - 1] ?? null,
    negotiations: negotiations.list.map((w) => w.item),
    // Releases scheduled for a day already past are history, not the schedule.
    agreements: agreements.list.map((w) => currentAgreement(w.item, last, lastRelease(exchanges.list.filter((x) => x.released_by !== null && w.item.parties.includes(x.released_by))))),
    exchanges: exchanges.list,
    captives: captives.list,
  };
}
