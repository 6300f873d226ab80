import { addCalendarDays } from '../platform/calendar/days.ts';
import type { WorkingCalendar } from '../platform/calendar/working-days.ts';
import type { Panel } from '../platform/feature.ts';
import { formatDateWithWeekday, plural } from '../platform/views/format.ts';
import type { SessionAhead } from './ld-home.repo.ts';
import { needsAnotherSession } from './reports.rules.ts';
import { dayOffText, nonWorkingDays } from './session-dates.rules.ts';

/**
 * What L&D's home page shows (pure): today's registers, sessions soon with few
 * bookings, courses whose waiting lists would fill another session, and
 * sessions on days nobody works, to check. A panel with nothing to say is none.
 */

/** Sessions starting within this many days count as "soon" for few bookings. */
export const FEW_BOOKINGS_WITHIN_DAYS = 21;
/** Fewer than this share of the places taken is "few bookings". */
export const FEW_BOOKINGS_SHARE = 0.5;

const name = (s: Pick<SessionAhead, 'title' | 'label'>) => (s.label ? `${s.title} (${s.label})` : s.title);
const sessionLink = (s: { id: string }) => `/learning/sessions/${s.id}`;

/** Registers of today's days with people booked on them, and how many are marked so far. */
export function registersTodayPanel(
  sessions: SessionAhead[],
  marks: Map<string, number>,
  today: string,
): Panel | null {
  const due = sessions.flatMap((s) =>
    s.parts
      .filter((p) => p.day === today && s.taken > 0)
      .map((p) => ({ s, p, marked: Math.min(marks.get(p.id) ?? 0, s.taken) })),
  );
  const first = due.find((d) => d.marked < d.s.taken) ?? due[0];
  if (!first) return null;
  const open = due.filter((d) => d.marked < d.s.taken).length;
  return {
    title: 'Registers to take today',
    count: open,
    lines: due.map(
      ({ s, p, marked }) =>
        `${name(s)}${p.start_time ? `, ${p.start_time}` : ''}: ${marked} of ${plural(s.taken, 'person', 'people')} marked.`,
    ),
    link: {
      href: `/learning/sessions/${first.s.id}/register?part=${first.p.id}`,
      text: `Take the register for ${first.s.title}`,
    },
  };
}

/** Sessions in the next three weeks with fewer than half their places taken. */
export function fewBookingsPanel(sessions: SessionAhead[], today: string): Panel | null {
  const until = addCalendarDays(today, FEW_BOOKINGS_WITHIN_DAYS);
  const few = sessions.filter(
    (s) =>
      s.capacity !== null &&
      s.capacity > 0 &&
      s.parts[0]!.day > today &&
      s.parts[0]!.day <= until &&
      s.taken < s.capacity * FEW_BOOKINGS_SHARE,
  );
  if (!few.length) return null;
  return {
    title: 'Sessions with few bookings',
    count: few.length,
    lines: [
      `${plural(few.length, 'session', 'sessions')} in the next three weeks ${few.length === 1 ? 'has' : 'have'} fewer than half ${few.length === 1 ? 'its' : 'their'} places taken:`,
      few
        .slice(0, 6)
        .map((s) => `${name(s)}, ${formatDateWithWeekday(s.parts[0]!.day)}: ${s.taken} of ${s.capacity}`)
        .join('; '),
    ],
    link: { href: sessionLink(few[0]!), text: `See ${few[0]!.title}` },
  };
}

/** Courses whose people waiting on sessions still to come would fill another session (the report's rule). */
export function waitingListsPanel(sessions: SessionAhead[]): Panel | null {
  const byCourse = new Map<string, { title: string; waiting: number; capacities: number[] }>();
  for (const s of sessions) {
    const c = byCourse.get(s.courseId) ?? { title: s.title, waiting: 0, capacities: [] };
    c.waiting += s.waiting;
    if (s.capacity) c.capacities.push(s.capacity);
    byCourse.set(s.courseId, c);
  }
  const need = [...byCourse.entries()].filter(([, c]) => {
    const typical = c.capacities.length ? c.capacities.reduce((a, b) => a + b, 0) / c.capacities.length : 0;
    return typical > 0 && needsAnotherSession(c.waiting, typical);
  });
  if (!need.length) return null;
  return {
    title: 'Waiting lists that need another session',
    count: need.length,
    lines: need.map(
      ([, c]) => `${c.title}: ${plural(c.waiting, 'person is', 'people are')} waiting for a place.`,
    ),
    link: {
      href: `/learning/admin/courses/${need[0]![0]}/sessions/new`,
      text: `Add a session of ${need[0]![1].title}`,
    },
  };
}

/** Sessions still to come on a day nobody works, for L&D to check. */
export function datesToCheckPanel(
  sessions: SessionAhead[],
  calendar: WorkingCalendar,
  today: string,
): Panel | null {
  const found = sessions.flatMap((s) =>
    nonWorkingDays(
      s.parts.map((p) => p.day).filter((d) => d >= today),
      calendar,
    ).map((off) => ({ s, off })),
  );
  if (!found.length) return null;
  return {
    title: 'Session dates to check',
    count: found.length,
    lines: [
      'These sessions are on days that are not working days. Check the dates are meant:',
      found
        .slice(0, 8)
        .map(({ s, off }) => `${name(s)}: ${dayOffText(off)}`)
        .join('; '),
    ],
    link: { href: sessionLink(found[0]!.s), text: `See ${found[0]!.s.title}` },
  };
}
