/** A half-open range of UTF-16 offsets into a document's text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Builds a span, checking start <= end. */
export function span(start: number, end: number): Span {
  if (!(start <= end)) throw new Error(`invariant broken: span start ${start} > end ${end}`);
  return { start, end };
}

/** The text a span covers. */
export function spanText(text: string, s: Span): string {
  return text.slice(s.start, s.end);
}

/** True when a contains b. */
export function contains(a: Span, b: Span): boolean {
  return a.start <= b.start && b.end <= a.end;
}

/** True when the spans share at least one character. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Number of characters shared by a and b. */
export function overlapLength(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Sorts by start, then by longer first. Returns a new array. */
export function sortSpans<T extends { span: Span }>(items: readonly T[]): T[] {
  return [...items].sort((x, y) => x.span.start - y.span.start || y.span.end - x.span.end);
}

/** Shrinks a span so it does not start or end on whitespace. */
export function trimSpan(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
