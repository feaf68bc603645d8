import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'parley');
const dir = mkdtempSync(join(tmpdir(), 'parley-eval-cli-'));

function parley(args: string[]) {
  const r = spawnSync(BIN, args, { encoding: 'utf8', timeout: 120_000, cwd: dir });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('parley eval', () => {
  const gold = join(dir, 'mini-timex.jsonl');
  writeFileSync(
    gold,
    `${JSON.stringify({ id: 'm1', format: 'timex', dct: '2019-04-02T08:00', text: 'The ferry sank on Sunday near the coast.', timexes: [{ start: 17, end: 26, text: 'on Sunday', type: 'DATE', value: '2019-03-31', mod: null }] })}\n`,
  );

  it('prints {file: {format, n, metrics}} with --json', () => {
    const r = parley(['eval', gold, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, { format: string; n: number; metrics: { relaxed: { tp: number; fn: number } } }>;
    expect(out[gold]!.format).toBe('timex');
    expect(out[gold]!.n).toBe(1);
    expect(out[gold]!.metrics.relaxed.tp + out[gold]!.metrics.relaxed.fn).toBe(1);
  });

  it('writes the Markdown report with --write and reports a missing file in one line', () => {
    const md = join(dir, 'EVAL.md');
    const r = parley(['eval', gold, join(dir, 'missing.jsonl'), '--write', md]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/cannot score .*missing\.jsonl: cannot read/);
    const text = readFileSync(md, 'utf8');
    expect(text).toMatch(/^# Parley evaluation/);
    expect(text).toMatch(/at commit `[^`]+`/);
    expect(text).toContain(`| ${gold} | timex | 1 |`);
  });

  it('refuses to run with nothing to score', () => {
    const r = parley(['eval']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('parley: give gold files or --all');
  });
});
