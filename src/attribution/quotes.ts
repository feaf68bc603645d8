import type { Token } from '../core/index.js';

/** A stretch of text inside quote marks, as token indices (marks included). */
export interface QuoteCandidate {
  /** index of the opening mark. */
  readonly open: number;
  /** index of the closing mark, or of the last token of the paragraph when the quote is left open. */
  readonly close: number;
  /** true when the closing mark is present. */
  readonly closed: boolean;
  /** true when this quote reopens a quotation left open at the end of the previous paragraph. */
  readonly continuation: boolean;
  /** 1–3 words with no verb: a scare quote or a title, not a quotation. */
  readonly scare: boolean;
}

const OPENERS = new Set(['“', '«', '„']);
const CLOSERS = new Set(['”', '»']);
const MAX_SCARE_WORDS = 3;

/** True when a line break separates token i-1 from token i. */
export function breaksBefore(text: string, tokens: readonly Token[], i: number): boolean {
  if (i <= 0) return false;
  const gap = text.slice(tokens[i - 1]!.end, tokens[i]!.start);
  return gap.includes('\n') || gap.includes('\r');
}

/** Two adjacent apostrophes used as a double quote mark (''like this''). */
function isDoubleApostrophe(tokens: readonly Token[], i: number): boolean {
  const a = tokens[i]!;
  const b = tokens[i + 1];
  return a.text === "'" && b !== undefined && b.start === a.end && (b.text === "'" || (b.text.startsWith("'") && /^'[A-Za-z]/.test(b.text) && !/^'(s|t|re|ve|ll|d|m)$/i.test(b.text)));
}

function isOpener(t: Token): boolean {
  return OPENERS.has(t.text);
}
function isCloser(t: Token): boolean {
  return CLOSERS.has(t.text);
}

/**
 * Finds quotations: curly, angle and straight double quotes. A quotation still open at the end
 * of a paragraph ends there; when the next paragraph opens with a quote mark, that quote is
 * flagged as its continuation (news style for multi-paragraph quotes). Linear in the tokens.
 */
export function findQuotes(text: string, tokens: readonly Token[]): QuoteCandidate[] {
  const out: QuoteCandidate[] = [];
  let open = -1;
  let straight = false;
  let pendingContinuation = false;
  const emit = (a: number, b: number, closed: boolean, continuation: boolean) => {
    if (b <= a) return;
    out.push({ open: a, close: b, closed, continuation, scare: isScare(tokens, a, closed ? b : b + 1) });
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (breaksBefore(text, tokens, i)) {
      const reopens = isOpener(t) || t.text === '"' || t.text === "''" || isDoubleApostrophe(tokens, i);
      if (open >= 0) {
        emit(open, i - 1, false, pendingContinuation);
        pendingContinuation = reopens;
        open = -1;
      } else {
        pendingContinuation = false;
      }
    }
    if (isOpener(t) && (open < 0 || straight)) {
      open = i;
      straight = false;
    } else if ((isCloser(t) || (t.text === '"' && i > 0 && tokens[i - 1]!.end === t.start)) && open >= 0 && !straight) {
      // a curly quotation may close with a straight mark glued to its last word (mixed marks in scraped text)
      emit(open, i, true, pendingContinuation);
      pendingContinuation = false;
      open = -1;
    } else if (t.text === '"' || t.text === "''" || isDoubleApostrophe(tokens, i)) {
      const pair = t.text === "'" && tokens[i + 1]?.text === "'";
      if (open < 0) {
        open = i;
        straight = true;
      } else if (straight) {
        emit(open, pair ? i + 1 : i, true, pendingContinuation);
        pendingContinuation = false;
        open = -1;
      }
      if (pair) i++;
    }
  }
  if (open >= 0) emit(open, tokens.length - 1, false, pendingContinuation);
  return out;
}

/** Scare quotes and titles: at most three words and no verb between [a+1, end). */
function isScare(tokens: readonly Token[], a: number, end: number): boolean {
  let words = 0;
  for (let i = a + 1; i < end; i++) {
    const t = tokens[i]!;
    if (t.pos === 'PUNCT' || t.text === '"') continue;
    if (t.pos === 'VERB' || t.pos === 'AUX') return false;
    if (++words > MAX_SCARE_WORDS) return false;
  }
  return true;
}
