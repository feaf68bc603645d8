import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_ARTICLES } from './start.js';

const BIN = resolve(__dirname, '..', '..', '..', 'bin', 'parley');
const dir = mkdtempSync(join(tmpdir(), 'parley-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parley start', () => {
  it('ingests every bundled example article, then finds them all stored on a second start', () => {
    const n = readdirSync(EXAMPLE_ARTICLES).filter((f) => f.endsWith('.txt')).length;
    const first = spawnSync(BIN, ['start', '--no-serve', '--db', 'start.db'], { encoding: 'utf8', cwd: dir });
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`ingested ${n} new, 0 duplicate, 0 failed documents`);
    expect(first.stdout).toContain(`store holds ${n} documents`);
    const second = spawnSync(BIN, ['start', '--no-serve', '--db', 'start.db'], { encoding: 'utf8', cwd: dir });
    expect(second.stdout).toContain(`ingested 0 new, ${n} duplicate, 0 failed documents`);
  }, 120_000);
});
