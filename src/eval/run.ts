import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { ParleyError } from '../core/index.js';
import type { DocumentMeta } from '../core/index.js';
import { annotate } from '../extract.js';
import { documentFromText } from '../ingest/index.js';
import { toExtraction } from '../output/format.js';
import type { Extraction } from '../output/schema.js';
import { addAttributionRecord, attributionIssues, attributionMetrics, attributionTotals, AttributionRecordSchema, goldRelations, predRelations } from './attribution.js';
import { DocumentGoldSchema, scoreDocument } from './document.js';
import { addEntitiesRecord, entitiesMetrics, entitiesTotals, EntitiesRecordSchema, goldEntities, predEntities, recordTypes, scoreEntities } from './entities.js';
import { addEventsRecord, eventsIssue, eventsMetrics, eventsTotals, EventsRecordSchema, scoreEventsRecord } from './events.js';
import { foldOf, type Fold } from './folds.js';
import { addTimexRecord, dctDate, goldTimexes, predTimexes, scoreTimexRecord, timexIssues, timexMetrics, timexTotals, TimexRecordSchema } from './timex.js';

/** The gold formats the harness scores. */
export type GoldFormat = 'events' | 'timex' | 'attribution' | 'entities' | 'document';

/** The function that turns a text into Parley's output (the default pipeline unless a test swaps it). */
export type ExtractFn = (text: string, meta: Partial<DocumentMeta>) => Extraction;

/**
 * The default extractor for gold records: the default pipeline on the text as plain text (never
 * guessed to be HTML, so gold offsets stay valid).
 */
export const extractPlain: ExtractFn = (text, meta) => toExtraction(annotate(documentFromText(text, meta)));

/** The result of scoring one gold file. */
export interface FileResult {
  readonly file: string;
  readonly format: GoldFormat;
  /** Records scored (a record that threw is counted in `errors`, not here). */
  readonly n: number;
  readonly errors: number;
  /** Records whose extraction carried a fatal diagnostic (scored with what they produced). */
  readonly fatal: number;
  readonly errorSamples: readonly string[];
  readonly seconds: number;
  readonly metrics: unknown;
  /** Per-record problems ("<id>: <problem>"), collected only when asked for (EvalOptions.details). */
  readonly details: readonly string[];
  /** The fold scored, when only one fold of the file was (see folds.ts). */
  readonly fold?: Fold;
}

/** The repository root (found from this file). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The default evaluation data folder: ../shared/eval next to the repository. */
export const DEFAULT_DATA_DIR = resolve(REPO_ROOT, '..', 'shared', 'eval');

/** Every gold file under a data folder: *.jsonl at any depth, and seed/gold.json (or any gold.json). */
export function findGoldFiles(dataDir: string): string[] {
  if (!existsSync(dataDir)) throw new ParleyError('FILE_NOT_FOUND', `evaluation data folder ${dataDir} does not exist (use --data-dir)`);
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if ((name.endsWith('.jsonl') && name !== 'manifest.jsonl') || name === 'gold.json' || name.endsWith('.gold.json')) out.push(p);
    }
  };
  walk(dataDir);
  return out;
}

const KNOWN: readonly GoldFormat[] = ['events', 'timex', 'attribution', 'entities', 'document'];

/** Detects the gold format of one record from its `format` field or, failing that, its keys. */
export function detectFormat(rec: unknown): GoldFormat | null {
  if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) return null;
  const r = rec as Record<string, unknown>;
  if (typeof r.format === 'string' && (KNOWN as readonly string[]).includes(r.format)) return r.format as GoldFormat;
  if ('must_not_assert' in r || ('document' in r && 'events' in r)) return 'document';
  if ('timexes' in r) return 'timex';
  if ('attributions' in r && typeof r.text === 'string') return 'attribution';
  if ('events' in r && typeof r.text === 'string') return 'events';
  if ('entities' in r && typeof r.text === 'string') return 'entities';
  return null;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function meta(id: string, date: string | null | undefined, title?: string | null): Partial<DocumentMeta> {
  const d = dctDate(date);
  return { externalId: id, ...(d && ISO.test(d) ? { published: d } : {}), ...(title ? { title } : {}) };
}

