import type { Db } from '../platform/db/db.ts';

/**
 * For the platform's route × role matrix test: a standard, and a case audit of
 * a child in the Leaving Care Team (outside every demo persona's team and
 * service), with the scope the policy should judge the audit by.
 */
export async function standardsRouteFixtures(db: Db) {
  const standard = await db.selectFrom('standards').select('id').orderBy('id').executeTakeFirstOrThrow();
  const child = await db
    .selectFrom('children')
    .innerJoin('teams', 'teams.id', 'children.team_id')
    .select(['children.id', 'children.worker_id', 'children.team_id', 'teams.service_id'])
    .where('teams.name', '=', 'Leaving Care Team')
    .where('children.worker_id', 'is not', null)
    .executeTakeFirstOrThrow();
  const auditor = await db.selectFrom('staff').select('id').orderBy('id').executeTakeFirstOrThrow();
  const id = 'route-fixture-audit';
  await db
    .insertInto('case_audits')
    .values({
      id,
      child_id: child.id,
      team_id: child.team_id,
      worker_id: child.worker_id,
      auditor_id: auditor.id,
      audited_on: '2026-11-01',
      grade: 'good',
      done_well: '',
      must_change: '',
      moderator_id: null,
      moderated_grade: null,
      moderation_reason: null,
      moderated_at: null,
      lesson_id: null,
      created_at: '2026-11-01T10:00:00.000Z',
    })
    .execute();
  const s = `/standards/${standard.id}`;
  return {
    '/standards/:id': { url: s },
    '/standards/:id/print': { url: `${s}/print` },
    '/standards/:id/versions/:version': { url: `${s}/versions/1` },
    '/standards/:id/change': { url: `${s}/change` },
    '/standards/:id/ask': { url: `${s}/ask` },
    '/audits/:id': {
      url: `/audits/${id}`,
      resource: { ownerId: child.worker_id!, teamId: child.team_id, serviceId: child.service_id },
    },
  };
}
