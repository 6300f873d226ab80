import type { Page } from 'playwright-core';

/** One page the crawl visited: its address, its title and a fingerprint of what its main content says. */
export interface TitledPage {
  url: string;
  title: string;
  content: string;
}

/** The page's title and the text of its main content (the fingerprint of what the page is). */
export const titleOf = (page: Page, url: string): Promise<TitledPage> =>
  page.evaluate(
    (url) => ({
      url,
      title: document.title.replace(/\s+/g, ' ').trim(),
      content:
        (document.querySelector('main') ?? document.body).textContent?.replace(/\s+/g, ' ').trim() ?? '',
    }),
    url,
  );

/**
 * Page titled (WCAG 2.2 2.4.2): each page a person reaches has a title of its
 * own, so a list of tabs, the history or a screen reader's first words tell
 * pages apart. Two addresses showing the very same content (the first page of
 * a list with and without ?page=1) are one page, not a duplicate.
 */
export function duplicateTitles(pages: TitledPage[]): string[] {
  const byTitle = new Map<string, TitledPage[]>();
  for (const p of pages) byTitle.set(p.title, [...(byTitle.get(p.title) ?? []), p]);
  const problems: string[] = [];
  for (const [title, same] of byTitle) {
    const distinct = same.filter((p, i) => same.findIndex((q) => q.content === p.content) === i);
    if (distinct.length > 1) {
      problems.push(
        `${distinct.map((p) => p.url).join(', ')}: title: ${distinct.length} different pages are all titled "${title}"`,
      );
    }
  }
  return problems;
}