function issueText(e: z.ZodError): string {
  const i = e.issues[0];
  return `${i?.path.join('.') ?? '?'}: ${i?.message ?? 'invalid'}`;
}

/** Accumulates one format's totals record by record. */
interface Scorer {
  /** Scores one record; `issues` lists its problems when `wantIssues` is set. */
  add(rec: unknown, run: ExtractFn, wantIssues: boolean): { x: Extraction; issues: string[] };
  metrics(): unknown;
}

function parse<T>(schema: z.ZodType<T>, rec: unknown): T {
  const p = schema.safeParse(rec);
  if (!p.success) throw new ParleyError('BAD_INPUT', `record does not fit the format: ${issueText(p.error)}`);
  return p.data;
}

function scorer(format: Exclude<GoldFormat, 'document'>): Scorer {
  switch (format) {
    case 'events': {
      const t = eventsTotals();
      return {
        add(rec, run, wantIssues) {
          const g = parse(EventsRecordSchema, rec);
          const x = run(g.text, meta(g.id, g.date));
          const s = scoreEventsRecord(g, x.events);
          addEventsRecord(t, s);
          const issue = wantIssues ? eventsIssue(g, x.events, s) : null;
          return { x, issues: issue ? [issue] : [] };
        },
        metrics: () => eventsMetrics(t),
      };
    }
    case 'timex': {
      const t = timexTotals();
      return {
        add(rec, run, wantIssues) {
          const g = parse(TimexRecordSchema, rec);
          const x = run(g.text, meta(g.id, g.dct));
          const gold = goldTimexes(g);
          const pred = predTimexes(x);
          const s = scoreTimexRecord(gold, pred);
          addTimexRecord(t, s);
          return { x, issues: wantIssues ? timexIssues(g.text, gold, pred, s) : [] };
        },
        metrics: () => timexMetrics(t),
      };
    }
    case 'attribution': {
      const t = attributionTotals();
      return {
        add(rec, run, wantIssues) {
          const g = parse(AttributionRecordSchema, rec);
          const x = run(g.text, meta(g.id, g.published, g.title));
          const gold = goldRelations(g);
          const pred = predRelations(x, g.text);
          addAttributionRecord(t, gold, pred);
          return { x, issues: wantIssues ? attributionIssues(g.text, gold, pred) : [] };
        },
        metrics: () => attributionMetrics(t),
      };
    }
    case 'entities': {
      const t = entitiesTotals();
      return {
        add(rec, run) {
          const g = parse(EntitiesRecordSchema, rec);
          const x = run(g.text, meta(g.id, null));
          const types = recordTypes(g);
          addEntitiesRecord(t, scoreEntities(goldEntities(g), predEntities(x, types), types));
          return { x, issues: [] };
        },
        metrics: () => entitiesMetrics(t),
      };
    }
  }
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!;

/** Options for evaluating files. */
export interface EvalOptions {
  readonly extractFn?: ExtractFn;
  /** Score at most this many records per file. */
  readonly limit?: number;
  /** Collect up to this many per-record problem lines per file (0 or absent: none). */
  readonly details?: number;
  /** Score only the records of this fold (folds.ts); absent: every record. */
  readonly fold?: Fold;
  /** Called after each record (for a progress display). */
  readonly onRecord?: (file: string, n: number) => void;
}

/** Scores a JSONL gold file record by record; a record that throws is counted and reported, the rest goes on. */
async function evalJsonl(file: string, opts: EvalOptions): Promise<FileResult> {
  const t0 = performance.now();
  const run = opts.extractFn ?? extractPlain;
  const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let format: GoldFormat | null = null;
  let sc: Scorer | null = null;
  let n = 0;
  let errors = 0;
  let fatal = 0;
  const samples: string[] = [];
  const details: string[] = [];
  const maxDetails = opts.details ?? 0;
  let lineNo = 0;
  const fail = (what: string) => {
    errors++;
    if (samples.length < 5) samples.push(what);
  };
  for await (const line of rl) {
    lineNo++;
    if (line.trim() === '') continue;
    if (opts.limit !== undefined && n + errors >= opts.limit) break;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch {
      fail(`line ${lineNo}: not valid JSON`);
      continue;
    }
    const f = detectFormat(rec);
    if (format === null && f !== null) {
      if (f === 'document') throw new ParleyError('BAD_INPUT', `${file}: the document format is a single JSON file, not JSONL`);
      format = f;
      sc = scorer(f);
    }
    if (sc === null || f !== format) {
      fail(`line ${lineNo}: cannot tell the record's format${format ? ` (file is ${format})` : ''}`);
      continue;
    }
    const id = String((rec as { id?: unknown }).id ?? `line-${lineNo}`);
    if (opts.fold && foldOf(file, id) !== opts.fold) continue;
    try {
      const { x, issues } = sc.add(rec, run, details.length < maxDetails);
      for (const issue of issues) if (details.length < maxDetails) details.push(`${id}: ${issue}`);
      n++;
      if (x.diagnostics.some((d) => d.severity === 'fatal')) fatal++;
    } catch (e) {
      fail(`${id}: ${message(e)}`);
    }
    opts.onRecord?.(file, n + errors);
  }
  if (format === null || sc === null) throw new ParleyError('BAD_INPUT', `${file}: no record of a known gold format`);
  return { file, format, n, errors, fatal, errorSamples: samples, seconds: (performance.now() - t0) / 1000, metrics: sc.metrics(), details, ...(opts.fold ? { fold: opts.fold } : {}) };
}

/** Scores a `document` gold file (JSON) against Parley's extraction of the article it names. */
export function evalDocumentFile(file: string, opts: EvalOptions = {}): FileResult {
  const t0 = performance.now();
  const run = opts.extractFn ?? extractPlain;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ParleyError('BAD_JSON', `${file}: ${message(e)}`, { cause: e });
  }
  const p = DocumentGoldSchema.safeParse(raw);
  if (!p.success) throw new ParleyError('BAD_INPUT', `${file}: not a document gold file: ${issueText(p.error)}`);
  const gold = p.data;
  // The article: document.file next to the gold, else <slug>.txt for <slug>.gold.json, else article.txt.
  const sibling = basename(file).replace(/\.gold\.json$|\.json$/, '.txt');
  const candidates = gold.document?.file ? [gold.document.file] : [sibling, 'article.txt'];
  const articlePath = candidates.map((c) => join(dirname(file), c)).find((p) => existsSync(p)) ?? join(dirname(file), candidates[0]!);
  const inline = (raw as { text?: unknown }).text;
  let text: string;
  if (typeof inline === 'string') text = inline;
  else if (existsSync(articlePath)) text = readFileSync(articlePath, 'utf8');
  else throw new ParleyError('FILE_NOT_FOUND', `${file}: its article ${articlePath} is missing`);
  const x = run(text, meta(basename(file), gold.document?.published ?? null));
  const score = scoreDocument(gold, x, { text });
  const fatal = x.diagnostics.some((d) => d.severity === 'fatal') ? 1 : 0;
  return {
    file,
    format: 'document',
    n: 1,
    errors: 0,
    fatal,
    errorSamples: [],
    seconds: (performance.now() - t0) / 1000,
    metrics: { summary: score.summary, problems: score.problems, violations: score.mustNotAssert.violations },
    details: [],
    ...(opts.fold ? { fold: opts.fold } : {}),
  };
}

/** Whether a gold file has records in `fold`: a document gold file is one record, in one fold. */
export function fileHasFold(file: string, fold: Fold | undefined): boolean {
  return !fold || !file.endsWith('.json') || foldOf(file) === fold;
}

/** Scores one gold file of any supported format (detected from its records). */
export async function evalFile(file: string, opts: EvalOptions = {}): Promise<FileResult> {
  if (!existsSync(file)) throw new ParleyError('FILE_NOT_FOUND', `cannot read ${file}: no such file`);
  if (file.endsWith('.json')) return evalDocumentFile(file, opts);
  return evalJsonl(file, opts);
}
