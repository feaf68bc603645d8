import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { ParleyError } from '../core/index.js';
import type { Store } from '../store/index.js';
import { createApp, type AppOptions } from './app.js';
import { DEFAULT_WEB_ROOT } from './web.js';

/** Options of `startServer`. */
export interface ServerOptions extends Omit<AppOptions, 'openReads' | 'allowedHosts'> {
  readonly store: Store;
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
}

/** A running server. */
export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly host: string;
  close(): Promise<void>;
}

/** True for addresses that only this machine can reach. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/**
 * Serves the API (and the UI) on `host:port` (127.0.0.1 unless told). On loopback, reads are open
 * and only requests addressed to a loopback host name are answered; elsewhere every request needs the token.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const loopback = isLoopback(host);
  const app = createApp({
    ...options,
    webRoot: options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot,
    openReads: loopback,
    allowedHosts: loopback ? ['localhost', '127.0.0.1', '[::1]', host.toLowerCase()] : [],
  });
  const server: ServerType = await new Promise((resolveServer, reject) => {
    const s = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 8080 }, () => resolveServer(s));
    s.once('error', (e: NodeJS.ErrnoException) =>
      reject(new ParleyError('BAD_OPTION', e.code === 'EADDRINUSE' ? `port ${options.port} is already in use` : `cannot listen on ${host}:${options.port}: ${e.message}`, { cause: e })),
    );
  });
  const port = (server.address() as AddressInfo).port;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}/`,
    port,
    host,
    close: () =>
      new Promise<void>((res) => {
        const s = server as ServerType & { closeAllConnections?: () => void };
        server.close(() => res());
        s.closeAllConnections?.();
      }),
  };
}
