import { createHash } from 'node:crypto';

/** A short stable hex hash of the given parts (sha1, 16 hex chars). */
export function hashId(...parts: string[]): string {
  const h = createHash('sha1');
  for (const p of parts) {
    h.update(p);
    h.update('\u0000');
  }
  return h.digest('hex').slice(0, 16);
}

/** A layer-local id such as `ev3`. */
export function localId(prefix: string, index: number): string {
  return `${prefix}${index}`;
}
