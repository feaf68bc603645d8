/**
 * Parley's benchmark (not a test): end-to-end throughput of the default pipeline and of
 * wink-nlp's own annotation pass over the same news corpus, measured in one run.
 *
 *   npm run bench -- [--mb 5] [--json] [--write BENCH.md] [--data-dir ../shared/eval]
 *
 * The corpus is the `text` of the documents of tempeval3-dev.jsonl and polnear-dev.jsonl,
 * read at run time and repeated to at least --mb megabytes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { annotateText } from '../src/extract.js';
import { toExtraction } from '../src/output/format.js';
import { setStageTimer } from '../src/pipeline/index.js';
import { wink } from '../src/text/index.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['tempeval3-dev.jsonl', 'polnear-dev.jsonl'];

interface Args {
  mb: number;
  json: boolean;
  write: string | null;
  dataDir: string;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { mb: 5, json: false, write: null, dataDir: resolve(REPO, '..', 'shared', 'eval') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--mb') args.mb = Number(argv[++i]);
    else if (a === '--write') args.write = argv[++i] ?? 'BENCH.md';
    else if (a === '--data-dir') args.dataDir = resolve(argv[++i] ?? '.');
    else throw new Error(`unknown option ${a} (use --mb N, --json, --write FILE, --data-dir DIR)`);
  }
  if (!(args.mb > 0)) throw new Error('--mb must be a positive number');
  return args;
}

interface CorpusDoc {
  readonly text: string;
  readonly published: string | undefined;
}

/** Reads the source documents once; the corpus repeats them to the requested size. */
function loadCorpus(dataDir: string, mb: number): { docs: CorpusDoc[]; bytes: number; unique: number } {
  const unique: CorpusDoc[] = [];
  for (const name of SOURCES) {
    const path = join(dataDir, name);
    if (!existsSync(path)) throw new Error(`benchmark corpus file ${path} is missing (use --data-dir)`);
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const r = JSON.parse(line) as { text?: unknown; dct?: unknown; published?: unknown };
      if (typeof r.text !== 'string' || r.text.trim() === '') continue;
      const date = [r.dct, r.published].find((d) => typeof d === 'string') as string | undefined;
      const d = date && /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : undefined;
      unique.push({ text: r.text, published: d });
    }
  }
  if (unique.length === 0) throw new Error('benchmark corpus is empty');
  const target = mb * 1024 * 1024;
  const docs: CorpusDoc[] = [];
  let bytes = 0;
  while (bytes < target) {
    for (const d of unique) {
      docs.push(d);
      bytes += Buffer.byteLength(d.text);
      if (bytes >= target) break;
    }
  }
  return { docs, bytes, unique: unique.length };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

const rssMb = () => process.resourceUsage().maxRSS / 1024;

function retainedHeapMb(): number | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return null;
  gc();
  return process.memoryUsage().heapUsed / 1048576;
}

interface PassResult {
  seconds: number;
  documents: number;
  sentences: number;
  tokens: number;
  sentencesPerSec: number;
  tokensPerSec: number;
  documentsPerSec: number;
  mbPerSec: number;
}

function pass(seconds: number, documents: number, sentences: number, tokens: number, bytes: number): PassResult {
  return {
    seconds,
    documents,
    sentences,
    tokens,
    sentencesPerSec: sentences / seconds,
    tokensPerSec: tokens / seconds,
    documentsPerSec: documents / seconds,
    mbPerSec: bytes / 1048576 / seconds,
  };
}

/** Accumulated timings of the Parley pass. */
class ParleyPass {
  readonly stageMs = new Map<string, number>();
  readonly perDoc: number[] = [];
  ms = 0;
  sentences = 0;
  tokens = 0;
  fatal = 0;

  /** Runs Parley end to end (annotate + output contract) on each document; nothing is kept. */
  run(docs: readonly CorpusDoc[]): void {
    setStageTimer((stage, ms) => this.stageMs.set(stage, (this.stageMs.get(stage) ?? 0) + ms));
    const t0 = performance.now();
    for (const d of docs) {
      const s = performance.now();
      const doc = annotateText(d.text, d.published ? { published: d.published } : {});
      const out = toExtraction(doc);
      this.perDoc.push(performance.now() - s);
      this.sentences += doc.layers.sentences?.length ?? 0;
      this.tokens += doc.layers.tokens?.length ?? 0;
      if (out.diagnostics.some((x) => x.severity === 'fatal')) this.fatal++;
    }
    this.ms += performance.now() - t0;
    setStageTimer(null);
  }

