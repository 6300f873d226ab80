import type { DbOrTrx } from '../platform/db/db.ts';
import type { Database } from '../platform/db/schema.ts';
import { whereInScope } from '../platform/db/scope.ts';
import type { ListScope } from '../platform/policy/policy.ts';

type C = Database & { c: Database['children'] };

/** What another record (a complaint) keeps of the child it is linked to. */
export interface LinkableChild {
  id: string;
  localId: string;
  name: string;
}

/**
 * The child with this case reference, if it is one of the children the scope
 * allows (placed, as every child list is, by worker, team and the team's service).
 */
export async function findLinkableChild(
  db: DbOrTrx,
  scope: ListScope,
  localId: string,
): Promise<LinkableChild | undefined> {
  const row = await db
    .selectFrom('children as c')
    .leftJoin('teams', 'teams.id', 'c.team_id')
    .select(['c.id', 'c.local_id', 'c.name'])
    .where('c.local_id', '=', localId)
    .where(
      whereInScope<C, 'c' | 'teams'>(scope, {
        owner: 'c.worker_id',
        team: 'c.team_id',
        service: 'teams.service_id',
      }),
    )
    .executeTakeFirst();
  return row ? { id: row.id, localId: row.local_id, name: row.name } : undefined;
}
