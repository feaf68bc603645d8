import { useState, type FormEvent } from 'react';
import { api, type SearchHit } from '../api.ts';
import { ErrorBox, Loading, useAsync } from '../components/ui.tsx';
import { docHref } from '../route.ts';

/** Stored articles, and a search over their text. */
export function DocumentsPage() {
  const docs = useAsync(() => api.documents(500), []);
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const search = async (e: FormEvent) => {
    e.preventDefault();
    try {
      setHits((await api.search(q)).items);
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <div className="page">
      <form className="filters" onSubmit={search}>
        <label>
          search the articles <input value={q} onChange={(e) => setQ(e.target.value)} placeholder="a word or phrase" />
        </label>
        <button type="submit">Search</button>
      </form>
      {error ? <ErrorBox error={error} /> : null}
      {hits ? (
        <ul className="hits">
          {hits.length === 0 ? <li className="muted">No article contains it.</li> : null}
          {hits.map((h) => (
            <li key={h.id}>
              <a href={docHref(h.id)}>{h.title ?? h.id}</a> <span className="muted">{h.published ?? ''}</span>
              {h.snippets.map((s, i) => (
                <div key={i} className="muted quote">
                  …{s.text}…
                </div>
              ))}
            </li>
          ))}
        </ul>
      ) : null}
      {docs.error ? <ErrorBox error={docs.error} /> : null}
      {docs.loading ? <Loading what="articles" /> : null}
      <table className="grid">
        <thead>
          <tr>
            <th>published</th>
            <th>title</th>
            <th>events</th>
          </tr>
        </thead>
        <tbody>
          {(docs.value?.items ?? []).map((d) => (
            <tr key={d.id}>
              <td>{d.published ?? '—'}</td>
              <td>
                <a href={docHref(d.id)}>{d.title ?? d.externalId ?? d.id}</a>
              </td>
              <td>{d.eventCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