  result(bytes: number) {
    const seconds = this.ms / 1000;
    const perDoc = [...this.perDoc].sort((a, b) => a - b);
    const stageTotal = [...this.stageMs.values()].reduce((a, b) => a + b, 0);
    const stages = Object.fromEntries(
      [...this.stageMs.entries()].map(([k, v]) => [k, { ms: Math.round(v), share: stageTotal === 0 ? 0 : v / stageTotal }]),
    );
    return {
      ...pass(seconds, perDoc.length, this.sentences, this.tokens, bytes),
      p50Ms: percentile(perDoc, 50),
      p95Ms: percentile(perDoc, 95),
      fatalDocuments: this.fatal,
      stages,
      /** Time outside the stages (ingest, output formatting, runner checks), as a share of the whole. */
      outsideStagesShare: Math.max(0, 1 - stageTotal / this.ms),
    };
  }
}

/** Accumulated timings of wink-nlp's own pass: readDoc, every token with its POS, every sentence. */
class WinkPass {
  ms = 0;
  sentences = 0;
  tokens = 0;
  documents = 0;
  private sink = 0;

  run(docs: readonly CorpusDoc[]): void {
    const nlp = wink() as unknown as {
      readDoc(t: string): {
        tokens(): { each(cb: (t: { out(f?: unknown): unknown }) => void): void };
        sentences(): { each(cb: (s: { out(): unknown }) => void): void };
      };
      its: { pos: unknown };
    };
    const t0 = performance.now();
    for (const d of docs) {
      const doc = nlp.readDoc(d.text);
      doc.tokens().each((t) => {
        this.tokens++;
        this.sink += (t.out(nlp.its.pos) as string).length;
      });
      doc.sentences().each(() => {
        this.sentences++;
      });
      this.documents++;
    }
    this.ms += performance.now() - t0;
  }

  result(bytes: number): PassResult {
    return pass(this.ms / 1000, this.documents, this.sentences, this.tokens, bytes);
  }
}

/** Documents per chunk: the two passes alternate chunk by chunk so both see the same machine load. */
const CHUNK = 40;

/**
 * A pathological input: 1 MB of words with no punctuation and no line break (a synthetic text
 * of our own). It must finish in time roughly linear in its size.
 */
function runStress(): { megabytes: number; seconds: number; sentences: number } {
  const words = ['the', 'envoy', 'said', 'rebels', 'would', 'free', 'prisoners', 'after', 'talks', 'in', 'Geneva', 'on', 'Monday', 'and', 'not', 'more', 'than', '1,500', 'troops', 'could', 'leave'];
  const parts: string[] = [];
  let len = 0;
  for (let i = 0; len < 1_000_000; i++) {
    const w = words[(i * 7 + (i >> 3)) % words.length]!;
    parts.push(w);
    len += w.length + 1;
  }
  const text = parts.join(' ');
  const t0 = performance.now();
  const doc = annotateText(text, { published: '2024-01-01' });
  toExtraction(doc);
  return { megabytes: text.length / 1048576, seconds: (performance.now() - t0) / 1000, sentences: doc.layers.sentences?.length ?? 0 };
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return 'unknown';
  }
}

