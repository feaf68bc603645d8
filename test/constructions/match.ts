import type { Extraction } from '../../src/output/schema.js';

type EventOut = Extraction['events'][number];
type Ref = EventOut['actor'][number];

/** One expected (or forbidden) event of a construction row. Absent fields are not checked. */
export interface ExpectedEvent {
  readonly type: string;
  /** Each spec must match one participant: "name part" (case-insensitive substring) or a code (USA, REB); "A|B" = either. [] = none. */
  readonly actor?: readonly string[];
  readonly recipient?: readonly string[];
  readonly modality?: string;
}

/** One row of a construction table (test/constructions/*.jsonl), written by the team. */
export interface ConstructionRow {
  readonly id: string;
  readonly construction: string;
  readonly text: string;
  readonly date?: string;
  readonly expect: readonly ExpectedEvent[];
  /** Events that must not be coded (matched like `expect`, so a forbidden type with an actor forbids only that reading). */
  readonly forbid?: readonly ExpectedEvent[];
  /** Why Parley still gets this row wrong; the row then runs as an expected failure. */
  readonly known_wrong?: string;
}

function refMatches(spec: string, r: Ref): boolean {
  return spec.split('|').some((alt) => {
    const a = alt.trim();
    if (/^[A-Z]{3}$/.test(a)) return r.country === a || r.sector === a;
    return r.name.toLowerCase().includes(a.toLowerCase());
  });
}

function participantsMatch(specs: readonly string[] | undefined, refs: readonly Ref[]): boolean {
  if (specs === undefined) return true;
  if (specs.length === 0) return refs.length === 0;
  return specs.every((s) => refs.some((r) => refMatches(s, r)));
}

/** Whether an extracted event fits an expected one. */
export function eventMatches(want: ExpectedEvent, got: EventOut): boolean {
  return (
    got.type === want.type &&
    participantsMatch(want.actor, got.actor) &&
    participantsMatch(want.recipient, got.recipient) &&
    (want.modality === undefined || got.modality === want.modality)
  );
}

/** Problems of one row against an extraction (empty when the row is right). */
export function rowProblems(row: ConstructionRow, x: Extraction): string[] {
  const show = (e: EventOut) => `${e.type} ${e.actor.map((a) => a.name).join('+') || '?'} → ${e.recipient.map((a) => a.name).join('+') || '?'} [${e.modality}]`;
  const out: string[] = [];
  for (const w of row.expect) if (!x.events.some((e) => eventMatches(w, e))) out.push(`missing ${JSON.stringify(w)}; got ${x.events.map(show).join('; ') || 'no event'}`);
  for (const f of row.forbid ?? []) for (const e of x.events) if (eventMatches(f, e)) out.push(`forbidden ${show(e)}`);
  return out;
}
