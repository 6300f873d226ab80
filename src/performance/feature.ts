import { defineFeature } from '../platform/feature.ts';
import { everyone } from '../platform/policy/policy.ts';
import { childImportCommands } from './import/cli.ts';
import { performanceJobs } from './jobs.ts';
import { myChildrenPanel, teamChildrenPanel } from './panels.ts';

/** Children's records are seen only by the people who hold them. */
const actions = {
  'children:view': { practitioner: 'own', 'team-manager': 'team', 'service-manager': 'service', psw: 'all' },
  // Home panels: a practitioner's own caseload this week; the teams' children for managers and the PSW.
  'children:caseload': { practitioner: 'own' },
  'children:teams': { 'team-manager': 'team', 'service-manager': 'service', psw: 'all' },
  // Picking a child to link a record to (a complaint): the child's name and reference only, never their record.
  'children:link': {
    practitioner: 'own',
    'team-manager': 'team',
    'service-manager': 'service',
    psw: 'all',
    'complaints-officer': 'all',
  },
  'children:import': { 'system-admin': 'all' },
  'performance:rules': everyone,
  // Changing the timescales: the principal social worker and system admins.
  'performance:rules:manage': { psw: 'all', 'system-admin': 'all' },
} as const;

declare module '../platform/policy/policy.ts' {
  interface PolicyActions extends Record<keyof typeof actions, true> {}
}

export const performanceFeature = defineFeature({
  name: 'Children’s timescales',
  actions,
  navigation: [
    { text: 'Children', href: '/performance', permission: 'children:view', order: 20 },
    { text: 'Import children', href: '/performance/import', permission: 'children:import', order: 80 },
    {
      text: 'Timescales',
      href: '/performance/how-we-work-it-out/change',
      permission: 'performance:rules:manage',
      order: 120,
    },
  ],
  routes: async (app, services) => (await import('./routes.ts')).performanceRoutes(app, services),
  panels: [myChildrenPanel, teamChildrenPanel],
  jobs: performanceJobs,
  seed: {
    name: 'Children',
    seed: async (db, clock, options) =>
      (await import('./demo/children.ts')).childrenSeed.seed(db, clock, options),
  },
  commands: ({ importCommand, withDb }) => childImportCommands(importCommand, withDb),
  tables: [
    'children',
    'child_assessments',
    'child_enquiries',
    'child_plans',
    'child_looked_after',
    'child_placements',
    'child_meetings',
    'child_visits',
    'performance_rule_settings',
    'child_rule_status',
    'performance_state',
    'working_calendar_days',
    'performance_rule_settings_history',
    'performance_setting_sources',
  ],
});
