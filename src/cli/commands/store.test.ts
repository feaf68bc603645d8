import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isParleyError } from '../../core/index.js';
import { openStore } from '../../store/index.js';
import { eventQuery, formatIngestSummary, ingestPaths } from './store.js';

const BIN = resolve(__dirname, '..', '..', '..', 'bin', 'parley');
const dir = mkdtempSync(join(tmpdir(), 'parley-cli-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => spawnSync(BIN, args, { encoding: 'utf8', cwd: dir });

function corpus(): string {
  const root = join(dir, 'in');
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'one.txt'), 'Negotiators from the two provinces met in Tallin on Monday and agreed to exchange prisoners.\n');
  writeFileSync(join(root, 'one-copy.txt'), 'Negotiators from the two provinces met in Tallin on Monday and agreed to exchange prisoners.\n');
  writeFileSync(
    join(root, 'batch.jsonl'),
    [
      JSON.stringify({ id: 'k1', text: 'The mayor rejected the union demands on Friday, her office said.', published: '2025-01-10' }),
      '{"id": "broken"',
      JSON.stringify({ id: 'k3', text: 'Police arrested four protesters near the station.', published: '2025-01-12', url: 'https://n.example/k3' }),
    ].join('\n'),
  );
  writeFileSync(
    join(root, 'wire.rss'),
    '<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><title>Aid</title><link>https://w.example/aid</link><pubDate>Mon, 13 Jan 2025 09:00:00 GMT</pubDate><description>The agency delivered food aid to the valley villages.</description></item></channel></rss>',
  );
  return root;
}

describe('eventQuery (options of parley events)', () => {
  it.each([
    [{}, { filter: {}, format: 'jsonl' }],
    [{ type: 'consult', modality: 'Reported', format: 'CSV' }, { filter: { type: 'CONSULT', modality: 'reported' }, format: 'csv' }],
    [{ actor: ' USA ', since: '2025-01-01', until: '2025-01-31T10:00' }, { filter: { actor: 'USA', since: '2025-01-01', until: '2025-01-31' }, format: 'jsonl' }],
    [{ format: 'gdelt' }, { filter: {}, format: 'gdelt' }],
  ])('accepts %j', (opts, want) => {
    expect(eventQuery(opts)).toEqual(want);
  });

  it.each([
    [{ type: 'HUG' }, 'BAD_OPTION'],
    [{ modality: 'certain' }, 'BAD_OPTION'],
    [{ format: 'xml' }, 'BAD_OPTION'],
    [{ since: 'yesterday' }, 'BAD_DATE'],
    [{ until: '2025-02-30' }, 'BAD_DATE'],
    [{ since: '2025-03-01', until: '2025-02-01' }, 'BAD_OPTION'],
    [{ actor: '  ' }, 'BAD_OPTION'],
  ])('refuses %j', (opts, code) => {
    let err: unknown;
    try {
      eventQuery(opts);
    } catch (e) {
      err = e;
    }
    expect(isParleyError(err, code as 'BAD_OPTION')).toBe(true);
  });
});

describe('ingestPaths', () => {
  it('stores new content once, reports bad items and goes on', async () => {
    const root = corpus();
    const store = await openStore(join(dir, 'direct.db'));
    const skipped: string[] = [];
    const first = await ingestPaths(store, [root, join(dir, 'missing.txt')], { onSkip: (m) => skipped.push(m) });
    expect(first).toMatchObject({ new: 4, duplicate: 1, failed: 2 });
    expect(skipped).toHaveLength(2);
    expect(skipped.join('\n')).toMatch(/batch\.jsonl:2/);
    const second = await ingestPaths(store, [root]);
    expect(second).toMatchObject({ new: 0, duplicate: 5, failed: 1 });
    expect(formatIngestSummary(second, 'x.db')).toMatch(/^ingested 0 new, 5 duplicate, 1 failed documents/);
    const docs = [];
    for await (const d of store.documents()) docs.push(d);
    expect(docs.map((d) => d.published)).toEqual(['2025-01-10', '2025-01-12', '2025-01-13', null]);
    await store.close();
  });
});

describe('parley ingest / events / documents / entities / situation', () => {
  it('ingests, exports and validates options', () => {
    const root = corpus();
    const ing = run('ingest', root, '--db', 'cli.db', '--quiet');
    expect(ing.status).toBe(0);
    expect(ing.stdout).toMatch(/^ingested 4 new, 1 duplicate, 1 failed documents/);
    expect(ing.stderr).toMatch(/^parley: skipped .*batch\.jsonl:2: .*not valid JSON\n$/);

    const csv = run('events', '--db', 'cli.db', '--format', 'csv');
    expect(csv.status).toBe(0);
    expect(csv.stdout.split('\n')[0]).toMatch(/^event_id,event_date,event_date_end,date_precision,/);

    const docs = run('documents', '--db', 'cli.db');
    expect(docs.stdout.trim().split('\n').map((l) => JSON.parse(l).published)).toEqual(['2025-01-10', '2025-01-12', '2025-01-13', null]);

    const bad = run('events', '--db', 'cli.db', '--type', 'HUG');
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);

    const nothing = run('ingest', join(dir, 'no-such-folder'), '--db', 'cli.db');
    expect(nothing.status).toBe(2);
  }, 150_000);
});
