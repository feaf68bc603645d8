import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { ParleyError, makeDocument, type Document, type DocumentMeta } from '../core/index.js';
import { MAX_DOCUMENT_BYTES, parsePublished } from './text.js';

/** True when the text looks like an HTML page rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /<(body|article|p|div|head)[\s>]/.test(head);
}

/** An "article" shorter than this (non-space characters) is navigation or boilerplate, not an article body. */
const MIN_ARTICLE_CHARS = 40;

const DATE_META = [
  'article:published_time',
  'og:article:published_time',
  'datePublished',
  'date',
  'pubdate',
  'publishdate',
  'dc.date',
  'dc.date.issued',
  'sailthru.date',
  'parsely-pub-date',
];

/**
 * Extracts the article's main text (paragraphs joined by blank lines), title and publication
 * date from an HTML page with Readability over linkedom. A page with no article body is an error.
 */
export function documentFromHtml(html: string, meta: Partial<DocumentMeta> = {}): Document {
  if (html.length > MAX_DOCUMENT_BYTES) throw new ParleyError('TOO_LARGE', `HTML is larger than ${MAX_DOCUMENT_BYTES / 1048576} MB`);
  const { document } = parseHTML(html);
  const metaValue = (name: string): string | null => {
    const el = document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    return el?.getAttribute('content') ?? null;
  };
  let published: string | null = meta.published ?? null;
  if (!published) {
    for (const n of DATE_META) {
      const v = metaValue(n);
      if (v) {
        try {
          published = parsePublished(v, `meta ${n}`);
          break;
        } catch {
          // try the next tag
        }
      }
    }
    const timeEl = document.querySelector('time[datetime]');
    if (!published && timeEl) {
      try {
        published = parsePublished(timeEl.getAttribute('datetime') ?? '', 'time');
      } catch {
        published = null;
      }
    }
  }
  const title = meta.title ?? metaValue('og:title') ?? (document.querySelector('title')?.textContent?.trim() || null);
  let article: { textContent?: string | null; content?: string | null; title?: string | null } | null = null;
  try {
    article = new Readability(document as unknown as globalThis.Document, { charThreshold: 100 }).parse();
  } catch {
    article = null;
  }
  const text = article?.content ? htmlToParagraphs(article.content) : '';
  if (text.replace(/\s+/g, '').length < MIN_ARTICLE_CHARS) throw new ParleyError('NO_ARTICLE_TEXT', 'the HTML page has no article body that Readability can find');
  return makeDocument(text, { ...meta, title: title ?? article?.title ?? null, published });
}

/** Turns article HTML into plain text with one paragraph per line (headings and list items too). */
function htmlToParagraphs(content: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${content}</body></html>`);
  const blocks = document.querySelectorAll('h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption');
  const out: string[] = [];
  for (const b of blocks) {
    if (b.querySelector('p, li')) continue;
    const t = (b.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
  }
  if (out.length === 0) out.push((document.body?.textContent ?? '').replace(/[ \t]+/g, ' ').trim());
  return out.join('\n\n');
}
