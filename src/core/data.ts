import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { ParleyError } from './errors.js';

/** The package's `data/` folder (found from this file, so it works from a clone and when installed). */
export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data');

const cache = new Map<string, unknown>();

/** Loads `data/<name>` as JSON and validates it with `schema`; cached. A broken file is a BAD_DATA_FILE error naming the path. */
export function loadData<T>(name: string, schema: z.ZodType<T>): T {
  const hit = cache.get(name);
  if (hit !== undefined) return hit as T;
  const path = join(DATA_DIR, name);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ParleyError('BAD_DATA_FILE', `cannot read data file ${name}: ${(e as Error).message}`, { cause: e });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ParleyError('BAD_DATA_FILE', `data file ${name} is invalid at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'unknown'}`);
  }
  cache.set(name, parsed.data);
  return parsed.data;
}
