import type { Span } from './span.js';

/** A labelled span read from inline test markup. */
export interface MarkedSpan extends Span {
  readonly label: string;
  readonly text: string;
}

/**
 * Parses inline markup into plain text and labelled spans, for tests.
 * @example parseMarkup('[Hamas]{ORG} freed [33]{NUM} people')
 *   // → { text: 'Hamas freed 33 people', spans: [{label:'ORG',start:0,end:5,...}, {label:'NUM',start:12,end:14,...}] }
 */
export function parseMarkup(markup: string): { text: string; spans: MarkedSpan[] } {
  const spans: MarkedSpan[] = [];
  let text = '';
  const re = /\[([^\]]*)\]\{([^}]+)\}/g;
  let last = 0;
  for (let m = re.exec(markup); m !== null; m = re.exec(markup)) {
    text += markup.slice(last, m.index);
    const start = text.length;
    text += m[1];
    spans.push({ label: m[2]!, start, end: text.length, text: m[1]! });
    last = m.index + m[0].length;
  }
  text += markup.slice(last);
  return { text, spans };
}

/** Renders labelled spans back into inline markup (non-overlapping spans only), for readable test failures. */
export function renderMarkup(text: string, spans: readonly { start: number; end: number; label: string }[]): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let pos = 0;
  for (const s of sorted) {
    if (s.start < pos) continue;
    out += text.slice(pos, s.start) + `[${text.slice(s.start, s.end)}]{${s.label}}`;
    pos = s.end;
  }
  return out + text.slice(pos);
}
