import { parseFeed } from '@rowanmanning/feed-parser';
import { parseHTML } from 'linkedom';
import { ParleyError, type Document } from '../core/index.js';
import { documentFromText } from './text.js';

/** One article read from an input, or the reason it could not be read. */
export type SourceItem =
  | { readonly ok: true; readonly origin: string; readonly document: Document }
  | { readonly ok: false; readonly origin: string; readonly error: ParleyError };

/** True when the text looks like an RSS or Atom feed rather than a web page. */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 1024).trimStart().toLowerCase();
  return /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:rdf)[\s>]/.test(head);
}

/** Plain text of an HTML fragment (a feed item's content), one paragraph per line. */
export function fragmentToText(html: string): string {
  if (!/<[a-z!/][^>]*>|&[a-z#0-9]+;/i.test(html)) return html.trim();
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const el of document.querySelectorAll('script, style, figure > img')) el.remove();
  const blocks = document.querySelectorAll('h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption');
  const out: string[] = [];
  for (const b of blocks) {
    if (b.querySelector('p, li')) continue;
    const t = (b.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
  }
  if (out.length === 0) out.push((document.body?.textContent ?? '').replace(/\s+/g, ' ').trim());
  return out.join('\n\n');
}

/** The items of an RSS or Atom feed as documents: content (else summary) as text, with link, date and title. */
export function feedItems(xml: string, origin: string): SourceItem[] {
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(xml);
  } catch (e) {
    return [{ ok: false, origin, error: new ParleyError('BAD_INPUT', `${origin} is not a readable RSS or Atom feed`, { cause: e }) }];
  }
  const out: SourceItem[] = [];
  feed.items.forEach((item, i) => {
    const where = `${origin}#${i + 1}`;
    try {
      const body = item.content ?? item.description ?? '';
      const text = fragmentToText(body);
      if (text === '') throw new ParleyError('EMPTY_INPUT', `feed item ${where} has no content or summary`);
      const published = item.published ? item.published.toISOString().slice(0, 10) : null;
      const document = documentFromText(text, {
        title: item.title ?? null,
        url: item.url ?? null,
        published,
        publisher: feed.title ?? null,
        source: where,
        externalId: item.id ?? null,
      });
      out.push({ ok: true, origin: where, document });
    } catch (e) {
      out.push({ ok: false, origin: where, error: asParleyError(e, where) });
    }
  });
  return out;
}

/** Wraps a non-Parley failure of one input as a BAD_INPUT error naming it. */
export function asParleyError(e: unknown, origin: string): ParleyError {
  if (e instanceof ParleyError) return e;
  return new ParleyError('BAD_INPUT', `${origin}: ${(e as Error)?.message ?? String(e)}`, { cause: e });
}
