// Writes schema/extraction.schema.json from the zod output schema (run: npm run schema).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractionJsonSchema } from '../src/output/schema.js';

const path = join(import.meta.dirname, '..', 'schema', 'extraction.schema.json');
writeFileSync(path, `${JSON.stringify(extractionJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${path}\n`);
