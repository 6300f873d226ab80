import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { recordAudit } from '../platform/audit/audit.ts';
import { NotFoundError } from '../platform/http/errors.ts';
import { redirectWithSuccess } from '../platform/http/forms.ts';
import { get, post } from '../platform/http/route.ts';
import type { Services } from '../platform/services.ts';
import { buildFeed, inviteUid } from './ics.ts';

const hash = (token: string) => createHash('sha256').update(token).digest('base64url');
const tokenOf = (req: FastifyRequest) => (req.params as { token: string }).token.replace(/\.ics$/, '');

/**
 * A personal calendar subscription: a secret link (only its hash is stored)
 * that a calendar app polls without signing in. Making a new link revokes the
 * old one; every read of the feed is audited.
 */
export function feedRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;

  post(app, '/learning/feed/new', { permission: 'learning:view', audit: false }, async (req, reply) => {
    const token = randomBytes(24).toString('base64url');
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('lrn_feed_tokens').where('staff_id', '=', req.user!.id).execute();
      await trx
        .insertInto('lrn_feed_tokens')
        .values({ staff_id: req.user!.id, token_hash: hash(token), created_at: clock.now().toISOString() })
        .execute();
      await recordAudit(trx, clock, req.actor, {
        action: 'create',
        recordType: 'calendar-feed',
        recordId: req.user!.id,
        summary: 'Made a new calendar feed link (any old link stops working)',
      });
    });
    const url = `${services.config.baseUrl.replace(/\/$/, '')}/learning/feed/${token}.ics`;
    return redirectWithSuccess(
      services,
      req,
      reply,
      '/learning/mine',
      `Your calendar link is ${url} — copy it into your calendar app now; it is shown only once.`,
    );
  });

  post(app, '/learning/feed/revoke', { permission: 'learning:view', audit: false }, async (req, reply) => {
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('lrn_feed_tokens').where('staff_id', '=', req.user!.id).execute();
      await recordAudit(trx, clock, req.actor, {
        action: 'delete',
        recordType: 'calendar-feed',
        recordId: req.user!.id,
        summary: 'Turned off the calendar feed link',
      });
    });
    return redirectWithSuccess(
      services,
      req,
      reply,
      '/learning/mine',
      'Your calendar link has been turned off.',
    );
  });

  // Public by design (calendar apps cannot sign in); the secret in the path is the permission.
  get(
    app,
    '/learning/feed/:token',
    { permission: 'public', audit: { recordType: 'calendar-feed', summary: () => 'Calendar feed read' } },
    async (req, reply) => {
      const row = await db
        .selectFrom('lrn_feed_tokens')
        .select('staff_id')
        .where('token_hash', '=', hash(tokenOf(req)))
        .executeTakeFirst();
      if (!row) throw new NotFoundError('calendar-feed');
      const rows = await db
        .selectFrom('lrn_bookings as b')
        .innerJoin('lrn_sessions as s', 's.id', 'b.session_id')
        .innerJoin('lrn_courses as c', 'c.id', 's.course_id')
        .innerJoin('lrn_session_parts as p', 'p.session_id', 's.id')
        .select([
          'b.id',
          'b.status',
          'b.sequence as bseq',
          's.sequence as sseq',
          's.status as sstatus',
          's.venue',
          's.online_link',
          'c.title',
          'p.id as part_id',
          'p.starts_at',
          'p.ends_at',
        ])
        .where('b.staff_id', '=', row.staff_id)
        .where('b.status', 'in', ['booked', 'cancelled'])
        .orderBy('p.starts_at')
        .execute();
      const ics = buildFeed(
        'My learning',
        rows.map((r) => ({
          uid: inviteUid(r.id, r.part_id),
          sequence: r.sseq + r.bseq,
          title: r.title,
          startsAt: r.starts_at,
          endsAt: r.ends_at,
          location: r.online_link ? 'Online' : r.venue,
          cancelled: r.status === 'cancelled' || r.sstatus === 'cancelled',
        })),
        clock.now(),
      );
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(ics);
    },
  );
}
