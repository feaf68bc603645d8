import { useEffect, useState, type ReactNode } from 'react';
import { saveToken, savedToken, type MergedEvent, type SourceRef } from '../api.ts';
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
  const needsToken = /token|Authorization/i.test(error);
  const [token, setToken] = useState(savedToken());
  return (
    <div className="error" role="alert">
      {error}
      {needsToken ? (
        <form
          className="token-form"
          onSubmit={(e) => {
            e.preventDefault();
            saveToken(token.trim());
            window.location.reload();
          }}
        >
          <input type="password" value={token} onChange={(e) => setToken(e.target.value)} placeholder="API token" autoComplete="off" />
          <button type="submit">Use this token</button>
        </form>
      ) : null}
    </div>
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

/** Links to the sentences that an item was read from, grouped by article (numbered sentences, text on hover). */
export function Sources({ sources }: { sources: readonly SourceRef[] }) {
  if (sources.length === 0) return null;
  const docs = new Map<string, { ref: SourceRef; sentences: SourceRef[] }>();
  const seen = new Set<string>();
  for (const s of sources) {
    const k = `${s.document}:${s.sentence.start}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const d = docs.get(s.document) ?? { ref: s, sentences: [] };
    d.sentences.push(s);
    docs.set(s.document, d);
  }
  const list = [...docs.values()];
  return (
    <div className="sources">
      <span className="muted">sources:</span>
      {list.slice(0, 6).map(({ ref, sentences }) => (
        <span key={ref.document} className="source-doc">
          <a className="source" href={docHref(ref.document, { sentence: sentences[0]!.sentence })} title={sentences[0]!.sentence.text ?? ''}>
            {ref.title ?? ref.document.slice(0, 8)}
            {ref.published ? ` · ${ref.published}` : ''}
          </a>
          {sentences.slice(1, 8).map((s, i) => (
            <a key={s.sentence.start} className="source-n" href={docHref(s.document, { sentence: s.sentence })} title={s.sentence.text ?? ''}>
              {i + 2}
            </a>
          ))}
        </span>
      ))}
      {list.length > 6 ? <span className="muted">+{list.length - 6} more articles</span> : null}
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
      {ev.date ? (
        <span className="ev-date">{ev.date.value}</span>
      ) : (
        <span className="ev-date undated" title="no date in the text: the date of the first article that reports it">
          reported {ev.first_seen ?? '?'}
        </span>
      )}
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
