/** Dates and times as people in England read them, always in London time. */
const dateFmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const dateTimeFmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const weekdayDateFmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const timeFmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
});

// A page can show the same few days hundreds of times (each person's date to read by), and Intl
// is slow next to a Map: a day's words are kept once worked out.
const dayWords = new Map<string, string>();

/** "27 November 2026" from an ISO instant or a YYYY-MM-DD date. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  if (value.length === 10) {
    const known = dayWords.get(value);
    if (known !== undefined) return known;
    if (dayWords.size > 20_000) dayWords.clear();
    const words = formatDay(value);
    dayWords.set(value, words);
    return words;
  }
  return formatDay(value);
}

function formatDay(value: string): string {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return Number.isNaN(d.getTime()) ? '' : dateFmt.format(d);
}

/**
 * "Wednesday 2 December 2026" from an ISO instant or a YYYY-MM-DD date: for the
 * dates people plan around (training sessions), where the weekday matters.
 */
export function formatDateWithWeekday(value: string | null | undefined): string {
  if (!value) return '';
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  // Intl writes "Wednesday, 2 December 2026" in en-GB; people write it without the comma.
  return Number.isNaN(d.getTime()) ? '' : weekdayDateFmt.format(d).replace(',', '');
}

/** "Wednesday 2 December 2026, 09:30" from an ISO instant, in London time. */
export function formatDateTimeWithWeekday(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? '' : `${formatDateWithWeekday(value)}, ${timeFmt.format(d)}`;
}

/** "27 Nov 2026, 14:05" */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? '' : dateTimeFmt.format(d);
}

export function formatTime(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? '' : timeFmt.format(d);
}

/** "1 person", "3 people" — counts read as sentences. */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** For the few table cells built as HTML (links in design-system tables); templates escape everything else. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A list's page title that tells its pages and filters apart (WCAG 2.4.2):
 * "Staff", "Staff matching your filters", "Staff, page 2 of 5". A filter
 * given in words is added as it is ("Staff in Assessment Team 1").
 */
export function listTitle(title: string, at: { page: number; pages: number; filtered?: string | boolean }) {
  const filtered = at.filtered === true ? ' matching your filters' : at.filtered || '';
  return at.pages > 1 ? `${title}${filtered}, page ${at.page} of ${at.pages}` : `${title}${filtered}`;
}

/** GOV.UK pagination's previous and next links for page `page` of `pages`; none for a single page. */
export function pagination(page: number, pages: number, href: (page: number) => string) {
  if (pages <= 1) return undefined;
  return {
    previous: page > 1 ? { href: href(page - 1) } : undefined,
    next: page < pages ? { href: href(page + 1) } : undefined,
  };
}
