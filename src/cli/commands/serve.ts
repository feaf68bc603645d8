import type { Command } from 'commander';
import { ParleyError } from '../../core/index.js';
import { resolveToken, startServer, type RunningServer } from '../../server/index.js';
import { openStore, type Store } from '../../store/index.js';
import { action } from '../run.js';
import { describeStore, storeLocation } from './store.js';

/** Options shared by `parley serve` and `parley start`. */
export interface ServeOptions {
  readonly port?: string;
  readonly host?: string;
  readonly web?: string;
}

/** Parses --port (0–65535). */
export function portOption(v: string | undefined, fallback = 8080): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!/^\d{1,5}$/.test(v.trim()) || !Number.isInteger(n) || n > 65535) throw new ParleyError('BAD_OPTION', `--port must be a number from 0 to 65535, not '${v}'`);
  return n;
}

/**
 * Serves `store` over HTTP until SIGINT/SIGTERM, then closes the server and the store. Prints the
 * address, and the write token once when it was just generated.
 */
export async function serveStore(store: Store, db: string, opts: ServeOptions): Promise<void> {
  const port = portOption(opts.port);
  const tok = resolveToken(db);
  let server: RunningServer;
  try {
    server = await startServer({ store, token: tok.token, host: opts.host ?? '127.0.0.1', port, ...(opts.web ? { webRoot: opts.web } : {}) });
  } catch (e) {
    await store.close();
    throw e;
  }
  const lines = [`parley: serving ${describeStore(db)} at ${server.url} (API description: ${server.url}openapi.json)`];
  if (tok.origin === 'generated') lines.push(`parley: write token (shown once, saved in ${tok.path}): ${tok.token}`);
  else if (tok.origin === 'ephemeral') lines.push(`parley: write token for this run: ${tok.token}`);
  else if (tok.origin === 'file') lines.push(`parley: writes need the token saved in ${tok.path}`);
  else lines.push('parley: writes need the token in $PARLEY_TOKEN');
  lines.push('parley: press Ctrl+C to stop');
  process.stdout.write(`${lines.join('\n')}\n`);
  await new Promise<void>((resolveStop) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolveStop();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  await store.close();
}

/** Registers `parley serve`: the HTTP API and the web UI over a store. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API (/openapi.json) and the web UI over a store')
    .option('--db <store>', 'store: a SQLite file or a postgres:// URL (default $PARLEY_DB or ./parley.db)')
    .option('--port <port>', 'port (0 picks a free one)', '8080')
    .option('--host <host>', 'address to bind (reads need the token too when it is not loopback)', '127.0.0.1')
    .option('--web <folder>', 'folder of the built web UI (default dist/web)')
    .action(action(async (opts: ServeOptions & { db?: string }) => {
      const db = storeLocation(opts.db);
      portOption(opts.port);
      const store = await openStore(db);
      await serveStore(store, db, opts);
    }));
}
