import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.js';
import { createApp, MAX_BODY_BYTES, page, snippets, startServer, type RunningServer } from './index.js';

// Articles written for these tests.
const TALKS = `Envoys from Egypt and Qatar met Hamas officials in Cairo on Monday to discuss a truce in Gaza.
Israel said it would release 50 prisoners if the group freed 10 hostages, according to a senior official.
The army shelled a town near the border on Tuesday, residents said.`;
const RAID = `Russian forces attacked the Ukrainian city of Kharkiv on Sunday, killing three people, officials said.
Ukraine accused Moscow of targeting civilians and called for more air defence from its allies.`;

const TOKEN = 'test-token-0123456789abcdef';
let store: Store;
let server: RunningServer;
let base: string;
const dir = mkdtempSync(join(tmpdir(), 'parley-server-'));

async function call(path: string, init: RequestInit = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(base + path.replace(/^\//, ''), init);
  const text = await res.text();
  let body: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('json')) body = JSON.parse(text);
  return { status: res.status, body, headers: res.headers };
}
const auth = { Authorization: `Bearer ${TOKEN}` };

beforeAll(async () => {
  store = await openStore(':memory:');
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>ui</title><div id="root"></div>');
  server = await startServer({ store, token: TOKEN, port: 0, webRoot: dir });
  base = server.url;
  const a = await call('/api/ingest?published=2025-01-20&title=Talks', { method: 'POST', headers: { ...auth, 'Content-Type': 'text/plain' }, body: TALKS });
  expect(a.status).toBe(201);
  const b = await call('/api/ingest', {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ text: RAID, published: '2025-02-02', title: 'Raid' }),
  });
  expect(b.status).toBe(201);
});

