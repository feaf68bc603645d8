import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ParleyError } from '../../core/index.js';
import { formatReport, type FileFailure } from '../../eval/report.js';
import { parseFold, poolDocuments, type Fold } from '../../eval/folds.js';
import { DEFAULT_DATA_DIR, REPO_ROOT, evalFile, fileHasFold, findGoldFiles, type FileResult } from '../../eval/run.js';
import { dirname } from 'node:path';
import { action } from '../run.js';

interface EvalOptions {
  all?: boolean;
  dataDir?: string;
  json?: boolean;
  write?: string;
  limit?: string;
  details?: string;
  fold?: string;
}

/** The short hash of HEAD, or null outside a git checkout. */
function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() || null;
  } catch {
    return null;
  }
}

/**
 * Pools the document gold files that share a folder with others (a set of articles such as
 * realnews/) into one result per folder and fold; a lone document file (the seed) stays as it is.
 */
function poolFolders(results: readonly FileResult[]): FileResult[] {
  const groups = new Map<string, FileResult[]>();
  for (const r of results) {
    if (r.format !== 'document') continue;
    const key = `${dirname(r.file)}\u0000${r.fold ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const perFolder = new Map<string, number>();
  for (const r of results) if (r.format === 'document') perFolder.set(dirname(r.file), (perFolder.get(dirname(r.file)) ?? 0) + 1);
  const out: FileResult[] = [];
  const done = new Set<string>();
  for (const r of results) {
    if (r.format !== 'document' || (perFolder.get(dirname(r.file)) ?? 0) < 2) {
      out.push(r);
      continue;
    }
    const key = `${dirname(r.file)}\u0000${r.fold ?? ''}`;
    if (done.has(key)) continue;
    done.add(key);
    out.push(poolDocuments(`${dirname(r.file)}/*.gold.json`, groups.get(key)!));
  }
  return out;
}

/** Registers `parley eval`. */
export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('score Parley against gold files (events, timex, attribution, entities, document formats; detected from the records)')
    .argument('[files...]', 'gold files (*.jsonl, or a document gold.json)')
    .option('--all', 'every *.jsonl and seed/gold.json under the data folder')
    .option('--data-dir <dir>', 'evaluation data folder for --all (default: ../shared/eval next to the repository)')
    .option('--json', 'print {"<file>": {format, n, metrics}} as JSON')
    .option('--write <file>', 'also write the Markdown report, with the date and git commit, to this file (without any text of the gold files)')
    .option('--limit <n>', 'score at most n records per file')
    .option('--details <n>', 'list up to n per-record problems per file (events, timex, attribution)')
    .option('--fold <fold>', 'score only the tuning (tune) or held-out (held) part of every set, or both side by side (both); the split is fixed (src/eval/folds.ts)')
    .action(action(async (files: string[], opts: EvalOptions) => {
      const limit = opts.limit === undefined ? undefined : Number(opts.limit);
      if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new ParleyError('BAD_OPTION', `--limit must be a positive integer, not '${opts.limit}'`);
      const details = opts.details === undefined ? 0 : Number(opts.details);
      if (!(Number.isInteger(details) && details >= 0)) throw new ParleyError('BAD_OPTION', `--details must be a whole number, not '${opts.details}'`);
      const foldOpt = parseFold(opts.fold);
      if (opts.fold !== undefined && foldOpt === null) throw new ParleyError('BAD_OPTION', `--fold must be tune, held or both, not '${opts.fold}'`);
      const folds: (Fold | undefined)[] = foldOpt === 'both' ? ['tune', 'held'] : [foldOpt ?? undefined];
      const list = [...files];
      const base = resolve(opts.dataDir ?? DEFAULT_DATA_DIR);
      if (opts.all) list.push(...findGoldFiles(base));
      if (list.length === 0) throw new ParleyError('BAD_OPTION', 'give gold files or --all');
      const scored: FileResult[] = [];
      const failures: FileFailure[] = [];
      for (const fold of folds) {
        for (const file of list) {
          if (!fileHasFold(file, fold)) continue;
          try {
            const r = await evalFile(file, { details, ...(limit === undefined ? {} : { limit }), ...(fold ? { fold } : {}) });
            scored.push(r);
            if (!opts.json) process.stderr.write(`parley: scored ${file}${fold ? ` [${fold}]` : ''} (${r.format}, ${r.n} records, ${r.errors} errors) in ${r.seconds.toFixed(1)} s\n`);
          } catch (e) {
            failures.push({ file, error: e instanceof Error ? e.message.split('\n')[0]! : String(e) });
            process.stderr.write(`parley: cannot score ${file}: ${failures.at(-1)!.error}\n`);
          }
        }
      }
      const results = poolFolders(scored);
      if (opts.json) {
        const out: Record<string, unknown> = {};
        for (const r of results) out[r.file] = { format: r.format, n: r.n, errors: r.errors, fatal: r.fatal, error_samples: r.errorSamples, seconds: r.seconds, metrics: r.metrics, ...(details > 0 ? { details: r.details } : {}) };
        for (const f of failures) out[f.file] = { format: null, n: 0, error: f.error };
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      } else {
        process.stdout.write(formatReport(results, failures, { base }));
      }
      if (opts.write) {
        const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
        writeFileSync(opts.write, formatReport(results, failures, { date, commit: gitCommit() ?? 'unknown', base, redact: true }));
      }
      if (results.length === 0) process.exitCode = 2;
    }));
}