function machine() {
  let cpu = 'unknown';
  try {
    cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? 'unknown';
  } catch {
    /* not Linux */
  }
  return { nproc: availableParallelism(), cpu, node: process.version, platform: `${process.platform}-${process.arch}`, loadAverage1m: loadavg()[0] ?? 0 };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const { docs, bytes, unique } = loadCorpus(args.dataDir, args.mb);
  // Warm-up: loads data files and lets the JIT settle; not timed.
  const warm = docs.slice(0, Math.min(30, docs.length));
  new ParleyPass().run(warm);
  new WinkPass().run(warm);
  const p = new ParleyPass();
  const w = new WinkPass();
  for (let i = 0; i < docs.length; i += CHUNK) {
    const chunk = docs.slice(i, i + CHUNK);
    p.run(chunk);
    w.run(chunk);
  }
  const parley = p.result(bytes);
  const winkPass = w.result(bytes);
  const peakRss = rssMb();
  const stress = { ...runStress(), peakRssMb: rssMb() };
  const result = {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit: gitCommit(),
    machine: machine(),
    corpus: { sources: SOURCES, uniqueDocuments: unique, documents: docs.length, megabytes: bytes / 1048576 },
    parley,
    wink: winkPass,
    /** Parley throughput ÷ wink-nlp throughput on the same corpus (= wink time ÷ Parley time). */
    ratio: winkPass.seconds / parley.seconds,
    stress,
    peakRssMb: peakRss,
    /** Heap still used after a forced collection at the end (null without --expose-gc): flat means nothing is kept. */
    retainedHeapMb: retainedHeapMb(),
  };
  if (args.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(formatBench(result));
  if (args.write) writeFileSync(args.write, withKeptSections(formatBench(result), args.write));
}

function formatBench(r: {
  date: string;
  commit: string;
  machine: ReturnType<typeof machine>;
  corpus: { uniqueDocuments: number; documents: number; megabytes: number };
  parley: ReturnType<ParleyPass['result']>;
  wink: PassResult;
  ratio: number;
  stress: { megabytes: number; seconds: number; sentences: number; peakRssMb: number };
  peakRssMb: number;
  retainedHeapMb: number | null;
}): string {
  const n = (v: number) => Math.round(v).toLocaleString('en-US');
  const row = (name: string, p: PassResult) =>
    `| ${name} | ${n(p.sentencesPerSec)} | ${n(p.tokensPerSec)} | ${p.documentsPerSec.toFixed(1)} | ${p.mbPerSec.toFixed(2)} | ${p.seconds.toFixed(1)} | ${n(p.sentences)} | ${n(p.tokens)} |`;
  const stages = Object.entries(r.parley.stages).sort((a, b) => b[1].ms - a[1].ms);
  return [
    '# Parley benchmark',
    '',
    `Generated ${r.date} at commit \`${r.commit}\` by \`npm run bench -- --write BENCH.md\` (one run, one process; the two passes alternate in chunks of ${CHUNK} documents so both see the same machine load).`,
    '',
    `Machine: ${r.machine.nproc} cores (nproc), ${r.machine.cpu}, Node ${r.machine.node}, ${r.machine.platform}. 1-minute load average at the end of the run: ${r.machine.loadAverage1m.toFixed(1)} (above ${r.machine.nproc} means the passes shared the cores with other work; absolute rates then drop, the ratio much less).`,
    '',
    `Corpus: the texts of tempeval3-dev.jsonl and polnear-dev.jsonl (${r.corpus.uniqueDocuments} documents) repeated to ${r.corpus.megabytes.toFixed(2)} MB, ${r.corpus.documents} documents.`,
    '',
    '| pass | sentences/s | tokens/s | documents/s | MB/s | seconds | sentences | tokens |',
    '|---|---|---|---|---|---|---|---|',
    row('Parley end to end', r.parley),
    row('wink-nlp alone (readDoc + tokens with POS + sentences)', r.wink),
    '',
    `- Parley throughput ÷ wink-nlp throughput: **${r.ratio.toFixed(3)}** (same corpus, same run)`,
    `- Target ≈ 7,000 sentences/s end to end (≈ 0.35 of wink-nlp's ≈ 20k on an idle core): measured ${n(r.parley.sentencesPerSec)} sentences/s`,
    `- Parley per document: p50 ${r.parley.p50Ms.toFixed(2)} ms, p95 ${r.parley.p95Ms.toFixed(2)} ms`,
    `- Peak RSS of the corpus run (both passes, one process, before the stress text): ${r.peakRssMb.toFixed(0)} MB (target ≤ 400 MB)${r.retainedHeapMb === null ? '' : `; heap still in use after a forced GC at the end: ${r.retainedHeapMb.toFixed(0)} MB`}`,
    `- Documents with a fatal diagnostic: ${r.parley.fatalDocuments}`,
    `- Stress: one synthetic ${r.stress.megabytes.toFixed(2)} MB text with no punctuation or line break: ${r.stress.seconds.toFixed(1)} s (${r.stress.sentences} pieces), peak RSS afterwards ${r.stress.peakRssMb.toFixed(0)} MB`,
    '',
    'Share of pipeline time per stage:',
    '',
    '| stage | ms | share |',
    '|---|---|---|',
    ...stages.map(([k, v]) => `| ${k} | ${n(v.ms)} | ${(100 * v.share).toFixed(1)}% |`),
    '',
    `Time outside the stages (ingest, runner checks, output formatting): ${(100 * r.parley.outsideStagesShare).toFixed(1)}% of the Parley pass.`,
    '',
  ].join('\n');
}

try {
  main();
} catch (e) {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}

/**
 * The new report followed by the kept part of the existing file: everything from the marker line
 * `<!-- sections below are written by other benchmarks and kept by npm run bench -->` on (the
 * load benchmark's figures, for instance).
 */
function withKeptSections(report: string, path: string): string {
  const KEEP_MARKER = '<!-- sections below are written by other benchmarks and kept by npm run bench -->';
  if (!existsSync(path)) return report;
  const old = readFileSync(path, 'utf8');
  const at = old.indexOf(KEEP_MARKER);
  return at < 0 ? report : `${report.trimEnd()}\n\n${old.slice(at)}`;
}
