const MAX = 31;

/**
 * A worksheet name Excel accepts and people can read: at most 31 characters,
 * cut at the last whole word that fits (a single longer word is cut at 31),
 * without the characters Excel refuses ( [ ] : * ? / \ ), without apostrophes
 * at either end, and never the name Excel reserves ("History").
 */
export function sheetName(name: string): string {
  let s = name
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
  if (s.length > MAX) {
    const fits = s.slice(0, MAX + 1);
    const space = fits.lastIndexOf(' ');
    s = space > 0 ? fits.slice(0, space) : s.slice(0, MAX);
    // "By stage, month" should not end "By stage,"; nor with a dangling "-" or "(".
    s = s.replace(/[\s,;.\-–—(&']+$/u, '');
  }
  if (!s) return 'Sheet1';
  if (s.toLowerCase() === 'history') return 'History data';
  return s;
}
