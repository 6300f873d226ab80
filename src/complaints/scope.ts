import { type Action, authorize, type ResourceScope, scopeFor } from '../platform/policy/policy.ts';
import type { Principal } from '../platform/policy/roles.ts';

/**
 * Which complaints or learning items a person may see in a list, worked out
 * from the policy module's grant (never from their roles directly).
 */
export type Visibility =
  | { kind: 'all' }
  | { kind: 'team'; teamId: string | null }
  | { kind: 'service'; serviceId: string | null }
  | { kind: 'none' };

export function visibility(user: Principal, action: Action): Visibility {
  const scope = scopeFor(user, action);
  if (scope === 'all') return { kind: 'all' };
  if (scope === 'team') return { kind: 'team', teamId: user.teamId };
  if (scope === 'service') return { kind: 'service', serviceId: user.serviceId };
  return { kind: 'none' };
}

/** The policy check for one complaint or learning item, recorded as denied if refused. */
export const authorizeRecord = (
  user: Principal,
  action: Action,
  type: string,
  record: { id: string; team_id: string | null; service_id: string | null; owner_id?: string | null },
) => {
  const scope: ResourceScope & { type: string; id: string } = {
    type,
    id: record.id,
    teamId: record.team_id,
    serviceId: record.service_id,
    ownerId: record.owner_id ?? null,
  };
  authorize(user, action, scope);
};
