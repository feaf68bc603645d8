import type { Document, Entity, Quantity, Timex } from '../core/index.js';
import type { EntityRef, Extraction } from './schema.js';

/** Resolves the document's layers into the readable output contract. */
export function toExtraction(doc: Document): Extraction {
  const text = doc.text;
  const L = doc.layers;
  const entities = L.entities ?? [];
  const mentions = L.mentions ?? [];
  const byId = new Map<string, Entity>(entities.map((e) => [e.id, e]));
  const mentionById = new Map(mentions.map((m) => [m.id, m]));
  const timexById = new Map<string, Timex>((L.timexes ?? []).map((t) => [t.id, t]));
  const quantityById = new Map<string, Quantity>((L.quantities ?? []).map((q) => [q.id, q]));
  const attributionById = new Map((L.attributions ?? []).map((a) => [a.id, a]));
  const ref = (id: string | null): EntityRef | null => {
    const e = id === null ? undefined : byId.get(id);
    return e ? { id: e.id, name: e.name, country: e.country, sector: e.sector } : null;
  };
  const refs = (ids: readonly string[]): EntityRef[] => ids.map(ref).filter((r): r is EntityRef => r !== null);
  const sp = (s: { start: number; end: number }) => ({ text: text.slice(s.start, s.end), start: s.start, end: s.end });
  const quantityOut = (q: Quantity) => ({
    value: q.value,
    approx: q.approx,
    of: q.of,
    text: q.text,
    start: q.span.start,
    end: q.span.end,
    kind: q.label,
    qualifier: q.qualifier,
  });

  return {
    id: doc.meta.externalId,
    document: { id: doc.id, title: doc.meta.title, published: doc.meta.published, url: doc.meta.url },
    entities: entities.map((e) => ({
      id: e.id,
      name: e.name,
      kind: e.label,
      country: e.country,
      sector: e.sector,
      role: e.role,
      affiliation: e.affiliation,
      attributes: e.attributes,
      mentions: e.mentionIds
        .map((mid) => mentionById.get(mid))
        .filter((m) => m !== undefined)
        .map((m) => ({ start: m.span.start, end: m.span.end, text: m.text, form: m.form, ...(m.label !== e.label ? { kind: m.label } : {}) })),
    })),
    events: (L.events ?? []).map((ev) => {
      const t = ev.timexId ? timexById.get(ev.timexId) : undefined;
      const a = ev.attributionId ? attributionById.get(ev.attributionId) : undefined;
      const locEntity = ev.location?.entityId ? byId.get(ev.location.entityId) : undefined;
      return {
        id: ev.id,
        type: ev.label,
        mode: ev.mode,
        cameo: ev.cameo,
        actor: refs(ev.actorIds),
        recipient: refs(ev.recipientIds),
        location: ev.location
          ? { name: ev.location.name, country: locEntity?.country ?? null, start: ev.location.span.start, end: ev.location.span.end }
          : null,
        date: t ? { value: t.value, precision: t.precision, text: t.text, start: t.span.start, end: t.span.end } : null,
        quantities: ev.quantityIds.map((id) => quantityById.get(id)).filter((q) => q !== undefined).map(quantityOut),
        modality: ev.modality,
        in_quote: ev.inQuote,
        attribution: a
          ? {
              source: a.source ? text.slice(a.source.start, a.source.end) : null,
              source_entity: ref(a.sourceEntityId),
              cue: text.slice(a.cue.start, a.cue.end),
              start: a.cue.start,
              end: a.cue.end,
            }
          : null,
        trigger: sp(ev.trigger),
        sentence: { start: ev.sentence.start, end: ev.sentence.end, text: text.slice(ev.sentence.start, ev.sentence.end) },
      };
    }),
    dates: (L.timexes ?? []).map((t) => ({
      text: t.text,
      start: t.span.start,
      end: t.span.end,
      value: t.value,
      precision: t.precision,
      type: t.label,
      mod: t.mod,
    })),
    quantities: (L.quantities ?? []).map(quantityOut),
    quotes: (L.quotes ?? []).map((q) => ({
      text: q.text,
      start: q.span.start,
      end: q.span.end,
      speaker: ref(q.speakerEntityId),
      speaker_text: q.speakerSpan ? text.slice(q.speakerSpan.start, q.speakerSpan.end) : null,
      cue: q.cueSpan ? text.slice(q.cueSpan.start, q.cueSpan.end) : null,
    })),
    attributions: (L.attributions ?? []).map((a) => ({
      kind: a.label,
      source: a.source ? sp(a.source) : null,
      source_entity: ref(a.sourceEntityId),
      cue: sp(a.cue),
      content: sp(a.content),
      ...(a.nested ? { nested: true } : {}),
    })),
    sentences: (L.sentences ?? []).map((s) => ({ start: s.span.start, end: s.span.end, headline: s.label === 'headline' })),
    diagnostics: doc.diagnostics.map((d) => ({
      severity: d.severity,
      source: d.source,
      rule: d.ruleId,
      message: d.message,
      ...(d.span ? { start: d.span.start, end: d.span.end } : {}),
    })),
  };
}
