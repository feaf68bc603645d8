import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { ParleyError, type DocumentMeta } from '../core/index.js';
import { asParleyError, feedItems, looksLikeFeed, type SourceItem } from './feed.js';
import { documentFromHtml, looksLikeHtml } from './html.js';
import { jsonlItems } from './jsonl.js';
import { MAX_DOCUMENT_BYTES, decodeText, documentFromText, parsePublished } from './text.js';

/** How an input file is read. */
export type InputKind = 'text' | 'html' | 'feed' | 'jsonl';

/** One input file found under the given paths. */
export interface InputFile {
  readonly path: string;
  readonly kind: InputKind;
  readonly size: number;
}

const KIND_BY_EXT: Record<string, InputKind> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xml': 'feed',
  '.rss': 'feed',
  '.atom': 'feed',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

/** The kind of a file from its extension; null for files a folder walk skips. */
export function inputKind(path: string): InputKind | null {
  return KIND_BY_EXT[extname(path).toLowerCase()] ?? null;
}

/**
 * Expands files and folders (recursively, in name order) into input files. A folder keeps only
 * known extensions; a file named explicitly is read as text (HTML and feeds are still detected).
 * Paths that do not exist come back as errors.
 */
export function listInputs(paths: readonly string[]): { files: InputFile[]; errors: ParleyError[] } {
  const files: InputFile[] = [];
  const errors: ParleyError[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      errors.push(new ParleyError('BAD_INPUT', `cannot read folder ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { cause: e }));
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const p = join(dir, name);
      const kind = inputKind(p);
      let st;
      try {
        st = statSync(p);
      } catch (e) {
        // A broken link to a file we would not read anyway is not worth a message.
        if (kind) errors.push(new ParleyError('FILE_NOT_FOUND', `cannot read ${p}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { cause: e }));
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (kind) files.push({ path: p, kind, size: st.size });
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      errors.push(new ParleyError('FILE_NOT_FOUND', `cannot read ${p}: no such file or folder`, { cause: e }));
      continue;
    }
    if (st.isDirectory()) walk(p);
    else files.push({ path: p, kind: inputKind(p) ?? 'text', size: st.size });
  }
  return { files, errors };
}

/**
 * The publication date of a text article from its sidecar `<name>.gold.json` (`document.published`),
 * the convention of the bundled example articles; null when there is none.
 */
export function sidecarDate(path: string): string | null {
  const side = join(path.slice(0, path.length - basename(path).length), `${basename(path, extname(path))}.gold.json`);
  if (!existsSync(side)) return null;
  try {
    const raw = JSON.parse(readFileSync(side, 'utf8')) as { document?: { published?: unknown } };
    const d = raw.document?.published;
    return typeof d === 'string' ? parsePublished(d, `${side} document.published`) : null;
  } catch {
    return null;
  }
}

/** Options of `readInputFile`. */
export interface ReadOptions {
  /** Publication date for articles that carry none (YYYY-MM-DD). */
  readonly defaultDate?: string | null;
}

/** Reads one input file into its articles (a text or HTML file is one; a feed or JSONL file many). */
export async function* readInputFile(file: InputFile, options: ReadOptions = {}): AsyncGenerator<SourceItem & { readonly bytes: number }> {
  if (file.kind === 'jsonl') {
    for await (const item of jsonlItems(file.path)) {
      yield withDefaultDate(item, options.defaultDate ?? null);
    }
    return;
  }
  let text: string;
  try {
    if (file.size > MAX_DOCUMENT_BYTES * 4 && file.kind === 'feed') throw new ParleyError('TOO_LARGE', `${file.path} is larger than ${(MAX_DOCUMENT_BYTES * 4) / 1048576} MB`);
    if (file.size > MAX_DOCUMENT_BYTES && file.kind !== 'feed') throw new ParleyError('TOO_LARGE', `${file.path} is larger than ${MAX_DOCUMENT_BYTES / 1048576} MB`);
    const bytes = readFileSync(file.path);
    text = file.kind === 'feed' ? new TextDecoder('utf-8').decode(bytes) : decodeText(bytes, file.path);
  } catch (e) {
    yield { ok: false, origin: file.path, error: asParleyError(e, file.path), bytes: file.size };
    return;
  }
  if (file.kind === 'feed' || looksLikeFeed(text)) {
    const items = feedItems(text, file.path);
    const share = items.length ? file.size / items.length : file.size;
    for (const item of items) yield withDefaultDate({ ...item, bytes: share }, options.defaultDate ?? null);
    return;
  }
  try {
    const meta: Partial<DocumentMeta> = { source: file.path, published: sidecarDate(file.path) ?? options.defaultDate ?? null };
    const document = file.kind === 'html' || looksLikeHtml(text) ? documentFromHtml(text, meta) : documentFromText(text, meta);
    yield { ok: true, origin: file.path, document, bytes: file.size };
  } catch (e) {
    yield { ok: false, origin: file.path, error: asParleyError(e, file.path), bytes: file.size };
  }
}

function withDefaultDate<T extends SourceItem>(item: T, date: string | null): T {
  if (!item.ok || date === null || item.document.meta.published !== null) return item;
  return { ...item, document: { ...item.document, meta: Object.freeze({ ...item.document.meta, published: date }) } };
}
