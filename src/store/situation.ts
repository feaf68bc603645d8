import { buildSituation, type Situation, type SituationInput } from '../situation/index.js';
import type { Store } from './store.js';

/** The situation built from the store's documents in publication order, optionally as it stood on a day (YYYY-MM-DD). */
export async function situationOf(store: Store, until?: string): Promise<Situation> {
  const docs: SituationInput[] = [];
  for await (const d of store.storedDocuments(until ? { until } : {})) {
    docs.push({ extraction: d.extraction, document: { id: d.id, published: d.published, url: d.url, title: d.title }, text: d.text });
  }
  return buildSituation(docs);
}
