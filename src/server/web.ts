import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';

/** Where `npm run build:web` writes the UI. */
export const DEFAULT_WEB_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'web');

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

/** The UI's content security policy: only our own scripts; no inline script. */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

const MISSING = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Parley</title>
<body style="font-family:system-ui;margin:3rem;max-width:40rem">
<h1>The Parley web UI is not built</h1>
<p>Build it with <code>npm run build:web</code> (it writes <code>dist/web</code>), then reload this page.</p>
<p>The API works without it: see <a href="/openapi.json">/openapi.json</a>, <a href="/api/situation">/api/situation</a>, <a href="/api/events">/api/events</a>.</p>
</body></html>`;

/**
 * Serves the built UI from `root`: files by path (never outside `root`), index.html for any other
 * page path (client-side routes), and a clear page when the build is missing.
 */
export function webHandler(root: string | null): (c: Context) => Response {
  const cache = new Map<string, { body: Buffer; type: string }>();
  const base = root === null ? null : resolve(root);
  const load = (path: string): { body: Buffer; type: string } | null => {
    const hit = cache.get(path);
    if (hit) return hit;
    if (!existsSync(path) || !statSync(path).isFile()) return null;
    const f = { body: readFileSync(path), type: TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream' };
    if (cache.size < 500) cache.set(path, f);
    return f;
  };
  return (c) => {
    const headers = { 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff' };
    const index = base === null ? null : load(join(base, 'index.html'));
    if (base === null || index === null) return new Response(MISSING, { status: 503, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
    let rel: string;
    try {
      rel = decodeURIComponent(c.req.path);
    } catch {
      rel = '/';
    }
    const path = resolve(base, `.${rel}`);
    const inside = path === base || path.startsWith(base + sep);
    const file = inside && rel !== '/' && !rel.includes('\0') ? load(path) : null;
    if (file) {
      const immutable = rel.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      return new Response(new Uint8Array(file.body), { headers: { ...headers, 'Content-Type': file.type, 'Cache-Control': immutable } });
    }
    if (extname(rel) !== '' && !rel.endsWith('.html')) return new Response('not found', { status: 404, headers: { ...headers, 'Content-Type': 'text/plain' } });
    return new Response(new Uint8Array(index.body), { headers: { ...headers, 'Content-Type': index.type, 'Cache-Control': 'no-cache' } });
  };
}
