import type { Document, DocumentMeta } from './core/index.js';
import { createPipeline, type Pipeline } from './pipeline/index.js';
import { textStage } from './text/index.js';
import { entitiesStage } from './entities/index.js';
import { timeStage } from './time/index.js';
import { quantitiesStage } from './quantities/index.js';
import { attributionStage } from './attribution/index.js';
import { eventsStage } from './events/index.js';
import { documentFromHtml, documentFromText, looksLikeHtml } from './ingest/index.js';
import { toExtraction } from './output/format.js';
import type { Extraction } from './output/schema.js';

let defaultPipeline: Pipeline | null = null;

/** The default pipeline: text → entities → time → quantities → attribution → events. */
export function pipeline(): Pipeline {
  defaultPipeline ??= createPipeline([textStage, entitiesStage, timeStage, quantitiesStage, attributionStage, eventsStage]);
  return defaultPipeline;
}

/** Runs the default pipeline on a document. */
export function annotate(doc: Document): Document {
  return pipeline().run(doc);
}

/** What the input is: plain text, an HTML page, or 'auto' (an HTML page is recognised by its opening tags). */
export type InputFormat = 'text' | 'html' | 'auto';

/** Builds a document from text or HTML and annotates it. Plain text is the default: only 'auto' sniffs for HTML. */
export function annotateText(text: string, meta: Partial<DocumentMeta> = {}, format: InputFormat = 'text'): Document {
  const html = format === 'html' || (format === 'auto' && looksLikeHtml(text));
  const doc = html ? documentFromHtml(text, meta) : documentFromText(text, meta);
  return annotate(doc);
}

/** Extracts one article into the output contract. `meta.published` is the reference date (YYYY-MM-DD). */
export function extract(text: string, meta: Partial<DocumentMeta> = {}, format: InputFormat = 'text'): Extraction {
  return toExtraction(annotateText(text, meta, format));
}
