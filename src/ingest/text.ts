import { ParleyError, makeDocument, type Document, type DocumentMeta } from '../core/index.js';

/** Largest input accepted for one document (bytes of text or HTML): news articles are far smaller; a larger input is refused, not truncated. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/**
 * Decodes raw bytes as UTF-8, refusing binary data and invalid encodings with a clear error.
 * A UTF-8 byte-order mark is dropped.
 */
export function decodeText(bytes: Uint8Array, name = 'input'): string {
  if (bytes.length === 0) throw new ParleyError('EMPTY_INPUT', `${name} is empty`);
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw new ParleyError('TOO_LARGE', `${name} is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${MAX_DOCUMENT_BYTES / 1048576} MB per document`);
  }
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
  let controls = 0;
  for (const b of sample) {
    if (b === 0) throw new ParleyError('BINARY_INPUT', `${name} looks binary (it contains NUL bytes), not text`);
    if (b < 8 || (b > 13 && b < 32 && b !== 27)) controls++;
  }
  if (controls > sample.length * 0.05) throw new ParleyError('BINARY_INPUT', `${name} looks binary (many control bytes), not text`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    throw new ParleyError('BAD_ENCODING', `${name} is not valid UTF-8 (convert it first, e.g. with iconv -t UTF-8)`, { cause: e });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new ParleyError('EMPTY_INPUT', `${name} has no text (only whitespace)`);
  return text;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * Validates a publication date given by a user or a record and returns it as YYYY-MM-DD.
 * Accepts ISO dates and date-times ("1990-08-15T13:37" keeps the date part) and RFC 2822 dates.
 */
export function parsePublished(value: string, what = '--date'): string {
  const v = value.trim();
  const m = ISO_DATE.exec(v);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const dt = new Date(Date.UTC(y, mo - 1, d));
    if (dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d) return `${m[1]}-${m[2]}-${m[3]}`;
    throw new ParleyError('BAD_DATE', `${what} '${value}' is not a real calendar date`);
  }
  if (/[a-z]/i.test(v) && /\d{4}/.test(v)) {
    const t = Date.parse(v);
    if (!Number.isNaN(t)) return new Date(t).toISOString().slice(0, 10);
  }
  throw new ParleyError('BAD_DATE', `${what} '${value}' is not a date: use YYYY-MM-DD`);
}

/** A document from plain text. */
export function documentFromText(text: string, meta: Partial<DocumentMeta> = {}): Document {
  if (text.length > MAX_DOCUMENT_BYTES) throw new ParleyError('TOO_LARGE', `text is longer than ${MAX_DOCUMENT_BYTES / 1048576} M characters`);
  if (text.trim() === '') throw new ParleyError('EMPTY_INPUT', 'the text is empty');
  return makeDocument(text, meta);
}
