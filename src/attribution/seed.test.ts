import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { modalityAt } from '../core/index.js';
import { attribute, cut } from './test-helpers.js';

// The project's reference article lives outside the repository; read it at run time only.
const SEED = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'eval', 'seed');
const have = existsSync(join(SEED, 'article.txt')) && existsSync(join(SEED, 'gold.json'));

describe.skipIf(!have)('seed article: quotes and attributions from gold.json', () => {
  const text = have ? readFileSync(join(SEED, 'article.txt'), 'utf8') : '';
  const gold = have ? (JSON.parse(readFileSync(join(SEED, 'gold.json'), 'utf8')) as { quotes: { speaker: string; text_starts_with: string }[]; attributions: { source_contains: string; cue: string; content_contains: string }[] }) : { quotes: [], attributions: [] };
  const doc = have ? attribute(text) : null;

  it('finds every gold quote with its speaker', () => {
    for (const g of gold.quotes) {
      const q = doc!.layers.quotes!.find((x) => x.text.startsWith(g.text_starts_with));
      expect(q, g.text_starts_with).toBeDefined();
      const speaker = cut(text, q!.speakerSpan) ?? '';
      expect(g.speaker.split(' ').some((w) => speaker.includes(w)), `${speaker} for ${g.speaker}`).toBe(true);
    }
  });

  it('finds every gold attribution with its source and cue', () => {
    for (const g of gold.attributions) {
      const a = doc!.layers.attributions!.find((x) => cut(text, x.content)!.includes(g.content_contains));
      expect(a, g.content_contains).toBeDefined();
      expect(cut(text, a!.source)).toContain(g.source_contains);
      expect(cut(text, a!.cue)!.toLowerCase()).toBe(g.cue.toLowerCase());
    }
  });

  it('gives an event inside a planned clause of a confirmed report the planned modality', () => {
    const confirmed = gold.attributions.find((g) => g.cue === 'confirmed');
    if (!confirmed) return;
    const a = doc!.layers.attributions!.find((x) => cut(text, x.content)!.includes(confirmed.content_contains))!;
    const planCue = doc!.layers.modalCues!.find((m) => m.label === 'intention' && m.span.start > a.content.start && m.span.end <= a.content.end);
    expect(planCue).toBeDefined();
    // the verb right after the intention cue
    const after = text.slice(planCue!.span.end).match(/\s*(\w+)/)!;
    const start = planCue!.span.end + after.index! + after[0].length - after[1]!.length;
    expect(modalityAt(doc!, { start, end: start + after[1]!.length })).toMatchObject({ modality: 'planned', attributionId: a.id });
  });
});
