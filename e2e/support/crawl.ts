import type { Page } from 'playwright-core';
import { axeProblems } from './axe.ts';
import { nameProblems } from './names.ts';
import { reflowProblems } from './reflow.ts';
import { duplicateTitles, type TitledPage, titleOf } from './titles.ts';

/** The most pages one role's crawl visits. */
export const MAX_PAGES_PER_ROLE = 150;
/** How many pages of one kind (one pattern) the crawl visits, to follow their links. */
const VISITS_PER_PATTERN = 2;

/**
 * A page's pattern: ids and numbers replaced, so the crawl checks each kind of page without
 * visiting all 80 staff. With the app's routes, the path is replaced by the route that serves
 * it, so pages one route serves from a list (twenty practice scenarios by name, a standard's
 * versions) are one kind; the query string stays, as a filter or a tab shows a different page.
 */
export function pattern(p: string, routes: readonly RegExpRoute[] = []): string {
  // The children behind each number are one kind of page, whatever the filter (e2e/performance.test.ts visits them).
  if (p.startsWith('/performance/children?')) return '/performance/children?…';
  const [pathPart = '', query] = p.split(/\?(.*)/s, 2);
  const route = routes.find((r) => r.regex.test(pathPart));
  const path = route ? route.url : withoutIds(pathPart);
  return query === undefined ? path : `${path}?${withoutIds(query)}`;
}

const withoutIds = (s: string) => s.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id').replace(/=\d+/g, '=n');

export interface RegExpRoute {
  url: string;
  regex: RegExp;
}

/**
 * The app's GET routes as matchers, the more specific first: Fastify serves `/audits/new` before
 * `/audits/:id`, so a route with fewer parameters wins.
 */
export function routeMatchers(urls: readonly string[]): RegExpRoute[] {
  const params = (url: string) => (url.match(/[:*]/g) ?? []).length;
  return [...new Set(urls)]
    .sort((a, b) => params(a) - params(b) || b.length - a.length)
    .map((url) => ({
      url,
      regex: new RegExp(
        `^${url
          .split('/')
          .map((seg) =>
            seg === '*'
              ? '.*'
              : seg.replace(/:[A-Za-z]+|[^:]+/g, (part) =>
                  part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
                ),
          )
          .join('/')}$`,
      ),
    }));
}

/**
 * A check run on one page of each kind a role reaches, returning what is wrong
 * (nothing when the page passes). axe is one; the reflow check is another of
 * the same shape.
 */
export interface PageCheck {
  name: string;
  run(page: Page): Promise<string[]>;
}

export const axeCheck: PageCheck = { name: 'axe', run: axeProblems };
export const reflowCheck: PageCheck = { name: 'reflow', run: reflowProblems };
/** Label in name and number-only links (e2e/support/names.ts). */
export const namesCheck: PageCheck = { name: 'names', run: nameProblems };
/** The checks the crawl runs on each kind of page unless told otherwise. */
export const PAGE_CHECKS = [axeCheck, reflowCheck, namesCheck];

export interface CrawlResult {
  /** Every page visited, in order. */
  visited: string[];
  /** The page each check ran on, one per pattern. */
  checked: string[];
  /**
   * Every problem found, as "url: check: problem", every page that answered 400 or more, and
   * every title shared by different pages (as "url, url: title: …").
   */
  problems: string[];
  /** Each page visited with its title. */
  titles: TitledPage[];
}

const followable = (href: string) =>
  href.startsWith('/') &&
  !href.startsWith('//') &&
  !href.startsWith('/assets') &&
  !/\.(csv|xlsx|ics)(\?|$)/.test(href) &&
  // A PDF is a download, not a page (its print page is crawled).
  !/\/pdf(\?|$)/.test(href) &&
  !/[?&]format=(csv|xlsx|ics)\b/.test(href) &&
  !href.includes('#');

/**
 * Every same-site page reachable by links from home, breadth first, as the
 * person signed in on page. Each page is loaded and its links followed (up to
 * two pages of each pattern); the checks run on the first page of each
 * pattern (PAGE_CHECKS unless told otherwise). Every page's title is
 * collected, and titles shared by different pages are problems too (the
 * title of the second staff page is not the first's). Problems are collected, not thrown, so one run reports them all.
 */
export async function crawl(
  page: Page,
  base: string,
  checks: PageCheck[] = PAGE_CHECKS,
  routes: readonly RegExpRoute[] = [],
): Promise<CrawlResult> {
  const queue = ['/'];
  const queuedPerPattern = new Map<string, number>();
  const checkedPatterns = new Set<string>();
  const visited = new Set<string>();
  const checked: string[] = [];
  const problems: string[] = [];
  const titles: TitledPage[] = [];
  while (queue.length && visited.size < MAX_PAGES_PER_ROLE) {
    const next = queue.shift()!;
    if (visited.has(next)) continue;
    visited.add(next);
    let response: Awaited<ReturnType<Page['goto']>>;
    try {
      response = await page.goto(`${base}${next}`);
    } catch (err) {
      // A link to a file (a download by whatever name) is not a page to check.
      if (err instanceof Error && err.message.includes('Download is starting')) continue;
      throw err;
    }
    if (!response || response.status() >= 400) {
      problems.push(`${next}: answered ${response?.status()}`);
      continue;
    }
    titles.push(await titleOf(page, next));
    const kind = pattern(next, routes);
    if (!checkedPatterns.has(kind)) {
      checkedPatterns.add(kind);
      checked.push(next);
      for (const check of checks) {
        for (const problem of await check.run(page)) problems.push(`${next}: ${check.name}: ${problem}`);
      }
    }
    const links = await page.$$eval('a[href]', (as) =>
      as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!),
    );
    for (const href of links) {
      if (!followable(href)) continue;
      const key = pattern(href, routes);
      const n = queuedPerPattern.get(key) ?? 0;
      if (n >= VISITS_PER_PATTERN) continue;
      queuedPerPattern.set(key, n + 1);
      queue.push(href);
    }
  }
  problems.push(...duplicateTitles(titles));
  return { visited: [...visited], checked, problems, titles };
}

/**
 * How many roles' crawls run at once, each in its own browser context: all seven. A crawl spends
 * most of its time waiting — on a navigation, a resize, the next frame — and the whole suite used
 * a third of two cores' time, so the roles' waits overlap rather than queue.
 */
export const CRAWLS_AT_ONCE = Number(process.env.HUB_CRAWLS_AT_ONCE ?? 7);
