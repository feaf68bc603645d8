import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../extract.js';
import { ExtractionSchema, extractionJsonSchema } from './schema.js';

describe('output contract', () => {
  it('the shipped JSON Schema is the one generated from the zod schema (run npm run schema)', () => {
    const shipped = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'schema', 'extraction.schema.json'), 'utf8'));
    expect(shipped).toEqual(JSON.parse(JSON.stringify(extractionJsonSchema())));
  });

  it('an extraction validates against the zod schema', () => {
    const x = extract('Protesters marched in Tbilisi on Sunday against the new law, police said.', { published: '2024-05-13', externalId: 'x1' });
    expect(ExtractionSchema.safeParse(x).success).toBe(true);
    expect(x.id).toBe('x1');
  });
});
