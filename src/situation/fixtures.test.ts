import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../extract.js';
import { buildSituation } from './build.js';
import { matchSituationGold } from './gold-match.js';
import { SituationSchema } from './schema.js';

// The project's own example articles carry a hand-written `situation` section per article.
const DIR = join(process.cwd(), 'test', 'fixtures', 'articles');
const golds = readdirSync(DIR).filter((f) => f.endsWith('.gold.json')).sort();

describe('situation of each example article', () => {
  it('is valid and meets a share of the hand-written situation fields', () => {
    let ok = 0;
    let total = 0;
    const lines: string[] = [];
    for (const f of golds) {
      const gold = JSON.parse(readFileSync(join(DIR, f), 'utf8')) as { document: { file: string; published: string }; situation?: unknown };
      const text = readFileSync(join(DIR, gold.document.file), 'utf8');
      const s = buildSituation([{ extraction: extract(text, { published: gold.document.published }), text }]);
      expect(SituationSchema.safeParse(s).success).toBe(true);
      const score = matchSituationGold(s, gold.situation);
      ok += score.fieldsCorrect;
      total += score.fieldsTotal;
      lines.push(`${f}: ${score.fieldsCorrect}/${score.fieldsTotal}`);
    }
    console.log(`situation vs example golds: ${ok}/${total} fields\n  ${lines.join('\n  ')}`);
    // Many gold fields need facts the picture does not model yet (schedules, "at risk"): hold the line, do not claim them.
    expect(ok / Math.max(1, total)).toBeGreaterThanOrEqual(0.8);
  });
});
