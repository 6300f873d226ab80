import { defineFeature } from '../platform/feature.ts';
import { everyone } from '../platform/policy/policy.ts';
import { peopleCommands } from './cli.ts';
import { PEOPLE_PANELS } from './panels.ts';

/** Staff, teams and services: the directory, its imports and who works where. */
const actions = {
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
  'staff:import': { 'system-admin': 'all' },
  'org:manage': { 'system-admin': 'all' },
  // Home panels: a manager's agency staff; the workforce in figures.
  'workforce:team': { 'team-manager': 'team', 'service-manager': 'service' },
  'workforce:view': { psw: 'all', 'ld-admin': 'all', 'service-manager': 'all' },
} as const;

declare module '../platform/policy/policy.ts' {
  interface PolicyActions extends Record<keyof typeof actions, true> {}
}

export const peopleFeature = defineFeature({
  name: 'People',
  actions,
  navigation: [
    { text: 'Staff', href: '/staff', permission: 'staff:list', order: 60 },
    { text: 'Teams', href: '/teams', permission: 'org:view', order: 70 },
  ],
  routes: async (app, services) => (await import('./routes.ts')).peopleRoutes(app, services),
  panels: PEOPLE_PANELS,
  commands: peopleCommands,
  jobs: {
    name: 'People',
    register: async () => (await import('./jobs.ts')).peopleJobs.register(),
    schedule: async (services) => (await import('./jobs.ts')).peopleJobs.schedule(services),
  },
  tables: ['services', 'teams', 'staff', 'staff_roles'],
});
