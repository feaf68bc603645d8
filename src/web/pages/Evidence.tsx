import { api, type MergedEvent } from '../api.ts';
import { Article, EventLabels, EventList } from '../components/Article.tsx';
import { ErrorBox, Loading, useAsync } from '../components/ui.tsx';
import { docHref } from '../route.ts';

/** One article with an event's evidence highlighted, and the other articles that report the same event. */
export function EvidencePage({ id, params }: { id: string; params: URLSearchParams }) {
  const doc = useAsync(() => api.document(id), [id]);
  const merged = useAsync(() => api.allEvents({ document: id }, 2000), [id]);
  const selected = params.get('event');
  const s = /^(\d+)-(\d+)$/.exec(params.get('s') ?? '');
  const sentence = s ? { start: Number(s[1]), end: Number(s[2]) } : null;
  const select = (ev: string) => {
    window.location.hash = docHref(id, { event: ev });
  };

  if (doc.error) return <ErrorBox error={doc.error} />;
  if (!doc.value) return <Loading what="the article" />;
  const d = doc.value;
  const ex = d.extraction;
  // A situation source names a sentence: select the first event read from it.
  const chosen = selected ?? (sentence ? (ex.events.find((e) => e.sentence.start === sentence.start)?.id ?? null) : null);
  const ev = ex.events.find((e) => e.id === chosen) ?? null;
  const same: MergedEvent | undefined = ev ? merged.value?.find((m) => m.mentions.some((x) => x.document === id && x.event_id === ev.id)) : undefined;
  const others = same ? same.mentions.filter((m) => m.document !== id) : [];

  return (
    <div className="page evidence">
      <header className="doc-head">
        <h2>{d.title ?? 'Untitled article'}</h2>
        <p className="muted">
          {d.published ?? 'undated'}
          {d.publisher ? ` · ${d.publisher}` : ''}
          {d.url ? ' · ' : ''}
          {d.url && /^https?:\/\//i.test(d.url) ? (
            <a href={d.url} rel="noreferrer noopener" target="_blank">
              {d.url}
            </a>
          ) : (
            (d.url ?? '')
          )}
          {` · ${ex.events.length} events`}
        </p>
      </header>
      <div className="evidence-grid">
        <div>
          {ev ? <EventLabels ev={ev} /> : <p className="muted">Click an underlined word or an event on the right to see its evidence.</p>}
          <Article text={d.text} extraction={ex} selected={ev?.id ?? null} onSelect={select} sentence={sentence} />
        </div>
        <aside>
          {ev ? (
            <section data-testid="same-event">
              <h3>Same event elsewhere</h3>
              {same ? (
                <p className="muted">
                  merged status: <strong>{same.status}</strong>
                  {same.disputed ? ' (disputed)' : ''}; {same.documents.length} article{same.documents.length === 1 ? '' : 's'}
                </p>
              ) : null}
              {others.length === 0 ? <p className="muted">No other article reports it.</p> : null}
              <ul className="others">
                {others.map((m) => (
                  <li key={`${m.document}:${m.event_id}`}>
                    <a href={docHref(m.document, { event: m.event_id })}>
                      {m.title ?? m.document.slice(0, 8)} {m.published ? `· ${m.published}` : ''}
                    </a>
                    <div className="muted quote">{m.sentence.text ?? m.trigger.text}</div>
                    <span className={`chip chip-modality modality-${m.modality}`}>{m.modality}</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section>
            <h3>Events in this article</h3>
            <EventList events={ex.events} selected={ev?.id ?? null} onSelect={select} />
          </section>
        </aside>
      </div>
    </div>
  );
}
