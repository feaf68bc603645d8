import { useState, type FormEvent } from 'react';
import { api, saveToken, savedToken, type Extraction, type IngestResult } from '../api.ts';
import { Article, EventLabels, EventList } from '../components/Article.tsx';
import { ErrorBox } from '../components/ui.tsx';
import { docHref } from '../route.ts';

/** Paste an article and see it coded at once (nothing stored), or store it with the write token. */
export function PastePage() {
  const [text, setText] = useState('');
  // Relative dates ("on Tuesday") resolve against the publication date: today unless changed.
  const [published, setPublished] = useState(() => new Date().toISOString().slice(0, 10));
  const [title, setTitle] = useState('');
  const [token, setToken] = useState(savedToken());
  const [result, setResult] = useState<{ text: string; extraction: Extraction } | null>(null);
  const [stored, setStored] = useState<IngestResult | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const code = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setStored(null);
    try {
      const r = await api.extract(text, published || undefined);
      setResult(r);
      setSelected(r.extraction.events[0]?.id ?? null);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const store = async () => {
    setBusy(true);
    setError(null);
    try {
      setStored(await api.ingest(text, token, published || undefined, title || undefined));
      saveToken(token);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const ev = result?.extraction.events.find((x) => x.id === selected) ?? null;
  return (
    <div className="page">
      <form className="paste" onSubmit={code}>
        <textarea value={text} onChange={(e) => setText(e.target.value)} placeholder="Paste a news article (plain text or HTML)…" rows={10} data-testid="paste-text" />
        <div className="filters">
          <label>
            published <input type="date" value={published} onChange={(e) => setPublished(e.target.value)} />
          </label>
          <label>
            title <input value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <button type="submit" disabled={busy || text.trim() === ''}>
            Code it
          </button>
          <label>
            token <input type="password" value={token} onChange={(e) => setToken(e.target.value)} placeholder="to store it" autoComplete="off" />
          </label>
          <button type="button" disabled={busy || text.trim() === '' || token === ''} onClick={() => void store()}>
            Store it
          </button>
        </div>
      </form>
      {error ? <ErrorBox error={error} /> : null}
      {stored ? (
        <p className="ok">
          {stored.results.map((r) =>
            r.id && r.status !== 'failed' ? (
              <a key={r.origin} href={docHref(r.id)}>
                {r.status === 'new' ? `stored with ${r.events} events` : 'already stored'} — open it
              </a>
            ) : (
              <span key={r.origin}>{r.error?.message ?? r.status}</span>
            ),
          )}
        </p>
      ) : null}
      {result ? (
        <div className="evidence-grid">
          <div>
            {ev ? <EventLabels ev={ev} /> : null}
            <Article text={result.text} extraction={result.extraction} selected={selected} onSelect={setSelected} />
          </div>
          <aside>
            <h3>{result.extraction.events.length} events</h3>
            <EventList events={result.extraction.events} selected={selected} onSelect={setSelected} />
          </aside>
        </div>
      ) : null}
    </div>
  );
}
