import { z } from 'zod';
import { loadData } from '../core/index.js';

const AliasFileSchema = z.object({
  about: z.string().optional(),
  aliases: z.record(z.string().regex(/^[A-Z]{2,5}$/), z.string().regex(/^[A-Z]{3}$/)),
});

/** Maps an actor code (country or IGO) to its canonical form: upper case, legacy codes through data/eval-code-aliases.json. */
export function canonicalCode(code: string | null | undefined): string | null {
  if (code === null || code === undefined) return null;
  const c = code.trim().toUpperCase();
  if (c === '') return null;
  const { aliases } = loadData('eval-code-aliases.json', AliasFileSchema);
  return aliases[c] ?? c;
}

/** PLOVER's own codes for particular intergovernmental organisations; older annotations code them all as IGO. */
const SPECIFIC_IGOS = new Set(['UNO', 'EUR']);

/**
 * True when two actor codes denote the same country or IGO after alias mapping. The UN (UNO) and
 * the EU (EUR) are intergovernmental organisations, so they also match a gold IGO.
 */
export function sameCode(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = canonicalCode(a);
  const y = canonicalCode(b);
  if (x === null || y === null) return false;
  return x === y || (x === 'IGO' && SPECIFIC_IGOS.has(y)) || (y === 'IGO' && SPECIFIC_IGOS.has(x));
}
