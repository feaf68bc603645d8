/**
 * Load test of the HTTP API (not a test): N concurrent clients request the events endpoint on
 * loopback for a bounded time and the run reports requests/s and p50/p99 latency.
 *
 *   npm run load -- [--clients 200] [--seconds 10] [--path '/api/events?limit=50'] [--db FILE]
 *
 * Without --db, the bundled example articles are ingested into a temporary SQLite store. The
 * server runs in a child process (`parley serve`) so that the clients do not share its event loop.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXAMPLE_ARTICLES } from '../src/cli/commands/start.js';
import { ingestPaths } from '../src/cli/commands/store.js';
import { openStore } from '../src/store/index.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Args {
  clients: number;
  seconds: number;
  path: string;
  db: string | null;
}

function parseArgs(argv: readonly string[]): Args {
  const a: Args = { clients: 200, seconds: 10, path: '/api/events?limit=50', db: null };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    if (k === '--clients') a.clients = Number(argv[++i]);
    else if (k === '--seconds') a.seconds = Number(argv[++i]);
    else if (k === '--path') a.path = argv[++i] ?? a.path;
    else if (k === '--db') a.db = argv[++i] ?? null;
    else throw new Error(`unknown option ${k} (use --clients N, --seconds S, --path P, --db FILE)`);
  }
  if (!(a.clients > 0 && a.seconds > 0 && a.seconds <= 300)) throw new Error('--clients must be > 0 and --seconds in (0, 300]');
  return a;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function startServe(db: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'src', 'cli', 'main.ts'), 'serve', '--db', db, '--port', '0', '--web', join(REPO, 'dist', 'web')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, PARLEY_TOKEN: 'load-test-token-not-used-for-reads' },
  });
  const url = await new Promise<string>((res, rej) => {
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /at (http:\/\/\S+\/) /.exec(out);
      if (m) res(m[1]!);
    });
    child.once('exit', (code) => rej(new Error(`parley serve exited with ${code}: ${out}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const tmp = mkdtempSync(join(tmpdir(), 'parley-load-'));
  let db = args.db;
  if (!db) {
    db = join(tmp, 'load.db');
    const store = await openStore(db);
    const s = await ingestPaths(store, [EXAMPLE_ARTICLES]);
    await store.close();
    process.stderr.write(`store: ${s.new} example articles, ${s.mergedEvents} merged events\n`);
  }
  const server = await startServe(db);
  const target = new URL(args.path, server.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: args.clients });
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  const get = () =>
    new Promise<void>((res) => {
      const t0 = performance.now();
      const req = http.get(target, { agent }, (r) => {
        r.on('data', (c: Buffer) => (bytes += c.length));
        r.on('end', () => {
          if (r.statusCode === 200) latencies.push(performance.now() - t0);
          else errors++;
          res();
        });
      });
      req.on('error', () => {
        errors++;
        res();
      });
    });
  await get(); // warm-up (first merge, caches)
  latencies.length = 0;
  const t0 = performance.now();
  const end = t0 + args.seconds * 1000;
  await Promise.all(
    Array.from({ length: args.clients }, async () => {
      while (performance.now() < end) await get();
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  agent.destroy();
  server.stop();
  rmSync(tmp, { recursive: true, force: true });
  latencies.sort((a, b) => a - b);
  const report = {
    path: args.path,
    clients: args.clients,
    seconds: Number(elapsed.toFixed(1)),
    requests: latencies.length,
    errors,
    requests_per_s: Math.round(latencies.length / elapsed),
    p50_ms: Number(percentile(latencies, 50).toFixed(1)),
    p99_ms: Number(percentile(latencies, 99).toFixed(1)),
    mb_per_s: Number((bytes / 1048576 / elapsed).toFixed(1)),
    cores: availableParallelism(),
    node: process.version,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

await main();
