import type { Page } from 'playwright-core';

/**
 * WCAG 2.2 success criterion 1.4.10 (Reflow): content can be read at 320 CSS
 * pixels wide — the width of a 1280 px window zoomed to 400 % — without
 * scrolling sideways. Data tables are the exception the criterion allows: they
 * may scroll inside their own region, which must then be reachable by keyboard
 * (tabindex="0") and named (a role="region" with a label), so a keyboard or
 * screen reader user can find and scroll it. At 1280 px nothing may overflow at all.
 */
export const REFLOW_WIDTHS = [320, 1280] as const;

/** What is wrong with the page at the viewport's current width (nothing when it reflows). */
function reflowProblemsHere(): string[] {
  const viewport = document.documentElement.clientWidth;
  const problems: string[] = [];
  const describe = (el: Element) => {
    const id = el.id ? `#${el.id}` : '';
    const cls =
      typeof el.className === 'string' && el.className
        ? `.${el.className.trim().split(/\s+/).join('.')}`
        : '';
    return `${el.tagName.toLowerCase()}${id}${cls}`;
  };
  const scrollsSideways = (el: Element) => {
    const overflowX = getComputedStyle(el).overflowX;
    return (overflowX === 'auto' || overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1;
  };
  const pageWidth = document.documentElement.scrollWidth;
  if (pageWidth > viewport + 1) {
    // How far right an element reaches: its box, or the content that overflows it (a line of
    // preformatted text overflows a box as wide as the page).
    const reach = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width === 0 ? 0 : Math.max(box.right, box.left + el.scrollWidth);
    };
    const inScrollingRegion = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
        if (scrollsSideways(p)) return true;
      return false;
    };
    // Name the innermost elements that reach past the window, outside any scrolling region: the
    // culprits, not every element around them.
    const culprits = Array.from(document.body.querySelectorAll('*')).filter(
      (el) =>
        reach(el) > viewport + 1 &&
        !inScrollingRegion(el) &&
        !Array.from(el.children).some((child) => reach(child) > viewport + 1),
    );
    // Something positioned absolutely can widen the page from inside a scrolling region.
    const positioned = () =>
      Array.from(document.body.querySelectorAll('*')).filter(
        (el) =>
          ['absolute', 'fixed'].includes(getComputedStyle(el).position) &&
          el.getBoundingClientRect().right > viewport + 1,
      );
    problems.push(
      `the page is ${pageWidth} px wide in a ${viewport} px window (${(culprits.length
        ? culprits
        : positioned()
      )
        .slice(0, 3)
        .map((el) => `${describe(el)} to ${Math.round(reach(el))} px`)
        .join(', ')})`,
    );
  }
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    if (!scrollsSideways(el)) continue;
    const named =
      el.getAttribute('role') === 'region' &&
      (el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby'));
    if (!named || el.getAttribute('tabindex') !== '0') {
      problems.push(`${describe(el)} scrolls sideways but is not a labelled region reachable by keyboard`);
    }
  }
  return problems;
}

/**
 * Runs the reflow check at each width, then puts the window back as it was. The window's own
 * width, when it is one of them, is checked first, as it is: each resize costs a layout and a frame.
 */
export async function reflowProblems(page: Page): Promise<string[]> {
  const before = page.viewportSize() ?? { width: 1280, height: 720 };
  const widths = [...REFLOW_WIDTHS].sort((a, b) => Number(b === before.width) - Number(a === before.width));
  const found = new Map<number, string[]>();
  let resized = false;
  try {
    for (const width of widths) {
      if (width !== (page.viewportSize() ?? before).width) {
        await page.setViewportSize({ width, height: before.height });
        resized = true;
      }
      found.set(width, await page.evaluate(reflowProblemsHere));
    }
  } finally {
    if (resized) await page.setViewportSize(before);
  }
  // Reported narrowest first, whichever order they were checked in.
  return REFLOW_WIDTHS.flatMap((width) => (found.get(width) ?? []).map((p) => `at ${width} px: ${p}`));
}
