export { decodeText, parsePublished, documentFromText, MAX_DOCUMENT_BYTES } from './text.js';
export { documentFromHtml, looksLikeHtml } from './html.js';
