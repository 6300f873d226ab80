import type { FastifyInstance } from 'fastify';
import { loadWorkingCalendar } from '../platform/calendar/closure-days.repo.ts';
import { londonDay } from '../platform/calendar/days.ts';
import { NotFoundError } from '../platform/http/errors.ts';
import { get, safeReturnPath } from '../platform/http/route.ts';
import type { Services } from '../platform/services.ts';
import { formatDate } from '../platform/views/format.ts';
import { getChild } from './dashboard.repo.ts';
import { loadEpisodes } from './episodes.repo.ts';
import { evaluateChild } from './rules/engine.rules.ts';
import { RULE_DESCRIPTIONS } from './rules/settings.rules.ts';
import { authorizeChild } from './scope.ts';
import { loadRuleSettings } from './settings.repo.ts';
import { dayName, statusLabel, statusSentence } from './wording.presenter.ts';

export function childRoutes(app: FastifyInstance, services: Services) {
  const { db, clock } = services;

  const childAudit = {
    recordType: 'child',
    recordId: (req: { params: unknown }) => (req.params as { id: string }).id,
    summary: () => 'Viewed a child’s timescales',
  };

  get(app, '/children/:id', { permission: 'children:view', audit: childAudit }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const child = await getChild(db, id);
    if (!child) throw new NotFoundError('child');
    authorizeChild(req.user!, child);
    const today = londonDay(clock.now());
    const [cal, settings, episodes] = await Promise.all([
      loadWorkingCalendar(db),
      loadRuleSettings(db),
      loadEpisodes(db, [id]),
    ]);
    const e = episodes.get(id)!;
    const results = evaluateChild(e, cal, today, settings).filter((r) => r.status !== 'not-applicable');
    const visits = [...e.visits].sort((a, b) => b.day.localeCompare(a.day)).slice(0, 10);
    const from = (req.query as { from?: unknown }).from;
    return reply.render('performance/views/child.njk', {
      title: child.name,
      child,
      details: [
        ['Local id', child.local_id],
        ['Date of birth', formatDate(child.date_of_birth)],
        ['Allocated worker', child.worker_name ?? 'Not allocated'],
        ['Team', child.team_name ?? 'No team'],
      ].map(([k, v]) => ({ key: { text: k }, value: { text: v } })),
      rows: results.map((r) => {
        const s = {
          rule: r.rule,
          status: r.status,
          due_day: r.dueDay,
          last_day: r.lastDay,
          days_late: r.daysLate,
          open: r.open ? 1 : 0,
        };
        return [
          { text: RULE_DESCRIPTIONS[r.rule].title },
          { text: statusSentence(s) },
          { text: statusLabel(s) },
          { text: r.lastDay ? formatDate(r.lastDay) : 'None yet' },
        ];
      }),
      visits: visits.map((v) => [{ text: dayName(v.day) }, { text: v.seen ? 'Seen' : 'Not seen' }]),
      backLink: { href: from ? safeReturnPath(from) : '/performance/my-children', text: 'Back' },
    });
  });
}
