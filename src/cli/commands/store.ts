import type { Command } from 'commander';
import { ParleyError, type Modality, type PloverType } from '../../core/index.js';
import { annotate } from '../../extract.js';
import { listInputs, parsePublished, readInputFile } from '../../ingest/index.js';
import { toExtraction } from '../../output/format.js';
import { formatSituationText } from '../../situation/index.js';
import {
  DEFAULT_DB,
  contentHash,
  isPostgresUrl,
  openStore,
  redact,
  situationOf,
  type EventFilter,
  type Store,
} from '../../store/index.js';
import {
  DOCUMENT_CSV_HEADER,
  ENTITY_CSV_HEADER,
  EVENT_CSV_HEADER,
  EVENT_FORMATS,
  GDELT_HEADER,
  csvLine,
  documentCsvRow,
  entityCsvRow,
  eventCsvRow,
  eventGdeltRow,
  eventPlover,
  tsvLine,
  type EventFormat,
} from '../../store/export.js';
import { progressBar } from '../progress.js';
import { action } from '../run.js';

const PLOVER_TYPES: readonly PloverType[] = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
];
const MODALITIES: readonly Modality[] = ['asserted', 'reported', 'planned', 'potential', 'negated'];

/** The store named by --db, else $PARLEY_DB, else ./parley.db. */
export function storeLocation(db: string | undefined): string {
  return db ?? process.env.PARLEY_DB ?? DEFAULT_DB;
}

/** Where a store is, for messages (passwords hidden). */
export function describeStore(db: string): string {
  return isPostgresUrl(db) ? redact(db) : db;
}

/** Writes to stdout, waiting when the pipe is full so that memory stays constant on long exports. */
async function out(s: string): Promise<void> {
  if (!process.stdout.write(s)) await new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
}

/** What one ingest run did. */
export interface IngestSummary {
  readonly new: number;
  readonly duplicate: number;
  readonly failed: number;
  readonly eventMentions: number;
  readonly mergedEvents: number;
  readonly seconds: number;
}

/** Options of `ingestPaths`. */
export interface IngestOptions {
  /** Publication date for articles that carry none. */
  readonly defaultDate?: string | null;
  /** Called with a one-line message for each input that is skipped. */
  readonly onSkip?: (message: string) => void;
  /** Show a progress bar on stderr (when it is a terminal). */
  readonly progress?: boolean;
}

/**
 * Reads every article under `paths`, extracts it and stores it with its extraction (one transaction
 * per document). Content already stored is not extracted again, so re-running after a crash
 * completes the rest. A malformed input is reported through `onSkip` and the rest goes on.
 */
export async function ingestPaths(store: Store, paths: readonly string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const t0 = performance.now();
  const skip = options.onSkip ?? (() => undefined);
  const { files, errors } = listInputs(paths);
  let failed = 0;
  for (const e of errors) {
    failed++;
    skip(e.message);
  }
  const total = files.reduce((n, f) => n + f.size, 0);
  const bar = options.progress ? progressBar(total) : null;
  let bytes = 0;
  let added = 0;
  let duplicate = 0;
  let eventMentions = 0;
  for (const file of files) {
    for await (const item of readInputFile(file, { defaultDate: options.defaultDate ?? null })) {
      bytes += item.bytes;
      bar?.update(bytes);
      if (!item.ok) {
        failed++;
        skip(`skipped ${item.origin}: ${item.error.message}`);
        continue;
      }
      const doc = item.document;
      const hash = contentHash(doc.text);
      if (await store.hasContent(hash)) {
        duplicate++;
        continue;
      }
      const annotated = annotate(doc);
      const fatal = annotated.diagnostics.find((d) => d.severity === 'fatal');
      if (fatal) {
        failed++;
        skip(`skipped ${item.origin}: ${fatal.message}`);
        continue;
      }
      const extraction = toExtraction(annotated);
      const result = await store.putDocument({ id: doc.id, text: doc.text, meta: doc.meta, contentHash: hash, extraction });
      if (result === 'new') {
        added++;
        eventMentions += extraction.events.length;
      } else duplicate++;
    }
  }
  bar?.stop();
  const mergedEvents = await store.refreshMerged({ ifStale: true });
  return { new: added, duplicate, failed, eventMentions, mergedEvents, seconds: (performance.now() - t0) / 1000 };
}

/** One-line summary of an ingest run. */
export function formatIngestSummary(s: IngestSummary, where: string): string {
  const docs = s.new + s.duplicate;
  const rate = s.seconds > 0 ? ` (${(docs / s.seconds).toFixed(1)} documents/s)` : '';
  return `ingested ${s.new} new, ${s.duplicate} duplicate, ${s.failed} failed documents; ${s.eventMentions} new event mentions, ${s.mergedEvents} merged events in the store; ${s.seconds.toFixed(1)} s${rate}; store ${where}`;
}

