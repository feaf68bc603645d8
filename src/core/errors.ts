/** Every stable error code Parley can raise, with the CLI exit code and HTTP status it maps to. */
export const ERROR_CODES = {
  BAD_INPUT: { exit: 2, status: 400 },
  EMPTY_INPUT: { exit: 2, status: 400 },
  BINARY_INPUT: { exit: 2, status: 415 },
  BAD_ENCODING: { exit: 2, status: 415 },
  TOO_LARGE: { exit: 2, status: 413 },
  NO_ARTICLE_TEXT: { exit: 2, status: 422 },
  BAD_DATE: { exit: 2, status: 400 },
  BAD_OPTION: { exit: 2, status: 400 },
  NOT_FOUND: { exit: 2, status: 404 },
  FILE_NOT_FOUND: { exit: 2, status: 404 },
  BAD_JSON: { exit: 2, status: 400 },
  BAD_DATA_FILE: { exit: 3, status: 500 },
  UNAUTHORIZED: { exit: 2, status: 401 },
  STORE_ERROR: { exit: 4, status: 500 },
  INTERNAL: { exit: 1, status: 500 },
} as const;

/** A stable error code. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** The one error class for operational failures: a stable code, a cause, and an HTTP status. */
export class ParleyError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly exitCode: number;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; status?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ParleyError';
    this.code = code;
    this.status = options.status ?? ERROR_CODES[code].status;
    this.exitCode = ERROR_CODES[code].exit;
  }
}

/** True when `e` is a ParleyError (optionally with the given code). */
export function isParleyError(e: unknown, code?: ErrorCode): e is ParleyError {
  return e instanceof ParleyError && (code === undefined || e.code === code);
}

/** Throws when an internal invariant is broken; never caught inside stages. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`invariant broken: ${message}`);
}
