import { defineFeature } from '../platform/feature.ts';
import { everyone } from '../platform/policy/policy.ts';
import { complaintStagesPanel, overdueActionsPanel } from './panels.ts';

/**
 * Complaints, compliments and the learning loop: officers and the PSW see all;
 * managers see complaints about their team (or service); everyone reads published lessons.
 */
const actions = {
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
  'lessons:sources': { 'complaints-officer': 'all', psw: 'all' },
  'lessons:view': {
    'complaints-officer': 'all',
    psw: 'all',
    'team-manager': 'team',
    'service-manager': 'service',
  },
  'lessons:manage': { 'complaints-officer': 'all', psw: 'all' },
  'lessons:evidence': {
    practitioner: 'own',
    'team-manager': 'own',
    'service-manager': 'own',
    psw: 'all',
    'ld-admin': 'own',
    'complaints-officer': 'all',
    'system-admin': 'own',
  },
  'lessons:read': everyone,
} as const;

declare module '../platform/policy/policy.ts' {
  interface PolicyActions extends Record<keyof typeof actions, true> {}
}

export const complaintsFeature = defineFeature({
  name: 'Complaints',
  actions,
  navigation: [
    { text: 'Complaints', href: '/complaints', permission: 'complaints:view', order: 40 },
    { text: 'Lessons learned', href: '/lessons', permission: 'lessons:read', order: 50 },
  ],
  routes: async (app, services) => (await import('./routes.ts')).complaintsRoutes(app, services),
  panels: [overdueActionsPanel, complaintStagesPanel],
  // The reminder job's module loads only in the worker.
  jobs: {
    name: 'complaints',
    register: async () => (await import('./reminders.ts')).complaintJobs.register(),
    schedule: async (services) => (await import('./reminders.ts')).complaintJobs.schedule(services),
  },
  seed: {
    name: 'Complaints and learning',
    seed: async (db, clock, options) =>
      (await import('./demo/seed.ts')).complaintsSeed.seed(db, clock, options),
  },
  tables: [
    'complaints',
    'complaint_workers',
    'complaint_events',
    'complaint_contacts',
    'complaint_documents',
    'lesson_sources',
    'lesson_items',
    'lesson_actions',
  ],
});
