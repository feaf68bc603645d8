/** A highlighted range of the article: half-open UTF-16 offsets and a CSS class. */
export interface Mark {
  readonly start: number;
  readonly end: number;
  readonly cls: string;
  readonly title?: string;
}

/** A run of text with the classes of every mark covering it. */
export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly classes: readonly string[];
  readonly titles: readonly string[];
}

/**
 * Cuts [from, to) of a text into runs at every mark boundary (a sweep over sorted boundaries, so
 * O((n + m) log m) for m marks). Marks are clipped to the range; empty and inverted marks are ignored.
 */
export function segments(from: number, to: number, marks: readonly Mark[]): Segment[] {
  const points: { at: number; open: boolean; mark: Mark }[] = [];
  for (const m of marks) {
    const s = Math.max(from, m.start);
    const e = Math.min(to, m.end);
    if (e <= s) continue;
    points.push({ at: s, open: true, mark: m }, { at: e, open: false, mark: m });
  }
  points.sort((a, b) => a.at - b.at || Number(a.open) - Number(b.open));
  const active = new Map<Mark, true>();
  const out: Segment[] = [];
  let pos = from;
  const emit = (end: number) => {
    if (end <= pos) return;
    const ms = [...active.keys()];
    out.push({ start: pos, end, classes: [...new Set(ms.map((m) => m.cls))], titles: ms.map((m) => m.title).filter((t): t is string => !!t) });
    pos = end;
  };
  for (const p of points) {
    emit(p.at);
    if (p.open) active.set(p.mark, true);
    else active.delete(p.mark);
  }
  emit(to);
  return out;
}
