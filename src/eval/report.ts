import { isAbsolute, relative } from 'node:path';
import type { AttributionMetrics } from './attribution.js';
import type { EntitiesMetrics } from './entities.js';
import type { EventsMetrics } from './events.js';
import type { Accuracy, Prf } from './metrics.js';
import type { FileResult } from './run.js';
import type { TimexMetrics } from './timex.js';

/** A file that could not be scored at all. */
export interface FileFailure {
  readonly file: string;
  readonly error: string;
}

const f2 = (v: number) => v.toFixed(3);
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
const prfCells = (m: Prf) => `${f2(m.p)} | ${f2(m.r)} | ${f2(m.f1)} | ${m.tp} | ${m.fp} | ${m.fn}`;
const acc = (a: Accuracy) => `${f2(a.accuracy)} (${a.correct}/${a.total})`;

/** A file's label: relative to `base` (the data folder) when inside it, else the path as given. */
export function fileLabel(file: string, base?: string): string {
  if (base) {
    const rel = relative(base, file);
    if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) return rel;
  }
  return file;
}

/** The headline figure of a result, for the overview table. */
function headline(r: FileResult): string {
  switch (r.format) {
    case 'events': {
      const m = r.metrics as EventsMetrics;
      return `type F1 ${f2(m.type.f1)}, actor acc ${f2(m.actorAccuracy.accuracy)}, recipient acc ${f2(m.recipientAccuracy.accuracy)}`;
    }
    case 'timex': {
      const m = r.metrics as TimexMetrics;
      return `relaxed span F1 ${f2(m.relaxed.f1)}, value F1 ${f2(m.value.f1)}`;
    }
    case 'attribution': {
      const m = r.metrics as AttributionMetrics;
      return `content F1 ${f2(m.all.content.f1)}, source acc ${f2(m.all.sourceAccuracy.accuracy)}`;
    }
    case 'entities': {
      const m = r.metrics as EntitiesMetrics;
      return `PER/ORG/LOC overlap F1 ${f2(m.overlap.target.f1)}, all-types overlap F1 ${f2(m.overlap.micro.f1)}`;
    }
    case 'document': {
      const s = (r.metrics as { summary: Record<string, number> }).summary;
      return `required events ${s.events_found}/${s.events_required}, must_not_assert violated ${s.must_not_assert_violated}/${s.must_not_assert_rules}`;
    }
  }
}

function eventsSection(m: EventsMetrics): string[] {
  const types = new Set<string>();
  for (const row of Object.values(m.confusion)) for (const c of Object.keys(row)) types.add(c);
  const cols = [...types].sort();
  const rows = Object.keys(m.confusion).sort();
  return [
    '| metric | P | R | F1 | tp | fp | fn |',
    '|---|---|---|---|---|---|---|',
    `| event type (record, type) | ${prfCells(m.type)} |`,
    '',
    `- actor code accuracy (type matched): ${acc(m.actorAccuracy)}`,
    `- recipient code accuracy (type matched): ${acc(m.recipientAccuracy)}`,
    `- records with no event coded: ${pct(m.noEventShare)}`,
    `- false-positive rate on gold-empty records: ${acc(m.falsePositiveRate)}`,
    '',
    '| type | P | R | F1 | tp | fp | fn |',
    '|---|---|---|---|---|---|---|',
    ...Object.entries(m.perType).map(([t, v]) => `| ${t} | ${prfCells(v)} |`),
    '',
    'Confusion (rows gold, columns Parley; a matched type_any row is labelled by all its types):',
    '',
    `| gold \\ parley | ${cols.join(' | ')} |`,
    `|---|${cols.map(() => '---').join('|')}|`,
    ...rows.map((g) => `| ${g} | ${cols.map((c) => m.confusion[g]![c] ?? '').join(' | ')} |`),
  ];
}

function timexSection(m: TimexMetrics): string[] {
  return [
    '| metric | P | R | F1 | tp | fp | fn |',
    '|---|---|---|---|---|---|---|',
    `| span strict | ${prfCells(m.strict)} |`,
    `| span relaxed | ${prfCells(m.relaxed)} |`,
    `| value | ${prfCells(m.value)} |`,
    '',
    `- type accuracy on relaxed matches: ${f2(m.typeAccuracy)}`,
    `- value accuracy on relaxed matches: ${f2(m.valueAccuracy)}`,
  ];
}

function attributionSection(m: AttributionMetrics): string[] {
  return [
    '| subset | P | R | F1 | tp | fp | fn | source acc | cue acc |',
    '|---|---|---|---|---|---|---|---|---|',
    `| all contents | ${prfCells(m.all.content)} | ${acc(m.all.sourceAccuracy)} | ${acc(m.all.cueAccuracy)} |`,
    `| with quote marks | ${prfCells(m.quoted.content)} | ${acc(m.quoted.sourceAccuracy)} | ${acc(m.quoted.cueAccuracy)} |`,
  ];
}

function entitiesSection(m: EntitiesMetrics): string[] {
  const types = Object.keys(m.overlap.perType);
  const row = (name: string, ex: Prf, ov: Prf) => `| ${name} | ${f2(ex.p)} | ${f2(ex.r)} | ${f2(ex.f1)} | ${f2(ov.p)} | ${f2(ov.r)} | ${f2(ov.f1)} | ${ov.tp + ov.fn} |`;
  return [
    '| type | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 | gold |',
    '|---|---|---|---|---|---|---|---|',
    ...types.map((t) => row(t, m.exact.perType[t]!, m.overlap.perType[t]!)),
    row('**micro, all types**', m.exact.micro, m.overlap.micro),
    row('**micro, PERSON+ORG+LOC**', m.exact.target, m.overlap.target),
  ];
}

