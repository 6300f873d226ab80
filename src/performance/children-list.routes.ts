import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { page } from '../platform/http/page.ts';
import type { Services } from '../platform/services.ts';
import { childrenDownload, presentChildrenList } from './children-list.presenter.ts';
import { childrenListData, myChildrenData } from './dashboard.service.ts';
import { downloadPages } from './downloads.ts';
import { myChildrenDownload, presentMyChildren } from './my-children.presenter.ts';
import { RULE_IDS } from './rules/types.ts';
import { qs } from './table.presenter.ts';

// Filters from a hand-edited address that do not parse are left out rather than refused.
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const listQuery = z.object({
  team: z.string().max(60).optional().catch(undefined),
  worker: z.string().max(60).optional().catch(undefined),
  rule: z.enum(RULE_IDS).optional().catch(undefined),
  status: z.enum(['on-time', 'due-soon', 'overdue', 'finished-late', 'not-seen']).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
});

/** Lists name children, so every view is audited with its address (the filters say which children). */
const listed = (summary: string) => (path: string) => ({
  recordType: 'children',
  summary: ({ query }: { query: Record<string, string | undefined> }) =>
    `${summary} ${`${path}${qs(query)}`.slice(0, 200)}`,
});

/** The lists that name children: the person's own this week, and the children behind a number. */
export function childListRoutes(app: FastifyInstance, services: Services) {
  const MY = '/performance/my-children';
  page(
    app,
    {
      method: 'GET',
      url: MY,
      permission: 'children:view',
      audit: listed('Viewed my children this week')(MY),
    },
    async ({ user, reply }) => {
      const data = await myChildrenData(services, user);
      return reply.render('performance/views/my-children.njk', presentMyChildren(data));
    },
  );

  downloadPages(
    app,
    { base: `${MY}/download`, permission: 'children:view', audit: listed('Downloaded my children') },
    async ({ user }) => {
      const { rows, window } = await myChildrenData(services, user);
      return { table: myChildrenDownload(rows, window), day: window.from };
    },
  );

  const LIST = '/performance/children';
  page(
    app,
    {
      method: 'GET',
      url: LIST,
      permission: 'children:view',
      query: listQuery,
      audit: listed('Viewed a list of children')(LIST),
    },
    async ({ query, user, reply }) => {
      const data = await childrenListData(services, user, query);
      return reply.render('performance/views/children.njk', presentChildrenList(data));
    },
  );

  downloadPages(
    app,
    {
      base: `${LIST}/download`,
      permission: 'children:view',
      query: listQuery,
      audit: listed('Downloaded a list of children'),
    },
    async ({ query, user }) => {
      const data = await childrenListData(services, user, query);
      return { table: childrenDownload(data), day: data.window.from };
    },
  );
}
