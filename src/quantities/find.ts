import type { Quantity, Span, Token } from '../core/index.js';
import { quantityLexicon, type QualifierKind, type QuantityLexicon } from './lexicon.js';

const starterCache = new WeakMap<QuantityLexicon, Set<string>>();

/** Words that can open a quantity; any other plain word is skipped without further look-ups. */
function starters(lex: QuantityLexicon): Set<string> {
  let set = starterCache.get(lex);
  if (!set) {
    set = new Set(['a', 'an', 'half', ...lex.units.keys(), ...lex.tens.keys(), ...lex.vaguePlurals.keys(), ...lex.ordinals.keys(), ...lex.currencySymbols.keys()]);
    starterCache.set(lex, set);
  }
  return set;
}

const articleCache = new WeakMap<QuantityLexicon, Set<string>>();

/**
 * 'a' and 'an' when no word list but the scales reads them: then they open a quantity only
 * before a scale or dozen word, and every other occurrence is skipped without a look-up.
 */
function articleStarters(lex: QuantityLexicon): Set<string> {
  let set = articleCache.get(lex);
  if (!set) {
    const lists = [lex.units, lex.tens, lex.vaguePlurals, lex.ordinals, lex.currencySymbols, lex.scales, lex.dozen, lex.scaleAbbreviations];
    set = new Set(['a', 'an'].filter((w) => !lists.some((m) => m.has(w))));
    articleCache.set(lex, set);
  }
  return set;
}

/** The label of a quantity record. */
export type QuantityLabel = Quantity['label'];

/** A quantity found in one sentence, before it becomes a layer record. Token ranges are half-open. */
export interface QuantityCandidate {
  /** tokens of the whole expression, qualifier included. */
  readonly tokenStart: number;
  readonly tokenEnd: number;
  /** the number itself with its currency and unit ("$5.5 million", "2,000", "23-year-old"), without the qualifier. */
  readonly span: Span;
  /** the approximation or bound before the number ("approximately", "more than"), when there is one. */
  readonly qualifierSpan: Span | null;
  readonly value: number;
  readonly label: QuantityLabel;
  readonly approx: boolean;
  readonly qualifier: string | null;
  readonly of: string | null;
  readonly ofSpan: Span | null;
  readonly rule: string;
}

/** What is known about the entity mention covering a token: a person, something else, or nothing. */
export type MentionKindAt = (tokenIndex: number) => 'person' | 'other' | null;

interface ParsedNumber {
  readonly value: number;
  /** token index just after the number (and its scale words). */
  readonly end: number;
  readonly kind: 'numeral' | 'words' | 'vague';
  readonly scaled: boolean;
  readonly vaguePhrase: string | null;
}

