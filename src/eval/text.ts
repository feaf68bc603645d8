/** Folds a string for loose comparison: lower case, straight quotes and dashes, single spaces, trimmed. */
export function fold(s: string | null | undefined): string {
  if (!s) return '';
  return s
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

/** True when `needle` occurs in `hay` (both folded) on word boundaries. Empty needles never match. */
export function containsWords(hay: string | null | undefined, needle: string | null | undefined): boolean {
  const h = fold(hay);
  const n = fold(needle);
  if (n === '' || h === '') return false;
  let at = h.indexOf(n);
  while (at >= 0) {
    if (!isWordChar(h[at - 1]) || !isWordChar(n[0])) {
      const after = at + n.length;
      if (!isWordChar(h[after]) || !isWordChar(n[n.length - 1])) return true;
    }
    at = h.indexOf(n, at + 1);
  }
  return false;
}

/** True when `needle` occurs anywhere in `hay` after folding. */
export function containsLoose(hay: string | null | undefined, needle: string | null | undefined): boolean {
  const n = fold(needle);
  return n !== '' && fold(hay).includes(n);
}

/** Strips leading/trailing quote marks and spaces. */
export function stripQuotes(s: string): string {
  return s.replace(/^[\s"'\u2018\u2019\u201c\u201d\u00ab\u00bb]+/, '').replace(/[\s"'\u2018\u2019\u201c\u201d\u00ab\u00bb]+$/, '');
}
