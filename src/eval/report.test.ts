import { describe, expect, it } from 'vitest';
import { eventsMetrics, eventsTotals } from './events.js';
import { formatReport, fileLabel } from './report.js';
import type { FileResult } from './run.js';
import { timexMetrics, timexTotals } from './timex.js';

const result = (over: Partial<FileResult>): FileResult => ({ file: '/x/eval/a.jsonl', format: 'events', n: 2, errors: 0, fatal: 0, errorSamples: [], seconds: 0.5, metrics: eventsMetrics(eventsTotals()), details: [], ...over });

describe('formatReport', () => {
  it('renders an overview row per file, failures, error samples and the header when asked', () => {
    const md = formatReport(
      [result({ errors: 1, errorSamples: ['r7: boom'] }), result({ file: '/x/eval/t.jsonl', format: 'timex', metrics: timexMetrics(timexTotals()) })],
      [{ file: '/x/eval/seed/bad.json', error: 'no | good' }],
      { date: '2030-01-01', commit: 'abc123', base: '/x/eval' },
    );
    expect(md).toContain('at commit `abc123`');
    expect(md).toContain('| a.jsonl | events | 2 | 1 | 0 | 0.5 | type F1 0.000');
    expect(md).toContain('| t.jsonl | timex | 2 |');
    expect(md).toContain('| seed/bad.json | ? | 0 | file failed | | | no \\| good |');
    expect(md).toContain('- r7: boom');
  });
  it.each([
    ['/a/b/eval/plover.jsonl', 'plover.jsonl'],
    ['/a/b/eval/seed/gold.json', 'seed/gold.json'],
    ['/elsewhere/x.jsonl', '/elsewhere/x.jsonl'],
    ['rel/x.jsonl', 'rel/x.jsonl'],
  ])('labels %s as %s', (f, want) => expect(fileLabel(f, '/a/b/eval')).toBe(want));
});

describe('formatReport with redact', () => {
  it('counts document problems and drops per-record details instead of printing gold text', () => {
    const doc = result({ file: '/x/eval/seed/gold.json', format: 'document', n: 1, metrics: { summary: { events_found: 1 }, problems: ['event e1: missing — no event coded in the sentence containing "some words"'] } });
    const ev = result({ details: ['r1: gold AID; parley (none)'] });
    const open = formatReport([doc, ev], [], {});
    const closed = formatReport([doc, ev], [], { redact: true });
    expect(open).toContain('some words');
    expect(open).toContain('r1: gold AID');
    expect(closed).not.toContain('some words');
    expect(closed).not.toContain('r1: gold AID');
    expect(closed).toContain('Problems: 1 (listed by');
  });
});
