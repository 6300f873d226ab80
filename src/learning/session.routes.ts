import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { form } from '../platform/http/form.ts';
import { keptForm } from '../platform/http/forms.ts';
import { idParams, page } from '../platform/http/page.ts';
import type { Services } from '../platform/services.ts';
import {
  BOOKING_CHANGES,
  type BookingChange,
  bookingReturnPath,
  bookOwnPlace,
  cancelCheck,
  changeBooking,
  returnPath,
} from './booking-actions.service.ts';
import {
  bookedMessage,
  bookingChangeMessage,
  cancelledMessage,
  presentBookConfirm,
  presentCancelConfirm,
  presentSession,
} from './session.presenter.ts';
import { sessionPage } from './session.service.ts';

// "back=mine" sends the person back to My learning rather than the session.
const buttonBody = z.object({ back: z.unknown().optional() });
const backQuery = z.object({ back: z.string().max(10).optional().catch(undefined) });
// A refusal points at the page's "Your place" section, as the booking services' refusals do.
const moveBody = z.preprocess(
  (b) => ({ back: (b as { back?: unknown }).back, session: (b as { target?: unknown }).target }),
  z.object({
    back: z.unknown().optional(),
    session: z.string().min(1, 'Choose the session to move them to').max(60),
  }),
);

/** A session's page: book, cancel, wait; L&D see everyone on it and manage the waiting list. */
export function sessionRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;

  page(
    app,
    {
      method: 'GET',
      url: '/learning/sessions/:id',
      permission: 'learning:view',
      audit: false,
      params: idParams,
    },
    async ({ params, user, req, reply }) => {
      const now = clock.now().toISOString();
      const data = await sessionPage(db, user, params.id, now);
      return reply.render('learning/views/session.njk', presentSession(data, now, keptForm(req)?.errors));
    },
  );

  form(
    app,
    {
      url: '/learning/sessions/:id/book',
      permission: 'learning:view',
      params: idParams,
      body: z.object({}),
      back: ({ params }) => `/learning/sessions/${params.id}`,
      refusalField: 'main-content',
    },
    async (_data, { params, user, actor }) => ({
      to: `/learning/sessions/${params.id}`,
      ...bookedMessage(await bookOwnPlace(services, user, actor, params.id)),
    }),
  );

  // Before a booking the person should think twice about (another place on the course, or at the same time).
  page(
    app,
    {
      method: 'GET',
      url: '/learning/sessions/:id/book',
      permission: 'learning:view',
      audit: false,
      params: idParams,
    },
    async ({ params, user, reply }) => {
      const now = clock.now().toISOString();
      const data = await sessionPage(db, user, params.id, now);
      return reply.render('learning/views/book-confirm.njk', presentBookConfirm(data, now));
    },
  );

  // "Are you sure?" before cancelling a place, leaving a waiting list or withdrawing a request (no JavaScript needed).
  page(
    app,
    {
      method: 'GET',
      url: '/learning/bookings/:id/cancel',
      permission: 'learning:place',
      audit: false,
      params: idParams,
      query: backQuery,
    },
    async ({ params, query, user, reply }) =>
      reply.render(
        'learning/views/cancel-confirm.njk',
        presentCancelConfirm(await cancelCheck(db, user, params.id), query.back),
      ),
  );

  // Each change to a booking is checked, through the policy, by the service: it must be the person's own
  // (or a request they approve, or L&D's to make).
  const bookingButton = (change: BookingChange) => ({
    url: `/learning/bookings/:id/${change}`,
    permission: BOOKING_CHANGES[change],
    params: idParams,
    back: ({ params, answers }: { params: { id: string }; answers: Record<string, unknown> }) =>
      bookingReturnPath(services, params.id, answers.back),
    refusalField: 'main-content',
  });

  for (const change of Object.keys(BOOKING_CHANGES) as BookingChange[]) {
    if (change === 'move') continue;
    form(app, { ...bookingButton(change), body: buttonBody }, async (data, { params, user, actor }) => {
      const done = await changeBooking(services, user, actor, params.id, change);
      const message =
        change === 'cancel' && done.cancelled
          ? cancelledMessage(done.cancelled)
          : bookingChangeMessage(change);
      return { to: returnPath(done.sessionId, data.back), message };
    });
  }

  form(app, { ...bookingButton('move'), body: moveBody }, async (data, { params, user, actor }) => {
    const done = await changeBooking(services, user, actor, params.id, 'move', data.session);
    return { to: returnPath(done.sessionId, data.back), message: bookingChangeMessage('move', done.moved) };
  });
}
