import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract.js';
import { buildSituation, type Situation, type SituationInput, valueMatches } from '../src/situation/index.js';

// Issue 4, item 3: with the example articles ingested in date order the picture must move
// (phases starting, captives released). The expectations per date step are hand-written in
// test/fixtures/situation/progress.json, by meaning (names, statuses, counts), never by id.

const ARTICLES = join(process.cwd(), 'test', 'fixtures', 'articles');
const PROGRESS = join(process.cwd(), 'test', 'fixtures', 'situation', 'progress.json');

type Item = Record<string, unknown>;
type Section = 'negotiations' | 'agreements' | 'exchanges' | 'captives';

interface Step {
  until: string;
  note: string;
  expect?: Partial<Record<Section, Item[]>>;
  absent?: Partial<Record<Section, Item[]>>;
  done_exchanges_min?: number;
  done_exchanges_max?: number;
}

/** An item meets an expectation: every field as in the gold sections, plus `<field>_any` (one of the values). */
function meets(expected: Item, item: Item): boolean {
  return Object.entries(expected).every(([k, v]) => {
    if (k.endsWith('_any')) return Array.isArray(v) && v.some((x) => valueMatches(x, item[k.slice(0, -'_any'.length)]));
    return valueMatches({ [k]: v }, item);
  });
}

function articlesInDateOrder(): (SituationInput & { published: string })[] {
  return readdirSync(ARTICLES)
    .filter((f) => f.endsWith('.gold.json'))
    .map((f) => {
      const gold = JSON.parse(readFileSync(join(ARTICLES, f), 'utf8')) as { document: { file: string; published: string } };
      const text = readFileSync(join(ARTICLES, gold.document.file), 'utf8');
      return { published: gold.document.published, text, extraction: extract(text, { published: gold.document.published }) };
    })
    .sort((a, b) => a.published.localeCompare(b.published));
}

const steps = (JSON.parse(readFileSync(PROGRESS, 'utf8')) as { steps: Step[] }).steps;
const docs = articlesInDateOrder();
const pictures = new Map<string, Situation>(steps.map((st) => [st.until, buildSituation(docs.filter((d) => d.published <= st.until))]));
const doneExchanges = (s: Situation) => s.exchanges.filter((x) => !x.planned).length;

describe('the situation moves as the example articles arrive in date order', () => {
  it('has a step for each fixture date it names, in order', () => {
    expect(steps.map((s) => s.until)).toEqual([...steps.map((s) => s.until)].sort());
    for (const st of steps) expect(docs.some((d) => d.published === st.until), st.until).toBe(true);
  });

  for (const st of steps) {
    describe(`up to ${st.until}: ${st.note}`, () => {
      const s = pictures.get(st.until)!;
      for (const [section, items] of Object.entries(st.expect ?? {}) as [Section, Item[]][]) {
        for (const want of items) {
          it(`shows ${section} ${JSON.stringify(want)}`, () => {
            const ours = s[section] as unknown as Item[];
            expect(ours.some((o) => meets(want, o)), JSON.stringify(ours.map(({ sources, history, mentions, ...rest }) => rest))).toBe(true);
          });
        }
      }
      for (const [section, items] of Object.entries(st.absent ?? {}) as [Section, Item[]][]) {
        for (const unwanted of items) {
          it(`does not show ${section} ${JSON.stringify(unwanted)}`, () => {
            const hits = (s[section] as unknown as Item[]).filter((o) => meets(unwanted, o));
            expect(hits.map((h) => h['name'] ?? h['who'] ?? h['id'])).toEqual([]);
          });
        }
      }
      if (st.done_exchanges_min !== undefined) it(`counts at least ${st.done_exchanges_min} done exchanges`, () => expect(doneExchanges(s)).toBeGreaterThanOrEqual(st.done_exchanges_min!));
      if (st.done_exchanges_max !== undefined) it(`counts at most ${st.done_exchanges_max} done exchanges`, () => expect(doneExchanges(s)).toBeLessThanOrEqual(st.done_exchanges_max!));
    });
  }

  it('never loses ground: done exchanges only grow, a freed or dead person never goes back to held', () => {
    let before: Situation | null = null;
    for (const st of steps) {
      const s = pictures.get(st.until)!;
      if (before) {
        expect(doneExchanges(s), st.until).toBeGreaterThanOrEqual(doneExchanges(before));
        for (const c of before.captives) {
          if (c.name === null || c.status === 'held') continue;
          const now = s.captives.find((x) => x.name === c.name);
          expect(now?.status, `${c.name} at ${st.until}`).not.toBe('held');
        }
      }
      before = s;
    }
  });

  it('keeps the dated history of a captive who moves from held to released', () => {
    const last = pictures.get(steps[steps.length - 1]!.until)!;
    const moved = last.captives.filter((c) => c.name !== null && c.history.some((h) => h.status === 'held') && c.history.some((h) => h.status === 'released'));
    expect(moved.length).toBeGreaterThan(0);
    for (const c of moved) {
      const held = c.history.find((h) => h.status === 'held')!;
      const freed = c.history.find((h) => h.status === 'released')!;
      expect((held.published ?? '') <= (freed.published ?? ''), c.name ?? '').toBe(true);
    }
  });
});
