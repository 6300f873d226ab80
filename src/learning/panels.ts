import { londonDay } from '../platform/calendar/days.ts';
import type { PanelSource } from '../platform/feature.ts';
import { can } from '../platform/policy/policy.ts';
import { formatDate, formatDateTime, plural } from '../platform/views/format.ts';
import { monthLabel } from './catalogue.presenter.ts';

/** Everyone: this month's practice focus, its next dates and what it teaches. */
export const practiceFocusPanel: PanelSource = {
  id: 'learning-practice-focus',
  permission: 'home:view',
  async load({ db, clock }) {
    const month = londonDay(clock.now()).slice(0, 7);
    const course = await db
      .selectFrom('lrn_courses')
      .select(['id', 'title', 'summary', 'focus_month'])
      .where('focus_month', '<=', month)
      .where('focus_month', 'is not', null)
      .orderBy('focus_month', 'desc')
      .executeTakeFirst();
    if (!course) return null;
    const next = await db
      .selectFrom('lrn_sessions')
      .select(['starts_at'])
      .where('course_id', '=', course.id)
      .where('status', '=', 'scheduled')
      .where('starts_at', '>', clock.now().toISOString())
      .orderBy('starts_at')
      .execute();
    return {
      title: `Practice focus for ${monthLabel(course.focus_month!)}: ${course.title}`,
      lines: [
        course.summary,
        next.length
          ? `${plural(next.length, 'date is', 'dates are')} still to come; the next is ${formatDate(next[0]!.starts_at)}.`
          : 'There are no more dates this time: register your interest to hear of new ones.',
      ],
      link: { href: `/learning/courses/${course.id}`, text: 'See the dates and book' },
    };
  },
};

/** Everyone: a held place to claim, evaluations to give, and where they are on waiting lists. */
export const myLearningPanel: PanelSource = {
  id: 'learning-mine',
  permission: 'home:view',
  async load({ db }, user) {
    const rows = await db
      .selectFrom('lrn_bookings as b')
      .innerJoin('lrn_sessions as s', 's.id', 'b.session_id')
      .innerJoin('lrn_courses as c', 'c.id', 's.course_id')
      .select(['b.status', 'b.offer_expires_at', 'c.title'])
      .where('b.staff_id', '=', user.id)
      .where('b.status', 'in', ['offered', 'waitlisted'])
      .execute();
    const toEvaluate = await db
      .selectFrom('lrn_cpd as c')
      .innerJoin('lrn_bookings as b', 'b.id', 'c.booking_id')
      .leftJoin('lrn_evaluations as e', 'e.booking_id', 'b.id')
      .select('c.title')
      .where('c.staff_id', '=', user.id)
      .where('e.id', 'is', null)
      .execute();
    const lines = [
      ...rows
        .filter((r) => r.status === 'offered')
        .map((r) => `A place on ${r.title} is held for you until ${formatDateTime(r.offer_expires_at)}.`),
      ...(rows.some((r) => r.status === 'waitlisted')
        ? [
            `You are waiting for a place on ${plural(rows.filter((r) => r.status === 'waitlisted').length, 'session', 'sessions')}.`,
          ]
        : []),
      ...(toEvaluate.length ? [`Please tell us how ${toEvaluate.map((r) => r.title).join(', ')} went.`] : []),
    ];
    if (!lines.length) return null;
    return {
      title: 'Your learning',
      count: rows.filter((r) => r.status === 'offered').length + toEvaluate.length,
      lines,
      link: { href: '/learning/mine', text: 'Open my learning' },
    };
  },
};

/** Managers: people in their team (or service) who did not come to training they had booked, in the last 90 days. */
export const teamNoShowsPanel: PanelSource = {
  id: 'learning-team-no-shows',
  permission: 'learning:team-training',
  async load({ db, clock }, user) {
    const since = londonDay(new Date(clock.now().getTime() - 90 * 86_400_000));
    const rows = await db
      .selectFrom('lrn_attendance as a')
      .innerJoin('lrn_session_parts as p', 'p.id', 'a.part_id')
      .innerJoin('lrn_bookings as b', 'b.id', 'a.booking_id')
      .innerJoin('lrn_sessions as s', 's.id', 'b.session_id')
      .innerJoin('lrn_courses as c', 'c.id', 's.course_id')
      .innerJoin('staff', 'staff.id', 'b.staff_id')
      .leftJoin('teams', 'teams.id', 'staff.team_id')
      .select(['staff.id', 'staff.name', 'staff.team_id', 'teams.service_id', 'c.title', 'p.day'])
      .where('a.outcome', '=', 'no-show')
      .where('p.day', '>=', since)
      .orderBy('p.day', 'desc')
      .execute();
    const mine = rows.filter(
      (r) => r.id !== user.id && can(user, 'learning:team', { teamId: r.team_id, serviceId: r.service_id }),
    );
    const people = new Set(mine.map((r) => r.id));
    const where = user.roles.includes('service-manager') ? 'your service' : 'your team';
    return {
      title: 'Training missed',
      count: people.size,
      lines: people.size
        ? [
            `${plural(people.size, 'person', 'people')} in ${where} did not come to training they had booked in the last three months:`,
            mine
              .slice(0, 8)
              .map((r) => `${r.name} (${r.title}, ${formatDate(r.day)})`)
              .join('; '),
          ]
        : [`Everyone in ${where} came to the training they booked in the last three months.`],
    };
  },
};

/** Managers: requests for places on approval courses from people they may approve for. */
export const approvalsPanel: PanelSource = {
  id: 'learning-approvals',
  permission: 'learning:approve',
  async load({ db }, user) {
    const rows = await db
      .selectFrom('lrn_bookings as b')
      .innerJoin('lrn_sessions as s', 's.id', 'b.session_id')
      .innerJoin('lrn_courses as c', 'c.id', 's.course_id')
      .innerJoin('staff', 'staff.id', 'b.staff_id')
      .leftJoin('teams', 'teams.id', 'staff.team_id')
      .select(['b.session_id', 'staff.name', 'staff.team_id', 'teams.service_id', 'c.title'])
      .where('b.status', '=', 'requested')
      .orderBy('b.created_at')
      .execute();
    const mine = rows.filter((r) =>
      can(user, 'learning:approve', { teamId: r.team_id, serviceId: r.service_id }),
    );
    if (!mine.length) return null;
    return {
      title: 'Training requests to approve',
      count: mine.length,
      lines: [
        mine
          .slice(0, 6)
          .map((r) => `${r.name} asks for ${r.title}`)
          .join('; '),
      ],
      link: {
        href: `/learning/sessions/${mine[0]!.session_id}`,
        text: 'Approve or decline on the session page',
      },
    };
  },
};

export const LEARNING_PANELS = [practiceFocusPanel, myLearningPanel, teamNoShowsPanel, approvalsPanel];
