import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { feedItems, fragmentToText, looksLikeFeed } from './feed.js';
import { jsonlRecord } from './jsonl.js';
import { inputKind, listInputs, readInputFile, sidecarDate } from './files.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-ingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RSS = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harbour Wire</title>
<item><title>Port reopens</title><link>https://wire.example/port</link><guid>w-1</guid>
<pubDate>Wed, 05 Feb 2025 08:00:00 GMT</pubDate>
<description>&lt;p&gt;The harbour authority reopened the northern quay.&lt;/p&gt;&lt;p&gt;Ferries resumed service.&lt;/p&gt;</description></item>
<item><title>No body</title><link>https://wire.example/none</link></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Desk</title>
<entry><title>Bridge talks</title><link href="https://desk.example/bridge"/><id>urn:d:1</id>
<published>2024-11-20T17:30:00Z</published><content type="html">Both mayors met to discuss the toll bridge.</content></entry>
</feed>`;

describe('feeds', () => {
  it.each([
    [RSS, true],
    [ATOM, true],
    ['<!doctype html><html><body><p>x</p></body></html>', false],
    ['Plain words about a feed.', false],
  ])('looksLikeFeed #%#', (text, want) => {
    expect(looksLikeFeed(text)).toBe(want);
  });

  it('reads RSS items: content as text, link, date, title; an empty item is a failure, not a stop', () => {
    const items = feedItems(RSS, 'wire.xml');
    expect(items).toHaveLength(2);
    const [first, second] = items;
    expect(first!.ok).toBe(true);
    if (!first!.ok) return;
    expect(first!.document.text).toBe('The harbour authority reopened the northern quay.\n\nFerries resumed service.');
    expect(first!.document.meta).toMatchObject({ title: 'Port reopens', url: 'https://wire.example/port', published: '2025-02-05', publisher: 'Harbour Wire', source: 'wire.xml#1' });
    expect(second).toMatchObject({ ok: false, origin: 'wire.xml#2' });
  });

  it('reads Atom entries', () => {
    const [entry] = feedItems(ATOM, 'desk.atom');
    expect(entry).toMatchObject({ ok: true });
    if (!entry?.ok) return;
    expect(entry.document.text).toBe('Both mayors met to discuss the toll bridge.');
    expect(entry.document.meta).toMatchObject({ published: '2024-11-20', url: 'https://desk.example/bridge', title: 'Bridge talks' });
  });

  it('reports a file that is not a feed as one failed item', () => {
    const items = feedItems('this is not xml at all', 'broken.xml');
    expect(items).toEqual([expect.objectContaining({ ok: false, origin: 'broken.xml' })]);
  });

  it.each([
    ['no markup here', 'no markup here'],
    ['<p>one</p><p>two &amp; three</p>', 'one\n\ntwo & three'],
    ['<ul><li>a</li><li>b</li></ul>', 'a\n\nb'],
    ['bare &quot;entity&quot;', 'bare "entity"'],
  ])('fragmentToText(%j)', (html, want) => {
    expect(fragmentToText(html)).toBe(want);
  });
});

describe('JSONL records', () => {
  it.each([
    ['{"id": 7, "text": "A mayor resigned.", "published": "2025-01-02T10:00:00Z", "title": "Resignation", "url": "https://x.example/7"}', true, { externalId: '7', published: '2025-01-02', title: 'Resignation', url: 'https://x.example/7' }],
    ['{"id": "h", "html": "<html><body><article><p>The committee approved the budget after a long debate that ran late into the night, members said on Tuesday.</p></article></body></html>"}', true, { externalId: 'h' }],
    ['{"id": "d", "text": "Dated by the date field.", "date": "2024-12-24"}', true, { published: '2024-12-24' }],
  ])('reads record %#', (line, ok, meta) => {
    const item = jsonlRecord(line, 'f.jsonl:1');
    expect(item.ok).toBe(ok);
    if (item.ok) expect(item.document.meta).toMatchObject(meta);
  });

  it.each([
    ['not json', 'BAD_JSON'],
    ['[1, 2]', 'BAD_INPUT'],
    ['{"id": "x"}', 'BAD_INPUT'],
    ['{"id": "x", "text": "   "}', 'BAD_INPUT'],
    ['{"id": "x", "text": "Fine text.", "published": "2025-02-30"}', 'BAD_DATE'],
  ])('refuses %j with %s', (line, code) => {
    const item = jsonlRecord(line, 'f.jsonl:4');
    expect(item.ok).toBe(false);
    if (!item.ok) expect(item.error.code).toBe(code);
  });
});

describe('files and folders', () => {
  it.each([
    ['a.txt', 'text'],
    ['b.HTML', 'html'],
    ['c.rss', 'feed'],
    ['d.atom', 'feed'],
    ['e.xml', 'feed'],
    ['f.jsonl', 'jsonl'],
    ['g.gold.json', null],
    ['h.png', null],
  ])('inputKind(%s) = %s', (name, kind) => {
    expect(inputKind(name)).toBe(kind);
  });

  it('walks folders in name order, keeps known kinds, reports missing paths', () => {
    const root = join(dir, 'walk');
    mkdirSync(join(root, 'sub'), { recursive: true });
    writeFileSync(join(root, 'b.txt'), 'Second file.');
    writeFileSync(join(root, 'a.txt'), 'First file.');
    writeFileSync(join(root, 'a.gold.json'), '{"document": {"published": "2025-03-09"}}');
    writeFileSync(join(root, 'sub', 'c.jsonl'), '{"text": "Third."}\n');
    writeFileSync(join(root, 'notes.bin'), 'skip me');
    const { files, errors } = listInputs([root, join(dir, 'nope')]);
    expect(files.map((f) => [f.path.slice(root.length + 1), f.kind])).toEqual([
      ['a.txt', 'text'],
      ['b.txt', 'text'],
      ['sub/c.jsonl', 'jsonl'],
    ]);
    expect(errors.map((e) => e.code)).toEqual(['FILE_NOT_FOUND']);
    expect(sidecarDate(join(root, 'a.txt'))).toBe('2025-03-09');
    expect(sidecarDate(join(root, 'b.txt'))).toBeNull();
  });

  it('dates a text article from its sidecar, else from the default date', async () => {
    const root = join(dir, 'dated');
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'x.txt'), 'A ferry sank near the cape.');
    writeFileSync(join(root, 'x.gold.json'), '{"document": {"published": "2025-01-05"}}');
    writeFileSync(join(root, 'y.txt'), 'Rain fell all week.');
    const got: (string | null)[] = [];
    for (const f of listInputs([root]).files) {
      for await (const item of readInputFile(f, { defaultDate: '2025-06-01' })) got.push(item.ok ? item.document.meta.published : 'failed');
    }
    expect(got).toEqual(['2025-01-05', '2025-06-01']);
  });

  it('reads an HTML page and reports a broken link in a folder', async () => {
    const root = join(dir, 'pages');
    mkdirSync(root, { recursive: true });
    writeFileSync(
      join(root, 'page.html'),
      '<!doctype html><html><head><title>Dam deal</title><meta property="article:published_time" content="2025-04-02T09:00:00Z"></head>' +
        '<body><nav>Home | World</nav><article><h1>Dam deal</h1><p>Engineers from both countries signed a water-sharing accord at the border dam on Wednesday, officials said.</p>' +
        '<p>The accord sets monthly release quotas for the dry season.</p></article></body></html>',
    );
    symlinkSync(join(root, 'gone.txt'), join(root, 'dangling.txt'));
    const { files, errors } = listInputs([root]);
    expect(files.map((f) => f.kind)).toEqual(['html']);
    expect(errors).toHaveLength(1);
    const items = [];
    for await (const item of readInputFile(files[0]!)) items.push(item);
    expect(items[0]!.ok).toBe(true);
    if (!items[0]!.ok) return;
    expect(items[0]!.document.meta).toMatchObject({ title: 'Dam deal', published: '2025-04-02' });
    expect(items[0]!.document.text).toContain('The accord sets monthly release quotas');
    expect(items[0]!.document.text).not.toContain('Home | World');
  });

  it('turns an unreadable file into one failed item', async () => {
    const p = join(dir, 'binary.txt');
    writeFileSync(p, Buffer.from([0x41, 0x00, 0x42]));
    const items = [];
    for await (const item of readInputFile({ path: p, kind: 'text', size: 3 })) items.push(item);
    expect(items).toEqual([expect.objectContaining({ ok: false, origin: p })]);
  });
});
