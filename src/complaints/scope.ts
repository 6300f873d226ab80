import { type Action, authorize } from '../platform/policy/policy.ts';
import type { Principal } from '../platform/policy/roles.ts';

/**
 * The policy check for one complaint, lesson item or action, from its row
 * (team, service and, for an action, its owner); recorded as denied if refused.
 * Lists are narrowed with `listScope` + `whereInScope` in the repositories.
 */
export const authorizeRecord = (
  user: Principal,
  action: Action,
  type: string,
  record: { id: string; team_id: string | null; service_id: string | null; owner_id?: string | null },
  subjectIds?: readonly string[],
) =>
  authorize(user, action, {
    type,
    id: record.id,
    teamId: record.team_id,
    serviceId: record.service_id,
    ownerId: record.owner_id ?? null,
    ...(subjectIds ? { subjectIds } : {}),
  });
