import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { form } from '../platform/http/form.ts';
import { page } from '../platform/http/page.ts';
import type { Services } from '../platform/services.ts';
import { feedLinkMessage, presentDayFile, presentFeed } from './feed.presenter.ts';
import { dayFileOf, feedOf, newFeedLink, revokeFeedLink } from './feed.service.ts';

// The secret, with or without the ".ics" calendar apps like to see.
const feedParams = z.object({ token: z.string().transform((t) => t.replace(/\.ics$/, '')) });
const dayParams = z.object({ id: z.string().min(1).max(60), partId: z.string().min(1).max(60) });
const button = { permission: 'learning:view', body: z.object({}), back: () => '/learning/mine' } as const;

/**
 * A personal calendar subscription that a calendar app polls without signing
 * in; making a new link revokes the old one; every read of the feed is audited.
 */
export function feedRoutes(app: FastifyInstance, services: Services) {
  form(app, { url: '/learning/feed/new', ...button }, async (_data, { user, actor }) => ({
    to: '/learning/mine',
    message: feedLinkMessage(await newFeedLink(services, user, actor)),
  }));

  form(app, { url: '/learning/feed/revoke', ...button }, async (_data, { user, actor }) => {
    await revokeFeedLink(services, user, actor);
    return { to: '/learning/mine', message: 'Your calendar link has been turned off.' };
  });

  // Public by design (calendar apps cannot sign in); the secret in the path is the permission.
  page(
    app,
    {
      method: 'GET',
      url: '/learning/feed/:token',
      permission: 'public',
      params: feedParams,
      audit: { recordType: 'calendar-feed', summary: () => 'Calendar feed read' },
    },
    async ({ params, reply }) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(presentFeed(await feedOf(services, params.token), services.clock.now())),
  );

  // "Add to calendar": one booked day as an .ics file, for people whose calendar did not take the invite.
  page(
    app,
    {
      method: 'GET',
      url: '/learning/sessions/:id/calendar/:partId',
      permission: 'learning:view',
      audit: false,
      params: dayParams,
    },
    async ({ params, user, reply }) => {
      const { day, dayNumber } = await dayFileOf(services, user, params.id, params.partId);
      const file = presentDayFile(day, dayNumber, services.clock.now());
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.ics);
    },
  );
}
