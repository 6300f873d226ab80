import { type Action, can } from '../policy/policy.ts';
import type { Principal } from '../policy/roles.ts';

/** The service navigation; each person sees the items their roles allow. */
const ITEMS: { text: string; href: string; permission: Action }[] = [
  { text: 'Home', href: '/', permission: 'home:view' },
  { text: 'Children', href: '/performance', permission: 'children:view' },
  { text: 'Learning', href: '/learning', permission: 'learning:view' },
  { text: 'Complaints', href: '/complaints', permission: 'complaints:view' },
  { text: 'Lessons learned', href: '/lessons-learned', permission: 'lessons:read' },
  { text: 'Staff', href: '/staff', permission: 'staff:list' },
  { text: 'Teams', href: '/teams', permission: 'org:view' },
  { text: 'Import children', href: '/performance/import', permission: 'children:import' },
  { text: 'Working days', href: '/admin/working-days', permission: 'calendar:view' },
  { text: 'Audit log', href: '/admin/audit', permission: 'audit:view' },
  { text: 'Outbox', href: '/admin/outbox', permission: 'outbox:view' },
  {
    text: 'Timescales',
    href: '/performance/how-we-work-it-out/change',
    permission: 'performance:rules:manage',
  },
];

export function navigationFor(user: Principal | null, currentPath: string) {
  if (!user) return [];
  return ITEMS.filter((i) => can(user, i.permission)).map((i) => ({
    text: i.text,
    href: i.href,
    active:
      i.href === '/' ? currentPath === '/' : currentPath === i.href || currentPath.startsWith(`${i.href}/`),
  }));
}