const NUMERAL = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const YEAR = /^\d{4}$/;
const ALPHA_END = /[a-z]$/i;
const ALPHA_START = /^[a-z]/i;
/** Plural-looking proper-noun tags: demonyms (Israelis, Thais) and title-case common nouns (Hostages), not Hamas. */
const PROPN_PLURAL = /[a-z](?:ans|is|ons|ers|ites|ees|ists|es|[^aeiosu'’.]s)$/;
const PARTICIPLE = /(?:ed|ing|en)$/;
const SUPERLATIVE = /^(?:best|worst|[a-z]{3,}est)$/;
const OF_DETERMINERS = new Set(['the', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'all', 'some']);
const ONE_BLOCKERS_BEFORE = new Set(['no', 'any', 'every', 'each', 'the', 'this', 'that', 'which', 'someone', 'anyone', 'everyone', 'last', 'next', 'only', 'another', 'first']);
const ONE_BLOCKERS_AFTER = new Set(['another', "'s", 'way', 'day']);

/**
 * Finds the quantities of tokens [from, to) (one sentence): cardinals in digits and words, their
 * qualifiers, ages, money, percentages, measures and ordinals, each with what it counts.
 * Numbers that belong to dates, times, labels ("Resolution 2334") or codes are skipped.
 * Linear in the number of tokens: each position looks at most a few tokens around it.
 * @example findQuantities(text, tokens, 0, tokens.length) // "about 2,000 Palestinian prisoners"
 *   // → [{ value: 2000, approx: true, qualifier: 'about', of: 'Palestinian prisoners', label: 'count', ... }]
 */
export function findQuantities(
  text: string,
  tokens: readonly Token[],
  from: number,
  to: number,
  mentionAt: MentionKindAt = () => null,
  lex: QuantityLexicon = quantityLexicon(),
): QuantityCandidate[] {
  return createQuantityFinder(text, tokens, mentionAt, lex)(from, to);
}

/**
 * The finder of findQuantities bound to one document, so that its helpers are built once per
 * document rather than once per sentence. Call it with each sentence's token range.
 */
export function createQuantityFinder(
  text: string,
  tokens: readonly Token[],
  mentionAt: MentionKindAt = () => null,
  lex: QuantityLexicon = quantityLexicon(),
): (from: number, to: number) => QuantityCandidate[] {
  let from = 0;
  let to = 0;
  let out: QuantityCandidate[] = [];
  const norm = (k: number): string => (k >= from && k < to ? tokens[k]!.norm : '');
  const adjacent = (a: number, b: number): boolean => a >= from && b < to && tokens[a]!.end === tokens[b]!.start;
  const plainText = (a: number, b: number): string => text.slice(tokens[a]!.start, tokens[b - 1]!.end);
  const isNumeral = (k: number): boolean => k >= from && k < to && NUMERAL.test(tokens[k]!.text);
  const monthAt = (k: number): boolean => {
    const w = norm(k);
    if (lex.months.has(w)) return w !== 'may' || /^May$/.test(tokens[k]!.text);
    return w === '.' && lex.months.has(norm(k - 1) + '.');
  };
  const isPlural = (t: Token): boolean => {
    if (t.pos === 'NOUN') return t.lemma !== t.norm || t.norm === 'people' || t.norm === 'police';
    if (t.pos === 'PROPN') return PROPN_PLURAL.test(t.norm);
    return false;
  };
  let lastEnd = 0;
  /** token index of the last numeral skipped as a label, so "Resolutions 2254 and 2118" skips both. */
  let labelAt = -10;
  /** tokens before this index belong to a number already rejected as a whole (a spoken year). */
  let skipUntil = 0;

  const parseNumber = (i: number): ParsedNumber | null => {
    if (i >= to) return null;
    const t = tokens[i]!;
    if (NUMERAL.test(t.text)) {
      let value = Number(t.text.replace(/,/g, ''));
      let j = i + 1;
      const scale = lex.scales.get(norm(j)) ?? lex.dozen.get(norm(j));
      if (scale !== undefined) {
        value *= scale;
        j++;
        const more = lex.scales.get(norm(j));
        if (scale === 100 && more !== undefined && more > 100) {
          value *= more;
          j++;
        }
      } else {
        const abbr = lex.scaleAbbreviations.get(norm(j));
        // "5m" is metres or million: million only before a plural noun ("1.2m people")
        const ambiguous = norm(j) === 'm' || norm(j) === 'b';
        const pluralNext = j + 1 < to && tokens[j + 1]!.pos === 'NOUN' && isPlural(tokens[j + 1]!);
        if (abbr !== undefined && (!ambiguous || pluralNext) && adjacent(i, j)) {
          value *= abbr;
          j++;
        }
      }
      return { value, end: j, kind: 'numeral', scaled: j > i + 1, vaguePhrase: null };
    }
    const vague = lex.vaguePlurals.get(t.norm);
    if (vague !== undefined && t.pos !== 'VERB') {
      let value = vague;
      let j = i + 1;
      const nested = norm(j) === 'of' ? lex.vaguePlurals.get(norm(j + 1)) : undefined;
      if (nested !== undefined && nested > vague) {
        value = vague * nested;
        j += 2;
      } else if (t.norm === 'tens' || (t.norm === 'scores' && norm(j) !== 'of')) {
        return null;
      }
      const phrase = plainText(i, j).toLowerCase() + (norm(j) === 'of' ? ' of' : '');
      return { value, end: j, kind: 'vague', scaled: false, vaguePhrase: phrase };
    }
    let j = i;
    let total = 0;
    let cur = 0;
    let any = false;
    let last: 'unit' | 'tens' | 'scale' | 'and' | null = null;
    const halfScale = t.norm === 'half' && norm(i + 1) === 'a' ? lex.scales.get(norm(i + 2)) : undefined;
    if (halfScale !== undefined && halfScale >= 1000) {
      return { value: halfScale / 2, end: i + 3, kind: 'words', scaled: true, vaguePhrase: null };
    }
    if ((t.norm === 'a' || t.norm === 'an') && (lex.scales.has(norm(i + 1)) || lex.dozen.has(norm(i + 1)))) {
      cur = 1;
      any = true;
      last = 'unit';
      j = i + 1;
    }
    while (j < to) {
      const w = norm(j);
      const u = lex.units.get(w);
      if (u !== undefined) {
        if (last === 'unit' || (last === 'tens' && u >= 10)) break;
        cur += u;
        last = 'unit';
        any = true;
        j++;
        continue;
      }
      const tn = lex.tens.get(w);
      if (tn !== undefined) {
        if (last === 'unit' || last === 'tens') break;
        cur += tn;
        last = 'tens';
        any = true;
        j++;
        if (tokens[j]?.text === '-' && adjacent(j - 1, j) && adjacent(j, j + 1)) {
          const u2 = lex.units.get(norm(j + 1));
          if (u2 !== undefined && u2 > 0 && u2 < 10) {
            cur += u2;
            last = 'unit';
            j += 2;
          }
        }
        continue;
      }
      const sc = lex.scales.get(w) ?? lex.dozen.get(w);
      if (sc !== undefined && any && last !== 'and') {
        if (sc === 100 || lex.dozen.has(w)) cur = (cur || 1) * sc;
        else {
          total += (cur || 1) * sc;
          cur = 0;
        }
        last = 'scale';
        j++;
        continue;
      }
      if (w === 'and' && last === 'scale' && (lex.units.has(norm(j + 1)) || lex.tens.has(norm(j + 1)))) {
        last = 'and';
        j++;
        continue;
      }
      break;
    }
    if (!any) return null;
    if (last === 'and') j--;
    return { value: total + cur, end: j, kind: 'words', scaled: false, vaguePhrase: null };
  };

  const findHead = (j: number): { of: string; ofSpan: Span } | null => {
    let k = j;
    let first = -1;
    let last = -1;
    while (k < to && k - j < 7) {
      const t = tokens[k]!;
      if (t.text === '-' && k > j && adjacent(k - 1, k) && adjacent(k, k + 1)) {
        k++;
        continue;
      }
      if (t.pos === 'NOUN' || t.pos === 'PROPN') {
        if (monthAt(k) || lex.weekdays.has(t.norm) || lex.headStopWords.has(t.norm)) break;
        if (lex.currencySymbols.has(t.norm) && t.type === 'currency') break;
        if (first < 0) first = k;
        last = k;
        k++;
        if (isPlural(t)) break;
        continue;
      }
      const modifier =
        t.pos === 'ADJ' || lex.headModifiers.has(t.norm) || (t.pos === 'VERB' && PARTICIPLE.test(t.norm));
      if (modifier && last < 0 && !lex.headStopWords.has(t.norm)) {
        if (first < 0) first = k;
        k++;
        continue;
      }
      break;
    }
    if (last < 0) return null;
    const ofSpan = { start: tokens[first]!.start, end: tokens[last]!.end };
    return { of: text.slice(ofSpan.start, ofSpan.end), ofSpan };
  };

  const headOrOf = (j: number): { of: string; ofSpan: Span } | null => {
    const direct = findHead(j);
    if (direct || norm(j) !== 'of') return direct;
    let k = j + 1;
    if (OF_DETERMINERS.has(norm(k))) k++;
    if (lex.pronounsAfterOf.has(norm(k))) return null;
    const total = parseNumber(k);
    return findHead(total && total.kind !== 'vague' ? total.end : k);
  };

  const qualifierBefore = (k: number, value: number): { start: number; words: string; kind: QualifierKind } | null => {
    for (const q of lex.qualifiers) {
      const n = q.words.length;
      const s = k - n;
      if (s < lastEnd) continue;
      let ok = true;
      for (let m = 0; m < n && ok; m++) ok = norm(s + m) === q.words[m];
      if (!ok) continue;
      const w = q.words.join(' ');
      if ((w === 'over' || w === 'under') && s - 1 >= from && lex.particleVerbs.has(tokens[s - 1]!.lemma)) continue;
      if (w === 'some' && value <= 1) continue;
      return { start: s, words: w, kind: q.kind };
    }
    return null;
  };

  const dateLike = (k: number, end: number): boolean =>
    monthAt(k - 1) || monthAt(end) || (norm(end) === 'of' && monthAt(end + 1));

  const ordinalAt = (i: number): QuantityCandidate | null => {
    const t = tokens[i]!;
    let value: number | undefined;
    let end = i + 1;
    if (t.type === 'ordinal' && /^\d+(st|nd|rd|th)$/i.test(t.text)) value = parseInt(t.text, 10);
    else {
      value = lex.ordinals.get(t.norm);
      const tn = lex.tens.get(t.norm);
      if (value === undefined && tn !== undefined && tokens[i + 1]?.text === '-' && adjacent(i, i + 1) && adjacent(i + 1, i + 2)) {
        const u = lex.ordinals.get(norm(i + 2));
        if (u !== undefined && u < 10) {
          value = tn + u;
          end = i + 3;
        }
      }
    }
    if (value === undefined) return null;
    if (t.pos === 'ADV' || norm(i - 1) === 'at' || dateLike(i, end)) return null;
    if (tokens[end]?.text === '-' && adjacent(end - 1, end)) return null;
    const head = findHead(end);
    if (!head) return null;
    const headWord = text.slice(head.ofSpan.start, head.ofSpan.end).toLowerCase().split(/\s+/).pop()!;
    const next = norm(end);
    if (lex.dateHeads.has(headWord) || lex.timeUnits.has(headWord) || lex.dateHeads.has(next) || lex.timeUnits.has(next)) return null;
    const span = { start: t.start, end: tokens[end - 1]!.end };
    return {
      tokenStart: i, tokenEnd: end, span, qualifierSpan: null, value, label: 'ordinal', approx: false, qualifier: null,
      of: head.of, ofSpan: head.ofSpan, rule: 'ordinal',
    };
  };

  const tryAt = (i: number): QuantityCandidate | null => {
    const t = tokens[i]!;
    let currency: string | null = null;
    let numAt = i;
    const sym = lex.currencySymbols.get(t.norm);
    if (sym !== undefined && (t.type === 'currency' || t.pos === 'SYM' || /^[A-Z]{3}$/.test(t.text))) {
      currency = sym;
      numAt = i + 1;
    }
    const p = parseNumber(numAt);
    if (!p) return currency ? null : ordinalAt(i);
    const first = tokens[numAt]!;
    const prev = numAt - 1;
    let j = p.end;

    if (p.kind === 'numeral' && !currency) {
      if (dateLike(numAt, j)) return null;
      if (YEAR.test(first.text) && !p.scaled) {
        const v = p.value;
        if (first.text.startsWith('0')) return null;
        if (v >= 1800 && v <= 2100) {
          const nextIsCount = j < to && tokens[j]!.pos === 'NOUN' && isPlural(tokens[j]!);
          if (!nextIsCount || lex.yearContext.has(norm(prev)) || norm(prev) === ',') return null;
        }
      }
      if (lex.timeWords.has(norm(j))) return null;
      const pt = prev >= from ? tokens[prev]! : null;
      const labelled =
        (pt && (lex.labelNounsAnyCase.has(pt.norm) || (lex.labelNouns.has(pt.norm) && /^[A-Z]/.test(pt.text)))) ||
        ((norm(prev) === 'and' || norm(prev) === ',' || norm(prev) === 'or') && labelAt === prev - 1) ||
        (pt && /^[A-Z]{2,5}$/.test(pt.text) && !lex.currencySymbols.has(pt.norm));
      if (labelled) {
        labelAt = numAt;
        return null;
      }
      if (pt && adjacent(prev, numAt) && ALPHA_END.test(pt.text)) return null;
      if (j < to && adjacent(j - 1, j) && ALPHA_START.test(tokens[j]!.text)) {
        const w = norm(j);
        const known = lex.scaleAbbreviations.has(w) || lex.timeWords.has(w) || lex.measureUnits.some((u) => u.length === 1 && u[0] === w);
        if (!known) return null;
      }
      if ((numAt === from || norm(prev) === '(' || norm(prev) === '[') && (norm(j) === '.' || norm(j) === ')') && j >= to - 1) return null;
      if ((norm(prev) === '(' || norm(prev) === '[') && (norm(j) === ')' || norm(j) === ']') && !(prev - 1 >= from && tokens[prev - 1]!.pos === 'PROPN')) return null;
      if (lex.rangeWords.has(norm(prev)) && isNumeral(prev - 1) && dateLike(prev - 1, prev)) return null;
    }
    if (p.kind === 'words' && !currency) {
      const pt = prev >= from ? tokens[prev]! : null;
      if (pt && /^[A-Z]/.test(first.text) && /^[A-Z]/.test(pt.text) && (lex.labelNouns.has(pt.norm) || lex.labelNounsAnyCase.has(pt.norm))) return null;
    }
    if (p.kind === 'numeral' && j < to && adjacent(j - 1, j) && /^[°′″]/.test(tokens[j]!.text)) return null;
    if (p.kind === 'words') {
      // spoken years: "nineteen ninety-six", "twenty twenty-four", "the year two thousand"
      if (p.value >= 10 && p.value <= 20 && j === numAt + 1 && lex.tens.has(norm(j))) {
        const rest = parseNumber(j);
        skipUntil = rest ? rest.end : j + 1;
        return null;
      }
      if (p.value >= 1900 && p.value <= 2100 && (lex.yearContext.has(norm(prev)) || monthAt(prev))) return null;
    }
    if (p.kind === 'words' && j === numAt + 1 && first.norm === 'one') {
      if (ONE_BLOCKERS_BEFORE.has(norm(prev)) || ONE_BLOCKERS_AFTER.has(norm(j))) return null;
      // "one of the largest protests" singles out an example; it counts nothing
      if (norm(j) === 'of' && norm(j + 1) === 'the' && (norm(j + 2) === 'most' || SUPERLATIVE.test(norm(j + 2)))) return null;
    }

    const qual = qualifierBefore(currency ? i : numAt, p.value);
    const namePart =
      !currency && !qual && p.kind === 'numeral' && prev >= from && tokens[prev]!.pos === 'PROPN' &&
      /^[A-Z]/.test(tokens[prev]!.text) && !monthAt(prev) && findHead(j) === null && !lex.percentWords.some((w) => w[0] === norm(j));
    if (namePart) return null;
    let start = qual ? qual.start : i;
    let approx = qual ? qual.kind !== 'exact' : p.kind === 'vague';
    let qualifier: string | null = qual ? qual.words : p.vaguePhrase;
    let label: QuantityLabel = 'count';
    let of: string | null = null;
    let ofSpan: Span | null = null;
    let rule = p.kind === 'vague' ? 'vague-plural' : p.kind === 'words' ? 'number-words' : 'numeral';
    let value = p.value;

    // a range: "20 to 30", "20-30", "between 20 and 30"
    if (p.kind !== 'vague' && lex.rangeWords.has(norm(j)) && (norm(j) !== 'and' || norm(start - 1) === 'between' || qualifier === 'between')) {
      const q = parseNumber(j + 1);
      const hyphenOk = tokens[j]!.text !== '-' || (adjacent(j - 1, j) && adjacent(j, j + 1));
      if (q && q.kind === p.kind && q.value > value && hyphenOk && !(q.kind === 'numeral' && dateLike(j + 1, q.end))) {
        if (norm(start - 1) === 'between' && norm(j) === 'and' && start - 1 >= lastEnd) start -= 1;
        j = q.end;
        approx = true;
        qualifier = norm(start) === 'between' ? 'between' : 'range';
        rule = 'range';
      }
    }
    // "60-plus", "30-odd", "60+"
    if ((norm(j) === '-' && adjacent(j - 1, j) && (norm(j + 1) === 'plus' || norm(j + 1) === 'odd')) || (norm(j) === '+' && adjacent(j - 1, j))) {
      qualifier = norm(j) === '+' ? 'plus' : norm(j + 1);
      j += norm(j) === '+' ? 1 : 2;
      approx = true;
    }

    if (currency) {
      const abbr = lex.scaleAbbreviations.get(norm(j));
      if (abbr !== undefined && adjacent(j - 1, j) && !p.scaled) {
        value *= abbr;
        j++;
      }
      label = 'money';
      of = currency;
      rule = 'currency-symbol';
    } else if (tokens[j]?.text === '-' && adjacent(j - 1, j) && adjacent(j, j + 1) && p.kind !== 'vague') {
      const w = norm(j + 1);
      const compound = `${plainText(numAt, j).toLowerCase()}-${w}`;
      if (lex.nonQuantityCompounds.has(compound)) return null;
      if ((w === 'year' || w === 'years') && norm(j + 2) === '-' && (norm(j + 3) === 'old' || norm(j + 3) === 'olds')) {
        label = 'age';
        of = 'age';
        j += 4;
        rule = 'age-compound';
      } else if (lex.timeUnits.has(w)) {
        label = 'measure';
        of = w;
        j += 2;
        rule = 'measure-compound';
      } else if (w === 'strong') {
        j += 2;
        const h = headOrOf(j);
        of = h?.of ?? null;
        ofSpan = h?.ofSpan ?? null;
        rule = 'strong-compound';
      } else if (tokens[j + 1]!.pos === 'NOUN' || tokens[j + 1]!.pos === 'ADJ') {
        of = tokens[j + 1]!.text;
        ofSpan = { start: tokens[j + 1]!.start, end: tokens[j + 1]!.end };
        j += 2;
        rule = 'count-compound';
      } else return null;
    } else {
      const unitMatch = (list: readonly (readonly string[])[]): number => {
        for (const u of list) {
          let ok = true;
          for (let m = 0; m < u.length && ok; m++) ok = norm(j + m) === u[m];
          if (ok) return u.length;
        }
        return 0;
      };
      const currencyWord = lex.currencyWords.get(norm(j)) ?? (/^[A-Z]{3}$/.test(tokens[j]?.text ?? '') ? lex.currencySymbols.get(norm(j)) : undefined);
      const pct = unitMatch(lex.percentWords);
      const unit = pct ? 0 : unitMatch(lex.measureUnits);
      if (currencyWord !== undefined && j < to) {
        label = 'money';
        of = currencyWord;
        j++;
        rule = 'currency-word';
      } else if (pct) {
        label = 'percent';
        j += pct;
        rule = 'percent';
        const h = norm(j) === 'of' ? headOrOf(j) : null;
        of = h?.of ?? null;
        ofSpan = h?.ofSpan ?? null;
      } else if ((norm(j) === 'year' || norm(j) === 'years') && (norm(j + 1) === 'old' || (norm(j + 1) === 'of' && norm(j + 2) === 'age'))) {
        label = 'age';
        of = 'age';
        j += norm(j + 1) === 'old' ? 2 : 3;
        rule = 'age-years-old';
      } else if (unit) {
        label = 'measure';
        of = plainText(j, j + unit);
        ofSpan = { start: tokens[j]!.start, end: tokens[j + unit - 1]!.end };
        j += unit;
        rule = 'measure-unit';
      } else if (lex.timeUnits.has(norm(j)) && p.kind !== 'vague') {
        if (lex.relativeTimeWords.has(norm(j + 1))) return null;
        label = 'measure';
        of = tokens[j]!.text;
        ofSpan = { start: tokens[j]!.start, end: tokens[j]!.end };
        j++;
        rule = 'measure-time';
      } else if (!qual && p.kind === 'numeral' && ageContext(numAt, j)) {
        label = 'age';
        of = 'age';
        rule = 'age-context';
      } else {
        const h = headOrOf(j);
        of = h?.of ?? null;
        ofSpan = h?.ofSpan ?? null;
      }
    }
    const spanEnd = tokens[j - 1]!.end;
    const numberStart = norm(start) === 'between' && rule === 'range' ? start + 1 : Math.max(start, i);
    return {
      tokenStart: start, tokenEnd: j, span: { start: tokens[numberStart]!.start, end: spanEnd },
      qualifierSpan: start < numberStart ? { start: tokens[start]!.start, end: tokens[numberStart - 1]!.end } : null,
      value, label, approx, qualifier, of, ofSpan, rule,
    };
  };

  /** "aged 23", "at the age of 23", "Maria Lopez, 23," and "Lopez (23)". */
  function ageContext(numAt: number, end: number): boolean {
    const v = Number(tokens[numAt]!.text.replace(/,/g, ''));
    if (!Number.isInteger(v) || v < 1 || v > 120) return false;
    const p1 = norm(numAt - 1);
    if (lex.ageWords.has(p1)) return true;
    if (p1 === 'of' && lex.ageWords.has(norm(numAt - 2))) return true;
    const open = p1 === ',' ? ',' : p1 === '(' ? '(' : null;
    if (!open || end !== numAt + 1) return false;
    const close = norm(end);
    const listEnd = close === '.' || close === ';';
    if (!(open === ',' ? close === ',' || close === ')' || listEnd : close === ')')) return false;
    const name = numAt - 2;
    if (name < from || tokens[name]!.pos !== 'PROPN' || monthAt(name) || lex.weekdays.has(tokens[name]!.norm)) return false;
    const kind = mentionAt(name);
    // "…, and Dana Levi, 31." ends a list of names with ages; elsewhere a final number is rarely an age
    if (listEnd && kind !== 'person' && !(numAt - 3 >= from && tokens[numAt - 3]!.pos === 'PROPN')) return false;
    return kind !== 'other';
  }

  const startWords = starters(lex);
  const articles = articleStarters(lex);
  return (sentenceFrom, sentenceTo) => {
    from = sentenceFrom;
    to = sentenceTo;
    out = [];
    lastEnd = from;
    labelAt = -10;
    for (let i = from; i < to; ) {
      const t = tokens[i]!;
      const plain = t.type === 'word' || t.type === 'punctuation';
      // an article opens a quantity only before a scale word ("a hundred", "a dozen")
      const skip = i < skipUntil || (plain && (!startWords.has(t.norm) || (articles.has(t.norm) && !lex.scales.has(norm(i + 1)) && !lex.dozen.has(norm(i + 1)))));
      const c = skip ? null : tryAt(i);
      if (c) {
        out.push(c);
        lastEnd = c.tokenEnd;
        i = c.tokenEnd;
      } else i++;
    }
    return out;
  };
}
