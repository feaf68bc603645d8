/** The UI's client of the HTTP API. It imports only the API's contract types. */
import type {
  DocumentRowOut,
  EntityRowOut,
  Extraction,
  Health,
  IngestResult,
  MergedEvent,
  Page,
  SearchHit,
  Situation,
  StoredDocumentOut,
} from '../server/contract.ts';

export type {
  DocumentRowOut,
  EntityRowOut,
  EventOut,
  Extraction,
  Health,
  IngestResult,
  MergedEvent,
  MentionRef,
  Page,
  SearchHit,
  Situation,
  SourceRef,
  StoredDocumentOut,
} from '../server/contract.ts';

/** An error answered by the API: its stable code and message. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'parley-token';

/** The bearer token kept for this browser tab (needed for writes, and for reads on a server that is not on loopback). */
export function savedToken(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

export function saveToken(token: string): void {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage disabled: the token lives only in the page
  }
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  const token = savedToken();
  if (token && !headers.has('Authorization')) headers.set('Authorization', `Bearer ${token}`);
  const res = await fetch(path, { ...init, headers });
  const type = res.headers.get('content-type') ?? '';
  const body: unknown = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) {
    const e = (body as { error?: { code?: string; message?: string } }).error;
    throw new ApiError(e?.code ?? 'HTTP', e?.message ?? `HTTP ${res.status}`, res.status);
  }
  return body as T;
}

function qs(params: Record<string, string | number | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

/** Filters of the events listing. */
export interface EventFilters {
  actor?: string;
  recipient?: string;
  type?: string;
  modality?: string;
  since?: string;
  until?: string;
  document?: string;
}

export const api = {
  health: () => request<Health>('/api/health'),
  situation: () => request<Situation>('/api/situation'),
  events: (f: EventFilters, limit = 100, cursor?: string | null) => request<Page<MergedEvent>>(`/api/events${qs({ ...f, limit, cursor })}`),
  /** Every event matching `f` (pages of 500, at most `max`). */
  async allEvents(f: EventFilters = {}, max = 5000): Promise<MergedEvent[]> {
    const out: MergedEvent[] = [];
    let cursor: string | null | undefined;
    do {
      const p = await api.events(f, 500, cursor);
      out.push(...p.items);
      cursor = p.next;
    } while (cursor && out.length < max);
    return out;
  },
  documents: (limit = 100, cursor?: string | null) => request<Page<DocumentRowOut>>(`/api/documents${qs({ limit, cursor })}`),
  document: (id: string) => request<StoredDocumentOut>(`/api/documents/${encodeURIComponent(id)}`),
  entities: (name?: string) => request<Page<EntityRowOut>>(`/api/entities${qs({ name, limit: 500 })}`),
  search: (q: string) => request<{ items: SearchHit[] }>(`/api/search${qs({ q })}`),
  extract: (text: string, published?: string) =>
    request<{ text: string; extraction: Extraction }>(`/api/extract${qs({ published })}`, { method: 'POST', headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: text }),
  ingest: (text: string, token: string, published?: string, title?: string) =>
    request<IngestResult>(`/api/ingest${qs({ published, title })}`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain; charset=utf-8', Authorization: `Bearer ${token}` },
      body: text,
    }),
};
