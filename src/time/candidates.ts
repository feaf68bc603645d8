import type { Holiday, TimeLexicon } from './lexicon.js';
import type { SeasonCode, TimeCandidate, TimeExpr, TimeUnit } from './types.js';

/** Regex alternation of the given words, longest first, spaces matching any whitespace. */
function alt(words: Iterable<string>): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
}

/** Words after which a capitalised position is only the sentence start, not a name. */
const FUNCTION_WORDS = new Set(['for', 'that', 'this', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'each', 'every', 'at', 'on', 'with', 'into', 'over', 'under', 'unlike', 'like', 'despite', 'against', 'around']);
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ONES = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const MOD_RE = 'the\\s+end\\s+of|the\\s+beginning\\s+of|the\\s+start\\s+of|the\\s+middle\\s+of|the\\s+close\\s+of|early|late|mid';

/** Maps a unit word (any number, any case) to its unit. */
export function unitOf(word: string): TimeUnit {
  const w = word.toLowerCase();
  if (w.startsWith('centur')) return 'century';
  return w.replace(/s$/, '') as TimeUnit;
}

interface Pattern {
  readonly rule: string;
  readonly re: RegExp;
  /** Higher wins when two candidates cover the same span. */
  readonly priority: number;
  /** Index into Finder.triggers of a cheap test that must pass before the pattern runs (a word every match contains). */
  readonly trigger: number;
  build(g: Record<string, string | undefined>, text: string, start: number, end: number): Omit<TimeCandidate, 'rule'> | null;
}

/** The compiled patterns for one lexicon (built once). */
export interface Finder {
  readonly patterns: readonly Pattern[];
  /** The distinct trigger tests of the patterns: several patterns share one, tested once per sentence. */
  readonly triggers: readonly RegExp[];
  readonly precheck: RegExp;
  readonly lex: TimeLexicon;
}

const finders = new WeakMap<TimeLexicon, Finder>();

