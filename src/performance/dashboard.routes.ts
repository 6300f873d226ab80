import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { addCalendarDays, londonDay } from '../platform/calendar/days.ts';
import { NotFoundError } from '../platform/http/errors.ts';
import { get } from '../platform/http/route.ts';
import type { Services } from '../platform/services.ts';
import { childrenTable } from './children-list.presenter.ts';
import {
  type Counts,
  countsTable,
  forwardTable,
  ruleRows,
  rulesTable,
  supervisionNotes,
  trendChart,
} from './dashboard.presenter.ts';
import {
  childCounts,
  childStatusRows,
  dueByDay,
  getTeam,
  ruleCounts,
  staffNames,
  teamsInScope,
} from './dashboard.repo.ts';
import { myChildren, myChildrenTable, mySummary } from './my-children.presenter.ts';
import { RULE_IDS } from './rules/types.ts';
import { authorizeTeam, childScopeOf } from './scope.ts';
import { ensureStatuses, storedTrends } from './status.service.ts';
import { downloadLinks, downloadTable, getDownload, pageTable, qs } from './table.presenter.ts';
import { sumTrends } from './trends.rules.ts';
import { ViewCache } from './view-cache.ts';
import { dueSoonSentence, overdueSentence, seenSentence } from './wording.presenter.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const listQuery = z.object({
  team: z.string().max(60).optional().catch(undefined),
  worker: z.string().max(60).optional().catch(undefined),
  rule: z.enum(RULE_IDS).optional().catch(undefined),
  status: z.enum(['on-time', 'due-soon', 'overdue', 'finished-late', 'not-seen']).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
});
const SHOWN = 200;

const audited = (summary: string) => ({
  recordType: 'children',
  summary: (req: FastifyRequest) => `${summary} ${req.url.slice(0, 200)}`,
});

