import { makeDocument, type Document, type Mention } from '../core/index.js';
import { createPipeline, type Stage } from '../pipeline/index.js';
import { textStage } from '../text/index.js';
import { attributionStage } from './stage.js';

/** A stand-in for the entities stage: the given mentions (or none) and no entities. */
function fixedEntities(mentions: Mention[]): Stage {
  return { name: 'entities', version: 'test', requires: ['sentences', 'tokens'], produces: ['mentions', 'entities'], run: () => ({ layers: { mentions, entities: [] } }) };
}

/** Runs text → (fixed mentions) → attribution on `text`. */
export function attribute(text: string, mentions: Mention[] = []): Document {
  return createPipeline([textStage, fixedEntities(mentions), attributionStage]).run(makeDocument(text));
}

/** The text a span covers, or null. */
export function cut(text: string, s: { start: number; end: number } | null): string | null {
  return s ? text.slice(s.start, s.end) : null;
}
