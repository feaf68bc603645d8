const ASTRAL = /[\uD800-\uDBFF][\uDC00-\uDFFF]/;

/**
 * Returns a function mapping a Python code-point offset in `text` to a UTF-16 offset.
 * Identity when the text has no characters outside the basic plane.
 * @example codePointToUtf16('a😀b')(2) === 3
 */
export function codePointToUtf16(text: string): (cp: number) => number {
  if (!ASTRAL.test(text)) return (cp) => cp;
  const table: number[] = [];
  let u = 0;
  for (const ch of text) {
    table.push(u);
    u += ch.length;
  }
  table.push(u);
  return (cp) => (cp < 0 ? 0 : cp >= table.length ? u : table[cp]!);
}
