import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { EventOut, Extraction } from '../api.ts';
import { segments, type Mark } from '../highlight.ts';
import { Chip } from './ui.tsx';

/** Marks of one event: trigger, actors, recipients, date, place, numbers, attribution source and cue. */
export function eventMarks(ev: EventOut, ex: Extraction): Mark[] {
  const marks: Mark[] = [{ start: ev.trigger.start, end: ev.trigger.end, cls: 'hl-trigger', title: `trigger: ${ev.type}${ev.mode ? ` (${ev.mode})` : ''}` }];
  const within = (s: { start: number; end: number }) => s.start >= ev.sentence.start && s.end <= ev.sentence.end;
  const entity = new Map(ex.entities.map((e) => [e.id, e]));
  for (const [refs, cls, role] of [
    [ev.actor, 'hl-actor', 'actor'],
    [ev.recipient, 'hl-recipient', 'recipient'],
  ] as const) {
    for (const r of refs) {
      for (const m of entity.get(r.id)?.mentions ?? []) if (within(m)) marks.push({ start: m.start, end: m.end, cls, title: `${role}: ${r.name}` });
    }
  }
  if (ev.date) marks.push({ start: ev.date.start, end: ev.date.end, cls: 'hl-date', title: `date: ${ev.date.value}` });
  if (ev.location) marks.push({ start: ev.location.start, end: ev.location.end, cls: 'hl-place', title: `place: ${ev.location.name}` });
  for (const q of ev.quantities) marks.push({ start: q.start, end: q.end, cls: 'hl-number', title: `number: ${q.value}${q.of ? ` ${q.of}` : ''}` });
  if (ev.attribution) {
    marks.push({ start: ev.attribution.start, end: ev.attribution.end, cls: 'hl-cue', title: `reporting cue: ${ev.attribution.cue}` });
    const a = ex.attributions.find((x) => x.cue.start === ev.attribution!.start);
    if (a?.source) marks.push({ start: a.source.start, end: a.source.end, cls: 'hl-source', title: `source: ${a.source.text}` });
  }
  return marks;
}

/** Labels of an event: type, mode, modality, quotation, attribution, date, place, numbers. */
export function EventLabels({ ev }: { ev: EventOut }) {
  return (
    <div className="labels" data-testid="event-labels">
      <Chip kind={`type type-${ev.type}`}>{ev.type}</Chip>
      {ev.mode ? <Chip>{ev.mode}</Chip> : null}
      <Chip kind={`modality modality-${ev.modality}`} title="modality">
        {ev.modality}
      </Chip>
      {ev.in_quote ? <Chip kind="info">in a quote</Chip> : null}
      {ev.attribution ? (
        <Chip kind="source" title="attribution">
          according to {ev.attribution.source_entity?.name ?? ev.attribution.source ?? 'an unnamed source'} ({ev.attribution.cue})
        </Chip>
      ) : null}
      <span className="legend">
        <span className="hl-actor">actor</span> {ev.actor.map((a) => a.name).join(', ') || '—'} · <span className="hl-recipient">recipient</span>{' '}
        {ev.recipient.map((a) => a.name).join(', ') || '—'} · <span className="hl-date">date</span> {ev.date ? `${ev.date.value}` : '—'} ·{' '}
        <span className="hl-place">place</span> {ev.location?.name ?? '—'} · <span className="hl-number">numbers</span>{' '}
        {ev.quantities.map((q) => `${q.approx ? '~' : ''}${q.value}${q.of ? ` ${q.of}` : ''}`).join('; ') || '—'}
      </span>
    </div>
  );
}

interface ArticleProps {
  readonly text: string;
  readonly extraction: Extraction;
  readonly selected: string | null;
  readonly onSelect: (eventId: string) => void;
  /** A sentence to highlight when no event is selected (a situation source). */
  readonly sentence?: { start: number; end: number } | null;
}

/** The article as text (React text nodes only) with the selected event's evidence highlighted. */
export function Article({ text, extraction, selected, onSelect, sentence }: ArticleProps) {
  const ev = extraction.events.find((e) => e.id === selected) ?? null;
  const focus = ev ? ev.sentence : (sentence ?? null);
  const ref = useRef<HTMLElement | null>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'center' });
  }, [selected, focus?.start]);

  const triggers = useMemo(() => {
    const byStart = new Map<number, EventOut>();
    for (const e of extraction.events) if (!byStart.has(e.trigger.start)) byStart.set(e.trigger.start, e);
    return byStart;
  }, [extraction]);

  const marks = useMemo(() => {
    const m: Mark[] = extraction.events.map((e) => ({ start: e.trigger.start, end: e.trigger.end, cls: 'hl-any', title: `${e.type} (${e.modality}) — click to show its evidence` }));
    return ev ? m.concat(eventMarks(ev, extraction)) : m;
  }, [extraction, ev]);

  const render = (from: number, to: number): ReactNode[] =>
    segments(from, to, marks).map((s) => {
      const piece = text.slice(s.start, s.end);
      if (s.classes.length === 0) return piece;
      const trig = s.classes.includes('hl-any') ? [...triggers.values()].find((e) => e.trigger.start <= s.start && e.trigger.end >= s.end) : undefined;
      const label =
        ev && s.classes.includes('hl-trigger') && s.end === ev.trigger.end ? (
          <sup className={`label modality-${ev.modality}`}>{ev.modality}</sup>
        ) : ev?.attribution && s.classes.includes('hl-cue') && s.end === ev.attribution.end ? (
          <sup className="label label-source">attribution</sup>
        ) : null;
      return (
        <span key={s.start}>
          <span
            className={s.classes.join(' ')}
            title={s.titles.join('\n') || undefined}
            onClick={trig ? () => onSelect(trig.id) : undefined}
            role={trig ? 'button' : undefined}
          >
            {piece}
          </span>
          {label}
        </span>
      );
    });

  return (
    <article className="article" data-testid="article">
      {focus && focus.end > focus.start && focus.end <= text.length ? (
        <>
          {render(0, focus.start)}
          <mark className="hl-sentence" data-testid="evidence-sentence" ref={ref}>
            {render(focus.start, focus.end)}
          </mark>
          {render(focus.end, text.length)}
        </>
      ) : (
        render(0, text.length)
      )}
    </article>
  );
}

/** The document's events as a list to pick from. */
export function EventList({ events, selected, onSelect }: { events: readonly EventOut[]; selected: string | null; onSelect: (id: string) => void }) {
  if (events.length === 0) return <p className="muted">No events coded in this article.</p>;
  return (
    <ol className="event-list">
      {events.map((e) => (
        <li key={e.id}>
          <button className={e.id === selected ? 'selected' : ''} onClick={() => onSelect(e.id)} data-testid="doc-event">
            <span className={`chip chip-type type-${e.type}`}>{e.type}</span> <span className="trig">{e.trigger.text}</span>{' '}
            <span className="muted">
              {e.actor.map((a) => a.name).join(', ') || '—'} → {e.recipient.map((a) => a.name).join(', ') || '—'}
            </span>{' '}
            <span className={`chip chip-modality modality-${e.modality}`}>{e.modality}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}
