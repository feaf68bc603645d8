import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Document, LayerName } from '../src/core/index.js';
import { annotate, extract } from '../src/extract.js';
import { documentFromText } from '../src/ingest/index.js';
import { DocumentGoldSchema, formatDocumentScore, scoreDocument, type DocumentGold } from '../src/eval/index.js';

/**
 * The project's own example articles (test/fixtures/articles/<slug>.txt) with hand-written
 * expectations (<slug>.gold.json, the `document` gold format of the evaluation sets). Every
 * required event must be found and no must_not_assert rule may be broken; every layer must keep
 * the invariants of STYLE.md.
 */

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'articles');
/** The reference article of the evaluation sets, read at run time only (never copied into the project). */
const SEED = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'eval', 'seed');

interface Fixture {
  readonly slug: string;
  readonly text: string;
  readonly gold: DocumentGold;
}

function loadFixtures(): Fixture[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()
    .map((f) => {
      const slug = f.slice(0, -'.gold.json'.length);
      const gold = DocumentGoldSchema.parse(JSON.parse(readFileSync(join(DIR, f), 'utf8')));
      return { slug, gold, text: readFileSync(join(DIR, `${slug}.txt`), 'utf8') };
    });
}

const fixtures = loadFixtures();
const meta = (f: Fixture) => ({ published: f.gold.document?.published ?? null, source: `fixture:${f.slug}` });

/** Every broken invariant of one annotated document, one readable line each. */
export function invariantProblems(before: Document, after: Document): string[] {
  const problems: string[] = [];
  const n = after.text.length;
  if (after.text !== before.text) problems.push('text changed during annotation');
  const L = after.layers as Record<string, readonly Record<string, unknown>[] | undefined>;
  const ids = (name: LayerName) => new Set((L[name] ?? []).map((r) => String(r.id)));
  const inBounds = (s: unknown) => {
    const sp = s as { start?: unknown; end?: unknown } | null;
    return !!sp && typeof sp.start === 'number' && typeof sp.end === 'number' && sp.start >= 0 && sp.start <= sp.end && sp.end <= n;
  };

  for (const [name, records] of Object.entries(L)) {
    if (!records || name === 'tokens') continue;
    const seen = new Set<string>();
    let last = -1;
    for (const r of records) {
      const where = `${name}/${String(r.id)}`;
      if (!inBounds(r.span)) problems.push(`${where}: span out of bounds ${JSON.stringify(r.span)}`);
      const start = (r.span as { start: number }).start;
      if (start < last) problems.push(`${where}: layer not sorted by start`);
      last = start;
      if (seen.has(String(r.id))) problems.push(`${where}: duplicate id`);
      seen.add(String(r.id));
      const evidence = r.evidence as readonly unknown[] | undefined;
      if (!evidence || evidence.length === 0) problems.push(`${where}: no evidence`);
      else if (!evidence.every(inBounds)) problems.push(`${where}: evidence out of bounds`);
      if (!r.provenance) problems.push(`${where}: no provenance`);
    }
  }
  const tokens = after.layers.tokens ?? [];
  tokens.forEach((t, i) => {
    if (t.i !== i || after.text.slice(t.start, t.end) !== t.text) problems.push(`tokens/${i}: offsets do not match its text`);
  });

  const entityIds = ids('entities');
  const mentionIds = ids('mentions');
  const need = (where: string, kind: string, id: unknown, set: Set<string>) => {
    if (id !== null && id !== undefined && !set.has(String(id))) problems.push(`${where}: unresolved ${kind} ${String(id)}`);
  };
  for (const m of after.layers.mentions ?? []) need(`mentions/${m.id}`, 'entity', m.entityId, entityIds);
  for (const e of after.layers.entities ?? []) for (const m of e.mentionIds) need(`entities/${e.id}`, 'mention', m, mentionIds);
  const quoteIds = ids('quotes');
  for (const q of after.layers.quotes ?? []) need(`quotes/${q.id}`, 'speaker entity', q.speakerEntityId, entityIds);
  for (const a of after.layers.attributions ?? []) {
    need(`attributions/${a.id}`, 'source entity', a.sourceEntityId, entityIds);
    need(`attributions/${a.id}`, 'quote', a.quoteId, quoteIds);
  }
  const timexIds = ids('timexes');
  const quantityIds = ids('quantities');
  const attributionIds = ids('attributions');
  for (const ev of after.layers.events ?? []) {
    const where = `events/${ev.id}`;
    for (const id of [...ev.actorIds, ...ev.recipientIds]) need(where, 'entity', id, entityIds);
    need(where, 'location entity', ev.location?.entityId, entityIds);
    need(where, 'timex', ev.timexId, timexIds);
    for (const id of ev.quantityIds) need(where, 'quantity', id, quantityIds);
    need(where, 'attribution', ev.attributionId, attributionIds);
    if (!inBounds(ev.trigger) || !inBounds(ev.sentence)) problems.push(`${where}: trigger or sentence out of bounds`);
  }
  for (const q of after.layers.quantities ?? []) {
    if (q.ofSpan && !inBounds(q.ofSpan)) problems.push(`quantities/${q.id}: ofSpan out of bounds`);
  }
  for (const d of after.diagnostics) if (d.severity === 'fatal') problems.push(`fatal diagnostic from ${d.source}: ${d.message}`);
  return problems;
}

