import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams, page } from '../platform/http/page.ts';
import type { Services } from '../platform/services.ts';
import { overviewData, teamPageData } from './dashboard.service.ts';
import { downloadPages } from './downloads.ts';
import { overviewTable, presentOverview } from './overview.presenter.ts';
import { presentTeamPage, TEAM_TABLES } from './team.presenter.ts';

// A table name from a hand-edited address falls back to the first table.
const teamTableQuery = z.object({ table: z.enum(TEAM_TABLES).optional().catch(undefined) });

/** The children's overview (teams in the person's scope) and a team's page, with their downloads. */
export function childDashboardRoutes(app: FastifyInstance, services: Services) {
  // Not audited: counts per team, no child named.
  page(
    app,
    { method: 'GET', url: '/performance', permission: 'children:view', audit: false },
    async ({ user, reply }) => {
      const data = await overviewData(services, user);
      return reply.render('performance/views/overview.njk', presentOverview(data));
    },
  );

  downloadPages(
    app,
    {
      base: '/performance/download',
      permission: 'children:view',
      audit: () => ({ recordType: 'children', summary: () => 'Downloaded children by team' }),
    },
    async ({ user }) => {
      const data = await overviewData(services, user);
      return { table: overviewTable(data), day: data.window.from };
    },
  );

  // Not audited: counts per worker and per kind of work; the children are one audited click away.
  page(
    app,
    {
      method: 'GET',
      url: '/performance/teams/:id',
      permission: 'children:view',
      params: idParams,
      audit: false,
    },
    async ({ params, user, reply }) => {
      const data = await teamPageData(services, user, params.id);
      return reply.render('performance/views/team.njk', presentTeamPage(data));
    },
  );

  downloadPages(
    app,
    {
      base: '/performance/teams/:id/download',
      permission: 'children:view',
      params: idParams,
      query: teamTableQuery,
      audit: () => ({ recordType: 'team', summary: () => 'Downloaded a team table' }),
    },
    async ({ params, query, user }) => {
      const { view, window } = await teamPageData(services, user, params.id);
      return { table: view.tables[query.table ?? 'work-by-kind'], day: window.from };
    },
  );
}
