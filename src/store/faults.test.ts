import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Crash safety of `parley ingest`: a process killed (SIGKILL) at any moment leaves no partial
 * document, and running the same command again completes the rest, each article stored once.
 */
const BIN = resolve(__dirname, '..', '..', 'bin', 'parley');
const dir = mkdtempSync(join(tmpdir(), 'parley-faults-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PLACES = ['Arden', 'Belmont', 'Corvale', 'Dunmore', 'Eskar', 'Fallow', 'Grenby', 'Hollis'];
const GROUPS = ['the harbour union', 'the river council', 'the northern militia', 'the farmers league', 'the city guard'];

/** A made-up news article, different for each `i`. */
function article(i: number): string {
  const p = (k: number) => PLACES[(i + k) % PLACES.length];
  const g = (k: number) => GROUPS[(i * 3 + k) % GROUPS.length];
  const lines = [`Talks in ${p(0)} stall as ${g(0)} walks out (report ${i})`, ''];
  for (let s = 0; s < 12; s++) {
    lines.push(
      `Officials from ${p(s)} met delegates of ${g(s)} on Tuesday and agreed to release ${10 + ((i + s) % 40)} detainees, a spokesman said. ` +
        `"We will not accept any new demands," said Mara Velt, an envoy of ${g(s + 1)}, according to ${p(s + 2)} radio. ` +
        `On ${1 + (s % 27)} March, about ${100 + i + s} people protested outside the assembly in ${p(s + 3)}.`,
    );
  }
  return lines.join('\n');
}

const N = 24;
const articles = join(dir, 'articles');
mkdirSync(articles);
for (let i = 0; i < N; i++) writeFileSync(join(articles, `a${String(i).padStart(3, '0')}.txt`), article(i));
const dbPath = join(dir, 'store.db');
const args = ['ingest', articles, '--db', dbPath, '--date', '2025-03-20', '--quiet'];

function storedCount(): number {
  try {
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

/** Every stored document has exactly the rows its stored extraction says it has. */
function checkComplete(): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    const docs = db.prepare('SELECT id, extraction, event_count FROM documents').all() as { id: string; extraction: string; event_count: number }[];
    const count = (table: string, id: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE doc_id = ?`).get(id) as { n: number }).n;
    for (const d of docs) {
      const x = JSON.parse(d.extraction) as Record<string, unknown[]> & { entities: { mentions: unknown[] }[] };
      expect(count('entities', d.id), `entities of ${d.id}`).toBe(x.entities.length);
      expect(count('mentions', d.id), `mentions of ${d.id}`).toBe(x.entities.reduce((n, e) => n + e.mentions.length, 0));
      expect(count('event_mentions', d.id), `events of ${d.id}`).toBe(x.events!.length);
      expect(d.event_count).toBe(x.events!.length);
      expect(count('dates', d.id)).toBe(x.dates!.length);
      expect(count('quantities', d.id)).toBe(x.quantities!.length);
      expect(count('quotes', d.id)).toBe(x.quotes!.length);
      expect(count('attributions', d.id)).toBe(x.attributions!.length);
    }
    const hashes = db.prepare('SELECT COUNT(DISTINCT content_hash) AS n FROM documents').get() as { n: number };
    expect(hashes.n).toBe(docs.length);
    return docs.length;
  } finally {
    db.close();
  }
}

/** Starts an ingest and SIGKILLs it once `atLeast` documents are stored (or after `ms` when given). */
async function killDuring(atLeast: number, ms?: number): Promise<void> {
  const child: ChildProcess = spawn(BIN, args, { stdio: 'ignore', env: { ...process.env, PARLEY_FAULT_KILL_IN_TX: '' } });
  const exited = new Promise<void>((res) => child.on('exit', () => res()));
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) break;
    if (ms !== undefined ? Date.now() - started >= ms : storedCount() >= atLeast) break;
    await new Promise((r) => setTimeout(r, 15));
  }
  child.kill('SIGKILL');
  await exited;
}

describe('ingest survives SIGKILL', () => {
  it('leaves only complete documents at every kill point and completes on re-run', async () => {
    // Killed inside the 4th document's transaction, after its rows were written: that document is absent.
    const inTx = spawnSync(BIN, args, { encoding: 'utf8', env: { ...process.env, PARLEY_FAULT_KILL_IN_TX: '4' } });
    expect(inTx.signal).toBe('SIGKILL');
    expect(checkComplete()).toBe(3);
    await killDuring(0, 150);
    let before = storedCount();
    for (const target of [6, 15]) {
      await killDuring(Math.max(target, before + 1));
      const n = checkComplete();
      expect(n).toBeGreaterThanOrEqual(before);
      expect(n).toBeLessThanOrEqual(N);
      before = n;
    }
    const done = spawnSync(BIN, args, { encoding: 'utf8' });
    expect(done.status).toBe(0);
    expect(done.stdout).toMatch(/ingested \d+ new, \d+ duplicate, 0 failed/);
    expect(checkComplete()).toBe(N);
    const again = spawnSync(BIN, args, { encoding: 'utf8' });
    expect(again.stdout).toContain(`ingested 0 new, ${N} duplicate, 0 failed`);
    expect(checkComplete()).toBe(N);
  }, 180_000);
});

const pgUrl = process.env.PARLEY_TEST_PG;

describe.skipIf(!pgUrl)('ingest into PostgreSQL survives SIGKILL', () => {
  it('rolls back the document being written and completes on re-run', async () => {
    const { default: pg } = await import('pg');
    const schema = `faults_${process.pid}_${Date.now().toString(36)}`;
    const url = `${pgUrl}${pgUrl!.includes('?') ? '&' : '?'}schema=${schema}`;
    const few = join(dir, 'few');
    mkdirSync(few);
    for (let i = 0; i < 6; i++) writeFileSync(join(few, `p${i}.txt`), article(100 + i));
    const pgArgs = ['ingest', few, '--db', url, '--date', '2025-03-20', '--quiet'];
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    const q = async (sql: string) => Number((await client.query(sql)).rows[0].n);
    try {
      const killed = spawnSync(BIN, pgArgs, { encoding: 'utf8', env: { ...process.env, PARLEY_FAULT_KILL_IN_TX: '3' } });
      expect(killed.signal).toBe('SIGKILL');
      expect(await q(`SELECT COUNT(*) AS n FROM ${schema}.documents`)).toBe(2);
      const done = spawnSync(BIN, pgArgs, { encoding: 'utf8', env: { ...process.env, PARLEY_FAULT_KILL_IN_TX: '' } });
      expect(done.status).toBe(0);
      expect(done.stdout).toContain('ingested 4 new, 2 duplicate, 0 failed');
      expect(await q(`SELECT COUNT(DISTINCT content_hash) AS n FROM ${schema}.documents`)).toBe(6);
      const events = await q(`SELECT COUNT(*) AS n FROM ${schema}.event_mentions`);
      const declared = await q(`SELECT SUM(event_count) AS n FROM ${schema}.documents`);
      expect(events).toBe(declared);
    } finally {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  }, 120_000);
});