afterAll(async () => {
  await server?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('HTTP API on loopback', () => {
  it('binds to 127.0.0.1 by default and describes itself in /openapi.json', async () => {
    expect(server.host).toBe('127.0.0.1');
    const r = await call('/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe('3.1.0');
    expect(Object.keys(r.body.paths)).toEqual(expect.arrayContaining(['/api/events', '/api/documents/{id}', '/api/ingest', '/api/situation', '/api/search']));
    expect(r.body.components.schemas.Extraction.properties.events.type).toBe('array');
    expect(r.body.components.schemas.MergedEvent.required).toContain('mentions');
    const params = r.body.paths['/api/events'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['actor', 'recipient', 'type', 'modality', 'since', 'until', 'limit', 'cursor', 'offset']));
  });

  it('lists documents and returns one with its extraction', async () => {
    const list = await call('/api/documents');
    expect(list.status).toBe(200);
    expect(list.body.items.map((d: { title: string }) => d.title)).toEqual(['Talks', 'Raid']);
    const doc = await call(`/api/documents/${list.body.items[0].id}`);
    expect(doc.status).toBe(200);
    expect(doc.body.text).toBe(TALKS);
    expect(doc.body.extraction.events.length).toBeGreaterThan(0);
    expect(doc.body.extraction.document.published).toBe('2025-01-20');
  });

  it('filters and pages events', async () => {
    const all = await call('/api/events?limit=500');
    expect(all.body.items.length).toBeGreaterThan(2);
    const types = new Set<string>(all.body.items.map((e: { type: string }) => e.type));
    for (const t of types) {
      const r = await call(`/api/events?type=${t.toLowerCase()}`);
      expect(r.status).toBe(200);
      expect(r.body.items.length).toBeGreaterThan(0);
      expect(r.body.items.every((e: { type: string }) => e.type === t)).toBe(true);
    }
    const since = await call('/api/events?since=2025-02-01&limit=500');
    expect(since.body.items.length).toBeLessThan(all.body.items.length);
    const ids: string[] = [];
    let next: string | null = '';
    for (let guard = 0; next !== null && guard < 100; guard++) {
      const r: { body: { items: { id: string }[]; next: string | null } } = await call(`/api/events?limit=1${next ? `&cursor=${next}` : ''}`);
      ids.push(...r.body.items.map((e) => e.id));
      next = r.body.next;
    }
    expect(ids).toEqual(all.body.items.map((e: { id: string }) => e.id));
    const off = await call('/api/events?limit=1&offset=1');
    expect(off.body.items[0].id).toBe(ids[1]);
    const docId = all.body.items[0].documents[0];
    const byDoc = await call(`/api/events?document=${docId}&limit=500`);
    expect(byDoc.body.items.every((e: { documents: string[] }) => e.documents.includes(docId))).toBe(true);
  });

  it('serves entities, the situation and text search', async () => {
    const ents = await call('/api/entities?kind=country&limit=500');
    expect(ents.body.items.map((e: { name: string }) => e.name)).toEqual(expect.arrayContaining(['Qatar', 'Ukraine']));
    const sit = await call('/api/situation');
    expect(sit.status).toBe(200);
    expect(sit.body.documents).toBe(2);
    expect(Array.isArray(sit.body.negotiations)).toBe(true);
    const s = await call('/api/search?q=KHARKIV');
    expect(s.body.items).toHaveLength(1);
    expect(s.body.items[0].snippets[0].text).toContain('Kharkiv');
  });

  it('codes an article without storing it on /api/extract', async () => {
    const before = (await call('/api/health')).body.documents;
    const r = await call('/api/extract?published=2025-03-01', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'Turkey hosted talks between the two sides in Istanbul on Friday.' });
    expect(r.status).toBe(200);
    expect(r.body.text).toContain('Istanbul');
    expect(r.body.extraction.events.map((e: { type: string }) => e.type)).toContain('CONSULT');
    expect((await call('/api/health')).body.documents).toBe(before);
  });

  it('ingests JSONL records, reporting bad lines and duplicates', async () => {
    const body = [JSON.stringify({ id: 'r1', text: 'France and Germany signed a trade agreement in Paris on Thursday.', published: '2025-02-10' }), '{not json', JSON.stringify({ id: 'r2', text: RAID })].join('\n');
    const r = await call('/api/ingest', { method: 'POST', headers: { ...auth, 'Content-Type': 'application/x-ndjson' }, body });
    expect(r.status).toBe(201);
    expect(r.body.results.map((x: { status: string }) => x.status)).toEqual(['new', 'failed', 'duplicate']);
    expect(r.body.results[1].error.code).toBe('BAD_JSON');
  });

  const bad: { name: string; path: string; init?: RequestInit; status: number; code: string }[] = [
    { name: 'missing token', path: '/api/ingest', init: { method: 'POST', body: 'Some text about talks.' }, status: 401, code: 'UNAUTHORIZED' },
    { name: 'wrong token', path: '/api/ingest', init: { method: 'POST', headers: { Authorization: 'Bearer nope' }, body: 'Some text.' }, status: 401, code: 'UNAUTHORIZED' },
    { name: 'token of another scheme', path: '/api/ingest', init: { method: 'POST', headers: { Authorization: `Basic ${TOKEN}` }, body: 'x' }, status: 401, code: 'UNAUTHORIZED' },
    { name: 'malformed JSON', path: '/api/ingest', init: { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{"text": "unterminated' }, status: 400, code: 'BAD_JSON' },
    { name: 'JSON without text', path: '/api/ingest', init: { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{"title": 3}' }, status: 400, code: 'BAD_INPUT' },
    { name: 'empty body', path: '/api/extract', init: { method: 'POST', body: '   ' }, status: 400, code: 'EMPTY_INPUT' },
    { name: 'bad published date', path: '/api/extract?published=yesterday', init: { method: 'POST', body: 'Talks went on.' }, status: 400, code: 'BAD_OPTION' },
    { name: 'impossible published date', path: '/api/extract?published=2025-02-30', init: { method: 'POST', body: 'Talks went on.' }, status: 400, code: 'BAD_OPTION' },
    { name: 'impossible since', path: '/api/events?since=2025-13-01', status: 400, code: 'BAD_OPTION' },
    { name: 'binary body', path: '/api/extract', init: { method: 'POST', body: new Uint8Array([0x89, 0x50, 0x00, 0x01, 0x02]) }, status: 415, code: 'BINARY_INPUT' },
    { name: 'invalid UTF-8', path: '/api/extract', init: { method: 'POST', body: new Uint8Array([0x54, 0x61, 0x6c, 0x6b, 0xc3, 0x28, 0x20, 0x61]) }, status: 415, code: 'BAD_ENCODING' },
    { name: 'HTML page without an article', path: '/api/extract', init: { method: 'POST', headers: { 'Content-Type': 'text/html' }, body: '<html><body><nav>menu</nav></body></html>' }, status: 422, code: 'NO_ARTICLE_TEXT' },
    { name: 'unknown document', path: '/api/documents/does-not-exist', status: 404, code: 'NOT_FOUND' },
    { name: 'script as document id', path: `/api/documents/${encodeURIComponent('<script>alert(1)</script>')}`, status: 404, code: 'NOT_FOUND' },
    { name: 'unknown route', path: '/api/nothing-here', status: 404, code: 'NOT_FOUND' },
    { name: 'SQL in type', path: `/api/events?type=${encodeURIComponent("' OR 1=1 --")}`, status: 400, code: 'BAD_OPTION' },
    { name: 'SQL in since', path: `/api/events?since=${encodeURIComponent("2025-01-01' OR '1'='1")}`, status: 400, code: 'BAD_OPTION' },
    { name: 'bad modality', path: '/api/events?modality=<script>', status: 400, code: 'BAD_OPTION' },
    { name: 'since after until', path: '/api/events?since=2025-03-01&until=2025-01-01', status: 400, code: 'BAD_OPTION' },
    { name: 'limit out of range', path: '/api/events?limit=100000', status: 400, code: 'BAD_OPTION' },
    { name: 'forged cursor', path: '/api/events?cursor=Zm9vYmFy', status: 400, code: 'BAD_OPTION' },
    { name: 'unknown entity kind', path: '/api/entities?kind=weapon', status: 400, code: 'BAD_OPTION' },
    { name: 'search too short', path: '/api/search?q=a', status: 400, code: 'BAD_OPTION' },
    { name: 'write method on a read route', path: '/api/events', init: { method: 'DELETE', headers: auth }, status: 404, code: 'NOT_FOUND' },
  ];
  it.each(bad)('answers $name with $status $code and no stack trace', async ({ path, init, status, code }) => {
    const r = await call(path, init);
    expect(r.status).toBe(status);
    expect(r.headers.get('content-type')).toContain('application/json');
    expect(Object.keys(r.body)).toEqual(['error']);
    expect(Object.keys(r.body.error).sort()).toEqual(['code', 'message']);
    expect(r.body.error.code).toBe(code);
    expect(JSON.stringify(r.body)).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it('rejects a body over 5 MB with 413 before reading it all', async () => {
    const big = 'a'.repeat(MAX_BODY_BYTES + 1024);
    for (const path of ['/api/ingest', '/api/extract']) {
      const r = await call(path, { method: 'POST', headers: { ...auth, 'Content-Type': 'text/plain' }, body: big });
      expect(r.status).toBe(413);
      expect(r.body.error.code).toBe('TOO_LARGE');
    }
  });

  const injections = ["' OR 1=1 --", '"; DROP TABLE documents; --', '<script>alert(1)</script>', '%', '_', "\\' OR ''='"];
  it.each(injections)('treats %j in filters as plain text', async (v) => {
    const q = encodeURIComponent(v);
    for (const path of [`/api/events?actor=${q}`, `/api/events?recipient=${q}`, `/api/entities?name=${q}`, `/api/search?q=${q}`, `/api/documents/${q}`]) {
      const r = await call(path);
      expect([200, 400, 404]).toContain(r.status);
      if (r.status === 200) expect(r.body.items).toEqual([]);
      expect(r.headers.get('content-type')).toContain('application/json');
    }
    expect((await call('/api/health')).body.documents).toBe(3);
  });

  it('answers only requests addressed to a loopback host name (DNS rebinding)', async () => {
    const http = await import('node:http');
    const status = await new Promise<number>((res, rej) => {
      const req = http.request({ host: '127.0.0.1', port: server.port, path: '/api/health', headers: { Host: 'attacker.example' } }, (r) => {
        r.resume();
        res(r.statusCode ?? 0);
      });
      req.on('error', rej);
      req.end();
    });
    expect(status).toBe(400);
  });

  it('serves the UI with a content security policy, never files outside its folder', async () => {
    const r = await call('/timeline');
    expect(r.status).toBe(200);
    expect(r.body).toContain('<div id="root">');
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
    const escape = await call('/..%2f..%2fpackage.json');
    expect(escape.body).not.toContain('"dependencies"');
  });
});

describe('createApp without a network', () => {
  it('asks for the token on reads when the server is not on loopback', async () => {
    const app = createApp({ store, token: TOKEN, openReads: false, webRoot: null });
    expect((await app.request('/api/events')).status).toBe(401);
    expect((await app.request('/api/events', { headers: auth })).status).toBe(200);
  });

  it('says clearly when the UI is not built', async () => {
    const app = createApp({ store, token: TOKEN, webRoot: join(dir, 'missing') });
    const r = await app.request('/');
    expect(r.status).toBe(503);
    expect(await r.text()).toContain('npm run build:web');
  });
});

describe('helpers', () => {
  async function* gen(n: number) {
    for (let i = 0; i < n; i++) yield i;
  }
  it.each([
    { n: 5, q: { limit: 2 }, items: [0, 1], more: true },
    { n: 5, q: { limit: 2, offset: 4 }, items: [4], more: false },
    { n: 2, q: { limit: 2 }, items: [0, 1], more: false },
    { n: 0, q: { limit: 3 }, items: [], more: false },
  ])('page of $n items with $q', async ({ n, q, items, more }) => {
    const p = await page(gen(n), q);
    expect(p.items).toEqual(items);
    expect(p.next !== null).toBe(more);
  });

  it.each([
    { text: 'The Talks resumed; talks stalled.', q: 'talks', n: 2 },
    { text: 'A (b) c', q: '(b)', n: 1 },
    { text: 'nothing', q: '.*', n: 0 },
  ])('finds $q literally in $text', ({ text, q, n }) => {
    expect(snippets(text, q)).toHaveLength(n);
  });

  it('does not hang on a long text without matches', () => {
    const t0 = performance.now();
    expect(snippets('a'.repeat(1_000_000), 'ab'.repeat(50))).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
