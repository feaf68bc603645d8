/** Hash routes of the UI: #/situation, #/timeline, #/network, #/doc/<id>?event=<id>&s=<start>-<end>, #/paste, #/documents. */
export interface Route {
  readonly page: 'situation' | 'timeline' | 'network' | 'doc' | 'paste' | 'documents';
  readonly id: string | null;
  readonly params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const h = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = h.split('?', 2);
  const parts = path.split('/').filter(Boolean);
  const params = new URLSearchParams(query);
  const page = parts[0];
  if (page === 'doc' && parts[1]) return { page: 'doc', id: decodeURIComponent(parts[1]), params };
  if (page === 'timeline' || page === 'network' || page === 'paste' || page === 'documents') return { page, id: null, params };
  return { page: 'situation', id: null, params };
}

/** Link to the evidence view of a document, optionally selecting an event or highlighting a sentence. */
export function docHref(document: string, opts: { event?: string | null; sentence?: { start: number; end: number } | null } = {}): string {
  const q = new URLSearchParams();
  if (opts.event) q.set('event', opts.event);
  if (opts.sentence) q.set('s', `${opts.sentence.start}-${opts.sentence.end}`);
  const s = q.toString();
  return `#/doc/${encodeURIComponent(document)}${s ? `?${s}` : ''}`;
}