async function withStore<T>(db: string | undefined, fn: (store: Store, where: string) => Promise<T>): Promise<T> {
  const loc = storeLocation(db);
  const store = await openStore(loc);
  try {
    return await fn(store, describeStore(loc));
  } finally {
    await store.close();
  }
}

function dateOption(v: string | undefined, name: string): string | undefined {
  return v === undefined ? undefined : parsePublished(v, name);
}

function checkRange(since: string | undefined, until: string | undefined): void {
  if (since && until && since > until) throw new ParleyError('BAD_OPTION', `--since ${since} is after --until ${until}`);
}

/** Validates the options of `parley events` into a filter and a format (one-line errors, exit 2). */
export function eventQuery(opts: { actor?: string; recipient?: string; type?: string; modality?: string; since?: string; until?: string; format?: string }): {
  filter: EventFilter;
  format: EventFormat;
} {
  const format = (opts.format ?? 'jsonl').toLowerCase();
  if (!(EVENT_FORMATS as readonly string[]).includes(format)) throw new ParleyError('BAD_OPTION', `--format must be one of ${EVENT_FORMATS.join(', ')}, not '${opts.format}'`);
  let type: PloverType | undefined;
  if (opts.type !== undefined) {
    const t = opts.type.toUpperCase();
    if (!(PLOVER_TYPES as readonly string[]).includes(t)) throw new ParleyError('BAD_OPTION', `--type must be a PLOVER type (${PLOVER_TYPES.join(', ')}), not '${opts.type}'`);
    type = t as PloverType;
  }
  let modality: Modality | undefined;
  if (opts.modality !== undefined) {
    const m = opts.modality.toLowerCase();
    if (!(MODALITIES as readonly string[]).includes(m)) throw new ParleyError('BAD_OPTION', `--modality must be one of ${MODALITIES.join(', ')}, not '${opts.modality}'`);
    modality = m as Modality;
  }
  for (const [name, v] of [['--actor', opts.actor], ['--recipient', opts.recipient]] as const) {
    if (v !== undefined && v.trim() === '') throw new ParleyError('BAD_OPTION', `${name} needs a name or a code`);
  }
  const since = dateOption(opts.since, '--since');
  const until = dateOption(opts.until, '--until');
  checkRange(since, until);
  const filter: EventFilter = {
    ...(opts.actor ? { actor: opts.actor.trim() } : {}),
    ...(opts.recipient ? { recipient: opts.recipient.trim() } : {}),
    ...(type ? { type } : {}),
    ...(modality ? { modality } : {}),
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
  };
  return { filter, format: format as EventFormat };
}

function listFormat(v: string | undefined): 'jsonl' | 'csv' {
  const f = (v ?? 'jsonl').toLowerCase();
  if (f !== 'jsonl' && f !== 'csv') throw new ParleyError('BAD_OPTION', `--format must be jsonl or csv, not '${v}'`);
  return f;
}

const DB_HELP = `store: a SQLite file or a postgres:// URL (default $PARLEY_DB or ./${DEFAULT_DB})`;

