import { addCalendarDays, daysInMonth, londonDay, weekdayOf } from '../platform/calendar/days.ts';
import {
  escapeHtml,
  formatDateWithWeekday,
  listTitle,
  pagination,
  plural,
} from '../platform/views/format.ts';

const monthFmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'long', year: 'numeric' });

/** "December 2026" from "2026-12". */
export const monthLabel = (month: string) => monthFmt.format(new Date(`${month}-15T12:00:00Z`));

export function shiftMonth(month: string, n: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

export const monthBounds = (month: string) => {
  const days = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  return { first: `${month}-01`, last: `${month}-${String(days).padStart(2, '0')}` };
};

/** "When" in words for a session: each part's day and times, honest about what is not known. */
export function whenText(
  parts: { day: string; start_time: string | null; end_time: string | null }[],
): string {
  if (!parts.length) return 'Dates to be confirmed';
  return parts
    .map((p) =>
      p.start_time
        ? `${formatDateWithWeekday(p.day)}, ${p.start_time} to ${p.end_time ?? 'end time to be confirmed'}`
        : `${formatDateWithWeekday(p.day)}, times to be confirmed`,
    )
    .join('; ');
}

/**
 * The month as weeks (Monday first) of day cells listing sessions, for a
 * table with a caption: it reads in order for screen readers and needs no script.
 */
export function monthCalendar(
  month: string,
  parts: { day: string; start_time: string | null; session_id: string; status: string; title: string }[],
) {
  const { first, last } = monthBounds(month);
  const lead = (weekdayOf(first) + 6) % 7;
  const cells: { html: string }[] = Array.from({ length: lead }, () => ({ html: '' }));
  const byDay = new Map<string, string[]>();
  for (const p of parts) {
    const item = `<li><a class="govuk-link" href="/learning/sessions/${p.session_id}">${escapeHtml(p.start_time ?? 'Time to be confirmed:')} ${escapeHtml(p.title)}</a>${p.status === 'cancelled' ? ' (cancelled)' : ''}</li>`;
    byDay.set(p.day, [...(byDay.get(p.day) ?? []), item]);
  }
  for (let day = first; day <= last; day = addCalendarDays(day, 1)) {
    const items = byDay.get(day)?.join('') ?? '';
    cells.push({
      html: `<span class="govuk-!-font-weight-bold">${Number(day.slice(8))}</span>${items ? `<ul class="govuk-list govuk-body-s">${items}</ul>` : ''}`,
    });
  }
  while (cells.length % 7) cells.push({ html: '' });
  const weeks: { html: string }[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

export interface CatalogueFilters {
  q?: string;
  category?: string;
  audience?: 'everyone' | 'managers';
  page: number;
}

/** The catalogue page: the filters as chosen, how many courses match, each course's next date, and pages. */
export function presentCatalogue(input: {
  filters: CatalogueFilters;
  rows: { next: string | null; upcoming: number }[];
  total: number;
  categories: string[];
  pageSize: number;
  canManage: boolean;
}) {
  const f = input.filters;
  const pages = Math.ceil(input.total / input.pageSize);
  const href = (page: number) =>
    `/learning?${new URLSearchParams({ ...(f.q ? { q: f.q } : {}), ...(f.category ? { category: f.category } : {}), ...(f.audience ? { audience: f.audience } : {}), page: String(page) })}`;
  return {
    title: 'Training and learning',
    documentTitle: listTitle('Training and learning', {
      page: f.page,
      pages,
      filtered: Boolean(f.q || f.category || f.audience),
    }),
    filters: f,
    categoryItems: [
      { value: '', text: 'All categories' },
      ...input.categories.map((c) => ({ value: c, text: c, selected: c === f.category })),
    ],
    audienceItems: [
      { value: '', text: 'Everyone' },
      { value: 'everyone', text: 'Open to all staff', selected: f.audience === 'everyone' },
      { value: 'managers', text: 'Managers only', selected: f.audience === 'managers' },
    ],
    summary: `${plural(input.total, 'course matches', 'courses match')}.`,
    courses: input.rows.map((c) => ({
      ...c,
      nextText: c.next
        ? `Next: ${formatDateWithWeekday(c.next)} (${plural(c.upcoming, 'date', 'dates')} to come)`
        : 'No dates to come yet',
    })),
    pagination: pagination(f.page, pages, href),
    canManage: input.canManage,
  };
}

/** The month a calendar address asks for ("2026-12"), or this month in London. */
export const chosenMonth = (q: { year?: number; month?: number }, now: Date) =>
  q.year && q.month ? `${q.year}-${String(q.month).padStart(2, '0')}` : londonDay(now).slice(0, 7);

// Year and month as two numbers, so every month's address has the same shape.
const monthHref = (m: string) => `/learning/calendar?year=${m.slice(0, 4)}&month=${Number(m.slice(5, 7))}`;

/** The month calendar page, with links to the months either side. */
export function presentCalendar(month: string, parts: Parameters<typeof monthCalendar>[1]) {
  const link = (m: string) => ({ href: monthHref(m), text: monthLabel(m) });
  return {
    title: `Sessions in ${monthLabel(month)}`,
    weeks: monthCalendar(month, parts),
    previous: link(shiftMonth(month, -1)),
    next: link(shiftMonth(month, 1)),
  };
}
