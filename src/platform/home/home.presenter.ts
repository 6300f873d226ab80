import type { Panel } from '../feature.ts';
import { type Principal, ROLE_NAMES } from '../policy/roles.ts';

/** The home page: a greeting by first name, the person's roles, and the panels that need them. Pure. */
export function presentHome(user: Pick<Principal, 'name' | 'roles'>, panels: Panel[]) {
  return {
    title: 'Home',
    firstName: user.name.split(' ')[0],
    roleNames: user.roles.map((r) => ROLE_NAMES[r]).join(', '),
    panels,
  };
}
