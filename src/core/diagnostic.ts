import type { Span } from './span.js';

/** How bad a problem on one document is: fatal stops that document, not the batch. */
export type Severity = 'fatal' | 'warning' | 'info';

/** A problem with one document, travelling on the document. */
export interface Diagnostic {
  readonly severity: Severity;
  readonly source: string;
  readonly ruleId: string;
  readonly message: string;
  readonly span?: Span;
}

/** Builds a diagnostic. */
export function diagnostic(
  severity: Severity,
  source: string,
  ruleId: string,
  message: string,
  span?: Span,
): Diagnostic {
  return span === undefined ? { severity, source, ruleId, message } : { severity, source, ruleId, message, span };
}
