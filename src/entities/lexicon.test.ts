import { describe, expect, it } from 'vitest';
import { loadData, makeDocument } from '../core/index.js';
import { createPipeline } from '../pipeline/index.js';
import { textStage } from '../text/index.js';
import { ActorsSchema, cityVariants, entityLexicon, roleAt } from './lexicon.js';
import { foldKey } from './matcher.js';

describe('actor dictionary and gazetteer data', () => {
  const actors = loadData('actors.json', ActorsSchema);

  it('loads every data file through its schema', () => {
    expect(() => entityLexicon()).not.toThrow();
  });

  it('has unique actor ids and no alias shared by two actors', () => {
    const ids = [...actors.organizations, ...actors.people].map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const a of [...actors.organizations, ...actors.people]) {
      for (const alias of [a.name, ...a.aliases]) {
        const k = foldKey(alias);
        const o = owner.get(k);
        if (o && o !== a.id) clashes.push(`${alias}: ${o} / ${a.id}`);
        owner.set(k, a.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('gives people roles whose dates are ordered', () => {
    const bad = actors.people.flatMap((p) => p.roles.filter((r) => r.from && r.to && r.from >= r.to).map(() => p.id));
    expect(bad).toEqual([]);
  });

  it('lists weak aliases among the aliases', () => {
    const bad = actors.people.flatMap((p) => (p.weak_aliases ?? []).filter((w) => !p.aliases.includes(w)).map((w) => `${p.id}:${w}`));
    expect(bad).toEqual([]);
  });

  it.each([
    ['2023-05-01', 'Prime Minister of Israel'],
    ['2000-01-01', 'Prime Minister of Israel'],
  ])('picks the role valid at %s, or the latest earlier one', (date, role) => {
    const p = actors.people.find((x) => x.id === 'benjamin-netanyahu')!;
    expect(roleAt(p, date).role).toBe(role);
  });
});

describe('phrase index', () => {
  const toks = (text: string) => createPipeline([textStage]).run(makeDocument(text)).layers.tokens!;
  it.each([
    ['dotted abbreviation', 'The U.S. said so.', 1, 'U.S.'],
    ['hyphenated Arabic name', 'He joined al-Qaeda early.', 2, 'al-Qaeda'],
    ['multi-word alias', 'the Islamic State of Iraq and the Levant', 1, 'Islamic State of Iraq and the Levant'],
  ])('matches a %s', (_n, text, at, alias) => {
    const t = toks(text);
    const m = entityLexicon().gazetteer.longestAt(t, at, t.length);
    expect(m?.alias).toBe(alias);
  });

  it('needs the capitals of a capitalised alias', () => {
    const t = toks('Give us the keys.');
    expect(entityLexicon().gazetteer.longestAt(t, 1, t.length)).toBeNull();
  });
});

describe('cityVariants', () => {
  it.each([
    ['diacritics and transliteration marks dropped', 'Tōkyō’', ['Tokyo']],
    ['spaced Arabic article: plain, hyphenated and bare forms', 'Ad Dūrānīyah', ['Ad Duraniyah', 'Ad-Duraniyah', 'Duraniyah']],
    ['a plain name has no variant', 'Lisbon', []],
    ['a short bare name is not split off', 'Al Kūt', ['Al Kut']],
  ])('%s', (_label, name, want) => {
    expect(cityVariants(name).sort()).toEqual([...want].sort());
  });

  it('finds a city written without its diacritics', () => {
    const gaz = entityLexicon().gazetteer;
    const toks = createPipeline([textStage]).run(makeDocument('Fighting reached Samarra overnight.')).layers.tokens!;
    const i = toks.findIndex((t) => t.text === 'Samarra');
    expect(gaz.longestAt(toks, i, toks.length)?.values.some((v) => v.type === 'place')).toBe(true);
  });
});
