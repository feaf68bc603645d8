import type { Situation } from './schema.js';

/** One checked field of a gold situation item. */
export interface FieldCheck {
  readonly field: string;
  readonly ok: boolean;
  readonly expected: unknown;
  readonly got: unknown;
}

/** How one gold item was met: the id of the best matching item (null when the section is empty) and its field checks. */
export interface GoldItemResult {
  readonly section: string;
  readonly index: number;
  readonly matched: string | null;
  readonly checks: readonly FieldCheck[];
  readonly ok: boolean;
}

/** The score of a situation against the `situation` section of a `document` gold file. */
export interface SituationScore {
  readonly items: readonly GoldItemResult[];
  readonly fieldsCorrect: number;
  readonly fieldsTotal: number;
  readonly itemsMet: number;
  readonly itemsTotal: number;
}

const norm = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);

/**
 * Compares one gold value with ours. `<field>_contains` gold keys are substring tests; arrays of
 * scalars are sets (every gold element must be present); arrays of objects need each gold
 * object met by one of ours; objects are compared field by field.
 */
export function valueMatches(gold: unknown, got: unknown, contains = false): boolean {
  if (contains) {
    if (typeof gold !== 'string') return false;
    const g = gold.toLowerCase();
    if (typeof got === 'string') return got.toLowerCase().includes(g);
    if (Array.isArray(got)) return got.some((x) => typeof x === 'string' && x.toLowerCase().includes(g));
    return false;
  }
  if (Array.isArray(gold)) {
    if (!Array.isArray(got)) return false;
    return gold.every((g) => got.some((x) => valueMatches(g, x)));
  }
  if (gold !== null && typeof gold === 'object') {
    if (got === null || typeof got !== 'object') return false;
    return Object.entries(gold).every(([k, v]) => fieldMatches(k, v, got as Record<string, unknown>));
  }
  return norm(gold) === norm(got);
}

function fieldMatches(key: string, gold: unknown, item: Record<string, unknown>): boolean {
  if (key.endsWith('_contains')) return valueMatches(gold, item[key.slice(0, -'_contains'.length)], true);
  return valueMatches(gold, item[key]);
}

function checksOf(gold: Record<string, unknown>, item: Record<string, unknown>): FieldCheck[] {
  return Object.entries(gold).map(([k, v]) => {
    const field = k.endsWith('_contains') ? k.slice(0, -'_contains'.length) : k;
    return { field: k, ok: fieldMatches(k, v, item), expected: v, got: item[field] ?? null };
  });
}

/**
 * Scores a situation against a gold `situation` section: each gold item is paired with the item
 * of the same section that meets most of its fields (one of ours may serve one gold item only).
 */
export function matchSituationGold(s: Situation, gold: unknown): SituationScore {
  const items: GoldItemResult[] = [];
  const g = (gold ?? {}) as Record<string, unknown>;
  for (const section of ['negotiations', 'agreements', 'exchanges', 'captives'] as const) {
    const goldItems = Array.isArray(g[section]) ? (g[section] as Record<string, unknown>[]) : [];
    const ours = s[section] as unknown as (Record<string, unknown> & { id: string })[];
    const used = new Set<string>();
    goldItems.forEach((gi, index) => {
      let best: { id: string; checks: FieldCheck[]; n: number } | null = null;
      for (const o of ours) {
        if (used.has(o.id)) continue;
        const checks = checksOf(gi, o);
        const n = checks.filter((c) => c.ok).length;
        if (!best || n > best.n) best = { id: o.id, checks, n };
      }
      if (best) used.add(best.id);
      const checks = best?.checks ?? checksOf(gi, {});
      items.push({ section, index, matched: best?.id ?? null, checks, ok: best !== null && checks.every((c) => c.ok) });
    });
  }
  const all = items.flatMap((i) => i.checks);
  return {
    items,
    fieldsCorrect: all.filter((c) => c.ok).length,
    fieldsTotal: all.length,
    itemsMet: items.filter((i) => i.ok).length,
    itemsTotal: items.length,
  };
}
