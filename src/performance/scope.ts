import { authorize, scopeFor } from '../platform/policy/policy.ts';
import type { Principal } from '../platform/policy/roles.ts';

/**
 * Which children a person may see, as the policy module answers it: their own
 * caseload, their team's, their service's, or all. Queries narrow by this and
 * nothing else, so the policy stays the one place that decides.
 */
export type ChildScope =
  | { kind: 'own'; workerId: string }
  | { kind: 'team'; teamId: string }
  | { kind: 'service'; serviceId: string }
  | { kind: 'all' };

export function childScopeOf(user: Principal): ChildScope | null {
  const scope = scopeFor(user, 'children:view');
  if (scope === 'all') return { kind: 'all' };
  if (scope === 'service' && user.serviceId) return { kind: 'service', serviceId: user.serviceId };
  if (scope === 'team' && user.teamId) return { kind: 'team', teamId: user.teamId };
  return scope ? { kind: 'own', workerId: user.id } : null;
}

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
