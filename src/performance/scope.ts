import { authorize } from '../platform/policy/policy.ts';
import type { Principal } from '../platform/policy/roles.ts';

// Which children a list shows is the policy's `listScope(user, 'children:view')`, narrowed in the
// repositories by `whereInScope` (platform/db/scope.ts). These are the record-level checks services make.

/** Throws (403, audited as denied) unless the person may see this child. */
export function authorizeChild(
  user: Principal,
  child: { id: string; worker_id: string | null; team_id: string | null; service_id: string | null },
) {
  authorize(user, 'children:view', {
    type: 'child',
    id: child.id,
    ownerId: child.worker_id,
    teamId: child.team_id,
    serviceId: child.service_id,
  });
}

/** Throws unless the person may see the children of this team (a manager of it, its service, or all). */
export function authorizeTeam(user: Principal, team: { id: string; service_id: string }) {
  authorize(user, 'children:view', {
    type: 'team',
    id: team.id,
    teamId: team.id,
    serviceId: team.service_id,
  });
}
