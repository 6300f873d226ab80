import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: false, async: false });

/** The GOV.UK classes the Hub's Markdown wears, so written text looks like the rest of the page. */
const GOVUK_TRANSFORMS = {
  p: sanitizeHtml.simpleTransform('p', { class: 'govuk-body' }),
  a: sanitizeHtml.simpleTransform('a', { class: 'govuk-link' }),
  ul: sanitizeHtml.simpleTransform('ul', { class: 'govuk-list govuk-list--bullet' }),
  ol: sanitizeHtml.simpleTransform('ol', { class: 'govuk-list govuk-list--number' }),
};
const GOVUK_CLASSES = {
  p: ['govuk-body'],
  a: ['govuk-link'],
  ul: ['govuk-list', 'govuk-list--bullet'],
  ol: ['govuk-list', 'govuk-list--number'],
};

/**
 * A renderer of Markdown to HTML safe to put in a page or an email: an allow-list of tags (prose,
 * lists and links always; each feature adds what its writing needs), links only to https, http
 * and mailto. Everything else — scripts, event handlers, iframes, SVG, style attributes,
 * javascript: and data: links — is dropped by the allow-list rather than hunted for.
 */
export function markdownRenderer(extra: {
  tags: string[];
  attributes?: Record<string, string[]>;
  transforms?: Record<string, sanitizeHtml.Transformer>;
  classes?: Record<string, string[]>;
}) {
  const options: sanitizeHtml.IOptions = {
    allowedTags: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a', ...extra.tags],
    allowedAttributes: { a: ['href'], ...extra.attributes },
    allowedSchemes: ['https', 'http', 'mailto'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    transformTags: { ...GOVUK_TRANSFORMS, ...extra.transforms },
    allowedClasses: { ...GOVUK_CLASSES, ...extra.classes },
  };
  // The same text is shown again and again (an edition's articles on every reader's visit; a
  // standard on every view), and parsing then cleaning it costs milliseconds: each text's HTML is
  // kept once made. The output depends on the text alone, so a kept answer is never out of date.
  const made = new Map<string, string>();
  return (source: string): string => {
    const known = made.get(source);
    if (known !== undefined) return known;
    const html = sanitizeHtml(marked.parse(source) as string, options);
    if (made.size >= 500) made.clear();
    made.set(source, html);
    return html;
  };
}

/** The words of some Markdown without its markup, for search, emails' text and summaries. */
export const markdownWords = (source: string): string =>
  sanitizeHtml(marked.parse(source) as string, { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
