import { defineFeature } from '../platform/feature.ts';
import { ADMIN_PANELS } from './panels.ts';

/** The system admin's tools: the audit log and the email outbox. */
const actions = {
  'audit:view': { 'system-admin': 'all' },
  'audit:export': { 'system-admin': 'all' },
  'outbox:view': { 'system-admin': 'all' },
  'outbox:manage': { 'system-admin': 'all' },
} as const;

declare module '../platform/policy/policy.ts' {
  interface PolicyActions extends Record<keyof typeof actions, true> {}
}

export const adminFeature = defineFeature({
  name: 'Admin',
  actions,
  navigation: [
    { text: 'Audit log', href: '/admin/audit', permission: 'audit:view', order: 100 },
    { text: 'Outbox', href: '/admin/outbox', permission: 'outbox:view', order: 110 },
  ],
  routes: async (app, services) => (await import('./routes.ts')).adminRoutes(app, services),
  panels: ADMIN_PANELS,
});
