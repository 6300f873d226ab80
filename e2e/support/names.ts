import type { Page } from 'playwright-core';

/**
 * Two checks of names that no automated engine makes, run in the page:
 *
 * - Label in name (WCAG 2.2 2.5.3): a button or link whose accessible name does
 *   not contain the words it shows. Speech users say what they see ("click
 *   Cancel place"); a name of "Cancel the place of Aisha Brown" does not answer.
 *   Extra context belongs in visually hidden text after the visible words.
 * - Link purpose (2.4.4): a link whose whole visible text is a number ("0",
 *   "432") must have a fuller name saying what it counts; a list of links read
 *   out as "0, 0, 12" says nothing.
 *
 * The accessible name is worked out as the accessible name computation does
 * for the markup the Hub writes: aria-labelledby, then aria-label, then the
 * control's content (text, images' alt text, an input button's value), leaving
 * out what is aria-hidden. Visible text is the content less what is hidden
 * from sight: display:none, visibility:hidden, and the visually-hidden pattern
 * (a clipped box of a pixel or less). Where hidden words sit between visible
 * ones (the design system's "Previous<hidden> page</hidden> November"), each
 * visible run must be in the name, in order.
 */
function nameProblemsHere(): string[] {
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
  // Case and punctuation do not change what a speech user says.
  const words = (s: string) =>
    squash(
      s
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .normalize('NFC'),
    );

  const BREAK = '\u0000';
  const hiddenFromSight = (el: Element): boolean => {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') return true;
    const clipped =
      (style.clip !== 'auto' && style.clip !== '') || (style.clipPath !== 'none' && style.clipPath !== '');
    const box = el.getBoundingClientRect();
    return clipped && box.width <= 1 && box.height <= 1;
  };

  /** The text of node's content, as seen (visible) or as named (for assistive technology). */
  const contentText = (node: Node, mode: 'visible' | 'name'): string => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    if (!(node instanceof Element)) return '';
    if (mode === 'name' && node.getAttribute('aria-hidden') === 'true') return '';
    // Hidden text inside visible words splits them: each visible run must be in the name, in order.
    if (mode === 'visible' && hiddenFromSight(node)) return BREAK;
    if (mode === 'name' && getComputedStyle(node).display === 'none') return '';
    if (node instanceof HTMLImageElement) return ` ${node.alt} `;
    if (node instanceof HTMLInputElement) return ` ${node.value} `;
    let text = '';
    for (const child of Array.from(node.childNodes)) text += contentText(child, mode);
    // Block-level children are separate words.
    return getComputedStyle(node).display === 'inline' ? text : ` ${text} `;
  };

  const accessibleName = (el: Element): string => {
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy) {
      return squash(
        labelledBy
          .split(/\s+/)
          .map((id) => document.getElementById(id))
          .map((ref) => (ref ? contentText(ref, 'name') : ''))
          .join(' '),
      );
    }
    const label = el.getAttribute('aria-label');
    if (label && squash(label)) return squash(label);
    return squash(contentText(el, 'name'));
  };

  const inOrder = (runs: string[], name: string) => {
    let from = 0;
    for (const run of runs) {
      const at = name.indexOf(` ${run} `, from);
      if (at < 0) return false;
      from = at + run.length + 1;
    }
    return true;
  };

  const describe = (el: Element, visible: string, name: string) =>
    `${el.tagName.toLowerCase()} "${visible}" is named "${name}"`;

  const problems: string[] = [];
  const controls = document.querySelectorAll(
    'a[href], button, input[type="submit"], input[type="button"], input[type="reset"], [role="button"], [role="link"]',
  );
  for (const el of Array.from(controls)) {
    if (hiddenFromSight(el)) continue;
    const runs = contentText(el, 'visible').split(BREAK).map(words).filter(Boolean);
    const visible = squash(contentText(el, 'visible').replaceAll(BREAK, ' '));
    const name = accessibleName(el);
    if (!runs.length) continue;
    if (!inOrder(runs, ` ${words(name)} `)) {
      problems.push(`label in name: ${describe(el, visible, name)}, which does not contain what it shows`);
    } else if (
      el.matches('a[href], [role="link"]') &&
      /^[\d\s,.%£]+$/.test(visible) &&
      !/\p{L}/u.test(name)
    ) {
      problems.push(
        `link purpose: link "${visible}" is only a number: give it a name that says what it counts`,
      );
    }
  }
  return problems;
}

/** What is wrong with the names of the page's buttons and links (nothing when they pass). */
export const nameProblems = (page: Page): Promise<string[]> => page.evaluate(nameProblemsHere);
