import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from '../core/index.js';
import { modalityLexicon, reportingLexicon } from './lexicon.js';

const raw = (name: string) => JSON.parse(readFileSync(join(DATA_DIR, name), 'utf8')) as Record<string, unknown>;

describe('lexicon data files', () => {
  it('loads data/reporting.json with the core reporting verbs and cues', () => {
    const lex = reportingLexicon();
    for (const lemma of ['say', 'tell', 'confirm', 'announce', 'claim', 'deny', 'insist', 'warn', 'add', 'note']) expect(lex.verbs.has(lemma), lemma).toBe(true);
    expect(lex.phrases.get('according')?.[0]?.words).toEqual(['according', 'to']);
    expect(lex.hearsay.has('reportedly')).toBe(true);
  });

  it('lists each reporting verb once, as a lower-case lemma', () => {
    const verbs = (raw('reporting.json').verbs as { lemma: string }[]).map((v) => v.lemma);
    expect(new Set(verbs).size).toBe(verbs.length);
    for (const v of verbs) expect(v).toBe(v.toLowerCase());
  });

  it('loads data/modality.json with one cue of every kind', () => {
    const kinds = new Set<string>();
    for (const list of modalityLexicon().byFirst.values()) for (const p of list) kinds.add(p.kind);
    expect([...kinds].sort()).toEqual(['condition', 'future', 'hearsay', 'hedge', 'intention', 'negation']);
  });

  it('lists each modality cue once', () => {
    const cues = (raw('modality.json').cues as { words: string[] }[]).map((c) => c.words.join(' '));
    expect(new Set(cues).size).toBe(cues.length);
  });
});
