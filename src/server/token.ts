import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ParleyError } from '../core/index.js';
import { isPostgresUrl } from '../store/index.js';

/** The write token and where it came from. */
export interface TokenInfo {
  readonly token: string;
  /** 'env' ($PARLEY_TOKEN), 'file' (read from `path`), 'generated' (new, written to `path`), 'ephemeral' (in-memory store). */
  readonly origin: 'env' | 'file' | 'generated' | 'ephemeral';
  readonly path: string | null;
}

/** Where the token of a store is kept: beside a SQLite file (`<db>.token`), or ./.parley-token for PostgreSQL. */
export function tokenPath(db: string): string | null {
  if (db === ':memory:') return null;
  return isPostgresUrl(db) ? resolve('.parley-token') : `${resolve(db)}.token`;
}

/**
 * The bearer token that writes need: $PARLEY_TOKEN, else the one stored beside the db, else a new
 * random one written there (mode 0600) and reported as 'generated' so the caller prints it once.
 */
export function resolveToken(db: string, env: NodeJS.ProcessEnv = process.env): TokenInfo {
  const fromEnv = env.PARLEY_TOKEN?.trim();
  if (fromEnv) return { token: fromEnv, origin: 'env', path: null };
  const path = tokenPath(db);
  const fresh = randomBytes(24).toString('base64url');
  if (path === null) return { token: fresh, origin: 'ephemeral', path: null };
  try {
    if (existsSync(path)) {
      const t = readFileSync(path, 'utf8').trim();
      if (t.length >= 16) return { token: t, origin: 'file', path };
    }
    writeFileSync(path, `${fresh}\n`, { mode: 0o600 });
  } catch (e) {
    throw new ParleyError('STORE_ERROR', `cannot read or write the API token at ${path}: ${(e as Error).message}`, { cause: e });
  }
  return { token: fresh, origin: 'generated', path };
}
