import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { ParleyError, isParleyError } from '../../core/index.js';
import { extract } from '../../extract.js';
import { decodeText, parsePublished, MAX_DOCUMENT_BYTES } from '../../ingest/index.js';
import { formatBrief } from '../../output/brief.js';
import type { Extraction } from '../../output/schema.js';
import { readInput } from '../input.js';
import { action } from '../run.js';
import { progressBar } from '../progress.js';

interface ExtractOptions {
  date?: string;
  title?: string;
  format: string;
  input: string;
}

/** Registers `parley extract`. */
export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('extract events, entities, dates, numbers, quotes and attributions from one article (or JSONL records)')
    .argument('<file>', "article file (text or HTML), or '-' for standard input")
    .option('--date <YYYY-MM-DD>', 'publication date, the reference for relative dates')
    .option('--title <title>', 'article title')
    .option('--format <format>', 'json or brief', 'json')
    .option('--input <kind>', 'text (one article; HTML is detected) or jsonl (records {id, text, date|published|dct})', 'text')
    .action(action(async (file: string, opts: ExtractOptions) => {
      if (!['json', 'brief'].includes(opts.format)) throw new ParleyError('BAD_OPTION', `--format must be json or brief, not '${opts.format}'`);
      if (!['text', 'jsonl'].includes(opts.input)) throw new ParleyError('BAD_OPTION', `--input must be text or jsonl, not '${opts.input}'`);
      const published = opts.date === undefined ? undefined : parsePublished(opts.date);
      const print = (x: Extraction) => process.stdout.write(opts.format === 'brief' ? `${formatBrief(x)}\n` : `${JSON.stringify(x)}\n`);
      if (opts.input === 'jsonl') {
        await extractJsonl(file, published, print);
        return;
      }
      const text = decodeText(readInput(file), file === '-' ? 'standard input' : file);
      const meta = { ...(published ? { published } : {}), ...(opts.title ? { title: opts.title } : {}), source: file === '-' ? null : file };
      const out = extract(text, meta, /\.x?html?$/i.test(file) ? 'html' : 'auto');
      if (opts.format === 'json') process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      else print(out);
      const fatal = out.diagnostics.find((d) => d.severity === 'fatal');
      if (fatal) throw new ParleyError('BAD_INPUT', fatal.message);
    }));
}

/** Reads JSONL records and writes one output object per line, carrying the record's id; bad records get diagnostics. */
async function extractJsonl(file: string, published: string | undefined, print: (x: Extraction) => void): Promise<void> {
  let total = 0;
  if (file !== '-') {
    try {
      total = statSync(file).size;
    } catch (e) {
      throw new ParleyError('FILE_NOT_FOUND', `cannot read ${file}: no such file`, { cause: e });
    }
  }
  const stream = file === '-' ? process.stdin : createReadStream(file);
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  const bar = progressBar(total);
  let bytes = 0;
  let lineNo = 0;
  let failed = 0;
  for await (const line of rl) {
    lineNo++;
    bytes += Buffer.byteLength(line) + 1;
    bar?.update(bytes);
    if (line.trim() === '') continue;
    const out = extractRecord(line, lineNo, published);
    if (out.diagnostics.some((d) => d.severity === 'fatal')) failed++;
    print(out);
  }
  bar?.stop();
  if (lineNo === 0) throw new ParleyError('EMPTY_INPUT', `${file === '-' ? 'standard input' : file} has no records`);
  if (failed > 0) process.stderr.write(`parley: ${failed} of ${lineNo} records failed (see their diagnostics)\n`);
}

/** Extracts one JSONL record; a bad record yields an output object with a fatal diagnostic. */
export function extractRecord(line: string, lineNo: number, published?: string): Extraction {
  let id: string | null = null;
  try {
    if (line.length > MAX_DOCUMENT_BYTES) throw new ParleyError('TOO_LARGE', `record is larger than ${MAX_DOCUMENT_BYTES / 1048576} MB`);
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch {
      throw new ParleyError('BAD_JSON', `line ${lineNo} is not valid JSON`);
    }
    if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) throw new ParleyError('BAD_INPUT', `line ${lineNo} is not a JSON object`);
    const r = rec as Record<string, unknown>;
    id = r.id === undefined || r.id === null ? `line-${lineNo}` : String(r.id);
    const text = typeof r.text === 'string' ? r.text : typeof r.html === 'string' ? r.html : null;
    if (text === null) throw new ParleyError('BAD_INPUT', `record ${id} has no "text" (or "html") string`);
    const format = typeof r.text === 'string' ? 'text' : 'html';
    const dateField = [r.date, r.published, r.dct].find((v) => typeof v === 'string' && v.trim() !== '') as string | undefined;
    const date = dateField ? parsePublished(dateField, `record ${id} date`) : published;
    const title = typeof r.title === 'string' ? r.title : undefined;
    const out = extract(text, { externalId: id, ...(date ? { published: date } : {}), ...(title ? { title } : {}), url: typeof r.url === 'string' ? r.url : null }, format);
    return out;
  } catch (e) {
    if (!isParleyError(e)) throw e;
    return failedExtraction(id ?? `line-${lineNo}`, e.code, e.message);
  }
}

function failedExtraction(id: string, code: string, message: string): Extraction {
  return {
    id,
    document: { id: '', title: null, published: null },
    entities: [],
    events: [],
    dates: [],
    quantities: [],
    quotes: [],
    attributions: [],
    diagnostics: [{ severity: 'fatal', source: 'ingest', rule: code, message }],
  };
}
