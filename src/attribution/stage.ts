import type { Attribution, AttributionKind, Document, Mention, ModalCue, Quote, Sentence, Span, Token } from '../core/index.js';
import { overlapLength } from '../core/index.js';
import type { Stage } from '../pipeline/index.js';
import { modalityLexicon, reportingLexicon } from './lexicon.js';
import { findModalCues } from './modal.js';
import { npRight } from './phrases.js';
import { breaksBefore, findQuotes, type QuoteCandidate } from './quotes.js';
import { colonLead, detachedSpeechTag, findReported, mayAttribute, tokenSpan, type ReportedCandidate } from './reported.js';

const STAGE = 'attribution';
const VERSION = '1';
/** A quote with no cue of its own takes a speaker from context only when it fills most of its sentence. */
const MIN_QUOTE_SHARE = 0.6;
/** A speech tag ending in a colon governs at most this many following sentences (its paragraph). */
const MAX_LEAD_SENTENCES = 8;
/** Rules whose content may go on in a following "But it ..." sentence. */
const CONTINUED_RULES = new Set(['paren-source-verb', 'paren-verb-source', 'bare-clause', 'that-clause']);
/** Rules whose speaker opens the paragraph and speaks to its end. */
const PARAGRAPH_RULES = new Set(['speaker-dash', 'speaker-colon']);
/** How far before a quotation a content holding it may start (one long paragraph). */
const MAX_CONTENT_REACH = 5000;
/** Pronouns that never name a speaker. */
const IMPERSONAL = new Set(['it', 'this', 'that', 'there', 'these', 'those', 'what', 'which']);
const QUOTE_CHARS = /["“”«»']/;
const RULE_PRIORITY: Readonly<Record<string, number>> = {
  'paren-verb-source': 9, 'paren-source-verb': 9, 'detached-speech-tag': 9, 'quote-after': 9, colon: 9, 'colon-paragraph': 9, 'speaker-colon': 9, 'speaker-dash': 9, 'quote-byline': 9,
  'that-clause': 8, 'according-to-first': 8, 'according-to-after': 8, 'quote-continues': 8, 'quote-continued-later': 8, 'comma-clause': 7, 'bare-clause': 7, 'wh-clause': 6, 'relative-clause': 7,
  'recipient-to': 6, 'passive-by': 6, 'passive-that-clause': 6, 'to-infinitive': 4, object: 3, 'noun-that': 3, 'noun-to': 2,
  'hearsay-adverb': 2, 'quote-previous-subject': 2, 'quote-marks': 1,
};

interface Built {
  kind: AttributionKind;
  cue: Span;
  source: Span | null;
  content: Span;
  fragments: Span[];
  quoteIdx: number | null;
  rule: string;
  nested?: boolean;
}

/** Quotes, reported speech and modality cues, from tokens, sentences and (when present) mentions. */
export const attributionStage: Stage = {
  name: STAGE,
  version: VERSION,
  requires: ['sentences', 'tokens', 'mentions', 'entities'],
  produces: ['quotes', 'attributions', 'modalCues'],
  run(doc) {
    return { layers: annotateAttribution(doc) };
  },
};

/** Builds the three layers (pure). */
export function annotateAttribution(doc: Document): { quotes: Quote[]; attributions: Attribution[]; modalCues: ModalCue[] } {
  const text = doc.text;
  const tokens = doc.layers.tokens ?? [];
  const sentences = doc.layers.sentences ?? [];
  const mentions = doc.layers.mentions ?? [];
  const rep = reportingLexicon();
  const mod = modalityLexicon();

  // ---- quotations
  const quoteCands = findQuotes(text, tokens).filter((q) => !q.scare || namedByCue(tokens, q.open, rep.naming));
  const quoteOf = new Int32Array(tokens.length).fill(-1);
  quoteCands.forEach((q, qi) => quoteOf.fill(qi, q.open + 1, q.closed ? q.close : q.close + 1));
  const inQuote = (i: number) => quoteOf[i]! >= 0;

  // ---- reported speech and modality, sentence by sentence
  const built: Built[] = [];
  const modalCues: ModalCue[] = [];
  const sentenceCands: ReportedCandidate[][] = [];
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si]!;
    const cands = mayAttribute(tokens, s, rep) ? findReported(tokens, s, rep, inQuote) : [];
    const tag = cands.length === 0 && si > 0 ? detachedSpeechTag(tokens, s, sentences[si - 1]!, rep) : null;
    if (tag) {
      // the quotation is the previous sentence, from its first quote mark, or its whole paragraph
      // when that opens with a quote mark (a multi-sentence quotation before a byline)
      const prev = sentences[si - 1]!;
      let first = si - 1;
      while (first > 0 && si - 1 - first < MAX_LEAD_SENTENCES && !breaksBefore(text, tokens, sentences[first]!.tokenStart)) first--;
      const opener = tokens[sentences[first]!.tokenStart]!;
      const from = first < si - 1 && /^(["“”«]|'')$/.test(opener.text) ? sentences[first]! : prev;
      let a = from.tokenStart;
      while (a < prev.tokenEnd && !/^(["“«]|'')$/.test(tokens[a]!.text) && !(a === from.tokenStart && tokens[a]!.text === '”') && !(tokens[a]!.text === "'" && tokens[a + 1]?.text.startsWith("'"))) a++;
      if (a < prev.tokenEnd - 1) {
        const content = tokenSpan(tokens, [a, prev.tokenEnd]);
        built.push({ kind: 'direct', cue: tokenSpan(tokens, tag.cue), source: tokenSpan(tokens, tag.source), content, fragments: [content], quoteIdx: null, rule: 'detached-speech-tag' });
      }
    }
    sentenceCands.push(cands);
    for (const c of cands) {
      const fragments = c.content.map((f) => tokenSpan(tokens, f));
      if (PARAGRAPH_RULES.has(c.rule) && c.content[c.content.length - 1]![1] >= trimEndOf(tokens, s)) {
        // a speaker tag that opens a paragraph ("Ana Ruiz — “...") governs the whole paragraph
        const last = paragraphEnd(text, tokens, sentences, si);
        if (last > si) fragments[fragments.length - 1] = { start: fragments[fragments.length - 1]!.start, end: sentences[last]!.span.end };
      }
      built.push({
        kind: c.kind,
        cue: tokenSpan(tokens, c.cue),
        source: c.source ? tokenSpan(tokens, c.source) : null,
        content: { start: fragments[0]!.start, end: fragments[fragments.length - 1]!.end },
        fragments,
        quoteIdx: null,
        rule: c.rule,
      });
    }
    // "But it would also ...": a sentence that opens with a conjunction and a pronoun and has no
    // cue of its own goes on the reported content of the sentence before it
    if (cands.length === 0 && si > 0 && !breaksBefore(text, tokens, s.tokenStart) && continuesReport(tokens, s)) {
      const prevCands = sentenceCands[si - 1] ?? [];
      const prev = sentences[si - 1]!;
      const owner = built.length > 0 ? built[built.length - 1]! : null;
      const lastEnd = tokens[prev.tokenEnd - 1]!.end;
      if (owner && prevCands.length === 1 && owner.source && owner.content.end >= lastEnd - 2 && CONTINUED_RULES.has(owner.rule)) {
        const frag = tokenSpan(tokens, [s.tokenStart, Math.max(s.tokenStart + 1, trimEndOf(tokens, s))]);
        owner.fragments.push(frag);
        owner.content = { start: owner.content.start, end: frag.end };
      }
    }
    const lead = si + 1 < sentences.length && !cands.some((c) => c.rule === 'colon') ? colonLead(tokens, s, rep) : null;
    if (lead) {
      // the words are the following sentences up to the end of their paragraph
      const last = paragraphEnd(text, tokens, sentences, si + 1);
      const content = { start: sentences[si + 1]!.span.start, end: sentences[last]!.span.end };
      built.push({ kind: 'reported', cue: tokenSpan(tokens, lead.cue), source: tokenSpan(tokens, lead.source), content, fragments: [content], quoteIdx: null, rule: 'colon-paragraph' });
    }
    for (const m of findModalCues(tokens, s, mod)) {
      const span = tokenSpan(tokens, m.cue);
      modalCues.push({
        id: '',
        span,
        label: m.kind,
        evidence: [span],
        provenance: { stage: STAGE, version: VERSION, rule: m.rule },
        scope: tokenSpan(tokens, m.scope),
      });
    }
  }

  built.sort((a, b) => a.content.start - b.content.start);
  // ---- speakers of quotations (attributions built here go to `fromQuotes`: `built` stays in text order for the look-back)
  const fromQuotes: Built[] = [];
  const speakers: { source: Span | null; cue: Span | null; owner?: Built }[] = [];
  let prevQuote: { idx: number; sentence: number } | null = null;
  quoteCands.forEach((q, qi) => {
    const qs = quoteSpan(tokens, q);
    const qSentence = tokens[q.open]!.sentence;
    let best: Built | null = null;
    let bestOverlap = 0;
    // the look-back starts at the last relation that begins before the quote ends (built is in text order)
    let top = built.length;
    for (let lo = 0, hi = built.length; lo < hi; ) {
      const mid = (lo + hi) >> 1;
      if (built[mid]!.content.start < qs.end) lo = mid + 1;
      else hi = mid;
      top = lo;
    }
    for (let k = top - 1; k >= 0 && built[k]!.content.end > qs.start - 4000; k--) {
      const b = built[k]!;
      let ov = 0;
      for (const f of b.fragments) ov += overlapLength(f, qs);
      if (ov > bestOverlap) {
        bestOverlap = ov;
        best = b;
      }
    }
    if (best && bestOverlap >= 0.5 * (qs.end - qs.start)) {
      if (best.quoteIdx === null) {
        best.quoteIdx = qi;
        const quoteChars = best.fragments.reduce((n, f) => n + overlapLength(f, qs), 0);
        const allQuoted = best.fragments.every((f) => QUOTE_CHARS.test(text[f.start] ?? '') && QUOTE_CHARS.test(text.slice(Math.max(f.start, f.end - 2), f.end)));
        best.kind = allQuoted || quoteChars >= 0.8 * (best.content.end - best.content.start) ? 'direct' : 'mixed';
      }
      speakers.push({ source: best.source, cue: best.cue, owner: best });
      prevQuote = { idx: qi, sentence: tokens[q.close]!.sentence };
      return;
    }
    const sent = sentences[qSentence];
    const share = sent ? (qs.end - qs.start) / Math.max(1, sent.span.end - sent.span.start) : 0;
    let speaker: { source: Span | null; cue: Span | null } = { source: null, cue: null };
    let rule = 'quote-marks';
    const prev = prevQuote ? speakers[prevQuote.idx] : undefined;
    // a quotation resumed in the same sentence ("“A,” she said, turning to him, “B.”") needs no share of its own
    const sameSentence = prevQuote !== null && qSentence === prevQuote.sentence && prev?.owner !== undefined && prev.owner.kind === 'direct';
    if (prevQuote && prev?.source && (sameSentence || ((q.continuation || qSentence <= prevQuote.sentence + 1) && share >= MIN_QUOTE_SHARE))) {
      speaker = prev;
      rule = 'quote-continues';
    } else if (share >= MIN_QUOTE_SHARE && qSentence > 0) {
      const ps = sentences[qSentence - 1]!;
      const subj = subjectOf(tokens, ps.tokenStart, ps.tokenEnd, mentions);
      if (subj) {
        speaker = { source: subj, cue: null };
        rule = 'quote-previous-subject';
      }
    }
    const owner = rule === 'quote-continues' ? prev?.owner : undefined;
    if (owner && owner.content.end <= qs.start) {
      // PolNeAR style: a quotation that goes on after its cue is one attribution with several fragments
      owner.fragments.push(qs);
      owner.content = { start: owner.content.start, end: qs.end };
      speakers.push(speaker);
      prevQuote = { idx: qi, sentence: tokens[q.close]!.sentence };
      return;
    }
    speakers.push(speaker);
    prevQuote = { idx: qi, sentence: tokens[q.close]!.sentence };
    if (!speaker.source && share < MIN_QUOTE_SHARE) return;
    const openMark = { start: tokens[q.open]!.start, end: tokens[q.open]!.end };
    fromQuotes.push({ kind: 'direct', cue: speaker.cue ?? openMark, source: speaker.source, content: qs, fragments: [qs], quoteIdx: qi, rule });
  });

  // a quotation left open at a paragraph end takes the speaker of the paragraph that continues it
  const ownByQuote = new Map<number, Built>();
  for (const b of fromQuotes) if (b.quoteIdx !== null) ownByQuote.set(b.quoteIdx, b);
  for (let qi = quoteCands.length - 2; qi >= 0; qi--) {
    const q = quoteCands[qi]!;
    const next = speakers[qi + 1]!;
    if (speakers[qi]!.source || q.closed || !quoteCands[qi + 1]!.continuation || !next.source) continue;
    speakers[qi] = next;
    const own = ownByQuote.get(qi);
    if (own) {
      own.source = next.source;
      own.cue = next.cue ?? own.cue;
      own.rule = 'quote-continued-later';
    }
  }

  // ---- records
  const quotes: Quote[] = quoteCands.map((q, qi) => {
    const span = quoteSpan(tokens, q);
    const inner = innerSpan(tokens, q);
    const sp = speakers[qi]!;
    return {
      id: `q${qi}`,
      span,
      label: 'quote',
      evidence: [span],
      provenance: { stage: STAGE, version: VERSION, rule: q.continuation ? 'continued-quote' : 'quote-marks' },
      text: text.slice(inner.start, inner.end),
      speakerEntityId: sp.source ? entityAt(mentions, sp.source) : null,
      speakerSpan: sp.source,
      cueSpan: sp.cue,
    };
  });
  built.push(...fromQuotes);
  built.sort((a, b) => a.content.start - b.content.start || b.content.end - a.content.end);
  const kept = dropNested(built);
  kept.push(...quotesWithoutRelation(kept, quoteCands.map((q) => quoteSpan(tokens, q)), speakers, tokens, quoteCands));
  kept.sort((a, b) => a.content.start - b.content.start || b.content.end - a.content.end);
  const attributions: Attribution[] = kept.map((b, i) => ({
    id: `at${i}`,
    span: b.content,
    label: b.kind,
    evidence: b.fragments,
    provenance: { stage: STAGE, version: VERSION, rule: b.rule },
    source: b.source,
    sourceEntityId: b.source ? entityAt(mentions, b.source) : null,
    cue: b.cue,
    content: b.content,
    quoteId: b.quoteIdx === null ? null : `q${b.quoteIdx}`,
    ...(b.nested ? { nested: true } : {}),
  }));
  modalCues.sort((a, b) => a.span.start - b.span.start);
  return { quotes, attributions, modalCues: modalCues.map((m, i) => ({ ...m, id: `mc${i}` })) };
}

/** True when a short quotation is the quoted name a verb like "call" gives its object ("called the halt “cheap blackmail”"). */
function namedByCue(tokens: readonly Token[], open: number, naming: ReadonlySet<string>): boolean {
  const sentence = tokens[open]!.sentence;
  for (let j = open - 1; j >= 0 && open - j <= 6 && tokens[j]!.sentence === sentence; j--) {
    const t = tokens[j]!;
    // the verb needs an object between it and the quotation ("called the halt “...”", not "so-called “...”")
    if (t.pos === 'VERB' || t.pos === 'AUX') return t.pos === 'VERB' && naming.has(t.lemma) && j < open - 1 && tokens[j - 1]?.text !== '-';
    if (t.pos === 'PUNCT' && t.text !== ',') return false;
  }
  return false;
}

/** True when a sentence opens with a contrastive or additive conjunction and a personal pronoun ("But it would ..."). */
function continuesReport(tokens: readonly Token[], s: Sentence): boolean {
  const a = tokens[s.tokenStart];
  const b = tokens[s.tokenStart + 1];
  return a !== undefined && b !== undefined && /^(but|and)$/.test(a.norm) && b.pos === 'PRON' && /^(it|he|she|they|we|i)$/.test(b.norm);
}

/** The last sentence of the paragraph that sentence `si` belongs to (at most MAX_LEAD_SENTENCES on). */
function paragraphEnd(text: string, tokens: readonly Token[], sentences: readonly Sentence[], si: number): number {
  let last = si;
  while (last + 1 < sentences.length && last - si < MAX_LEAD_SENTENCES && !breaksBefore(text, tokens, sentences[last + 1]!.tokenStart)) last++;
  return last;
}

/** The end of a sentence without its final punctuation (closing quotes kept). */
function trimEndOf(tokens: readonly Token[], s: Sentence): number {
  let b = s.tokenEnd;
  while (b > s.tokenStart && tokens[b - 1]!.pos === 'PUNCT' && !/^[”"»']/.test(tokens[b - 1]!.text) && tokens[b - 1]!.text !== ')') b--;
  return b;
}

/**
 * Every quotation gets an attribution: a quote that no kept relation covers (its relation was
 * dropped as nested in a stronger content, or it has no cue and fills little of its sentence) is
 * listed with its speaker, if known, and flagged `nested` so PolNeAR-style scoring can skip it.
 */
function quotesWithoutRelation(kept: readonly Built[], spans: readonly Span[], speakers: readonly { source: Span | null; cue: Span | null }[], tokens: readonly Token[], quotes: readonly QuoteCandidate[]): Built[] {
  const covered = new Uint8Array(spans.length);
  for (const b of kept) if (b.quoteIdx !== null) covered[b.quoteIdx] = 1;
  // kept is sorted by content start, and contents reach back at most one paragraph (as in dropNested)
  const out: Built[] = [];
  spans.forEach((qs, qi) => {
    if (covered[qi]) return;
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid]!.content.start < qs.start - MAX_CONTENT_REACH) lo = mid + 1;
      else hi = mid;
    }
    // a relation whose content holds the quotation lends it its speaker when the quote has none
    let holder: Built | null = null;
    for (let j = lo; j < kept.length && kept[j]!.content.start < qs.end; j++) {
      const ov = kept[j]!.fragments.reduce((n, f) => n + overlapLength(f, qs), 0);
      if (ov >= 0.5 * (qs.end - qs.start) && kept[j]!.kind === 'direct' && kept[j]!.source !== null) covered[qi] = 1;
      if (ov >= qs.end - qs.start && kept[j]!.source !== null) holder = kept[j]!;
    }
    if (covered[qi]) return;
    const sp = speakers[qi]!.source || !holder ? speakers[qi]! : { source: holder.source, cue: holder.cue };
    const q = quotes[qi]!;
    const openMark = { start: tokens[q.open]!.start, end: tokens[q.open]!.end };
    out.push({ kind: 'direct', cue: sp.cue ?? openMark, source: sp.source, content: qs, fragments: [qs], quoteIdx: qi, rule: sp.source ? 'quote-nested' : 'quote-unattributed', nested: true });
  });
  return out;
}

/**
 * PolNeAR convention: an attribution whose cue sits inside another attribution's content is
 * part of that content, not a relation of its own ("officials said Ali told them that ...").
 * `built` is sorted by content start; contents reach back at most one paragraph, so the scan is local.
 */
function dropNested(built: readonly Built[]): Built[] {
  const dead = new Uint8Array(built.length);
  for (let i = 0; i < built.length; i++) {
    const b = built[i]!;
    for (let j = i - 1; j >= 0 && built[j]!.content.start > b.cue.start - 5000; j--) settle(built, dead, j, i);
    for (let j = i + 1; j < built.length && built[j]!.content.start <= b.cue.start; j++) settle(built, dead, j, i);
  }
  return built.filter((_, i) => !dead[i]);
}

/** When `outer` holds the cue of `inner`, the weaker rule of the two goes (the outer one on a tie). */
function settle(built: readonly Built[], dead: Uint8Array, outer: number, inner: number): void {
  if (dead[outer] || dead[inner] || !isInside(built[outer]!, built[inner]!)) return;
  if (rulePriority(built[inner]!.rule) > rulePriority(built[outer]!.rule)) dead[outer] = 1;
  else dead[inner] = 1;
}

/** How much a rule is trusted when two attributions nest (higher wins). */
function rulePriority(rule: string): number {
  return RULE_PRIORITY[rule] ?? 5;
}

function isInside(outer: Built, inner: Built): boolean {
  return outer !== inner && outer.fragments.some((f) => f.start <= inner.cue.start && inner.cue.end <= f.end);
}

function quoteSpan(tokens: readonly Token[], q: QuoteCandidate): Span {
  return { start: tokens[q.open]!.start, end: tokens[q.close]!.end };
}

function innerSpan(tokens: readonly Token[], q: QuoteCandidate): Span {
  const a = tokens[q.open + 1] ?? tokens[q.open]!;
  const b = q.closed ? tokens[q.close - 1]! : tokens[q.close]!;
  return b.end >= a.start ? { start: a.start, end: b.end } : { start: a.start, end: a.start };
}

/** The subject of a sentence when it names a person: its first noun phrase, or its first person mention. */
function subjectOf(tokens: readonly Token[], lo: number, hi: number, mentions: readonly Mention[]): Span | null {
  let a = lo;
  while (a < hi && (tokens[a]!.pos === 'CCONJ' || tokens[a]!.pos === 'PUNCT' || tokens[a]!.pos === 'ADV')) a++;
  const np = npRight(tokens, a, hi);
  if (!np) return null;
  const sp = tokenSpan(tokens, np);
  const m = mentionAt(mentions, sp);
  if (m) return m.label === 'person' ? sp : null;
  for (let i = np[0]; i < np[1]; i++) if (tokens[i]!.pos === 'PROPN' || (tokens[i]!.pos === 'PRON' && !IMPERSONAL.has(tokens[i]!.norm))) return sp;
  return null;
}

function mentionAt(mentions: readonly Mention[], s: Span): Mention | null {
  if (mentions.length === 0) return null;
  let i = lowerBoundMentions(mentions, s.start);
  let best: Mention | null = null;
  let bestOv = 0;
  for (; i < mentions.length && mentions[i]!.span.start < s.end; i++) {
    const m = mentions[i]!;
    const ov = overlapLength(m.span, s);
    if (ov > bestOv || (ov === bestOv && ov > 0 && m.form === 'name' && best?.form !== 'name')) {
      best = m;
      bestOv = ov;
    }
  }
  return bestOv > 0 ? best : null;
}

/** First mention that could overlap a span starting at `start` (mentions are sorted by start; allow long mentions). */
function lowerBoundMentions(mentions: readonly Mention[], start: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.span.start < start - 200) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The entity id of the mention that best overlaps a source span. */
function entityAt(mentions: readonly Mention[], s: Span): string | null {
  return mentionAt(mentions, s)?.entityId ?? null;
}

