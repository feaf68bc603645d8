/** The HTTP API and the web UI's server: the single error-to-response boundary lives in errors.ts. */
export { createApp, page, snippets, MAX_BODY_BYTES, type AppOptions } from './app.js';
export { startServer, isLoopback, type RunningServer, type ServerOptions } from './listen.js';
export { resolveToken, tokenPath, type TokenInfo } from './token.js';
export { openApiDocument } from './openapi.js';
export { errorResponse } from './errors.js';
export { DEFAULT_WEB_ROOT } from './web.js';
