import type { MentionInput } from './inputs.js';
import type { MergedEvent } from './schema.js';

/** Merges event mentions from many documents into events with provenance, status history and disagreements. */
export function mergeMentions(_mentions: readonly MentionInput[]): MergedEvent[] {
  return [];
}