/** Registers `parley ingest`, `events`, `entities`, `documents` and `situation`. */
export function registerStore(program: Command): void {
  program
    .command('ingest')
    .description('extract articles (.txt, .html, RSS/Atom feeds, .jsonl records; folders are walked) into the store')
    .argument('<paths...>', 'files and folders')
    .option('--db <store>', DB_HELP)
    .option('--date <YYYY-MM-DD>', 'publication date for articles that carry none')
    .option('--quiet', 'no progress bar')
    .action(action(async (paths: string[], opts: { db?: string; date?: string; quiet?: boolean }) => {
      const defaultDate = dateOption(opts.date, '--date') ?? null;
      await withStore(opts.db, async (store, where) => {
        const summary = await ingestPaths(store, paths, {
          defaultDate,
          progress: !opts.quiet,
          onSkip: (m) => process.stderr.write(`parley: ${m}\n`),
        });
        await out(`${formatIngestSummary(summary, where)}\n`);
        if (summary.new + summary.duplicate === 0) {
          throw new ParleyError('BAD_INPUT', summary.failed > 0 ? 'no article could be read' : `no article files found under ${paths.join(', ')}`);
        }
      });
    }));

  program
    .command('events')
    .description('merged events of the store with their mentions (streamed)')
    .option('--db <store>', DB_HELP)
    .option('--actor <name|code>', 'an actor by name or country/actor code')
    .option('--recipient <name|code>', 'a recipient by name or code')
    .option('--type <PLOVER type>', 'AGREE, CONSULT, ... ASSAULT')
    .option('--modality <modality>', 'asserted (confirmed), reported, planned, potential, negated (denied)')
    .option('--since <YYYY-MM-DD>', 'events whose date reaches this day or later')
    .option('--until <YYYY-MM-DD>', 'events whose date starts this day or earlier')
    .option(
      '--format <format>',
      `${EVENT_FORMATS.join(', ')}; csv has date_precision (1 day, 2 week, 3 month, 4 quarter/season, 5 year, 6 decade or coarser) ` +
        'and geo_precision (1 named place, 3 country only); plover: PLOVER 0.8 records; gdelt: GDELT-style TSV',
      'jsonl',
    )
    .action(action(async (opts: Record<string, string | undefined>) => {
      const { filter, format } = eventQuery(opts);
      await withStore(opts.db, async (store) => {
        const codedDate = new Date().toISOString().slice(0, 10);
        if (format === 'csv') await out(csvLine(EVENT_CSV_HEADER));
        if (format === 'gdelt') await out(tsvLine(GDELT_HEADER));
        for await (const ev of store.events(filter)) {
          if (format === 'jsonl') await out(`${JSON.stringify(ev)}\n`);
          else if (format === 'csv') await out(csvLine(eventCsvRow(ev)));
          else if (format === 'plover') await out(`${JSON.stringify(eventPlover(ev, codedDate))}\n`);
          else await out(tsvLine(eventGdeltRow(ev)));
        }
      });
    }));

  program
    .command('entities')
    .description('entities of the store, merged across documents by kind and name (streamed)')
    .option('--db <store>', DB_HELP)
    .option('--kind <kind>', 'person, organization, country, place or group')
    .option('--name <text>', 'names containing this text')
    .option('--format <format>', 'jsonl or csv', 'jsonl')
    .action(action(async (opts: { db?: string; kind?: string; name?: string; format?: string }) => {
      const format = listFormat(opts.format);
      const kinds = ['person', 'organization', 'country', 'place', 'group'];
      if (opts.kind !== undefined && !kinds.includes(opts.kind)) throw new ParleyError('BAD_OPTION', `--kind must be one of ${kinds.join(', ')}, not '${opts.kind}'`);
      await withStore(opts.db, async (store) => {
        if (format === 'csv') await out(csvLine(ENTITY_CSV_HEADER));
        for await (const e of store.entities({ ...(opts.kind ? { kind: opts.kind } : {}), ...(opts.name ? { name: opts.name } : {}) })) {
          await out(format === 'csv' ? csvLine(entityCsvRow(e)) : `${JSON.stringify(e)}\n`);
        }
      });
    }));

  program
    .command('documents')
    .description('documents of the store by publication date (streamed)')
    .option('--db <store>', DB_HELP)
    .option('--since <YYYY-MM-DD>', 'published on or after')
    .option('--until <YYYY-MM-DD>', 'published on or before')
    .option('--format <format>', 'jsonl or csv', 'jsonl')
    .action(action(async (opts: { db?: string; since?: string; until?: string; format?: string }) => {
      const format = listFormat(opts.format);
      const since = dateOption(opts.since, '--since');
      const until = dateOption(opts.until, '--until');
      checkRange(since, until);
      await withStore(opts.db, async (store) => {
        if (format === 'csv') await out(csvLine(DOCUMENT_CSV_HEADER));
        for await (const d of store.documents({ ...(since ? { since } : {}), ...(until ? { until } : {}) })) {
          await out(format === 'csv' ? csvLine(documentCsvRow(d)) : `${JSON.stringify(d)}\n`);
        }
      });
    }));

  program
    .command('situation')
    .description('the negotiation picture built from every stored document, in publication order')
    .option('--db <store>', DB_HELP)
    .option('--until <YYYY-MM-DD>', 'only documents published on or before this day (the picture as it stood)')
    .option('--format <format>', 'json or text', 'json')
    .action(action(async (opts: { db?: string; until?: string; format?: string }) => {
      const format = (opts.format ?? 'json').toLowerCase();
      if (format !== 'json' && format !== 'text') throw new ParleyError('BAD_OPTION', `--format must be json or text, not '${opts.format}'`);
      const until = dateOption(opts.until, '--until');
      await withStore(opts.db, async (store) => {
        const situation = await situationOf(store, until);
        await out(format === 'text' ? `${formatSituationText(situation)}\n` : `${JSON.stringify(situation, null, 2)}\n`);
      });
    }));
}
