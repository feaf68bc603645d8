import type { Document, Modality, ModalCueKind } from './document.js';
import type { Span } from './span.js';

/** What the attribution layers say about an event trigger. */
export interface ModalityAt {
  readonly modality: Modality;
  /** ids of the modality cues whose scope holds the trigger. */
  readonly cueIds: readonly string[];
  /** the outermost attribution whose content holds the trigger (the source the article cites), or null. */
  readonly attributionId: string | null;
  readonly inQuote: boolean;
}

const CUE_MODALITY: Readonly<Record<ModalCueKind, Modality>> = {
  negation: 'negated',
  hedge: 'potential',
  condition: 'potential',
  intention: 'planned',
  future: 'planned',
  hearsay: 'reported',
};

const RANK: Readonly<Record<Modality, number>> = { negated: 4, potential: 3, planned: 2, reported: 1, asserted: 0 };

/** How far back a cue may sit before the trigger (a scope never spans more than a sentence). */
const MAX_SCOPE_CHARS = 3000;

function inside(outer: Span, s: Span): boolean {
  return outer.start <= s.start && s.start < outer.end;
}

/** Index of the first record whose span starts at or after `offset` (records sorted by start). */
function firstAtOrAfter(records: readonly { span: Span }[], offset: number): number {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (records[mid]!.span.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The modality of an event trigger from the `modalCues`, `attributions` and `quotes` layers:
 * the strongest of the cues whose scope holds the trigger (negated > potential > planned >
 * reported), 'reported' inside an attribution's content, else 'asserted'. A cue that is the
 * trigger itself ("denied") does not govern it. Pure; cost is logarithmic plus the cues of one sentence.
 * @example modalityAt(doc, { start: 120, end: 126 }) // → { modality: 'planned', cueIds: ['mc3'], attributionId: 'at1', inQuote: false }
 */
export function modalityAt(doc: Document, trigger: Span): ModalityAt {
  const cues = doc.layers.modalCues ?? [];
  const attributions = doc.layers.attributions ?? [];
  const quotes = doc.layers.quotes ?? [];
  let modality: Modality = 'asserted';
  const cueIds: string[] = [];
  for (let i = firstAtOrAfter(cues, trigger.start + 1) - 1; i >= 0; i--) {
    const c = cues[i]!;
    if (c.scope.start < trigger.start - MAX_SCOPE_CHARS && c.span.start < trigger.start - MAX_SCOPE_CHARS) break;
    if (!inside(c.scope, trigger)) continue;
    if (c.span.start < trigger.end && trigger.start < c.span.end) continue;
    cueIds.push(c.id);
    const m = CUE_MODALITY[c.label];
    if (RANK[m] > RANK[modality]) modality = m;
  }
  cueIds.reverse();
  // the outermost attribution: the source the article itself cites ("officials said that X plans to ...");
  // quotes listed only for completeness (`nested`) do not change the reading
  let attributionId: string | null = null;
  let best = -1;
  for (let i = firstAtOrAfter(attributions, trigger.start + 1) - 1; i >= 0; i--) {
    const a = attributions[i]!;
    if (a.content.start < trigger.start - 4 * MAX_SCOPE_CHARS) break;
    if (a.nested || (a.cue.start < trigger.end && trigger.start < a.cue.end)) continue;
    const hit = a.evidence.length > 0 ? a.evidence.some((f) => inside(f, trigger)) : inside(a.content, trigger);
    if (hit && a.content.end - a.content.start > best) {
      best = a.content.end - a.content.start;
      attributionId = a.id;
    }
  }
  if (attributionId !== null && RANK.reported > RANK[modality]) modality = 'reported';
  let inQuote = false;
  for (let i = firstAtOrAfter(quotes, trigger.start + 1) - 1; i >= 0 && !inQuote; i--) {
    const q = quotes[i]!;
    if (inside(q.span, trigger)) inQuote = true;
    if (q.span.start < trigger.start - 4 * MAX_SCOPE_CHARS) break;
  }
  return { modality, cueIds, attributionId, inQuote };
}
