import type { Document, DocumentMeta, Layers } from './document.js';
import type { Diagnostic } from './diagnostic.js';
import { hashId } from './ids.js';

const EMPTY_META: DocumentMeta = {
  title: null,
  published: null,
  url: null,
  publisher: null,
  source: null,
  externalId: null,
};

/** Creates a frozen document from text and partial metadata; the id hashes the URL (if any) and the text. */
export function makeDocument(text: string, meta: Partial<DocumentMeta> = {}, diagnostics: Diagnostic[] = []): Document {
  const fullMeta: DocumentMeta = Object.freeze({ ...EMPTY_META, ...meta });
  return Object.freeze({
    // The id depends on what the article is (its URL and text), not on where a copy sits on disk.
    id: hashId(fullMeta.url ?? '', text),
    text,
    meta: fullMeta,
    layers: Object.freeze({}),
    diagnostics: Object.freeze([...diagnostics]),
  });
}

/** A new document with extra layers and diagnostics; the input is not changed. */
export function withLayers(doc: Document, layers: Partial<Layers>, diagnostics: readonly Diagnostic[] = []): Document {
  return Object.freeze({
    ...doc,
    layers: Object.freeze({ ...doc.layers, ...layers }),
    diagnostics: Object.freeze([...doc.diagnostics, ...diagnostics]),
  });
}
