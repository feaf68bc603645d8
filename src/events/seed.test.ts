import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../extract.js';
import { DocumentGoldSchema, scoreDocument } from '../eval/index.js';

// The reference article lives outside the repository; read it at run time only.
const SEED = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'eval', 'seed');
const have = existsSync(join(SEED, 'article.txt')) && existsSync(join(SEED, 'gold.json'));

describe.skipIf(!have)('seed article: events', () => {
  it('codes every required event and asserts nothing that did not happen', () => {
    const gold = DocumentGoldSchema.parse(JSON.parse(readFileSync(join(SEED, 'gold.json'), 'utf8')));
    const x = extract(readFileSync(join(SEED, 'article.txt'), 'utf8'), { published: gold.document?.published ?? '2025-03-05' });
    const s = scoreDocument(gold, x);
    expect(s.mustNotAssert.violations).toEqual([]);
    expect(s.events.found).toBe(s.events.total);
    expect(s.events.attributesCorrect).toBe(s.events.attributesTotal);
  });
});
