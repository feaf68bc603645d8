export { decodeText, parsePublished, documentFromText, MAX_DOCUMENT_BYTES } from './text.js';
export { documentFromHtml, looksLikeHtml } from './html.js';
export { feedItems, fragmentToText, looksLikeFeed, type SourceItem } from './feed.js';
export { jsonlItems, jsonlRecord } from './jsonl.js';
export { listInputs, readInputFile, inputKind, sidecarDate, type InputFile, type InputKind, type ReadOptions } from './files.js';
