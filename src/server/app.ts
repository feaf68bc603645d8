import { timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { ParleyError } from '../core/index.js';
import type { Document } from '../core/index.js';
import { annotate } from '../extract.js';
import { decodeText, documentFromHtml, documentFromText, jsonlRecord, looksLikeHtml, type SourceItem } from '../ingest/index.js';
import { toExtraction } from '../output/format.js';
import { contentHash, situationOf, type Store } from '../store/index.js';
import {
  ArticleBodySchema,
  ArticleMetaSchema,
  DocumentQuerySchema,
  EntityQuerySchema,
  EventQuerySchema,
  SearchQuerySchema,
  SituationQuerySchema,
  type IngestResult,
  type Page,
  type SearchHit,
} from './contract.js';
import { badRequest, errorResponse } from './errors.js';
import { openApiDocument } from './openapi.js';
import { webHandler } from './web.js';

/** Default request body limit: 5 MB (larger bodies get 413 TOO_LARGE). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** Options of `createApp`. */
export interface AppOptions {
  readonly store: Store;
  /** The bearer token that writes need (and reads, when `openReads` is false). */
  readonly token: string;
  /** Reads without a token (true when the server listens on loopback only). */
  readonly openReads?: boolean;
  /** Largest request body in bytes. */
  readonly maxBodyBytes?: number;
  /** Folder of the built web UI (dist/web); null serves no UI. */
  readonly webRoot?: string | null;
  /** Host names accepted in the Host header (guards loopback servers against DNS rebinding); empty accepts any. */
  readonly allowedHosts?: readonly string[];
  /**
   * How long (ms) a read answer is reused for the same URL (default 1000; 0 turns it off). Writes
   * through this server clear it at once; writes by other processes show within this delay.
   */
  readonly cacheMs?: number;
}

/** Read answers shared by concurrent and repeated requests for the same URL, for a short time. */
class ReadCache {
  private readonly entries = new Map<string, { at: number; body: Promise<Uint8Array> }>();
  constructor(private readonly ttl: number) {}

  get(key: string, compute: () => Promise<unknown>): Promise<Uint8Array> {
    const encode = (v: unknown) => new Uint8Array(Buffer.from(JSON.stringify(v)));
    if (this.ttl <= 0) return compute().then(encode);
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttl) return hit.body;
    if (this.entries.size >= 1000) this.entries.clear();
    const body = compute().then(encode);
    this.entries.set(key, { at: now, body });
    body.catch(() => this.entries.delete(key));
    return body;
  }

  clear(): void {
    this.entries.clear();
  }
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Validates a query string with a zod schema; the first problem becomes a 400 BAD_OPTION. */
function parseQuery<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw badRequest(`${where}${issue?.message ?? 'bad request'}`);
}

function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const m = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw badRequest('cursor: not a cursor returned by this API');
  return Number(m[1]);
}

