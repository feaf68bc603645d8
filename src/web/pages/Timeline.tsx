import { useEffect, useState, type FormEvent } from 'react';
import { api, type EventFilters, type MergedEvent } from '../api.ts';
import { ErrorBox, EventLine, Loading, useAsync } from '../components/ui.tsx';

const TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];
const MODALITIES = ['asserted', 'reported', 'planned', 'potential', 'negated'];

function filtersFrom(params: URLSearchParams): EventFilters {
  const f: EventFilters = {};
  for (const k of ['actor', 'type', 'modality', 'since', 'until'] as const) {
    const v = params.get(k);
    if (v) f[k] = v;
  }
  return f;
}

/** Events by date, filterable by actor, type, modality and dates (kept in the URL). */
export function TimelinePage({ params }: { params: URLSearchParams }) {
  const filters = filtersFrom(params);
  const key = JSON.stringify(filters);
  const [draft, setDraft] = useState<EventFilters>(filters);
  const [items, setItems] = useState<MergedEvent[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const actors = useAsync(() => api.entities(), []);

  const load = (cursor: string | null) => {
    setLoading(true);
    api.events(filters, 100, cursor).then(
      (p) => {
        setItems((old) => (cursor ? [...old, ...p.items] : p.items));
        setNext(p.next);
        setError(null);
        setLoading(false);
      },
      (e: Error) => {
        setError(e.message);
        setLoading(false);
      },
    );
  };
  useEffect(() => {
    setDraft(filters);
    load(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(draft)) if (v) q.set(k, v);
    window.location.hash = `#/timeline${q.toString() ? `?${q}` : ''}`;
  };
  const set = (k: keyof EventFilters) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value });

  const byDay = new Map<string, MergedEvent[]>();
  for (const ev of items) {
    const d = ev.date?.value ?? 'no date in the text';
    byDay.set(d, [...(byDay.get(d) ?? []), ev]);
  }
  return (
    <div className="page">
      <form className="filters" onSubmit={submit}>
        <label>
          actor <input value={draft.actor ?? ''} onChange={set('actor')} placeholder="name or code" list="actor-names" />
          <datalist id="actor-names">
            {(actors.value?.items ?? []).map((e) => (
              <option key={`${e.kind}:${e.name}`} value={e.name} />
            ))}
          </datalist>
        </label>
        <label>
          type
          <select value={draft.type ?? ''} onChange={set('type')}>
            <option value="">any</option>
            {TYPES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label>
          modality
          <select value={draft.modality ?? ''} onChange={set('modality')}>
            <option value="">any</option>
            {MODALITIES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label>
          since <input type="date" value={draft.since ?? ''} onChange={set('since')} />
        </label>
        <label>
          until <input type="date" value={draft.until ?? ''} onChange={set('until')} />
        </label>
        <button type="submit">Filter</button>
        <button type="button" onClick={() => (window.location.hash = '#/timeline')}>
          Clear
        </button>
      </form>
      {error ? <ErrorBox error={error} /> : null}
      <div className="timeline">
        {[...byDay.entries()].map(([day, evs]) => (
          <section key={day} className="day">
            <h3>{day}</h3>
            <div className="event-lines">
              {evs.map((ev) => (
                <EventLine key={ev.id} ev={ev} />
              ))}
            </div>
          </section>
        ))}
      </div>
      {loading ? <Loading what="events" /> : null}
      {!loading && items.length === 0 && !error ? <p className="muted">No events match these filters.</p> : null}
      {next && !loading ? (
        <button className="more" onClick={() => load(next)}>
          Load more
        </button>
      ) : null}
    </div>
  );
}
