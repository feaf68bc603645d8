import { useEffect, useState, type ReactNode } from 'react';
import type { MergedEvent, SourceRef } from '../api.ts';
import { docHref } from '../route.ts';

/** Runs an async loader when its dependencies change; gives its value, error and loading state. */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): { value: T | null; error: string | null; loading: boolean } {
  const [state, setState] = useState<{ value: T | null; error: string | null; loading: boolean }>({ value: null, error: null, loading: true });
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    load().then(
      (value) => live && setState({ value, error: null, loading: false }),
      (e: unknown) => live && setState({ value: null, error: e instanceof Error ? e.message : String(e), loading: false }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}

export function Loading({ what }: { what: string }) {
  return <p className="muted">Loading {what}…</p>;
}

export function ErrorBox({ error }: { error: string }) {
  return (
    <p className="error" role="alert">
      {error}
    </p>
  );
}

export function Chip({ children, kind, title }: { children: ReactNode; kind?: string; title?: string }) {
  return (
    <span className={`chip${kind ? ` chip-${kind}` : ''}`} title={title}>
      {children}
    </span>
  );
}

/** A short label for a date range value (YYYY, YYYY-MM, YYYY-MM-DD, ...). */
export function fmtDate(v: string | null | undefined): string {
  return v ?? 'undated';
}

/** Links to the sentences that an item was read from. */
export function Sources({ sources }: { sources: readonly SourceRef[] }) {
  if (sources.length === 0) return null;
  const seen = new Set<string>();
  const uniq = sources.filter((s) => {
    const k = `${s.document}:${s.sentence.start}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return (
    <div className="sources">
      <span className="muted">sources:</span>
      {uniq.slice(0, 8).map((s, i) => (
        <a key={i} className="source" href={docHref(s.document, { sentence: s.sentence })} title={s.sentence.text ?? ''}>
          {s.title ?? s.document.slice(0, 8)}
          {s.published ? ` · ${s.published}` : ''}
        </a>
      ))}
      {uniq.length > 8 ? <span className="muted">+{uniq.length - 8} more</span> : null}
    </div>
  );
}

const STATUS_KIND: Record<string, string> = { confirmed: 'ok', reported: 'info', planned: 'plan', potential: 'plan', denied: 'bad' };

/** Participants as "A, B". */
export function names(ps: readonly { name: string }[]): string {
  return ps.map((p) => p.name).join(', ');
}

/** One merged event as a clickable line (opens the evidence view of its first mention). */
export function EventLine({ ev }: { ev: MergedEvent }) {
  const m = ev.mentions[0];
  const href = m ? docHref(m.document, { event: m.event_id }) : '#/timeline';
  return (
    <a className="event-line" href={href} data-testid="event-link">
      <span className="ev-date">{ev.date?.value ?? ev.first_seen ?? 'undated'}</span>
      <Chip kind={`type type-${ev.type}`}>{ev.type}</Chip>
      {ev.mode ? <span className="muted">{ev.mode}</span> : null}
      <span className="ev-who">
        {names(ev.actors) || '—'}
        <span className="arrow"> → </span>
        {names(ev.recipients) || '—'}
      </span>
      <Chip kind={STATUS_KIND[ev.status] ?? 'info'}>{ev.status}</Chip>
      {ev.disputed ? <Chip kind="bad">disputed</Chip> : null}
      {ev.quantities.length > 0 ? <span className="muted">{ev.quantities.map((q) => `${q.approx ? '~' : ''}${q.value}${q.of ? ` ${q.of}` : ''}`).join('; ')}</span> : null}
      <span className="ev-trigger muted">“{m?.trigger.text ?? ''}”</span>
      {ev.documents.length > 1 ? <span className="muted">{ev.documents.length} articles</span> : null}
    </a>
  );
}
