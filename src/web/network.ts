import type { MergedEvent } from './api.ts';

/** The relations the actor network draws. */
export type Relation = 'consults' | 'pressures' | 'attacks' | 'releases';

export const RELATIONS: readonly Relation[] = ['consults', 'pressures', 'attacks', 'releases'];

/** Which relation a PLOVER type (and mode) stands for; null when the network leaves it out. */
export function relationOf(type: string, mode: string | null): Relation | null {
  if (type === 'CONSULT') return 'consults';
  if (type === 'ASSAULT') return 'attacks';
  if (type === 'RETREAT' && mode === 'release') return 'releases';
  if (['THREATEN', 'COERCE', 'SANCTION', 'ACCUSE', 'REQUEST', 'PROTEST', 'REJECT', 'MOBILIZE'].includes(type)) return 'pressures';
  return null;
}

export interface NetNode {
  readonly id: string;
  readonly label: string;
  events: number;
}

export interface NetEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly relation: Relation;
  readonly events: string[];
}

/**
 * Who does what to whom: one edge per (actor, recipient, relation) weighted by the number of merged
 * events. Events with several actors and no recipient (meetings) link the actors to each other.
 */
export function buildNetwork(events: readonly MergedEvent[]): { nodes: NetNode[]; edges: NetEdge[] } {
  const nodes = new Map<string, NetNode>();
  const edges = new Map<string, NetEdge>();
  const node = (p: { key: string; name: string }) => {
    let n = nodes.get(p.key);
    if (!n) nodes.set(p.key, (n = { id: p.key, label: p.name, events: 0 }));
    n.events++;
    return n.id;
  };
  const link = (a: string, b: string, relation: Relation, ev: string) => {
    if (a === b) return;
    const [s, t] = relation === 'consults' && b < a ? [b, a] : [a, b];
    const id = `${s}\u0000${t}\u0000${relation}`;
    let e = edges.get(id);
    if (!e) edges.set(id, (e = { id, source: s, target: t, relation, events: [] }));
    if (!e.events.includes(ev)) e.events.push(ev);
  };
  for (const ev of events) {
    const rel = relationOf(ev.type, ev.mode);
    if (!rel) continue;
    const actors = ev.actors.map(node);
    const recipients = ev.recipients.map(node);
    if (recipients.length > 0) for (const a of actors) for (const r of recipients) link(a, r, rel, ev.id);
    else if (rel === 'consults') for (let i = 0; i < actors.length; i++) for (let j = i + 1; j < actors.length; j++) link(actors[i]!, actors[j]!, rel, ev.id);
  }
  const used = new Set<string>();
  for (const e of edges.values()) used.add(e.source).add(e.target);
  return { nodes: [...nodes.values()].filter((n) => used.has(n.id)), edges: [...edges.values()] };
}
