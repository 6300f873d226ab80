import { defineFeature } from '../platform/feature.ts';

const allStaff = {
  practitioner: 'own',
  'team-manager': 'own',
  'service-manager': 'own',
  psw: 'all',
  'ld-admin': 'own',
  'complaints-officer': 'own',
  'system-admin': 'own',
} as const;

/**
 * Exit interviews (issue 14). Individual interviews are the PSW's and her
 * delegates'. A delegate may hold any role, so `exit:interviews` lets every
 * member of staff reach the service, which then admits only the PSW and the
 * people on her list of delegates ('own' scope is never matched: an
 * interview's record is never given an owner, so a leaver cannot read theirs
 * after leaving and nobody else is let in by it). Managers and the service see
 * themes only, with small numbers suppressed.
 */
const actions = {
  'exit:interviews': allStaff,
  'exit:themes': { psw: 'all', 'service-manager': 'all', 'team-manager': 'all' },
  'exit:manage': { psw: 'all' },
} as const;

declare module '../platform/policy/policy.ts' {
  interface PolicyActions extends Record<keyof typeof actions, true> {}
}

export const workforceFeature = defineFeature({
  name: 'Workforce',
  actions,
  navigation: [{ text: 'Exit interviews', href: '/workforce/themes', permission: 'exit:themes', order: 60 }],
  routes: async (app, services) => (await import('./routes.ts')).workforceRoutes(app, services),
  jobs: {
    name: 'Workforce',
    register: async () => (await import('./jobs.ts')).workforceJobs.register(),
    schedule: async (services) => (await import('./jobs.ts')).workforceJobs.schedule(services),
  },
  seed: {
    name: 'Workforce',
    seed: async (db, clock, options) => (await import('./demo/seed.ts')).seedWorkforce(db, clock, options),
  },
  tables: [
    'wf_reasons',
    'wf_themes',
    'wf_delegates',
    'wf_settings',
    'wf_interviews',
    'wf_interview_reasons',
    'wf_interview_themes',
    'wf_links',
  ],
});
