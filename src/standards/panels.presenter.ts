import { addCalendarDays } from '../platform/calendar/days.ts';
import type { Panel } from '../platform/feature.ts';
import { formatDate } from '../platform/views/format.ts';
import type { ToRead } from './acks.presenter.ts';
import type { StandardRow } from './library.repo.ts';

/** Someone whose record is under 90 days old is a new starter. */
export const isNewStarter = (since: string | null, today: string) =>
  since !== null && since.slice(0, 10) > addCalendarDays(today, -90);

/** "Standards to read": what is left, soonest first; for a new starter, worded as their first weeks. */
export function toReadPanelView(list: ToRead[], today: string, since: string | null): Panel | null {
  const left = list.filter((x) => x.state !== 'done');
  if (left.length === 0) return null;
  const late = left.filter((x) => x.due < today).length;
  return {
    title: isNewStarter(since, today)
      ? 'Standards to read in your first weeks'
      : 'Practice standards to read',
    count: left.length,
    lines: [
      ...left
        .slice(0, 5)
        .map(
          (x) =>
            `${x.standard.title}${x.state === 'again' ? ' (changed since you read it)' : ''}: by ${formatDate(x.due)}`,
        ),
      ...(late ? [`${late} ${late === 1 ? 'is' : 'are'} past the date asked`] : []),
    ],
    link: { href: '/standards/to-read', text: 'Read and acknowledge them' },
  };
}

export function pastReviewPanelView(rows: StandardRow[], everyone: boolean): Panel | null {
  if (rows.length === 0) return null;
  return {
    title: everyone ? 'Practice standards past their review date' : 'Your standards past their review date',
    count: rows.length,
    lines: rows
      .slice(0, 5)
      .map(
        (r) => `${r.title}: review was due ${formatDate(r.review_on)}${everyone ? ` (${r.owner_name})` : ''}`,
      ),
    link: { href: '/standards#past-review', text: 'See the standards to review' },
  };
}
