import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = resolve(__dirname, '..', '..', '..', 'bin', 'parley');
const dir = mkdtempSync(join(tmpdir(), 'parley-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs parley until it prints its address, calls `probe` with it, then stops it with SIGTERM. */
async function whileServing(args: string[], probe: (url: string, out: string) => Promise<void>): Promise<{ code: number | null; out: string }> {
  const env = { ...process.env };
  delete env.PARLEY_TOKEN;
  const child = spawn(BIN, args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  const url = await new Promise<string>((res, rej) => {
    const t = setInterval(() => {
      const m = /serving .* at (http:\/\/\S+\/) /.exec(out);
      if (m && out.includes('Ctrl+C')) {
        clearInterval(t);
        res(m[1]!);
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(t);
      rej(new Error(`exited ${code}: ${out}`));
    });
  });
  try {
    await probe(url, out);
  } finally {
    child.kill('SIGTERM');
  }
  const code = await new Promise<number | null>((res) => child.once('exit', (c) => res(c)));
  return { code, out };
}

describe('parley serve and parley start', () => {
  it('start ingests the examples, then serves them on loopback until stopped', async () => {
    const r = await whileServing(['start', '--db', 'ui.db', '--port', '0'], async (url, out) => {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(out).toMatch(/ingested \d+ new/);
      const h = (await (await fetch(`${url}api/health`)).json()) as { documents: number };
      expect(h.documents).toBeGreaterThan(0);
      expect((await fetch(url)).headers.get('content-type')).toContain('text/html');
    });
    expect(r.code).toBe(0);
    // the token was generated once, saved beside the store and printed once
    const token = readFileSync(join(dir, 'ui.db.token'), 'utf8').trim();
    expect(r.out).toContain(token);
  }, 120_000);

  it('serve reuses the saved token without printing it', async () => {
    expect(existsSync(join(dir, 'ui.db.token'))).toBe(true);
    const token = readFileSync(join(dir, 'ui.db.token'), 'utf8').trim();
    const r = await whileServing(['serve', '--db', 'ui.db', '--port', '0'], async (url) => {
      const bad = await fetch(`${url}api/ingest`, { method: 'POST', body: 'Talks resumed in Oslo.' });
      expect(bad.status).toBe(401);
      const ok = await fetch(`${url}api/ingest?published=2025-04-01`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: 'Delegates resumed talks in Oslo on Monday.' });
      expect(ok.status).toBe(201);
    });
    expect(r.code).toBe(0);
    expect(r.out).not.toContain(token);
  }, 120_000);

  it.each([
    [['serve', '--port', 'abc'], /--port must be a number/],
    [['start', '--port', '99999'], /--port must be a number/],
  ])('%j fails with a one-line message', (args, message) => {
    const r = spawnSync(BIN, args, { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);
});
