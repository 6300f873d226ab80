import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: false, async: false });

/**
 * What an article may contain once rendered: prose, headings, lists, quotes
 * and links — nothing that runs, loads or restyles. Everything else (scripts,
 * event handlers, iframes, SVG, style attributes, javascript: and data: links)
 * is dropped by the allow-list rather than hunted for.
 */
const ARTICLE = {
  allowedTags: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'h2', 'h3', 'blockquote', 'code'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['https', 'http', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // The article's title is the h2 on the page; its own headings sit below it.
  transformTags: {
    p: sanitizeHtml.simpleTransform('p', { class: 'govuk-body' }),
    a: sanitizeHtml.simpleTransform('a', { class: 'govuk-link' }),
    ul: sanitizeHtml.simpleTransform('ul', { class: 'govuk-list govuk-list--bullet' }),
    ol: sanitizeHtml.simpleTransform('ol', { class: 'govuk-list govuk-list--number' }),
    h2: sanitizeHtml.simpleTransform('h3', { class: 'govuk-heading-s' }),
    h3: sanitizeHtml.simpleTransform('h4', { class: 'govuk-heading-s' }),
    blockquote: sanitizeHtml.simpleTransform('blockquote', { class: 'govuk-inset-text' }),
  },
  allowedClasses: {
    p: ['govuk-body'],
    a: ['govuk-link'],
    ul: ['govuk-list', 'govuk-list--bullet'],
    ol: ['govuk-list', 'govuk-list--number'],
    h3: ['govuk-heading-s'],
    h4: ['govuk-heading-s'],
    blockquote: ['govuk-inset-text'],
  },
} satisfies sanitizeHtml.IOptions;

/** An article's Markdown as HTML safe to put in a page or an email. */
export const articleHtml = (source: string): string => sanitizeHtml(marked.parse(source) as string, ARTICLE);

/** An article's words without markup: for search, the email's text and summaries. */
export const articleText = (source: string): string =>
  sanitizeHtml(marked.parse(source) as string, { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
