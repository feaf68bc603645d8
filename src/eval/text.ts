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

const QUOTE_CLASS: Record<string, string> = {
  "'": "['\u2018\u2019\u201b\u2032]",
  '\u2019': "['\u2018\u2019\u201b\u2032]",
  '\u2018': "['\u2018\u2019\u201b\u2032]",
  '"': '["\u201c\u201d\u201e\u201f\u00ab\u00bb]',
  '\u201c': '["\u201c\u201d\u201e\u201f\u00ab\u00bb]',
  '\u201d': '["\u201c\u201d\u201e\u201f\u00ab\u00bb]',
  '-': '[-\u2010-\u2015]',
};

/**
 * Every place `needle` occurs in `text`, tolerating case, runs of whitespace and curly/straight
 * quotes and dashes. Returns half-open UTF-16 spans. The pattern has no nested quantifiers.
 */
export function findLoose(text: string, needle: string): Array<{ start: number; end: number }> {
  const n = needle.trim();
  if (n === '') return [];
  let pattern = '';
  for (const part of n.split(/\s+/)) {
    if (pattern !== '') pattern += '\\s+';
    for (const ch of part) pattern += QUOTE_CLASS[ch] ?? ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  const re = new RegExp(pattern, 'giu');
  const out: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}
