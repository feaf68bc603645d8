import type { Situation } from './schema.js';

/** Renders the situation as plain text for `parley situation --format text`. */
export function formatSituationText(s: Situation): string {
  return `${s.documents} documents\n`;
}
