import { makeDocument, parseMarkup, type Document, type Entity, type EntityKind, type Mention } from '../core/index.js';
import { createPipeline, type Stage } from '../pipeline/index.js';
import { textStage } from '../text/index.js';
import { eventsStage } from './stage.js';

const KINDS: Readonly<Record<string, EntityKind>> = { ORG: 'organization', PER: 'person', GPE: 'country', LOC: 'place', GRP: 'group' };

/**
 * Runs text → (mentions from markup) → events. Markup `[Hamas]{ORG:PSE}` marks a mention of kind
 * ORG/PER/GPE/LOC/GRP with its country code; equal texts share one entity.
 */
export function codeEvents(markup: string): { doc: Document; text: string } {
  const { text, spans } = parseMarkup(markup);
  const mentions: Mention[] = [];
  const entities = new Map<string, Entity>();
  for (const s of spans) {
    const [k, country] = s.label.split(':');
    const kind = KINDS[k!] ?? 'organization';
    const eid = `e-${s.text}`;
    const mid = `m${mentions.length}`;
    mentions.push({ id: mid, span: { start: s.start, end: s.end }, label: kind, evidence: [{ start: s.start, end: s.end }], provenance: { stage: 'test', version: '0' }, entityId: eid, form: 'name', text: s.text });
    const prev = entities.get(eid);
    entities.set(eid, {
      id: eid,
      span: prev?.span ?? { start: s.start, end: s.end },
      label: kind,
      evidence: [],
      provenance: { stage: 'test', version: '0' },
      name: s.text,
      country: country ?? null,
      sector: null,
      role: null,
      affiliation: null,
      attributes: {},
      mentionIds: [...(prev?.mentionIds ?? []), mid],
    });
  }
  const fixed: Stage = {
    name: 'fixed',
    version: 'test',
    requires: ['sentences', 'tokens'],
    produces: ['mentions', 'entities', 'timexes', 'quantities', 'quotes', 'attributions', 'modalCues'],
    run: () => ({ layers: { mentions, entities: [...entities.values()].sort((a, b) => a.span.start - b.span.start), timexes: [], quantities: [], quotes: [], attributions: [], modalCues: [] } }),
  };
  return { doc: createPipeline([textStage, fixed, eventsStage]).run(makeDocument(text)), text };
}

/** A one-line summary of each event: TYPE/mode modality A=codes R=codes. */
export function summarize(doc: Document): string[] {
  const ents = new Map((doc.layers.entities ?? []).map((e) => [e.id, e]));
  const code = (id: string) => ents.get(id)?.country ?? ents.get(id)?.name ?? '?';
  return (doc.layers.events ?? []).map((e) => `${e.label}${e.mode ? '/' + e.mode : ''} ${e.modality} A=${e.actorIds.map(code).join('+')} R=${e.recipientIds.map(code).join('+')}`);
}
