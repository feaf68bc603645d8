import { isParleyError } from '../core/index.js';

/** Prints a one-line error for a failure and returns its exit code (never a stack trace unless PARLEY_DEBUG is set). */
export function reportError(e: unknown): number {
  if (process.env.PARLEY_DEBUG && e instanceof Error) process.stderr.write(`${e.stack ?? e.message}\n`);
  if (isParleyError(e)) {
    process.stderr.write(`parley: ${e.message}\n`);
    return e.exitCode;
  }
  const code = (e as { code?: string } | null)?.code;
  if (code === 'commander.helpDisplayed' || code === 'commander.version') return 0;
  if (typeof code === 'string' && code.startsWith('commander.')) return 2;
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`parley: internal error: ${message.split('\n')[0]}\n`);
  return 1;
}

/** Wraps a command action so any failure becomes a one-line message and an exit code. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void> | void): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (e) {
      process.exitCode = reportError(e);
    }
  };
}
