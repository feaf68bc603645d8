import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { ParleyError } from '../core/index.js';
import { asParleyError, type SourceItem } from './feed.js';
import { documentFromHtml, looksLikeHtml } from './html.js';
import { MAX_DOCUMENT_BYTES, documentFromText, parsePublished } from './text.js';

/**
 * Reads one JSONL article record `{id, text | html, url, title, published | date}` into a document.
 * A malformed record is returned as a failed item naming its line.
 */
export function jsonlRecord(line: string, origin: string): SourceItem {
  try {
    if (line.length > MAX_DOCUMENT_BYTES) throw new ParleyError('TOO_LARGE', `${origin} is larger than ${MAX_DOCUMENT_BYTES / 1048576} MB`);
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch {
      throw new ParleyError('BAD_JSON', `${origin} is not valid JSON`);
    }
    if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) throw new ParleyError('BAD_INPUT', `${origin} is not a JSON object`);
    const r = rec as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : null);
    const id = r.id === undefined || r.id === null ? null : String(r.id);
    const dateField = str(r.published) ?? str(r.date) ?? str(r.dct);
    const meta = {
      externalId: id,
      title: str(r.title),
      url: str(r.url),
      published: dateField ? parsePublished(dateField, `${origin} published`) : null,
      publisher: str(r.publisher),
      source: origin,
    };
    const text = str(r.text);
    const html = str(r.html);
    if (text !== null) return { ok: true, origin, document: looksLikeHtml(text) ? documentFromHtml(text, meta) : documentFromText(text, meta) };
    if (html !== null) return { ok: true, origin, document: documentFromHtml(html, meta) };
    throw new ParleyError('BAD_INPUT', `${origin} has no "text" or "html" string`);
  } catch (e) {
    return { ok: false, origin, error: asParleyError(e, origin) };
  }
}

/** Streams the records of a JSONL file (blank lines skipped), with the bytes read so far for progress. */
export async function* jsonlItems(path: string): AsyncGenerator<SourceItem & { readonly bytes: number }> {
  const rl = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    const bytes = Buffer.byteLength(line) + 1;
    if (line.trim() === '') continue;
    yield { ...jsonlRecord(line, `${path}:${lineNo}`), bytes };
  }
}