function documentSection(metrics: unknown, redact: boolean): string[] {
  const { summary, problems } = metrics as { summary: Record<string, number>; problems: string[] };
  const v = (k: string) => {
    const x = summary[k] ?? 0;
    return Number.isInteger(x) ? String(x) : f2(x);
  };
  return [
    '| measure | value |',
    '|---|---|',
    ...Object.keys(summary).map((k) => `| ${k} | ${v(k)} |`),
    '',
    ...(redact
      ? [`Problems: ${problems.length} (listed by \`parley eval <gold.json>\`; not written here, so no text of the evaluation sets enters the repository).`]
      : [`Problems (${problems.length}):`, '', ...problems.map((p) => `- ${p.replace(/\|/g, '\\|')}`)]),
  ];
}

/** How each format is scored, printed at the top of the written report. */
const METHODS = [
  '<details><summary>How the figures are computed</summary>',
  '',
  '- **events**: event-type P/R/F1 over (record, type) pairs, where a gold `type_any` counts as right with any of its types; actor and recipient code accuracy on gold events whose type Parley found (right when the codes share one, legacy codes mapped through `data/eval-code-aliases.json`, and UNO/EUR accepted for a gold IGO; records with `actors_unannotated` are skipped); confusion of gold vs Parley types; share of records with no event; false-positive rate on gold-empty records.',
  '- **timex** (TempEval-3): span P/R/F1 strict (same offsets) and relaxed (overlap), one-to-one; type and value accuracy on relaxed matches; value P/R/F1 = relaxed matches with the right value over all predicted / all gold. Parley gets the date part of `dct` as the publication date.',
  '- **attribution**: a Parley content matches a gold content when it covers ≥ 50 % of one gold alternative (fragments summed), one-to-one; quotation records flagged `nested` (inside a stronger relation’s content) are not scored; source accuracy on matched pairs (overlaps a gold source fragment, or both empty); cue accuracy likewise; the quote-mark subset compares gold `has_quote_marks` relations with Parley contents that are quotations.',
  '- **entities**: Parley mentions (names, descriptions and resolved pronouns by the mention’s own kind, else its entity’s: person → PERSON, organization/group → ORG, country/place → LOC; demonyms → NORP), dates → DATE, quantities → QUANTITY/MONEY; only the types the file lists; exact and overlap (one-to-one) P/R/F1 per type, micro over all, and micro over PERSON+ORG+LOC (the target).',
  '- **document**: the hand-annotated article scored by meaning (`src/eval/document.ts`): required events found, attribute accuracy, must_not_assert rules violated, recall of entities, dates, quantities, quotes, attributions.',
  '- Offsets in the sets are Python code points and are converted to UTF-16. A record that throws is counted under *errors* and skipped; *fatal* counts records whose extraction carried a fatal diagnostic.',
  '',
  '</details>',
];

/**
 * Renders results as a Markdown report: an overview table, then one section per file. With
 * `redact` (for a report committed to the repository) no text from the gold files is printed:
 * document problems are counted, not listed, and per-record details are left out.
 */
export function formatReport(
  results: readonly FileResult[],
  failures: readonly FileFailure[],
  header: { date?: string; commit?: string; base?: string; redact?: boolean } = {},
): string {
  const redact = header.redact === true;
  const name = (f: string) => fileLabel(f, header.base);
  const label = (r: FileResult | FileFailure) => `${name(r.file)}${'fold' in r && r.fold ? ` [${r.fold}]` : ''}`;
  const out: string[] = [];
  if (header.date !== undefined || header.commit !== undefined) {
    out.push('# Parley evaluation', '', `Generated ${header.date ?? '?'} at commit \`${header.commit ?? 'unknown'}\` by \`npm run eval\`.`, '', ...METHODS, '');
  }
  out.push('| file | format | n | errors | fatal | seconds | headline |', '|---|---|---|---|---|---|---|');
  for (const r of results) out.push(`| ${label(r)} | ${r.format} | ${r.n} | ${r.errors} | ${r.fatal} | ${r.seconds.toFixed(1)} | ${headline(r)} |`);
  for (const f of failures) out.push(`| ${label(f)} | ? | 0 | file failed | | | ${f.error.replace(/\|/g, '\\|')} |`);
  for (const r of results) {
    out.push('', `## ${label(r)} (${r.format}, ${r.n} records)`, '');
    if (r.errors > 0) out.push(`${r.errors} record(s) failed and were skipped, e.g.:`, '', ...r.errorSamples.map((s) => `- ${s}`), '');
    if (r.details.length > 0 && !redact) out.push(`Per-record problems (first ${r.details.length}):`, '', ...r.details.map((d) => `- ${d.replace(/\|/g, '\\|')}`), '');
    switch (r.format) {
      case 'events':
        out.push(...eventsSection(r.metrics as EventsMetrics));
        break;
      case 'timex':
        out.push(...timexSection(r.metrics as TimexMetrics));
        break;
      case 'attribution':
        out.push(...attributionSection(r.metrics as AttributionMetrics));
        break;
      case 'entities':
        out.push(...entitiesSection(r.metrics as EntitiesMetrics));
        break;
      case 'document':
        out.push(...documentSection(r.metrics, redact));
        break;
    }
  }
  return `${out.join('\n')}\n`;
}
