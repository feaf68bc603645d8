import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../extract.js';
import { buildSituation } from './build.js';
import { formatSituationText } from './format-text.js';
import { matchSituationGold } from './gold-match.js';
import { SituationSchema } from './schema.js';

// The reference article and its gold live outside the project; read them at run time only.
const SEED = join(process.cwd(), '..', 'shared', 'eval', 'seed');
const have = existsSync(join(SEED, 'gold.json')) && existsSync(join(SEED, 'article.txt'));

describe.skipIf(!have)('situation of the reference article', () => {
  it('is built from the real extraction, valid, and scored against the gold section', () => {
    const gold = JSON.parse(readFileSync(join(SEED, 'gold.json'), 'utf8')) as { situation?: unknown; document?: { published?: string } };
    const text = readFileSync(join(SEED, 'article.txt'), 'utf8');
    const x = extract(text, { published: gold.document?.published ?? null });
    const s = buildSituation([{ extraction: x, text }]);
    expect(SituationSchema.safeParse(s).success).toBe(true);
    const score = matchSituationGold(s, gold.situation);
    const misses = score.items.flatMap((i) => i.checks.filter((c) => !c.ok).map((c) => `${i.section}[${i.index}].${c.field}: want ${JSON.stringify(c.expected)} got ${JSON.stringify(c.got)}`));
    console.log(`situation vs gold: ${score.fieldsCorrect}/${score.fieldsTotal} fields, ${score.itemsMet}/${score.itemsTotal} items${misses.length ? '\n  ' + misses.join('\n  ') : ''}`);
    expect(formatSituationText(s).length).toBeGreaterThan(0);
    // The extraction engine is still growing: hold the line at what it gives today.
    expect(score.fieldsCorrect / Math.max(1, score.fieldsTotal)).toBeGreaterThanOrEqual(0.8);
  });
});
