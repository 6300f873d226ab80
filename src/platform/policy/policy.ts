import type { Principal, Role } from './roles.ts';

/**
 * The one place that answers "may this person do this to that record?", and
 * "which records may they list?". Each action grants a scope per role; a person
 * with several roles gets the widest. Routes name an action; services pass the
 * record for scoped checks; list queries filter by `listScope`.
 *
 * The actions come from the features' manifests (`actions` in each `feature.ts`),
 * registered once by `src/features.ts`. Their names are checked by the compiler
 * too: each feature adds its action names to `PolicyActions` by declaration merging.
 */
export type Scope = 'own' | 'team' | 'service' | 'all';
const WIDTH: Record<Scope, number> = { own: 1, team: 2, service: 3, all: 4 };

export type Grants = Partial<Record<Role, Scope>>;
export const everyone: Grants = {
  practitioner: 'all',
  'team-manager': 'all',
  'service-manager': 'all',
  psw: 'all',
  'ld-admin': 'all',
  'complaints-officer': 'all',
  'system-admin': 'all',
};

/** Every action's name; features extend this interface (see any `feature.ts`). */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by declaration merging
export interface PolicyActions {}
export type Action = keyof PolicyActions & string;

/** Actions the platform itself owns: the home page, one's own account and the working-day calendar. */
export const PLATFORM_ACTIONS = {
  'home:view': everyone,
  'account:manage': everyone,
  'calendar:view': everyone,
  'calendar:manage': { 'system-admin': 'all' },
} as const satisfies Record<string, Grants>;

declare module './policy.ts' {
  interface PolicyActions extends Record<keyof typeof PLATFORM_ACTIONS, true> {}
}

const POLICY = new Map<string, Grants>(Object.entries(PLATFORM_ACTIONS));

/** Adds a feature's actions; a name two features both claim is a mistake caught at start-up. */
export function registerActions(feature: string, actions: Record<string, Grants>) {
  for (const [action, grants] of Object.entries(actions)) {
    if (POLICY.has(action) && POLICY.get(action) !== grants)
      throw new Error(`Policy action ${action} is declared twice (again by ${feature})`);
    POLICY.set(action, grants);
  }
}

/** Every registered action with its grants, for the route × role tests. */
export const registeredActions = (): [Action, Grants][] => [...POLICY] as [Action, Grants][];

function grantsOf(action: Action): Grants {
  const grants = POLICY.get(action);
  if (!grants) throw new Error(`Unknown policy action ${action}: is its feature listed in src/features.ts?`);
  return grants;
}

/** Where a record sits: whose it is, and which team and service it belongs to. */
export interface ResourceScope {
  ownerId?: string | null;
  teamId?: string | null;
  serviceId?: string | null;
  /**
   * For a decision about people (approving a request, investigating a complaint
   * about them): who it is about. Nobody decides on their own record, whatever
   * their scope — see `decidesOnOwnRecord`.
   */
  subjectIds?: readonly (string | null | undefined)[];
}

/**
 * The rule that nobody approves their own request or investigates a complaint
 * about themselves: true when the person is one of the record's subjects.
 * `can` and `authorize` apply it whenever a record names its subjects; services
 * also use it before giving a decision to someone else (an investigating
 * officer named in the complaint).
 */
export const decidesOnOwnRecord = (personId: string, subjectIds: ResourceScope['subjectIds']): boolean =>
  !!subjectIds?.some((id) => !!id && id === personId);

/** The widest scope any of the person's roles grants for the action, or null. */
export function scopeFor(user: Principal, action: Action): Scope | null {
  const grants = grantsOf(action);
  let best: Scope | null = null;
  for (const role of user.roles) {
    const s = grants[role];
    if (s && (!best || WIDTH[s] > WIDTH[best])) best = s;
  }
  return best;
}

export function can(user: Principal, action: Action, resource?: ResourceScope): boolean {
  const scope = scopeFor(user, action);
  if (!scope) return false;
  if (resource && decidesOnOwnRecord(user.id, resource.subjectIds)) return false;
  if (!resource || scope === 'all') return true;
  return withinScope(user, scope, resource);
}

function withinScope(user: Principal, scope: Scope, r: ResourceScope): boolean {
  if (r.ownerId && r.ownerId === user.id) return true;
  if (scope === 'own') return false;
  if (scope === 'team') return !!user.teamId && r.teamId === user.teamId;
  return !!user.serviceId && r.serviceId === user.serviceId;
}

/**
 * Which records of an action a person may list. It agrees with `can` record by
 * record: a team (or service) scope for someone in no team (or service) leaves
 * only their own records, and their own records are always in scope. List
 * queries turn this into a WHERE clause with `whereInScope` (platform/db/scope.ts).
 */
export type ListScope =
  | { kind: 'all' }
  | { kind: 'service'; serviceId: string; userId: string }
  | { kind: 'team'; teamId: string; userId: string }
  | { kind: 'own'; userId: string }
  | { kind: 'none' };

export function listScope(user: Principal, action: Action): ListScope {
  const scope = scopeFor(user, action);
  if (!scope) return { kind: 'none' };
  if (scope === 'all') return { kind: 'all' };
  if (scope === 'service' && user.serviceId)
    return { kind: 'service', serviceId: user.serviceId, userId: user.id };
  if (scope === 'team' && user.teamId) return { kind: 'team', teamId: user.teamId, userId: user.id };
  return { kind: 'own', userId: user.id };
}

export class ForbiddenError extends Error {
  readonly action: Action;
  readonly recordType: string | undefined;
  readonly recordId: string | undefined;
  constructor(action: Action, recordType?: string, recordId?: string) {
    super(`Not allowed: ${action}`);
    this.action = action;
    this.recordType = recordType;
    this.recordId = recordId;
  }
}

/** Throws ForbiddenError unless allowed; the error handler answers 403 and audits the attempt. */
export function authorize(
  user: Principal,
  action: Action,
  resource?: ResourceScope & { type?: string; id?: string },
): void {
  if (!can(user, action, resource)) throw new ForbiddenError(action, resource?.type, resource?.id);
}
