import { ParleyError, isParleyError, type ErrorCode } from '../core/index.js';

/** The body of every error response: a stable code and a one-line message (never a stack trace). */
export interface ErrorBody {
  readonly error: { readonly code: ErrorCode; readonly message: string };
}

/**
 * THE one place where failures become HTTP responses. A ParleyError keeps its code and status;
 * anything else is an internal error whose message is not shown (it may hold paths or SQL).
 */
export function errorResponse(e: unknown): { status: number; body: ErrorBody } {
  if (isParleyError(e)) return { status: e.status, body: { error: { code: e.code, message: e.message.split('\n')[0] ?? e.code } } };
  if (process.env.PARLEY_DEBUG && e instanceof Error) process.stderr.write(`${e.stack ?? e.message}\n`);
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'internal error' } } };
}

/** Shorthand for the errors the routes raise. */
export function badRequest(message: string): ParleyError {
  return new ParleyError('BAD_OPTION', message);
}
