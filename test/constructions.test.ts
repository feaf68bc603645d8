import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract.js';
import { eventMatches, rowProblems, type ConstructionRow } from './constructions/match.js';

// The construction tables: sentences written by the team (never taken from an evaluation set),
// one construction of English or news style each, with the event Parley must code from it.
const DIR = join(dirname(fileURLToPath(import.meta.url)), 'constructions');
const tables = readdirSync(DIR).filter((f) => f.endsWith('.jsonl')).sort();

function rows(file: string): ConstructionRow[] {
  return readFileSync(join(DIR, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as ConstructionRow);
}

describe('construction table matcher', () => {
  const ref = { id: 'e1', name: 'Sudanese army', country: 'SDN', sector: 'MIL' };
  const ev = { type: 'ASSAULT', actor: [ref], recipient: [], modality: 'asserted' } as unknown as Parameters<typeof eventMatches>[1];
  it('matches names by substring, codes exactly, [] as none', () => {
    expect(eventMatches({ type: 'ASSAULT', actor: ['army'], recipient: [] }, ev)).toBe(true);
    expect(eventMatches({ type: 'ASSAULT', actor: ['SDN'] }, ev)).toBe(true);
    expect(eventMatches({ type: 'ASSAULT', actor: ['RSF|Chad'] }, ev)).toBe(false);
    expect(eventMatches({ type: 'ASSAULT', modality: 'negated' }, ev)).toBe(false);
  });
});

for (const file of tables) {
  describe(`constructions: ${file}`, () => {
    for (const row of rows(file)) {
      const name = `${row.id} (${row.construction})`;
      const check = () => {
        const x = extract(row.text, row.date ? { published: row.date } : {});
        expect(rowProblems(row, x)).toEqual([]);
      };
      if (row.known_wrong) it.fails(`${name} — known wrong: ${row.known_wrong}`, check);
      else it(name, check);
    }
  });
}
