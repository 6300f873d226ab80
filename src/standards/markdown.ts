import sanitizeHtml from 'sanitize-html';
import { markdownRenderer, markdownWords } from '../platform/views/markdown.ts';

/**
 * A standard's Markdown as HTML safe to put in a page: prose, lists, tables and links, nothing
 * that runs. Its headings sit below the standard's own.
 */
export const renderMarkdown = markdownRenderer({
  tags: ['h2', 'h3', 'h4', 'blockquote', 'code', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  attributes: { th: ['scope'] },
  transforms: {
    h2: sanitizeHtml.simpleTransform('h3', { class: 'govuk-heading-s' }),
    h3: sanitizeHtml.simpleTransform('h3', { class: 'govuk-heading-s' }),
    h4: sanitizeHtml.simpleTransform('h4', { class: 'govuk-heading-s' }),
    table: sanitizeHtml.simpleTransform('table', { class: 'govuk-table' }),
  },
  classes: { h3: ['govuk-heading-s'], h4: ['govuk-heading-s'], table: ['govuk-table'] },
});

/** The words of a standard's Markdown without its markup, for search and summaries. */
export const plainText = markdownWords;
