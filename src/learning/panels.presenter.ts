import type { Panel } from '../platform/feature.ts';
import { formatDateTime, formatDateWithWeekday, plural } from '../platform/views/format.ts';
import { monthLabel } from './catalogue.presenter.ts';

/** This month's practice focus: what it teaches and its next date, or where to hear of new ones. */
export function practiceFocusPanelView(
  course: { id: string; title: string; summary: string; focus_month: string },
  starts: string[],
): Panel {
  return {
    title: `Practice focus for ${monthLabel(course.focus_month)}: ${course.title}`,
    lines: [
      course.summary,
      starts.length
        ? `${plural(starts.length, 'date is', 'dates are')} still to come; the next is ${formatDateWithWeekday(starts[0])}.`
        : 'There are no more dates this time: register your interest to hear of new ones.',
    ],
    link: { href: `/learning/courses/${course.id}`, text: 'See the dates and book' },
    // The practice tools' coach and OARS scenarios go with a motivational interviewing focus.
    ...(/motivational/i.test(course.title)
      ? { moreLinks: [{ href: '/practice-tools', text: 'Practise open questions with the coach' }] }
      : {}),
  };
}

/** Held places to claim, waiting lists, and training to evaluate; nothing to say is no panel. */
export function myLearningPanelView(
  places: { status: string; offer_expires_at: string | null; title: string }[],
  toEvaluate: string[],
): Panel | null {
  const held = places.filter((r) => r.status === 'offered');
  const waiting = places.filter((r) => r.status === 'waitlisted').length;
  const lines = [
    ...held.map((r) => `A place on ${r.title} is held for you until ${formatDateTime(r.offer_expires_at)}.`),
    ...(waiting ? [`You are waiting for a place on ${plural(waiting, 'session', 'sessions')}.`] : []),
    ...(toEvaluate.length ? [`Please tell us how ${toEvaluate.join(', ')} went.`] : []),
  ];
  if (!lines.length) return null;
  return {
    title: 'Your learning',
    count: held.length + toEvaluate.length,
    lines,
    link: { href: '/learning/mine', text: 'Open my learning' },
  };
}

/** Who in the manager's team (or service) missed training they had booked in the last three months. */
export function teamNoShowsPanelView(
  missed: { id: string; name: string; title: string; day: string }[],
  where: 'your team' | 'your service',
): Panel {
  const people = new Set(missed.map((r) => r.id));
  return {
    title: 'Training missed',
    count: people.size,
    lines: people.size
      ? [
          `${plural(people.size, 'person', 'people')} in ${where} did not come to training they had booked in the last three months:`,
          missed
            .slice(0, 8)
            .map((r) => `${r.name} (${r.title}, ${formatDateWithWeekday(r.day)})`)
            .join('; '),
        ]
      : [`Everyone in ${where} came to the training they booked in the last three months.`],
  };
}

/** Requests for places waiting for this manager, with a link to the first one's session. */
export function approvalsPanelView(
  requests: { session_id: string; name: string; title: string }[],
): Panel | null {
  const first = requests[0];
  if (!first) return null;
  return {
    title: 'Training requests to approve',
    count: requests.length,
    lines: [
      requests
        .slice(0, 6)
        .map((r) => `${r.name} asks for ${r.title}`)
        .join('; '),
    ],
    link: { href: `/learning/sessions/${first.session_id}`, text: 'Approve or decline on the session page' },
  };
}
