import type { NavItem } from '../feature.ts';
import { can } from '../policy/policy.ts';
import type { Principal } from '../policy/roles.ts';

/** The service navigation, from the features' manifests; each person sees the items their roles allow. */
export function navigationFor(items: NavItem[], user: Principal | null, currentPath: string) {
  if (!user) return [];
  return items
    .filter((i) => can(user, i.permission))
    .map((i) => ({
      text: i.text,
      href: i.href,
      active:
        i.href === '/' ? currentPath === '/' : currentPath === i.href || currentPath.startsWith(`${i.href}/`),
    }));
}
