import type { Principal, Role } from './roles.ts';

/**
 * The one place that answers "may this person do this to that record?".
 * Each action grants a scope per role; a person with several roles gets the
 * widest. Routes name an action; services pass the record for scoped checks.
 */
export type Scope = 'own' | 'team' | 'service' | 'all';
const WIDTH: Record<Scope, number> = { own: 1, team: 2, service: 3, all: 4 };

type Grants = Partial<Record<Role, Scope>>;
const everyone: Grants = {
  practitioner: 'all',
  'team-manager': 'all',
  'service-manager': 'all',
  psw: 'all',
  'ld-admin': 'all',
  'complaints-officer': 'all',
  'system-admin': 'all',
};

export const POLICY = {
  'home:view': everyone,
  'account:manage': everyone,
  'org:view': everyone,
  'staff:list': everyone,
  'staff:view': {
    practitioner: 'own',
    'team-manager': 'team',
    'service-manager': 'service',
    psw: 'all',
    'ld-admin': 'all',
    'complaints-officer': 'all',
    'system-admin': 'all',
  },
  'staff:manage': { 'system-admin': 'all' },
  'staff:invite': { 'system-admin': 'all' },
  'org:manage': { 'system-admin': 'all' },
  'calendar:view': everyone,
  'calendar:manage': { 'system-admin': 'all' },
  'staff:import': { 'system-admin': 'all' },
  'audit:view': { 'system-admin': 'all' },
  'audit:export': { 'system-admin': 'all' },
  'outbox:view': { 'system-admin': 'all' },
  'outbox:manage': { 'system-admin': 'all' },
  // Complaints, compliments and the learning loop (src/complaints): officers and the PSW see all;
  // managers see complaints about their team (or service); everyone reads published learning.
  'complaints:view': {
    'complaints-officer': 'all',
    psw: 'all',
    'team-manager': 'team',
    'service-manager': 'service',
  },
  'complaints:manage': { 'complaints-officer': 'all' },
  'complaints:investigate': {
    'complaints-officer': 'all',
    'team-manager': 'team',
    'service-manager': 'service',
  },
  'complaints:reports': { 'complaints-officer': 'all', psw: 'all', 'service-manager': 'all' },
  'learning-sources:manage': { 'complaints-officer': 'all', psw: 'all' },
  'learning-items:view': {
    'complaints-officer': 'all',
    psw: 'all',
    'team-manager': 'team',
    'service-manager': 'service',
  },
  'learning-items:manage': { 'complaints-officer': 'all', psw: 'all' },
  'learning-actions:evidence': {
    practitioner: 'own',
    'team-manager': 'own',
    'service-manager': 'own',
    psw: 'all',
    'ld-admin': 'own',
    'complaints-officer': 'all',
    'system-admin': 'own',
  },
  'lessons:read': everyone,
  // Learning (issue 3): the offer is open to everyone; a place is the person's own; L&D run the offer.
  'learning:view': everyone,
  'learning:place': {
    practitioner: 'own',
    'team-manager': 'own',
    'service-manager': 'own',
    psw: 'own',
    'ld-admin': 'all',
    'complaints-officer': 'own',
    'system-admin': 'own',
  },
  'learning:approve': { 'team-manager': 'team', 'service-manager': 'service', 'ld-admin': 'all' },
  'learning:team': { 'team-manager': 'team', 'service-manager': 'service', psw: 'all', 'ld-admin': 'all' },
  'learning:managers-courses': {
    'team-manager': 'all',
    'service-manager': 'all',
    psw: 'all',
    'ld-admin': 'all',
  },
  'learning:manage': { 'ld-admin': 'all' },
  'learning:reports': { 'ld-admin': 'all', psw: 'all', 'service-manager': 'all' },
  // Child-focused performance (issue 4): children's records are seen only by the people who hold them.
  'children:view': { practitioner: 'own', 'team-manager': 'team', 'service-manager': 'service', psw: 'all' },
  'children:import': { 'system-admin': 'all' },
  'performance:rules': everyone,
  // Changing the timescales (issue 4, rule settings): the principal social worker and system admins.
  'performance:rules:manage': { psw: 'all', 'system-admin': 'all' },
} as const satisfies Record<string, Grants>;

export type Action = keyof typeof POLICY;
export const ACTIONS = Object.keys(POLICY) as Action[];

/** Where a record sits: whose it is, and which team and service it belongs to. */
export interface ResourceScope {
  ownerId?: string | null;
  teamId?: string | null;
  serviceId?: string | null;
}

/** The widest scope any of the person's roles grants for the action, or null. */
export function scopeFor(user: Principal, action: Action): Scope | null {
  const grants: Grants = POLICY[action];
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
  if (!resource || scope === 'all') return true;
  return withinScope(user, scope, resource);
}

function withinScope(user: Principal, scope: Scope, r: ResourceScope): boolean {
  if (r.ownerId && r.ownerId === user.id) return true;
  if (scope === 'own') return false;
  if (scope === 'team') return !!user.teamId && r.teamId === user.teamId;
  return !!user.serviceId && r.serviceId === user.serviceId;
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
