import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'parley');
const dir = mkdtempSync(join(tmpdir(), 'parley-cli-'));

function parley(args: string[], input?: string | Buffer) {
  const r = spawnSync(BIN, args, { input, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

const ARTICLE = 'Negotiators from Sudan’s army and the Rapid Support Forces met in Jeddah on Monday, mediators said.';

describe('parley extract: bad input gives one line and exit 2', () => {
  const cases: Array<[string, string[], string | Buffer | undefined, RegExp]> = [
    ['an empty file', [file('empty.txt', '')], undefined, /is empty/],
    ['whitespace only', [file('blank.txt', '  \n\t\n')], undefined, /no text/],
    ['binary bytes', [file('bin.dat', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3]))], undefined, /binary/],
    ['non-UTF-8 bytes', [file('latin1.txt', Buffer.from('Caf\xe9 au lait in K\xf6ln', 'latin1'))], undefined, /not valid UTF-8/],
    ['a missing file', [join(dir, 'nope.txt')], undefined, /no such file/],
    ['a folder', [dir], undefined, /is a folder/],
    ['an invalid --date', [file('a.txt', ARTICLE), '--date', '2025-13-40'], undefined, /not a real calendar date|not a date/],
    ['a non-date --date', [file('b.txt', ARTICLE), '--date', 'yesterday'], undefined, /not a date/],
    ['an unknown --format', [file('c.txt', ARTICLE), '--format', 'xml'], undefined, /--format must be/],
    ['HTML with no article body', [file('empty.html', '<!doctype html><html><head><title>x</title></head><body><nav>Home</nav></body></html>')], undefined, /no article body/],
    ['a file over the size limit', [file('huge.txt', 'word '.repeat(4_300_000))], undefined, /limit is/],
  ];
  it.each(cases)('%s', (_name, args, input, message) => {
    const r = parley(['extract', ...args], input);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^parley: /);
    expect(lines[0]).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unknown command exits 2 without a stack trace', () => {
    const r = parley(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('parley extract: good input', () => {
  it('prints one JSON object following the output contract', () => {
    const r = parley(['extract', file('ok.txt', ARTICLE), '--date', '2025-03-05']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.document.published).toBe('2025-03-05');
    for (const key of ['entities', 'events', 'dates', 'quantities', 'quotes', 'attributions', 'diagnostics']) expect(Array.isArray(out[key])).toBe(true);
  });

  it('reads standard input', () => {
    const r = parley(['extract', '-', '--format', 'brief'], ARTICLE);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/events \(\d+\):/);
  });

  it('batch mode keeps ids, and a bad record gets a diagnostic while the rest goes on', () => {
    const lines = [
      JSON.stringify({ id: 'a1', text: ARTICLE, date: '2025-03-05' }),
      '{ not json',
      JSON.stringify({ id: 'a3', text: '', published: '2025-03-05' }),
      JSON.stringify({ id: 'a4', text: ARTICLE, dct: '2025-02-31' }),
      JSON.stringify({ id: 'a5', text: ARTICLE, published: '2025-03-06T10:00:00Z' }),
    ].join('\n');
    const r = parley(['extract', '--input', 'jsonl', file('batch.jsonl', lines)]);
    expect(r.code).toBe(0);
    const outs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(outs.map((o) => o.id)).toEqual(['a1', 'line-2', 'a3', 'a4', 'a5']);
    expect(outs[0].diagnostics.filter((d: { severity: string }) => d.severity === 'fatal')).toHaveLength(0);
    expect(outs[1].diagnostics[0].severity).toBe('fatal');
    expect(outs[2].diagnostics[0].severity).toBe('fatal');
    expect(outs[3].diagnostics[0].message).toMatch(/calendar date/);
    expect(outs[4].document.published).toBe('2025-03-06');
    expect(r.stderr).toMatch(/3 of 5 records failed/);
  });
});
