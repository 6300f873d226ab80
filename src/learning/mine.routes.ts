import type { FastifyInstance } from 'fastify';
import { londonDay } from '../platform/calendar/days.ts';
import { get } from '../platform/http/route.ts';
import type { Services } from '../platform/services.ts';
import { formatDate } from '../platform/views/format.ts';
import { cpdStanding, cpdYearOf } from './cpd.rules.ts';
import { placeSentence, STATUS_TEXT } from './session.presenter.ts';

/** The person's own learning: places, waiting lists, what to evaluate, and their CPD year. */
export function mineRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;

  get(app, '/learning/mine', { permission: 'learning:view', audit: false }, async (req, reply) => {
    const me = req.user!.id;
    const rows = await db
      .selectFrom('lrn_bookings as b')
      .innerJoin('lrn_sessions as s', 's.id', 'b.session_id')
      .innerJoin('lrn_courses as c', 'c.id', 's.course_id')
      .leftJoin('lrn_evaluations as e', 'e.booking_id', 'b.id')
      .select([
        'b.id',
        'b.status',
        'b.session_id',
        'b.queue_pos',
        'b.offer_expires_at',
        's.starts_at',
        'c.title',
        'e.id as evaluation',
      ])
      .where('b.staff_id', '=', me)
      .where('b.status', 'in', ['booked', 'requested', 'waitlisted', 'offered'])
      .orderBy('s.starts_at')
      .execute();
    const attended = await db
      .selectFrom('lrn_attendance as a')
      .innerJoin('lrn_bookings as b', 'b.id', 'a.booking_id')
      .select('b.id')
      .where('b.staff_id', '=', me)
      .where('a.outcome', 'in', ['attended', 'partial'])
      .execute();
    const attendedIds = new Set(attended.map((a) => a.id));
    const now = clock.now().toISOString();
    const upcoming = rows.filter((r) => r.starts_at && r.starts_at > now);
    const toEvaluate = rows.filter((r) => attendedIds.has(r.id) && !r.evaluation);
    const cpd = await db
      .selectFrom('lrn_cpd')
      .select(['day', 'peer_reflected'])
      .where('staff_id', '=', me)
      .execute();
    const year = cpdYearOf(londonDay(clock.now()));
    const standing = cpdStanding(
      cpd.map((c) => ({ day: c.day, peerReflected: c.peer_reflected === 1 })),
      year,
    );
    const positions = new Map<string, number>();
    for (const r of upcoming.filter((x) => x.status === 'waitlisted')) {
      const ahead = await db
        .selectFrom('lrn_bookings')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('session_id', '=', r.session_id)
        .where('status', '=', 'waitlisted')
        .where('queue_pos', '<', r.queue_pos)
        .executeTakeFirstOrThrow();
      positions.set(r.id, Number(ahead.n) + 1);
    }
    return reply.render('learning/views/mine.njk', {
      title: 'My learning',
      upcoming: upcoming.map((r) => ({
        ...r,
        when: formatDate(r.starts_at),
        statusText: STATUS_TEXT[r.status] ?? r.status,
        sentence: placeSentence({
          status: r.status,
          position: positions.get(r.id),
          offer_expires_at: r.offer_expires_at,
        }),
      })),
      toEvaluate,
      hasFeed: !!(await db
        .selectFrom('lrn_feed_tokens')
        .select('staff_id')
        .where('staff_id', '=', me)
        .executeTakeFirst()),
      standing,
      year,
    });
  });
}