/** Reads one page of an async listing: skips `offset` items, keeps `limit`, and stops reading after one more. */
export async function page<T>(
  items: AsyncIterable<T>,
  q: { limit: number; offset?: number | undefined; cursor?: string | undefined },
  keep: (item: T) => boolean = () => true,
): Promise<Page<T>> {
  const offset = q.cursor !== undefined ? decodeCursor(q.cursor) : (q.offset ?? 0);
  const out: T[] = [];
  let seen = 0;
  let more = false;
  for await (const item of items) {
    if (!keep(item)) continue;
    if (seen++ < offset) continue;
    if (out.length === q.limit) {
      more = true;
      break;
    }
    out.push(item);
  }
  return { items: out, next: more ? encodeCursor(offset + out.length) : null, offset };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Up to three snippets of `text` around case-insensitive matches of `q` (a literal, so linear). */
export function snippets(text: string, q: string, max = 3): SearchHit['snippets'] {
  const re = new RegExp(escapeRegExp(q), 'giu');
  const out: SearchHit['snippets'] = [];
  for (const m of text.matchAll(re)) {
    const start = m.index;
    const end = start + m[0].length;
    const a = Math.max(0, start - 80);
    const b = Math.min(text.length, end + 80);
    out.push({ start, end, text: text.slice(a, b) });
    if (out.length === max) break;
  }
  return out;
}

/** Builds the documents that a request body holds: plain text, HTML, a JSON article or JSONL records. */
function articlesOf(body: string, contentType: string, query: Record<string, string>): SourceItem[] {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  const meta = parseQuery(ArticleMetaSchema, query);
  const base = { title: meta.title ?? null, url: meta.url ?? null, published: meta.published ?? null, source: 'api' };
  if (body.trim() === '') throw new ParleyError('EMPTY_INPUT', 'the request body is empty');
  if (type === 'application/x-ndjson' || type === 'application/jsonl' || type === 'application/jsonlines' || type === 'application/x-jsonlines') {
    const items: SourceItem[] = [];
    let n = 0;
    for (const line of body.split('\n')) {
      n++;
      if (line.trim() === '') continue;
      items.push(jsonlRecord(line, `line ${n}`));
    }
    return items;
  }
  if (type === 'application/json') {
    let raw: unknown;
    try {
      raw = JSON.parse(body);
    } catch {
      throw new ParleyError('BAD_JSON', 'the request body is not valid JSON');
    }
    const a = ArticleBodySchema.safeParse(raw);
    if (!a.success) throw new ParleyError('BAD_INPUT', 'a JSON article is an object {text | html, published?, title?, url?}');
    const m = { ...base, title: a.data.title ?? base.title, url: a.data.url ?? base.url, published: a.data.published ?? base.published };
    let doc: Document;
    if (a.data.text !== undefined) doc = documentFromText(a.data.text, m);
    else if (a.data.html !== undefined) doc = documentFromHtml(a.data.html, m);
    else throw new ParleyError('BAD_INPUT', 'a JSON article needs a "text" or "html" string');
    return [{ ok: true, origin: 'body', document: doc }];
  }
  const html = type === 'text/html' || (type !== 'text/plain' && looksLikeHtml(body));
  return [{ ok: true, origin: 'body', document: html ? documentFromHtml(body, base) : documentFromText(body, base) }];
}

/** Annotates a document; a fatal diagnostic becomes an error. */
function annotated(doc: Document): Document {
  const a = annotate(doc);
  const fatal = a.diagnostics.find((d) => d.severity === 'fatal');
  if (fatal) throw new ParleyError('BAD_INPUT', `the article could not be processed: ${fatal.message}`);
  return a;
}

/** The HTTP API (and the web UI when `webRoot` is given) over a store. */
export function createApp(options: AppOptions): Hono {
  const { store, token } = options;
  const openReads = options.openReads ?? true;
  const allowed = new Set((options.allowedHosts ?? []).map((h) => h.toLowerCase()));
  const app = new Hono();
  const cache = new ReadCache(options.cacheMs ?? 1000);
  const cachedJson = async (c: Context, compute: () => Promise<unknown>): Promise<Response> =>
    c.body((await cache.get(c.req.url, compute)) as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/json' });

  app.onError((e, c) => {
    const { status, body } = errorResponse(e);
    return c.json(body, status as 400);
  });
  app.notFound((c) => {
    const { status, body } = errorResponse(new ParleyError('NOT_FOUND', `no route ${c.req.method} ${c.req.path}`));
    return c.json(body, status as 404);
  });

  app.use('*', async (c, next) => {
    if (allowed.size > 0) {
      const host = (c.req.header('host') ?? '').toLowerCase().replace(/:\d+$/, '');
      if (!allowed.has(host)) throw new ParleyError('BAD_INPUT', 'this server answers only requests addressed to its own host name');
    }
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
  });

  const authorized = (c: Context): boolean => {
    const h = c.req.header('authorization') ?? '';
    const m = /^Bearer (\S+)$/i.exec(h.trim());
    return m !== null && sameToken(m[1]!, token);
  };
  const requireToken = (c: Context, what: string): void => {
    if (authorized(c)) return;
    const given = c.req.header('authorization') !== undefined;
    throw new ParleyError('UNAUTHORIZED', given ? 'the bearer token is wrong' : `${what} needs 'Authorization: Bearer <token>'`);
  };

  app.use('/api/*', async (c, next) => {
    const write = c.req.method !== 'GET' && c.req.method !== 'HEAD' && !(c.req.method === 'POST' && c.req.path === '/api/extract');
    if (write) requireToken(c, 'writing');
    else if (!openReads) requireToken(c, 'reading from a server that is not on loopback');
    await next();
  });

  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: limit,
      onError: (c) => {
        const { status, body } = errorResponse(new ParleyError('TOO_LARGE', `the request body is larger than ${limit} bytes`));
        return c.json(body, status as 413);
      },
    }),
  );

  app.get('/openapi.json', (c) => c.json(openApiDocument()));
  app.get('/api/openapi.json', (c) => c.json(openApiDocument()));

  app.get('/api/health', async (c) => {
    return cachedJson(c, async () => ({ ok: true, store: store.kind, ...(await store.counts()), reads_need_token: !openReads }));
  });

  app.get('/api/documents', async (c) => {
    const q = parseQuery(DocumentQuerySchema, c.req.query());
    const filter = { ...(q.since ? { since: q.since } : {}), ...(q.until ? { until: q.until } : {}) };
    return cachedJson(c, () => page(store.documents(filter), q));
  });

  app.get('/api/documents/:id', async (c) => {
    const id = c.req.param('id');
    const doc = id.length <= 200 ? await store.getDocument(id) : null;
    if (!doc) throw new ParleyError('NOT_FOUND', 'no document with this id');
    return c.json(doc);
  });

  app.get('/api/events', async (c) => {
    const q = parseQuery(EventQuerySchema, c.req.query());
    if (q.since && q.until && q.since > q.until) throw badRequest(`since ${q.since} is after until ${q.until}`);
    const filter = {
      ...(q.actor ? { actor: q.actor } : {}),
      ...(q.recipient ? { recipient: q.recipient } : {}),
      ...(q.type ? { type: q.type } : {}),
      ...(q.modality ? { modality: q.modality } : {}),
      ...(q.since ? { since: q.since } : {}),
      ...(q.until ? { until: q.until } : {}),
    };
    const doc = q.document;
    return cachedJson(c, () => page(store.events(filter), q, doc ? (ev) => ev.documents.includes(doc) : undefined));
  });

  app.get('/api/entities', async (c) => {
    const q = parseQuery(EntityQuerySchema, c.req.query());
    const filter = { ...(q.kind ? { kind: q.kind } : {}), ...(q.name ? { name: q.name } : {}) };
    return cachedJson(c, () => page(store.entities(filter), q));
  });

  app.get('/api/situation', async (c) => {
    const q = parseQuery(SituationQuerySchema, c.req.query());
    return cachedJson(c, () => situationOf(store, q.until));
  });

  app.get('/api/search', async (c) => {
    const q = parseQuery(SearchQuerySchema, c.req.query());
    const hits: SearchHit[] = [];
    for await (const d of store.storedDocuments()) {
      const s = snippets(d.text, q.q);
      const t = d.title !== null && snippets(d.title, q.q, 1).length > 0;
      if (s.length > 0 || t) hits.push({ id: d.id, title: d.title, published: d.published, snippets: s });
      if (hits.length === q.limit) break;
    }
    return c.json({ items: hits });
  });

  /** The body as text: binary data and invalid UTF-8 are refused (415), an empty body too (400). */
  const bodyText = async (c: Context): Promise<string> => {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await c.req.arrayBuffer());
    } catch (e) {
      throw new ParleyError('BAD_INPUT', 'the request body could not be read', { cause: e });
    }
    return decodeText(bytes, 'the request body');
  };

  app.post('/api/extract', async (c) => {
    const items = articlesOf(await bodyText(c), c.req.header('content-type') ?? 'text/plain', c.req.query());
    if (items.length !== 1) throw new ParleyError('BAD_INPUT', 'extract takes one article (use /api/ingest for several)');
    const item = items[0]!;
    if (!item.ok) throw item.error;
    const doc = annotated(item.document);
    return c.json({ text: doc.text, extraction: toExtraction(doc) });
  });

  app.post('/api/ingest', async (c) => {
    const items = articlesOf(await bodyText(c), c.req.header('content-type') ?? 'text/plain', c.req.query());
    const results: IngestResult['results'] = [];
    for (const item of items) {
      if (!item.ok) {
        results.push({ origin: item.origin, status: 'failed', id: null, events: 0, error: { code: item.error.code, message: item.error.message } });
        continue;
      }
      const doc = item.document;
      const hash = contentHash(doc.text);
      if (await store.hasContent(hash)) {
        results.push({ origin: item.origin, status: 'duplicate', id: doc.id, events: 0 });
        continue;
      }
      let extraction;
      try {
        extraction = toExtraction(annotated(doc));
      } catch (e) {
        if (!(e instanceof ParleyError) || items.length === 1) throw e;
        results.push({ origin: item.origin, status: 'failed', id: null, events: 0, error: { code: e.code, message: e.message } });
        continue;
      }
      const r = await store.putDocument({ id: doc.id, text: doc.text, meta: doc.meta, contentHash: hash, extraction });
      cache.clear();
      results.push({ origin: item.origin, status: r, id: doc.id, events: r === 'new' ? extraction.events.length : 0 });
    }
    if (items.length === 1 && !items[0]!.ok) throw items[0]!.error;
    const merged = await store.refreshMerged({ ifStale: true });
    cache.clear();
    const added = results.some((r) => r.status === 'new');
    return c.json({ results, merged_events: merged } satisfies IngestResult, added ? 201 : 200);
  });

  app.all('/api/*', () => {
    throw new ParleyError('NOT_FOUND', 'no such API route');
  });

  if (options.webRoot !== null) app.get('*', webHandler(options.webRoot ?? null));
  return app;
}