export function dashboardRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;
  /** Today in London, the next two weeks, and statuses worked out for today. */
  const window = async () => {
    const from = londonDay(clock.now());
    const version = await ensureStatuses(db, from);
    return { from, to: addCalendarDays(from, 14), version };
  };
  const teamViews = new ViewCache<Awaited<ReturnType<typeof teamView>>>();
  const scopeOf = (req: FastifyRequest) => childScopeOf(req.user!)!;

  async function overview(req: FastifyRequest) {
    const w = await window();
    const scope = scopeOf(req);
    const teams = await teamsInScope(db, scope);
    const names = new Map(teams.map((t) => [t.id, t.name]));
    const counts = await childCounts(db, scope, 'team', { dueFrom: w.from, dueTo: w.to });
    const rows: Counts[] = counts.map((c) => ({ ...c, name: names.get(c.key ?? '') ?? 'No team' }));
    return { w, scope, teams, table: countsTable(rows, 'team', w) };
  }

  get(app, '/performance', { permission: 'children:view', audit: false }, async (req, reply) => {
    const { w, scope, teams, table } = await overview(req);
    const total = table.rows.reduce(
      (a, r) => ({
        visited: a.visited + r.visited,
        notSeen: a.notSeen + r.notSeen,
        overdue: a.overdue + r.overdue,
        dueSoon: a.dueSoon + r.dueSoon,
      }),
      { visited: 0, notSeen: 0, overdue: 0, dueSoon: 0 },
    );
    const trends = await storedTrends(db);
    const own = scope.kind === 'own';
    return reply.render('performance/views/overview.njk', {
      title: 'Children: seen, assessed and planned for on time',
      own,
      summary: own
        ? []
        : [
            seenSentence('team', total.visited, total.notSeen).replace('the team’s', 'our'),
            overdueSentence(total.overdue),
            dueSoonSentence(total.dueSoon),
          ],
      table: own ? null : pageTable(table),
      chart:
        own || !trends.weeks.length
          ? null
          : trendChart(
              trends.weeks,
              sumTrends(
                trends,
                teams.map((t) => t.id),
              ),
            ),
      today: w.from,
      downloads: downloadLinks('/performance/download'),
    });
  });

  getDownload(
    app,
    '/performance/download',
    {
      permission: 'children:view',
      audit: { recordType: 'children', summary: () => 'Downloaded children by team' },
    },
    async (req, reply) => {
      const { w, table } = await overview(req);
      return downloadTable(reply, req.url, table, w.from);
    },
  );

  async function mine(req: FastifyRequest) {
    const w = await window();
    const rows = await childStatusRows(db, { kind: 'own', workerId: req.user!.id }, {});
    return { w, rows, children: myChildren(rows, w.to) };
  }

  get(
    app,
    '/performance/my-children',
    { permission: 'children:view', audit: audited('Viewed my children this week') },
    async (req, reply) => {
      const { w, rows, children } = await mine(req);
      return reply.render('performance/views/my-children.njk', {
        title: 'My children this week',
        summary: mySummary(rows, w.from, w.to),
        table: pageTable(myChildrenTable(children, '/performance/my-children')),
        count: children.length,
        downloads: downloadLinks('/performance/my-children/download'),
      });
    },
  );

  getDownload(
    app,
    '/performance/my-children/download',
    { permission: 'children:view', audit: audited('Downloaded my children') },
    async (req, reply) => {
      const { w, children } = await mine(req);
      return downloadTable(reply, req.url, myChildrenTable(children, '/performance/my-children'), w.from);
    },
  );

  /** What a team's page shows: the same for everyone allowed to see the team, so it is cached. */
  async function teamView(teamId: string, w: { from: string; to: string }) {
    const scope = { kind: 'team', teamId } as const;
    const counts = await childCounts(db, scope, 'worker', { dueFrom: w.from, dueTo: w.to });
    const names = await staffNames(
      db,
      counts.map((c) => c.key).filter((k): k is string => !!k),
    );
    const workers: Counts[] = counts
      .map((c) => ({ ...c, name: c.key ? (names.get(c.key) ?? 'Unknown') : 'Not allocated' }))
      .sort((a, b) => a.name.localeCompare(b.name));
    const trends = await storedTrends(db);
    return {
      workers,
      chart: trends.weeks.length ? trendChart(trends.weeks, sumTrends(trends, [teamId])) : null,
      tables: {
        'work-by-kind': rulesTable(ruleRows(await ruleCounts(db, scope)), teamId),
        workers: countsTable(workers, 'worker', w, teamId),
        'next-two-weeks': forwardTable(await dueByDay(db, scope, { from: w.from, to: w.to }), teamId),
      },
    };
  }

  async function teamPage(req: FastifyRequest) {
    const { id } = req.params as { id: string };
    const team = await getTeam(db, id);
    if (!team) throw new NotFoundError('team');
    authorizeTeam(req.user!, team);
    const w = await window();
    return { team, w, ...(await teamViews.get(team.id, w.version, () => teamView(team.id, w))) };
  }

  get(app, '/performance/teams/:id', { permission: 'children:view', audit: false }, async (req, reply) => {
    const { team, workers, tables, chart } = await teamPage(req);
    const total = workers.reduce(
      (a, r) => ({
        visited: a.visited + r.visited,
        notSeen: a.notSeen + r.notSeen,
        overdue: a.overdue + r.overdue,
      }),
      {
        visited: 0,
        notSeen: 0,
        overdue: 0,
      },
    );
    return reply.render('performance/views/team.njk', {
      title: `Children in ${team.name}`,
      team,
      summary: [
        {
          text: seenSentence('team', total.visited, total.notSeen),
          href: `/performance/children?team=${team.id}&status=not-seen`,
        },
        {
          text: overdueSentence(total.overdue, 'the team’s'),
          href: `/performance/children?team=${team.id}&status=overdue`,
        },
      ],
      rules: pageTable(tables['work-by-kind']),
      workers: pageTable(tables.workers),
      forward: pageTable(tables['next-two-weeks']),
      supervision: supervisionNotes(workers.filter((x) => x.key)),
      chart,
      backLink: { href: '/performance', text: 'All teams' },
      downloads: {
        rules: downloadLinks(`/performance/teams/${team.id}/download?table=work-by-kind`),
        forward: downloadLinks(`/performance/teams/${team.id}/download?table=next-two-weeks`),
        workers: downloadLinks(`/performance/teams/${team.id}/download?table=workers`),
      },
    });
  });

  getDownload(
    app,
    '/performance/teams/:id/download',
    { permission: 'children:view', audit: { recordType: 'team', summary: () => 'Downloaded a team table' } },
    async (req, reply) => {
      const { w, tables } = await teamPage(req);
      const which = (req.query as { table?: string }).table;
      const table = which && which in tables ? tables[which as keyof typeof tables] : tables['work-by-kind'];
      return downloadTable(reply, req.url, table as Parameters<typeof downloadTable>[2], w.from);
    },
  );

  async function childrenList(req: FastifyRequest) {
    const f = listQuery.parse(req.query);
    if (f.team) {
      const team = await getTeam(db, f.team);
      if (!team) throw new NotFoundError('team');
      authorizeTeam(req.user!, team);
    }
    const w = await window();
    const rows = await childStatusRows(db, scopeOf(req), {
      teamId: f.team,
      workerId: f.worker,
      rule: f.rule,
      status: f.status,
      dueFrom: f.from,
      dueTo: f.to,
    });
    const back = `/performance/children${qs({ ...f })}`;
    return { f, w, rows, table: childrenTable(rows, back), back };
  }

  get(
    app,
    '/performance/children',
    { permission: 'children:view', audit: audited('Viewed a list of children') },
    async (req, reply) => {
      const { f, rows, table, back } = await childrenList(req);
      const team = f.team ? await getTeam(db, f.team) : undefined;
      const children = new Set(rows.map((r) => r.child_id)).size;
      return reply.render('performance/views/children.njk', {
        title: 'The children behind the number',
        caption: team?.name,
        children,
        shown: Math.min(rows.length, SHOWN),
        total: rows.length,
        table: pageTable({ ...table, rows: table.rows.slice(0, SHOWN) }),
        downloads: downloadLinks(
          `/performance/children/download${back.slice('/performance/children'.length)}`,
        ),
        backLink: {
          href: team ? `/performance/teams/${team.id}` : '/performance',
          text: team ? `Back to ${team.name}` : 'Back',
        },
      });
    },
  );

  getDownload(
    app,
    '/performance/children/download',
    { permission: 'children:view', audit: audited('Downloaded a list of children') },
    async (req, reply) => {
      const { w, table } = await childrenList(req);
      return downloadTable(reply, req.url, table, w.from);
    },
  );
}
