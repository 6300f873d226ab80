import type { NavItem } from '../feature.ts';
import { can } from '../policy/policy.ts';
import type { Principal } from '../policy/roles.ts';
import { deepFreeze } from './kept.ts';

export interface NavLink {
  text: string;
  href: string;
  active: boolean;
}

/**
 * The service navigation, from the features' manifests; each person sees the items their roles allow.
 * Made once for each set of roles and current items, and frozen: every page's header is a kept part
 * keyed on it, and a frozen view is hashed once rather than written out as JSON on every request.
 */
export function navigationFor(
  items: NavItem[],
  user: Principal | null,
  currentPath: string,
): readonly NavLink[] {
  if (!user) return [];
  const allowed = items.filter((i) => can(user, i.permission));
  const active = allowed.map((i) =>
    i.href === '/' ? currentPath === '/' : currentPath === i.href || currentPath.startsWith(`${i.href}/`),
  );
  let made = madeFor.get(items);
  if (!made) {
    made = new Map();
    madeFor.set(items, made);
  }
  const key = `${[...user.roles].sort().join(' ')}|${active.map(Number).join('')}`;
  let links = made.get(key);
  if (!links) {
    links = deepFreeze(allowed.map((i, n) => ({ text: i.text, href: i.href, active: active[n]! })));
    made.set(key, links);
  }
  return links;
}

// Per list of items (the app's one list; tests make their own), then per roles and current items: a
// few dozen entries at most, since both come from the manifests.
const madeFor = new WeakMap<NavItem[], Map<string, readonly NavLink[]>>();