/** Compiles (once per lexicon) the regexes that find time phrases. */
export function compileFinder(lex: TimeLexicon): Finder {
  const hit = finders.get(lex);
  if (hit) return hit;
  const numberWords = Object.keys(lex.numbers);
  const UNIT_RE = `(?:${alt(Object.keys(lex.units).filter((u) => u !== 'century'))})s?|century|centuries`;
  const NUM = `\\d+(?:\\.\\d+)?(?:\\s+\\d\\/\\d)?|(?:${TENS.join('|')})(?:[\\s-](?:${ONES.join('|')}))?|${alt(numberWords)}`;
  const VAGUE = alt(lex.vagueNumbers);
  // the longest name of each month is its full name; the others are abbreviations that need a period
  const longest = new Map<number, string>();
  for (const [name, n] of Object.entries(lex.months)) if ((longest.get(n)?.length ?? 0) < name.length) longest.set(n, name);
  const fullMonths = [...longest.values()];
  const abbrMonths = Object.keys(lex.months).filter((m) => !fullMonths.includes(m));
  const MONTH = `${alt(fullMonths)}|(?:${alt(abbrMonths)})\\.`;
  const MONTH_D = `${alt(fullMonths)}|(?:${alt(abbrMonths)})(?:\\.|(?=\\s+\\d))`;
  const WD = alt(Object.keys(lex.weekdays).filter((w) => w.length > 4));
  const SEASON = alt(Object.keys(lex.seasons));
  const PART = alt(Object.keys(lex.dayParts).filter((p) => p !== 'noon'));
  const APPROX = alt(Object.keys(lex.approximators));
  const approxMod = (w: string | undefined) => (w ? (lex.approximators[norm(w)] ?? null) : null);
  const modOf = (w: string | undefined) => (w ? (lex.modifiers[norm(w).replace(/-$/, '')] ?? null) : null);
  const month = (w: string) => lex.months[norm(w).replace(/\.$/, '')] ?? 0;
  const weekday = (w: string) => lex.weekdays[norm(w)] ?? 0;
  const season = (w: string) => lex.seasons[norm(w)] as SeasonCode;
  const num = (w: string | undefined): number | null => parseNumber(w ?? '', lex);
  const capitalised = (w: string) => /^[A-Z]/.test(w);
  const yearPreps = new Set(lex.yearPrepositions);
  const yearEvents = new Set(lex.yearEventNouns);

  const P: Pattern[] = [];
  const triggers: Record<string, string> = {
    ago: '\\b(?:ago|earlier|now|hence)\\b|year-',
    duration: 'second|minute|hour|day|week|month|quarter|year|decade|centur',
    'plural-units': 'years|months|weeks|days|decades|centuries|hours|minutes',
    'vague-span': 'recent|coming|past|last',
    'units-ahead': 'ahead',
    'bare-season': `${SEASON}`,
    'next-day': 'day|morning|afternoon|evening|night',
    'deictic-day': 'today|yesterday|tomorrow|tonight',
    'day-part': `${PART}`,
    relative: `week|month|year|decade|century|${SEASON}`,
    quarter: 'quarter|period',
    'year-compound': 'year[- ]',
    year: '\\d{4}',
    'spoken-year': 'nineteen|thousand',
    'decade-word': 'ties\\b',
    century: 'century',
    'month-day': `${alt(Object.keys(lex.months).filter((m) => m.length > 2))}`,
    'day-month': `${alt(Object.keys(lex.months).filter((m) => m.length > 2))}`,
    month: `${alt(Object.keys(lex.months).filter((m) => m.length > 2))}`,
    'season-year': `${SEASON}`,
    weekday: `${WD}`,
    clock: '\\d\\s*[ap]\\.?m|noon|midnight',
    set: '\\b(?:every|each|per|once|twice|times)\\b',
    'set-word': alt(Object.keys(lex.sets)),
    vague: `${alt(Object.keys(lex.vague).map((v) => v.split(' ').pop()!))}|future`,
  };
  const triggerRes: RegExp[] = [];
  const triggerIndex = new Map<string, number>();
  const triggerOf = (src: string): number => {
    let k = triggerIndex.get(src);
    if (k === undefined) {
      k = triggerRes.push(new RegExp(src, 'i')) - 1;
      triggerIndex.set(src, k);
    }
    return k;
  };
  const add = (rule: string, priority: number, src: string, build: Pattern['build']) =>
    P.push({ rule, priority, re: new RegExp(src, 'gi'), trigger: triggerOf(triggers[rule] ?? holidayTrigger), build });
  const holidayTrigger = alt(Object.keys(lex.holidays).filter((k) => k !== 'about').map((k) => k.split(/[\s']/)[0]!));

  // "two years ago", "a year earlier", "nearly four years ago", "a week or so ago"
  add('ago', 6, `\\b(?:(?<ap>${APPROX})\\s+)?(?<n>${NUM}|${VAGUE})[\\s-]+(?<u>${UNIT_RE})(?<so>\\s+or\\s+so)?\\s+(?<dir>ago|earlier|from\\s+now|hence)\\b`, (g) => {
    const n = num(g.n);
    const dir = /^(ago|earlier)$/i.test(g.dir!) ? -1 : 1;
    return { start: 0, end: 0, expr: { kind: 'ago', unit: unitOf(g.u!), n, dir }, mod: g.ap || g.so ? 'APPROX' : null };
  });
  // "five years", "the past two months", "the first nine months", "two-year", "at least 20 more years"
  add('duration', 4, `\\b(?:(?<ap>${APPROX})\\s+)?(?:(?<det>the|a|an|each\\s+of\\s+the|this|that|its|their|his|her)\\s+)?(?:(?<rel>past|last|next|first|coming|previous|final|following|latest|initial|remaining|ensuing|preceding|same|full|other)\\s+)?(?<n>${NUM}|${VAGUE})(?:\\s+(?:to|or)\\s+(?<n2>${NUM}))?(?:\\s+(?:more|additional|straight|consecutive|full|long))?(?<sep>[\\s-]+)(?<u>${UNIT_RE})(?!-old|-olds|\\w|\\s+old\\b)(?<so>\\s+or\\s+so)?(?:\\s+(?<tail>period|span|stretch|term))?`, (g, text, s, e) => {
    const unit = unitOf(g.u!);
    if (g.n && /^an?$/i.test(g.n) && g.det) return null;
    if (g.n && /^an?$/i.test(g.n) && !g.rel && !g.ap) {
      // a rate ("$2 a year", "700 seats a week") is not a duration
      const prev = /(\S+)\s*$/.exec(text.slice(Math.max(0, s - 24), s))?.[1] ?? '';
      if (/\d/.test(prev) || (/^[a-z]+s$/.test(prev) && !/^(was|has|is|this|its|as|less|thus|plus)$/.test(prev))) return null;
    }
    let n = g.n2 ? null : num(g.n);
    if (unit === 'weekend') return null;
    // a capitalised unit inside a sentence is a title ("60 Minutes")
    if (/^[A-Z]/.test(g.u!) && s > 0) return null;
    // fractions ("a quarter of", "three-quarters") and ordinals ("a second group") are not durations
    if (unit === 'quarter' && (/^an?$/i.test(g.n!) || (/^\s+of\b/.test(text.slice(e, e + 4)) && (num(g.n) ?? 9) < 4) || (g.sep!.includes('-') && /s$/i.test(g.u!)))) return null;
    if (unit === 'second' && /^(an?|one)$/i.test(g.n!)) return null;
    if (g.n && /^\d/.test(g.n) && unit !== 'year' && Number(g.n) > 1000) return null;
    let start = s;
    // a compound adjective ("the two-year plan") does not take its determiner
    const bare = g.det && !g.rel && !g.tail && (g.sep!.includes('-') || /^(a|an|the)$/i.test(g.det) && !/s$/i.test(g.u!) || /^(its|their|his|her)$/i.test(g.det));
    if (bare) start = (g.ap ? s : s + text.slice(s).search(new RegExp(`\\b${g.n!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i')));
    if (n !== null && n > 0 && n < 1 && unit === 'year') n = null;
    const mod = g.so ? 'APPROX' : approxMod(g.ap);
    return { start, end: e, expr: { kind: 'duration', unit, n }, mod };
  });
  // "for years", "within weeks"
  add('plural-units', 2, `(?<=\\b(?:for|within|over|in|than|took|takes|lasted)\\s)(?<u>years|months|weeks|days|decades|centuries|hours|minutes)\\b(?!\\s+(?:ago|of|old|later|earlier|before|after))`, (g) => ({ start: 0, end: 0, expr: { kind: 'duration', unit: unitOf(g.u!), n: null }, mod: null }));
  // "recent weeks", "the coming months", "the last few months"
  add('vague-span', 7, `\\b(?:the\\s+)?(?<w>recent|coming|upcoming|past\\s+several|past\\s+few|last\\s+few|last\\s+several|past)\\s+(?<u>years|months|weeks|days|decades|quarters)\\b`, (g) => {
    const w = norm(g.w!);
    return { start: 0, end: 0, expr: { kind: 'ref', value: /coming/.test(w) ? 'FUTURE_REF' : 'PAST_REF' }, mod: null };
  });
  // "in spring", "by winter" (not "fall": mostly the verb)
  add('bare-season', 2, `(?<=\\b(?:in|during|by|until|since|through|over)\\s)(?<s>spring|summer|autumn|winter)\\b(?!\\s+(?:of|\\d))`, (g) => ({ start: 0, end: 0, expr: { kind: 'season', season: season(g.s!), offset: 'tense' }, mod: null }));
  // "the next day", "the following morning", "the day before"
  add('next-day', 6, `\\bthe\\s+(?:(?<rel>next|following|previous|preceding)\\s+(?<u>day|morning|afternoon|evening|night)|day\\s+(?<rel2>before|after)(?=\\s*(?:[,.;:)]|$)))\\b`, (g) => {
    const r = norm(g.rel ?? g.rel2!);
    const offset = r === 'next' || r === 'following' || r === 'after' ? 1 : -1;
    const u = g.u ? norm(g.u) : 'day';
    return { start: 0, end: 0, expr: { kind: 'nextDay', offset }, mod: null };
  });
  // "the weeks ahead"
  add('units-ahead', 6, `\\bthe\\s+(?<u>weeks|months|years|days)\\s+ahead\\b`, (g) => ({ start: 0, end: 0, expr: { kind: 'duration', unit: unitOf(g.u!), n: null }, mod: null }));
  // "today", "yesterday morning", "late yesterday", "tonight\"
  add('deictic-day', 6, `\\b(?:(?<mod>early|late|earlier|later)\\s+)?(?<w>today|yesterday|tomorrow|tonight)(?:\\s+(?<part>${PART}))?\\b`, (g) => {
    const w = norm(g.w!);
    const offset = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
    const part = w === 'tonight' ? 'NI' : g.part ? lex.dayParts[norm(g.part)] : undefined;
    return { start: 0, end: 0, expr: { kind: 'day', offset, ...(part ? { part } : {}) }, mod: modOf(g.mod) };
  });
  // "last night", "this morning", "later this afternoon"
  add('day-part', 6, `\\b(?:(?<mod>early|late|earlier|later)\\s+)?(?<w>last|this)\\s+(?<part>${PART})\\b`, (g) => {
    const part = lex.dayParts[norm(g.part!)]!;
    const offset = norm(g.w!) === 'last' ? -1 : 0;
    if (offset === -1 && part !== 'NI') return null;
    return { start: 0, end: 0, expr: { kind: 'day', offset, part }, mod: modOf(g.mod) };
  });
  // "last week", "this year", "earlier this month", "the past year", "the weekend", "late last year"
  add('relative', 5, `\\b(?:(?<mod>${MOD_RE})[\\s-]+)?(?<rel>this\\s+past|this\\s+coming|earlier\\s+this|later\\s+this|earlier\\s+last|later\\s+last|later\\s+next|earlier\\s+next|this|last|next|past|coming|previous|current|the\\s+current|the\\s+full|the\\s+early|the\\s+late|the\\s+past|the\\s+previous|the\\s+coming|the\\s+next|the\\s+following|the\\s+same|that|the|a)\\s+(?:fiscal\\s+)?(?<u>week|month|year|weekend|decade|century|${SEASON})\\b(?!-)(?<ctx>\\s+(?:ended|ending|to\\s+date|before|earlier|ago|of))?`, (g) => {
    const rel = norm(g.rel!);
    const u = norm(g.u!);
    if (/^[A-Z]/.test(g.u!)) return null;
    let mod = modOf(g.mod);
    if (/^earlier/.test(rel)) mod = 'START';
    if (/^later/.test(rel)) mod = 'END';
    if (rel === 'the early') mod = 'START';
    if (rel === 'the late') mod = 'END';
    const core = rel.replace(/^(earlier|later)\s+/, '').replace(/^the (full|early|late)$/, 'the');
    const tail = g.ctx ? norm(g.ctx) : '';
    if (rel === 'a') return null;
    if (lex.seasons[u]) {
      if ((rel === 'the' && (u === 'fall' || u === 'spring')) || rel === 'a') return null;
      if (tail === 'of') return null;
      const offset = /^(last|past|the past|previous|the previous|this past)$/.test(core) ? -1 : /^(next|coming|this coming|the coming|the next|the following)$/.test(core) ? 1 : 0;
      return { start: 0, end: 0, expr: { kind: 'season', season: season(u), offset }, mod };
    }
    const unit = u as TimeUnit;
    if (tail === 'ended' || tail === 'ending' || tail === 'to date') {
      if (rel === 'the' || rel === 'the past' || rel === 'the current' || rel === 'the previous') return { start: 0, end: 0, expr: { kind: 'duration', unit, n: 1 }, mod: null };
    }
    if (tail === 'earlier' || tail === 'ago' || tail === 'before' || tail === 'of') {
      if (rel === 'the' || rel === 'a') return null;
    }
    let offset: number | 'tense' | 'anchor' | 'following';
    if (/^(last|past|the past|previous|the previous|this past)$/.test(core)) offset = -1;
    else if (core === 'the following' && unit === 'year') offset = 'following';
    else if (/^(next|coming|this coming|the coming|the next|the following)$/.test(core)) offset = 1;
    else if (core === 'that' || core === 'the same') offset = 'anchor';
    else if (unit === 'weekend' && (core === 'the' || core === 'this')) offset = 'tense';
    else offset = 0;
    if (core === 'the' && (unit === 'decade' || unit === 'century')) return null;
    return { start: 0, end: 0, expr: { kind: 'relative', unit, offset }, mod };
  });
  // quarters: "the third quarter", "third-quarter", "the latest quarter", "the year-ago period", "the fourth quarter of 1989"
  add('quarter', 7, `\\b(?:(?<pre>this\\s+year's|last\\s+year's|next\\s+year's|(?:fiscal\\s+)?\\d{4}'s)\\s+|(?<det>the|a|this|last|next|its|their|each)\\s+)?(?<q1>(?:(?:year-ago|year-earlier|comparable|latest|current|recent|previous|preceding|same|flat|fiscal|most\\s+recent|just-ended|year\\s+earlier|corresponding|strong|weak|disappointing)\\s+)*)(?:(?<y>\\d{4})\\s+)?(?:(?<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\\s-]+)?(?:fiscal\\s+)?(?<u>quarter|period)\\b(?!s)(?!-)(?:\\s+of\\s+(?:fiscal\\s+)?(?<y2>\\d{4}|this\\s+year|last\\s+year|next\\s+year)|\\s+(?<back>a\\s+year\\s+(?:ago|earlier)|last\\s+year))?`, (g, text, s, e) => {
    const q1 = norm(g.q1 ?? '');
    const det = g.det ? norm(g.det) : '';
    const u = norm(g.u!);
    const ord = g.ord ? norm(g.ord) : '';
    if (u === 'period' && !/year-ago|year-earlier|year earlier|latest|comparable|same|just-ended|corresponding/.test(q1) && !g.y && !g.back) return null;
    if (u === 'quarter' && !det && !q1 && !ord && !g.y && !g.pre) return null;
    if (det === 'a' && !q1 && !ord) return null;
    if (det === 'each') return null;
    if (u === 'quarter' && det === 'last' && !ord && !q1) return { start: 0, end: 0, expr: { kind: 'quarter', q: null, rel: 'previous' }, mod: null };
    if (u === 'quarter' && det === 'next' && !ord && !q1) return { start: 0, end: 0, expr: { kind: 'quarter', q: null, rel: 'next' }, mod: null };
    if (u === 'quarter' && det === 'this' && !ord && !q1) return { start: 0, end: 0, expr: { kind: 'quarter', q: null, rel: 'current' }, mod: null };
    const yearAgo = /year-ago|year-earlier|year earlier/.test(q1) ? -1 : 0;
    let year: number | undefined;
    let yearOffset: number | undefined = yearAgo || undefined;
    const ytxt = g.y ?? g.y2 ?? g.pre;
    if (ytxt) {
      const m = /\d{4}/.exec(ytxt);
      if (m) year = Number(m[0]);
      else yearOffset = /last/i.test(ytxt) ? -1 : /next/i.test(ytxt) ? 1 : 0;
    }
    if (g.back) yearOffset = -1;
    const q = ord ? (ord === 'last' || ord === 'final' ? 4 : lex.ordinals[ord] ?? null) : null;
    // possessives and articles before an ordinal quarter ("its fourth quarter", "a third-quarter loss") stay out of the span
    let start = s;
    if (g.det && ord && !q1 && (/^(a|its|their)$/.test(det) || (det === 'the' && /-/.test(text.slice(s, e))))) start = s + g.det.length + (text.slice(s + g.det.length).length - text.slice(s + g.det.length).trimStart().length);
    const rel = q === null ? (/current/.test(q1) ? 'current' : 'latest') : undefined;
    return { start, end: e, expr: { kind: 'quarter', q, ...(year ? { year } : {}), ...(yearOffset !== undefined ? { yearOffset } : {}), ...(rel ? { rel } : {}) }, mod: null };
  });
  // "year-end", "year-earlier", "year-ago"
  add('year-compound', 5, `\\b(?<w>year-end|year-earlier|year-ago|year\\s+end)\\b`, (g) => {
    if (/end/i.test(g.w!)) return { start: 0, end: 0, expr: { kind: 'yearEnd' }, mod: null };
    return { start: 0, end: 0, expr: { kind: 'ago', unit: 'year', n: 1, dir: -1 }, mod: null };
  });
  // years: "1997", "fiscal 1989", "mid-1996", "the 1990s", "the late 1970s"
  add('year', 3, `(?<![$£€#\\d.,/:])(?<!(?<!\\b(?:1\\d|20)\\d\\d)[-–])\\b(?:(?<the>the)\\s+)?(?:(?<mod>${MOD_RE})[\\s-]+|(?<fiscal>fiscal)\\s+)?(?<y>1[0-9]{3}|20[0-9]{2})(?<s>'?s)?\\b(?![.,]\\d|%|\\s*percent|[-–](?!(?:\\d\\d|\\d{4})\\b)\\d|:\\d|\\/)`, (g, text, s, e) => {
    const y = Number(g.y);
    if (g.s) {
      if (y % 10 !== 0) return null;
      return { start: g.the && !g.mod ? s + text.slice(s).search(/\d/) : s, end: e, expr: { kind: 'decade', decade: Math.floor(y / 10) }, mod: modOf(g.mod) };
    }
    const before = /(\S+)\s*$/.exec(text.slice(Math.max(0, s - 20), s))?.[1]?.toLowerCase() ?? '';
    const after = /^\s*([A-Za-z]+)/.exec(text.slice(e, e + 20))?.[1] ?? '';
    const lead = g.mod || g.fiscal || g.the || yearPreps.has(before.replace(/[^a-z']/g, ''));
    // a count before a plural noun ("2000 vehicles") is not a year
    if (!g.mod && !g.fiscal && !g.the && /^[a-z]+s$/.test(after) && !/^(was|has|is|as|its|this|thus|ends|begins|starts|saw|seems|sales|results|earnings|levels|figures|prices|elections|games|talks)$/.test(after)) return null;
    if (!lead) {
      if (before === 'at' || before === 'about' || before === 'some' || before === 'nearly' || before === 'than') return null;
      if (y < 1600) return null;
      // a number after a capitalised name is part of it ("Flight 2020", "Euro 2024")
      const rawBefore = /(\S+)\s*$/.exec(text.slice(Math.max(0, s - 20), s))?.[1] ?? '';
      if (/^[A-Z][a-z]+$/.test(rawBefore) && !yearPreps.has(rawBefore.toLowerCase()) && !FUNCTION_WORDS.has(rawBefore.toLowerCase()) && !yearEvents.has(rawBefore.toLowerCase())) return null;
    }
    const start = g.the && !g.mod ? s + text.slice(s).search(/\d/) : s;
    return { start, end: e, expr: { kind: 'year', year: y }, mod: modOf(g.mod) };
  });
  // spoken years: "nineteen ninety-seven", "the year two thousand"
  add('spoken-year', 3, `\\b(?:the\\s+year\\s+)?(?<c>nineteen|two\\s+thousand)(?:\\s+(?<t>${TENS.join('|')}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)(?:[\\s-](?<o>${ONES.join('|')}))?)?\\b`, (g) => {
    const c = /nineteen/i.test(g.c!) ? 1900 : 2000;
    if (c === 1900 && !g.t) return null;
    const t = g.t ? (parseNumber(g.t, lex) ?? 0) : 0;
    const o = g.o ? (parseNumber(g.o, lex) ?? 0) : 0;
    return { start: 0, end: 0, expr: { kind: 'year', year: c + t + o }, mod: null };
  });
  // "the nineties", "the early eighties"
  add('decade-word', 3, `\\bthe\\s+(?:(?<mod>early|late|mid)[\\s-]+)?(?<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\\b`, (g) => {
    const tens = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'].indexOf(norm(g.w!)) + 2;
    return { start: 0, end: 0, expr: { kind: 'decade', decade: 190 + tens }, mod: modOf(g.mod) };
  });
  // "the 20th century", "the eleventh century"
  add('century', 3, `\\b(?:the\\s+)?(?<n>\\d{1,2})(?:st|nd|rd|th)[\\s-]+century\\b`, (g) => ({ start: 0, end: 0, expr: { kind: 'century', century: Number(g.n) - 1 }, mod: null }));
  // "October 7, 2023", "Saturday, April 25", "Sept. 30"
  add('month-day', 8, `\\b(?:(?<rel>last|next|this\\s+past|this\\s+coming)\\s+)?(?:(?<wd>${WD}),?\\s+)?(?<mon>${MONTH_D})\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*(?:%|percent|\\d|:\\d|\\.\\d|-\\d|,\\d{3}))(?:,?\\s+(?<y>\\d{4})\\b(?!,\\d))?`, (g) => {
    const mon = month(g.mon!);
    const d = Number(g.d);
    if (!mon || d < 1 || d > 31 || !capitalised(g.mon!)) return null;
    const expr: TimeExpr = { kind: 'calendar', month: mon, day: d, ...(g.y ? { year: Number(g.y) } : {}), ...(g.wd && capitalised(g.wd) ? { weekday: weekday(g.wd) } : {}), ...(g.rel ? { dir: /last|past/i.test(g.rel) ? -1 : 1 } : {}) };
    return { start: 0, end: 0, expr, mod: null };
  });
  // "7 October 2023", "the 19th of January"
  add('day-month', 8, `\\b(?<d>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<mon>${MONTH})(?:,?\\s+(?<y>\\d{4}))?\\b`, (g) => {
    const mon = month(g.mon!);
    const d = Number(g.d);
    if (!mon || d < 1 || d > 31 || !capitalised(g.mon!)) return null;
    return { start: 0, end: 0, expr: { kind: 'calendar', month: mon, day: d, ...(g.y ? { year: Number(g.y) } : {}) }, mod: null };
  });
  // "November 2024", "January", "last April", "late November", "mid-November", "January this year"
  add('month', 5, `\\b(?:(?<rel>this\\s+past|this\\s+coming|last|this|next)\\s+|(?<mod>${MOD_RE})[\\s-]+)?(?<mon>${MONTH})(?:,?\\s+(?:of\\s+)?(?<y>\\d{4}|this\\s+year|last\\s+year|next\\s+year)\\b)?`, (g, text, s) => {
    const mon = month(g.mon!);
    if (!mon || !capitalised(g.mon!)) return null;
    if (mon === 5 && !g.y && !g.rel && !g.mod) {
      const before = /(\S+)\s*$/.exec(text.slice(Math.max(0, s - 12), s))?.[1]?.toLowerCase() ?? '';
      if (!/^(in|since|until|till|by|of|from|to|through|during|before|after|early|late|mid|and|or|last|next|this)$/.test(before)) return null;
    }
    const mod = modOf(g.mod);
    if (g.y) {
      const m = /\d{4}/.exec(g.y);
      if (m) return { start: 0, end: 0, expr: { kind: 'calendar', year: Number(m[0]), month: mon }, mod };
      const offset = /last/i.test(g.y) ? -1 : /next/i.test(g.y) ? 1 : 0;
      return { start: 0, end: 0, expr: { kind: 'relMonth', month: mon, offset: offset === 0 ? 0 : offset * 12 }, mod };
    }
    if (g.rel) {
      const r = norm(g.rel);
      const offset = r === 'last' || r === 'this past' ? -1 : r === 'next' || r === 'this coming' ? 1 : 0;
      return { start: 0, end: 0, expr: { kind: 'relMonth', month: mon, offset }, mod };
    }
    return { start: 0, end: 0, expr: { kind: 'calendar', month: mon }, mod };
  });
  // "the winter of 1994"
  add('season-year', 6, `\\b(?:the\\s+)?(?:(?<mod>early|late|mid)[\\s-]+)?(?<s>${SEASON})\\s+(?:of\\s+)?(?<y>\\d{4})\\b`, (g) => ({ start: 0, end: 0, expr: { kind: 'season', season: season(g.s!), offset: 0, year: Number(g.y) }, mod: modOf(g.mod) }));
  // "Friday", "last Friday", "Wednesday night", "on Mondays" (a set)
  add('weekday', 5, `\\b(?:(?<rel>this\\s+past|this\\s+coming|last|next|this|coming|past|early|late|earlier|later)\\s+)?(?<wd>${WD})(?<pl>s)?(?:\\s+(?<part>${PART})(?<pl2>s)?)?\\b`, (g) => {
    if (!capitalised(g.wd!)) return null;
    const wd = weekday(g.wd!);
    const part = g.part ? lex.dayParts[norm(g.part)] : undefined;
    if (g.pl || g.pl2) return { start: 0, end: 0, expr: { kind: 'set', value: `XXXX-WXX-${wd}${part ? `T${part}` : ''}` }, mod: null };
    const r = g.rel ? norm(g.rel) : '';
    let mod: string | null = null;
    let weekdayRel = 0;
    if (r === 'last' || r === 'this past' || r === 'past') weekdayRel = -1;
    else if (r === 'next' || r === 'this coming' || r === 'coming') weekdayRel = 1;
    else if (r) mod = modOf(r);
    return { start: 0, end: 0, expr: { kind: 'calendar', weekday: wd, weekdayRel, ...(part ? { part } : {}) }, mod };
  });
  // clock times: "10 p.m. Wednesday", "around 7:15 p.m.", "noon Thursday"
  add('clock', 7, `\\b(?:(?<ap>about|around|approximately|roughly)\\s+)?(?:(?<h>\\d{1,2})(?::(?<mi>\\d\\d))?\\s*(?<mer>a\\.m\\.|p\\.m\\.|am\\b|pm\\b)|(?<noon>noon|midnight))(?:\\s+(?:EST|EDT|CST|CDT|PST|PDT|GMT|UTC|local\\s+time))?(?:\\s+(?<day>today|yesterday|tomorrow|${WD}))?`, (g) => {
    let hour = g.noon ? (/noon/i.test(g.noon) ? 12 : 0) : Number(g.h);
    const minute = g.mi ? Number(g.mi) : 0;
    if (hour > 12 && g.mer) return null;
    if (g.mer && /p/i.test(g.mer) && hour < 12) hour += 12;
    if (g.mer && /a/i.test(g.mer) && hour === 12) hour = 0;
    const expr: TimeExpr = { kind: 'calendar', hour, minute };
    if (g.day) {
      const d = norm(g.day);
      if (d === 'today' || d === 'yesterday' || d === 'tomorrow') Object.assign(expr, { weekdayRel: 100 + (d === 'yesterday' ? -1 : d === 'tomorrow' ? 1 : 0) });
      else if (capitalised(g.day)) Object.assign(expr, { weekday: weekday(g.day), weekdayRel: 0 });
    }
    return { start: 0, end: 0, expr, mod: g.ap ? 'APPROX' : null };
  });
  // sets: "every week", "each Thursday", "twice a month", "daily"
  add('set', 7, `\\b(?:(?<f>once|twice|three\\s+times|four\\s+times|\\d+\\s+times)\\s+(?:a|an|per|each|every)\\s+(?<u1>day|week|month|year|hour)|(?<q>every|each|per)\\s+(?<other>other\\s+)?(?<u2>day|week|month|year|morning|afternoon|evening|night|weekend|quarter|hour|minute|${WD}|${alt(fullMonths)}|${SEASON}))\\b`, (g, text, s, e) => {
    const u = norm(g.u1 ?? g.u2!);
    const k = g.other ? 2 : 1;
    const simple: Record<string, string> = { day: `P${k}D`, week: `P${k}W`, month: `P${k}M`, year: `P${k}Y`, hour: `PT${k}H`, minute: `PT${k}M`, quarter: `P${3 * k}M`, weekend: 'XXXX-WXX-WE' };
    let value = simple[u];
    if (!value && lex.dayParts[u]) value = `XXXX-XX-XXT${lex.dayParts[u]}`;
    if (!value && lex.weekdays[u]) value = `XXXX-WXX-${lex.weekdays[u]}`;
    if (!value && lex.months[u]) value = `XXXX-${pad(lex.months[u]!)}`;
    if (!value && lex.seasons[u]) value = `XXXX-${lex.seasons[u]}`;
    if (!value) return null;
    if (g.q && norm(g.q) === 'each' && /^\s+of\b/.test(text.slice(e, e + 4))) return null;
    return { start: s, end: e, expr: { kind: 'set', value }, mod: null };
  });
  add('set-word', 6, `\\b(?<w>${alt(Object.keys(lex.sets))})\\b`, (g) => ({ start: 0, end: 0, expr: { kind: 'set', value: lex.sets[norm(g.w!)]! }, mod: null }));
  // vague references: "now", "recently", "soon", "the past", "the future", "currently"
  add('vague', 1, `(?<![\\w-])(?<w>${alt(Object.keys(lex.vague))}|(?<=\\bin\\s)future)(?![\\w-])`, (g, text, s, e) => {
    const w = norm(g.w!);
    const value = lex.vague[w] ?? 'FUTURE_REF';
    const before = text.slice(Math.max(0, s - 4), s).toLowerCase();
    const after = text.slice(e, e + 12);
    if ((w === 'soon' || w === 'shortly') && /^\s+(?:after|before|thereafter)\b/i.test(after)) return null;
    if (w === 'soon' && (/^\s+as\b/i.test(after) || /as\s$/.test(before) || /too\s$/.test(text.slice(Math.max(0, s - 4), s).toLowerCase()))) return null;
    if ((w === 'current' || w === 'recent') && !/^\s+[A-Za-z]/.test(after)) return null;
    if (w === 'the past' && /^\s+(?:and|or)\s/.test(after)) return null;
    return { start: 0, end: 0, expr: { kind: 'ref', value }, mod: null };
  });

  // holidays: "Thanksgiving Day", "last Christmas"
  const holidays = Object.entries(lex.holidays).filter(([k, v]) => k !== 'about' && typeof v !== 'string') as [string, Holiday][];
  const holidayOf = new Map(holidays.map(([k, v]) => [k.replace(/’/g, "'"), v]));
  add('holiday', 6, `\\b(?:(?<rel>last|next|this|this\\s+past)\\s+)?(?<h>${alt(holidayOf.keys()).replace(/'/g, "['’]")})\\b`, (g) => {
    if (!capitalised(g.h!)) return null;
    const h = holidayOf.get(norm(g.h!).replace(/’/g, "'"));
    if (!h) return null;
    const r = g.rel ? norm(g.rel) : '';
    const rel = r === 'last' || r === 'this past' ? -1 : r === 'next' ? 1 : 0;
    return { start: 0, end: 0, expr: { kind: 'holiday', ...h, rel }, mod: null };
  });

  const precheckWords = [...holidayOf.keys(), 
    ...Object.keys(lex.months).filter((m) => m.length > 2), ...Object.keys(lex.weekdays).filter((w) => w.length > 4), ...Object.keys(lex.seasons), ...Object.keys(lex.vague).map((v) => v.split(' ').pop()!), ...Object.keys(lex.sets),
    'today', 'yesterday', 'tomorrow', 'tonight', 'night', 'morning', 'afternoon', 'evening', 'noon', 'midnight', 'future', 'nineteen', 'thousand', 'twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties',
    'second', 'minute', 'hour', 'day', 'week', 'weekend', 'month', 'quarter', 'year', 'decade', 'century', 'centuries', 'period', 'every', 'each',
  ];
  const precheck = new RegExp(`\\d|\\b(?:${alt(precheckWords)})`, 'i');
  const finder: Finder = { patterns: P, triggers: triggerRes, precheck, lex };
  finders.set(lex, finder);
  return finder;
}

function norm(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** Parses "five", "twenty four", "24", "2 1/2", "a couple of"; returns null for vague amounts ("several"). */
export function parseNumber(s: string, lex: TimeLexicon): number | null {
  const w = norm(s);
  if (!w) return null;
  const frac = /^(\d+)\s+(\d)\/(\d)$/.exec(w);
  if (frac) return Number(frac[1]) + Number(frac[2]) / Number(frac[3]);
  if (/^\d+(\.\d+)?$/.test(w)) return Number(w);
  if (lex.numbers[w] !== undefined) return lex.numbers[w]!;
  const parts = w.split(/[\s-]+/);
  if (parts.length === 2) {
    const t = TENS.indexOf(parts[0]!);
    const o = ONES.indexOf(parts[1]!);
    if (t >= 0 && o >= 0) return (t + 2) * 10 + o + 1;
  }
  return null;
}

/**
 * Finds time phrases in `text` (one sentence): every pattern proposes candidates, then the
 * longest non-overlapping ones are kept (ties go to the more specific pattern).
 * @example findTimeCandidates('Talks began in recent weeks.', finder) // → [{start: 15, end: 27, expr: {kind:'ref', value:'PAST_REF'}}]
 */
export function findTimeCandidates(text: string, finder: Finder): TimeCandidate[] {
  if (!finder.precheck.test(text)) return [];
  const found: (TimeCandidate & { priority: number })[] = [];
  // 0: not tested yet, 1: passed, 2: failed (one buffer reused: this function never re-enters itself)
  if (triggeredBuffer.length < finder.triggers.length) triggeredBuffer = new Uint8Array(finder.triggers.length);
  const triggered = triggeredBuffer;
  triggered.fill(0, 0, finder.triggers.length);
  for (const p of finder.patterns) {
    if (triggered[p.trigger] === 0) triggered[p.trigger] = finder.triggers[p.trigger]!.test(text) ? 1 : 2;
    if (triggered[p.trigger] === 2) continue;
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m !== null; m = p.re.exec(text)) {
      if (m[0].length === 0) {
        p.re.lastIndex++;
        continue;
      }
      const s = m.index;
      const e = s + m[0].length;
      const built = p.build(m.groups ?? {}, text, s, e);
      if (!built) continue;
      // a trailing `ctx` group is context that decided the reading, not part of the phrase
      const start = built.start || built.end ? built.start : s;
      const end = built.start || built.end ? built.end : e - (m.groups?.ctx?.length ?? 0);
      found.push({ start, end, rule: p.rule, expr: built.expr, mod: built.mod, priority: p.priority });
    }
  }
  return selectCandidates(found);
}

let triggeredBuffer = new Uint8Array(32);

/** Keeps the longest non-overlapping candidates (ties: higher priority, then earlier). Sorted by start. Linear in the characters covered. */
export function selectCandidates<T extends { start: number; end: number; priority: number }>(found: readonly T[]): Omit<T, 'priority'>[] {
  if (found.length === 0) return [];
  const order = [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  let lo = Infinity;
  let hi = 0;
  for (const c of order) {
    if (c.start < lo) lo = c.start;
    if (c.end > hi) hi = c.end;
  }
  const taken = new Uint8Array(hi - lo);
  const kept: T[] = [];
  for (const c of order) {
    let free = true;
    for (let i = c.start - lo; i < c.end - lo; i++) {
      if (taken[i]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    taken.fill(1, c.start - lo, c.end - lo);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start).map(({ priority: _p, ...rest }) => rest);
}
