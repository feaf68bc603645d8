import { useEffect, useState } from 'react';
import { DocumentsPage } from './pages/Documents.tsx';
import { EvidencePage } from './pages/Evidence.tsx';
import { NetworkPage } from './pages/Network.tsx';
import { PastePage } from './pages/Paste.tsx';
import { SituationPage } from './pages/Situation.tsx';
import { TimelinePage } from './pages/Timeline.tsx';
import { parseRoute } from './route.ts';

const NAV = [
  ['situation', 'Situation'],
  ['timeline', 'Timeline'],
  ['network', 'Actor network'],
  ['documents', 'Articles'],
  ['paste', 'Code an article'],
] as const;

/** The Parley UI: hash routes over the HTTP API. */
export function App() {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const on = () => setHash(window.location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  const route = parseRoute(hash);
  return (
    <>
      <header className="top">
        <a className="brand" href="#/situation">
          Parley
        </a>
        <nav>
          {NAV.map(([page, label]) => (
            <a key={page} href={`#/${page}`} className={route.page === page ? 'active' : ''}>
              {label}
            </a>
          ))}
        </nav>
      </header>
      <main>
        {route.page === 'situation' ? <SituationPage /> : null}
        {route.page === 'timeline' ? <TimelinePage params={route.params} /> : null}
        {route.page === 'network' ? <NetworkPage /> : null}
        {route.page === 'documents' ? <DocumentsPage /> : null}
        {route.page === 'paste' ? <PastePage /> : null}
        {route.page === 'doc' && route.id ? <EvidencePage key={route.id} id={route.id} params={route.params} /> : null}
      </main>
    </>
  );
}
