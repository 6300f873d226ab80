import type { DbOrTrx } from '../platform/db/db.ts';

/** A leaver with no interview yet and a recorded interview, for the route × role test (no owner: PSW and delegates only). */
export async function workforceRouteFixtures(db: DbOrTrx) {
  const interviewed = db.selectFrom('wf_interviews').select('staff_id');
  const leaver = await db
    .selectFrom('staff')
    .select('id')
    .where('left_on', 'is not', null)
    .where('id', 'not in', interviewed)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const interview = await db.selectFrom('wf_interviews').select('id').orderBy('id').executeTakeFirstOrThrow();
  return {
    '/workforce/leavers/:id/new': {
      url: `/workforce/leavers/${leaver.id}/new`,
      resource: { ownerId: '', teamId: null, serviceId: null },
    },
    '/workforce/interviews/:id': {
      url: `/workforce/interviews/${interview.id}`,
      resource: { ownerId: '', teamId: null, serviceId: null },
    },
  };
}
