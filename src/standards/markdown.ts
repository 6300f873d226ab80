import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: false, async: false });

/** Tags a standard's text may use once rendered: prose, lists, tables and links, nothing that runs. */
const ALLOWED = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    'ul',
    'ol',
    'li',
    'a',
    'h2',
    'h3',
    'h4',
    'blockquote',
    'code',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href'], th: ['scope'] },
  allowedSchemes: ['https', 'http', 'mailto'],
  allowProtocolRelative: false,
  // GOV.UK classes, so the text looks like the rest of the page.
  transformTags: {
    p: sanitizeHtml.simpleTransform('p', { class: 'govuk-body' }),
    a: sanitizeHtml.simpleTransform('a', { class: 'govuk-link' }),
    ul: sanitizeHtml.simpleTransform('ul', { class: 'govuk-list govuk-list--bullet' }),
    ol: sanitizeHtml.simpleTransform('ol', { class: 'govuk-list govuk-list--number' }),
    h2: sanitizeHtml.simpleTransform('h3', { class: 'govuk-heading-s' }),
    h3: sanitizeHtml.simpleTransform('h3', { class: 'govuk-heading-s' }),
    h4: sanitizeHtml.simpleTransform('h4', { class: 'govuk-heading-s' }),
    table: sanitizeHtml.simpleTransform('table', { class: 'govuk-table' }),
  },
  allowedClasses: {
    p: ['govuk-body'],
    a: ['govuk-link'],
    ul: ['govuk-list', 'govuk-list--bullet'],
    ol: ['govuk-list', 'govuk-list--number'],
    h3: ['govuk-heading-s'],
    h4: ['govuk-heading-s'],
    table: ['govuk-table'],
  },
} satisfies sanitizeHtml.IOptions;

/** A standard's Markdown as HTML safe to put in a page: scripts, styles, event handlers and odd links removed. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(marked.parse(source) as string, ALLOWED);
}

/** The words of a standard's Markdown without its markup, for search and summaries. */
export const plainText = (source: string) =>
  sanitizeHtml(marked.parse(source) as string, { allowedTags: [], allowedAttributes: {} })
    .replace(/\s+/g, ' ')
    .trim();
