import { defineFeature } from '../platform/feature.ts';
import { everyone } from '../platform/policy/policy.ts';
import { LEARNING_PANELS } from './panels.ts';

/** The training offer is open to everyone; a place is the person's own; L&D run the offer. */
const actions = {
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
  // The home panel of training missed in a manager's team or service.
  'learning:team-training': { 'team-manager': 'team', 'service-manager': 'service' },
  'learning:managers-courses': {
    'team-manager': 'all',
    'service-manager': 'all',
    psw: 'all',
    'ld-admin': 'all',
  },
  'learning:manage': { 'ld-admin': 'all' },
  'learning:reports': { 'ld-admin': 'all', psw: 'all', 'service-manager': 'all' },
} as const;

declare module '../platform/policy/policy.ts' {
  interface PolicyActions extends Record<keyof typeof actions, true> {}
}

export const learningFeature = defineFeature({
  name: 'Learning',
  actions,
  navigation: [{ text: 'Learning', href: '/learning', permission: 'learning:view', order: 30 }],
  routes: async (app, services) => (await import('./routes.ts')).learningFeatureRoutes(app, services),
  panels: LEARNING_PANELS,
  // Loaded when the worker starts, not by every CLI command.
  jobs: {
    name: 'Learning',
    register: async () => (await import('./jobs.ts')).learningJobs.register(),
    schedule: async (services) => (await import('./jobs.ts')).learningJobs.schedule(services),
  },
  seed: {
    name: 'Learning',
    seed: async (db, clock, options) => (await import('./demo/seed.ts')).seedLearning(db, clock, options),
  },
  tables: [
    'lrn_courses',
    'lrn_sessions',
    'lrn_session_parts',
    'lrn_bookings',
    'lrn_attendance',
    'lrn_evaluations',
    'lrn_interest',
    'lrn_cpd',
    'lrn_modules',
    'lrn_completions',
    'lrn_feed_tokens',
  ],
});
