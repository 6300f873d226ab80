import type { DbOrTrx } from '../platform/db/db.ts';
import type { Database } from '../platform/db/schema.ts';
import { whereInScope } from '../platform/db/scope.ts';
import { listScope } from '../platform/policy/policy.ts';
import type { Principal } from '../platform/policy/roles.ts';
import { getChild } from './dashboard.repo.ts';

/** A child as another feature may see them: who, and where they sit (worker, team, service) for scoping. */
export const findChild = (db: DbOrTrx, id: string) => getChild(db, id);

type C = Database & { c: Database['children'] };

/** The children a person may see, by name, for choosing one (at most `limit`). */
export const childrenToChoose = (db: DbOrTrx, user: Principal, limit = 500) =>
  db
    .selectFrom('children as c')
    .leftJoin('teams', 'teams.id', 'c.team_id')
    .select(['c.id', 'c.name', 'c.local_id', 'teams.name as team_name'])
    .where(
      whereInScope<C, 'c' | 'teams'>(listScope(user, 'children:view'), {
        owner: 'c.worker_id',
        team: 'c.team_id',
        service: 'teams.service_id',
      }),
    )
    .orderBy('c.name')
    .limit(limit)
    .execute();
