import { api, type Situation } from '../api.ts';
import { Chip, ErrorBox, EventLine, Loading, Sources, useAsync } from '../components/ui.tsx';

const CAPTIVE_KIND: Record<string, string> = { held: 'warn', released: 'ok', rescued: 'ok', dead: 'bad', 'declared dead': 'bad' };

function Negotiations({ items }: { items: Situation['negotiations'] }) {
  if (items.length === 0) return <p className="muted">No negotiations found yet.</p>;
  return (
    <div className="cards">
      {items.map((n) => (
        <div className="card" key={n.id}>
          <h3>{n.parties.join(' · ') || 'unnamed parties'}</h3>
          <div className="labels">
            <Chip kind={n.channel === 'mediated' ? 'info' : 'ok'}>{n.channel}</Chip>
            <Chip kind={n.status === 'stalled' ? 'warn' : n.status === 'concluded' ? 'ok' : 'info'}>{n.status}</Chip>
            {n.disputed ? <Chip kind="bad">disputed</Chip> : null}
          </div>
          <dl>
            {n.mediators.length > 0 ? (
              <>
                <dt>mediators</dt>
                <dd>{n.mediators.join(', ')}</dd>
              </>
            ) : null}
            {n.involved.length > 0 ? (
              <>
                <dt>also involved</dt>
                <dd>{n.involved.join(', ')}</dd>
              </>
            ) : null}
            {n.where ? (
              <>
                <dt>where</dt>
                <dd>{n.where}</dd>
              </>
            ) : null}
            {n.leads.length > 0 ? (
              <>
                <dt>led by</dt>
                <dd>{n.leads.map((l) => (l.side ? `${l.name} (${l.side})` : l.name)).join(', ')}</dd>
              </>
            ) : null}
            {n.subject ? (
              <>
                <dt>subject</dt>
                <dd>{n.subject}</dd>
              </>
            ) : null}
            <dt>seen</dt>
            <dd>
              {n.first_seen ?? '?'} – {n.last_seen ?? '?'}
            </dd>
          </dl>
          <Sources sources={[...n.sources, ...n.denials]} />
        </div>
      ))}
    </div>
  );
}

function Agreements({ items }: { items: Situation['agreements'] }) {
  if (items.length === 0) return <p className="muted">No agreements found yet.</p>;
  return (
    <div className="cards">
      {items.map((a) => (
        <div className="card" key={a.id}>
          <h3>{a.name}</h3>
          <div className="labels">
            <Chip kind={a.status === 'in_force' ? 'ok' : a.status === 'ended' ? 'bad' : 'plan'}>{a.status.replace('_', ' ')}</Chip>
            {a.in_force_since ? <span className="muted">in force since {a.in_force_since}</span> : null}
          </div>
          {a.parties.length > 0 ? <p>{a.parties.join(' · ')}</p> : null}
          {a.phases.length > 0 ? (
            <ol className="phases" aria-label="phases">
              {a.phases.map((p) => (
                <li key={p} className={p === a.phase ? 'current' : p < (a.phase ?? 0) ? 'past' : ''}>
                  phase {p}
                  {p === a.phase ? ' (current)' : ''}
                </li>
              ))}
            </ol>
          ) : null}
          {a.next.length > 0 ? <p className="muted">next: {a.next.join(', ')}</p> : null}
          <Sources sources={a.sources} />
        </div>
      ))}
    </div>
  );
}

function group(g: { count: number | null; approx: boolean; who: string | null }): string {
  return `${g.count === null ? '' : `${g.approx ? 'about ' : ''}${g.count} `}${g.who ?? (g.count === null ? 'people' : '')}`.trim();
}

function Exchanges({ items }: { items: Situation['exchanges'] }) {
  if (items.length === 0) return <p className="muted">No exchanges found yet.</p>;
  return (
    <table className="grid">
      <thead>
        <tr>
          <th>date</th>
          <th>released by</th>
          <th>released</th>
          <th>in return</th>
          <th>sources</th>
        </tr>
      </thead>
      <tbody>
        {items.map((x) => (
          <tr key={x.id}>
            <td>
              {x.date ?? x.first_seen ?? '—'} {x.planned ? <Chip kind="plan">planned</Chip> : null}
            </td>
            <td>{x.released_by ?? '—'}</td>
            <td>{x.released.map(group).join('; ') || '—'}</td>
            <td>{x.in_return ? group(x.in_return) : '—'}</td>
            <td>
              <Sources sources={x.sources} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Captives({ items }: { items: Situation['captives'] }) {
  if (items.length === 0) return <p className="muted">No captives found yet.</p>;
  return (
    <table className="grid">
      <thead>
        <tr>
          <th>who</th>
          <th>status</th>
          <th>held by</th>
          <th>last update</th>
          <th>sources</th>
        </tr>
      </thead>
      <tbody>
        {items.map((c) => {
          const last = c.history.length > 0 ? c.history[c.history.length - 1]! : null;
          return (
            <tr key={c.id}>
              <td>
                {c.name ?? group({ count: c.count, approx: false, who: c.who })}
                {c.age !== null ? <span className="muted">, {c.age}</span> : null}
                {c.nationality ? <span className="muted"> ({c.nationality})</span> : null}
              </td>
              <td>
                <Chip kind={CAPTIVE_KIND[c.status] ?? 'info'}>{c.status}</Chip>
                {c.declared_by ? <span className="muted"> by {c.declared_by}</span> : null}
              </td>
              <td>{c.held_by ?? '—'}</td>
              <td>
                {last?.published ?? c.first_seen ?? '—'}
                {c.last_seen ? <span className="muted"> (last seen alive {c.last_seen})</span> : null}
              </td>
              <td>
                <Sources sources={c.sources} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The negotiation picture, with the latest events. */
export function SituationPage() {
  const sit = useAsync(() => api.situation(), []);
  const events = useAsync(() => api.allEvents({}, 2000), []);
  if (sit.error) return <ErrorBox error={sit.error} />;
  if (!sit.value) return <Loading what="the situation" />;
  const s = sit.value;
  const latest = [...(events.value ?? [])]
    .sort((a, b) => (b.date?.value ?? b.first_seen ?? '').localeCompare(a.date?.value ?? a.first_seen ?? '') || (b.last_seen ?? '').localeCompare(a.last_seen ?? ''))
    .slice(0, 25);
  return (
    <div className="page" data-testid="situation-page">
      <p className="muted">
        {s.documents} article{s.documents === 1 ? '' : 's'}{s.first_published ? `, published ${s.first_published} – ${s.last_published ?? '?'}` : ''}. Every item links to the sentences it
        was read from.
      </p>
      <section>
        <h2>Negotiations</h2>
        <Negotiations items={s.negotiations} />
      </section>
      <section>
        <h2>Agreements</h2>
        <Agreements items={s.agreements} />
      </section>
      <section>
        <h2>Exchanges</h2>
        <Exchanges items={s.exchanges} />
      </section>
      <section>
        <h2>Captives</h2>
        <Captives items={s.captives} />
      </section>
      <section>
        <h2>Latest events</h2>
        {events.error ? <ErrorBox error={events.error} /> : null}
        {events.loading ? <Loading what="events" /> : null}
        <div className="event-lines">
          {latest.map((ev) => (
            <EventLine key={ev.id} ev={ev} />
          ))}
        </div>
        {!events.loading && latest.length === 0 ? <p className="muted">No events yet.</p> : null}
      </section>
    </div>
  );
}
