import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../platform/audit/audit.ts';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { keptForm } from '../platform/http/forms.ts';
import { get, post } from '../platform/http/route.ts';
import { authorize, can } from '../platform/policy/policy.ts';
import type { Services } from '../platform/services.ts';
import { formatDateTime } from '../platform/views/format.ts';
import { getBooking, partsOf } from './booking.repo.ts';
import { bookPlace, cancelPlace, claimOffer, decideRequest } from './booking.service.ts';
import { whenText } from './catalogue.presenter.ts';
import { placeCounts } from './catalogue.repo.ts';
import { act, idParam } from './http.ts';
import { placeSentence, placesSentence, STATUS_TEXT } from './session.presenter.ts';
import { getSessionWithCourse, myPlace, otherSessionsOfCourse, peopleOnSession } from './session.repo.ts';
import { moveBooking, removeWaiting, reorderWaiting } from './waitlist.service.ts';

const moveForm = z.object({ target: z.string().min(1, 'Choose the session to move them to').max(60) });

/** A session's page: book, cancel, wait; L&D see everyone on it and manage the waiting list. */
export function sessionRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;
  const view = { permission: 'learning:view', audit: false } as const;

  get(app, '/learning/sessions/:id', view, async (req, reply) => {
    const id = idParam(req);
    const s = await getSessionWithCourse(db, id);
    if (!s) throw new NotFoundError('session');
    const user = req.user!;
    const [parts, counts, mine] = await Promise.all([
      partsOf(db, id),
      placeCounts(db, [id]),
      myPlace(db, id, user.id),
    ]);
    const c = counts.get(id) ?? { taken: 0, waiting: 0 };
    const manage = can(user, 'learning:manage');
    const people = manage || can(user, 'learning:approve') ? await peopleOnSession(db, id) : [];
    const now = clock.now().toISOString();
    const active =
      mine && ['booked', 'requested', 'waitlisted', 'offered'].includes(mine.status) ? mine : null;
    return reply.render('learning/views/session.njk', {
      title: s.label ? `${s.title}: ${s.label}` : s.title,
      s,
      when: whenText(parts),
      parts,
      where: s.online_link ? 'Online' : s.venue || 'Venue to be confirmed',
      places: placesSentence(s.capacity, c.taken, c.waiting),
      mine: active,
      mineText: placeSentence(mine),
      cancelText:
        { booked: 'Cancel my place', waitlisted: 'Leave the waiting list', offered: 'Turn down the place' }[
          active?.status as string
        ] ?? 'Withdraw my request',
      started: !s.starts_at || s.starts_at <= now,
      managersOnly: s.audience === 'managers' && !can(user, 'learning:managers-courses'),
      canBook:
        !active &&
        s.status === 'scheduled' &&
        !!s.starts_at &&
        s.starts_at > now &&
        (s.audience !== 'managers' || can(user, 'learning:managers-courses')),
      showProviderLink: s.provider_kind === 'external' && active?.status === 'booked',
      manage,
      errors: keptForm(req)?.errors,
      people: people
        .filter(
          (p) =>
            manage ||
            can(user, 'learning:approve', { ownerId: null, teamId: p.team_id, serviceId: p.service_id }),
        )
        .map((p) => ({
          ...p,
          statusText: STATUS_TEXT[p.status] ?? p.status,
          expires: formatDateTime(p.offer_expires_at),
        })),
      moveTo: manage
        ? (await otherSessionsOfCourse(db, s.course_id, id, now)).map((o) => ({
            value: o.id,
            text: `${formatDateTime(o.starts_at)}${o.label ? ` (${o.label})` : ''}`,
          }))
        : [],
      backLink: { href: `/learning/courses/${s.course_id}`, text: 'Back to the course' },
    });
  });

  post(
    app,
    '/learning/sessions/:id/book',
    { permission: 'learning:view', audit: false },
    async (req, reply) => {
      const id = idParam(req);
      return act(services, req, reply, `/learning/sessions/${id}`, async () => {
        const out = await bookPlace(services, req.actor, id, req.user!.id, {
          managersCourses: can(req.user!, 'learning:managers-courses'),
        });
        if (out.status === 'booked') return 'You have a place. We have emailed you a calendar invite.';
        if (out.status === 'requested') return 'Your request has been sent to your manager for approval.';
        return `The session is full: you are number ${out.position} on the waiting list.`;
      });
    },
  );

  /** Every change to a booking checks, through the policy, that it is the person's own (or L&D's to make). */
  const bookingAction = (
    path: string,
    action: 'learning:place' | 'learning:approve' | 'learning:manage',
    change: (bookingId: string, actor: Actor, body: Record<string, unknown>) => Promise<string>,
  ) =>
    post(app, `/learning/bookings/:id/${path}`, { permission: action, audit: false }, async (req, reply) => {
      const b = await getBooking(db, idParam(req));
      if (!b) throw new NotFoundError('booking');
      const owner = await db
        .selectFrom('staff')
        .leftJoin('teams', 'teams.id', 'staff.team_id')
        .select(['staff.team_id', 'teams.service_id'])
        .where('staff.id', '=', b.staff_id)
        .executeTakeFirstOrThrow();
      authorize(req.user!, action, {
        type: 'booking',
        id: b.id,
        ownerId: action === 'learning:approve' ? null : b.staff_id,
        teamId: owner.team_id,
        serviceId: owner.service_id,
      });
      const body = (req.body ?? {}) as Record<string, unknown>;
      const back =
        typeof body.back === 'string' && body.back === 'mine'
          ? '/learning/mine'
          : `/learning/sessions/${b.session_id}`;
      return act(services, req, reply, back, () => change(b.id, req.actor, body));
    });

  bookingAction('cancel', 'learning:place', async (id, actor) => {
    await cancelPlace(services, actor, id, { byOrganiser: false });
    return 'Cancelled. If you had a place, it has gone to the next person waiting.';
  });
  bookingAction('claim', 'learning:place', async (id, actor) => {
    await claimOffer(services, actor, id);
    return 'The place is yours. We have emailed you a calendar invite.';
  });
  bookingAction('approve', 'learning:approve', async (id, actor) => {
    await decideRequest(services, actor, id, true);
    return 'Approved: they have a place and have been told.';
  });
  bookingAction('decline', 'learning:approve', async (id, actor) => {
    await decideRequest(services, actor, id, false);
    return 'Declined: they have been told.';
  });
  bookingAction('up', 'learning:manage', async (id, actor) => {
    await reorderWaiting(services, actor, id, 'up');
    return 'Moved up the waiting list.';
  });
  bookingAction('down', 'learning:manage', async (id, actor) => {
    await reorderWaiting(services, actor, id, 'down');
    return 'Moved down the waiting list.';
  });
  bookingAction('remove', 'learning:manage', async (id, actor) => {
    await removeWaiting(services, actor, id);
    return 'Removed from the waiting list.';
  });
  bookingAction('organiser-cancel', 'learning:manage', async (id, actor) => {
    await cancelPlace(services, actor, id, { byOrganiser: true });
    return 'The place has been cancelled and the person told.';
  });
  bookingAction('move', 'learning:manage', async (id, actor, body) => {
    const parsed = moveForm.safeParse(body);
    if (!parsed.success) throw new UserInputError(parsed.error.issues[0]!.message, 'session');
    const out = await moveBooking(services, actor, id, parsed.data.target);
    return out.status === 'booked'
      ? 'Moved: they have a place on the other session.'
      : 'Moved: they are on the other session’s waiting list.';
  });
}