describe('example articles', () => {
  it('has at least 12 articles, each with a gold file and a publication date', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(12);
    for (const f of fixtures) expect(f.gold.document?.published, f.slug).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('dates the Gaza series in reading order', () => {
    const series = fixtures.filter((f) => f.slug.startsWith('gaza-'));
    const dates = series.map((f) => f.gold.document!.published!);
    expect(dates).toEqual([...dates].sort());
    expect(series.length).toBeGreaterThanOrEqual(8);
  });

  describe.each(fixtures.map((f) => [f.slug, f] as const))('%s', (_slug, f) => {
    it('keeps the invariants of every layer', () => {
      const before = documentFromText(f.text, meta(f));
      const problems = invariantProblems(before, annotate(before));
      expect(problems, problems.join('\n')).toEqual([]);
    });

    it('finds every required event and asserts nothing it must not', () => {
      const x = extract(f.text, meta(f));
      const score = scoreDocument(f.gold, x, { text: f.text });
      const missing = score.events.items.filter((e) => !e.found).map((e) => `missing event ${e.id}: ${e.reason ?? ''}`);
      const violations = score.mustNotAssert.violations.map((v) => `must_not_assert ${v.rule}: ${v.reason}`);
      const failures = [...missing, ...violations];
      expect(failures, `${f.slug}\n${failures.join('\n')}\n--- full score ---\n${formatDocumentScore(score)}`).toEqual([]);
    });
  });
});

describe.skipIf(!existsSync(join(SEED, 'gold.json')))('seed article of ../shared/eval (skipped when absent)', () => {
  const load = () => ({
    text: readFileSync(join(SEED, 'article.txt'), 'utf8'),
    gold: DocumentGoldSchema.parse(JSON.parse(readFileSync(join(SEED, 'gold.json'), 'utf8'))),
  });

  it('keeps the invariants of every layer', () => {
    const { text, gold } = load();
    const before = documentFromText(text, { published: gold.document?.published ?? null });
    const problems = invariantProblems(before, annotate(before));
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('finds every gold number with its approximation and what it counts', () => {
    const { text, gold } = load();
    const score = scoreDocument(gold, extract(text, { published: gold.document?.published ?? null }), { text });
    const problems = score.problems.filter((p) => p.startsWith('quantity '));
    expect(problems, problems.join('\n')).toEqual([]);
    expect(score.quantities.found).toBe(score.quantities.total);
  });
});
