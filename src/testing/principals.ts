import type { Principal, Role } from '../platform/policy/roles.ts';

/** A signed-in person for tests of rules that look only at roles, team and service: "me", in team-a of svc-1. */
export const testPrincipal = (roles: Role[], over: Partial<Principal> = {}): Principal => ({
  id: 'me',
  name: 'Me',
  email: 'me@x',
  roles,
  teamId: 'team-a',
  serviceId: 'svc-1',
  ...over,
});
