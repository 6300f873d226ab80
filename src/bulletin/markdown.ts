import sanitizeHtml from 'sanitize-html';
import { markdownRenderer, markdownWords } from '../platform/views/markdown.ts';

/**
 * An article's Markdown as HTML safe to put in a page or an email: prose, headings, lists,
 * quotes and links. The article's title is the h2 on the page; its own headings sit below it.
 */
export const articleHtml = markdownRenderer({
  tags: ['h2', 'h3', 'blockquote', 'code'],
  transforms: {
    h2: sanitizeHtml.simpleTransform('h3', { class: 'govuk-heading-s' }),
    h3: sanitizeHtml.simpleTransform('h4', { class: 'govuk-heading-s' }),
    blockquote: sanitizeHtml.simpleTransform('blockquote', { class: 'govuk-inset-text' }),
  },
  classes: { h3: ['govuk-heading-s'], h4: ['govuk-heading-s'], blockquote: ['govuk-inset-text'] },
});

/** An article's words without markup: for search, the email's text and summaries. */
export const articleText = markdownWords;
