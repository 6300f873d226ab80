import { defineFeature } from '../platform/feature.ts';
import { everyone } from '../platform/policy/policy.ts';

/** Everyone may practise: the coach and the scenarios hold no one's record. */
const actions = { 'practice:use': everyone } as const;

declare module '../platform/policy/policy.ts' {
  interface PolicyActions extends Record<keyof typeof actions, true> {}
}

export const practiceToolsFeature = defineFeature({
  name: 'Practice tools',
  actions,
  navigation: [{ text: 'Practice tools', href: '/practice-tools', permission: 'practice:use', order: 35 }],
  routes: async (app, services) => (await import('./routes.ts')).practiceToolsRoutes(app, services),
  seed: {
    name: 'Practice tools',
    seed: async (db, clock) => (await import('./demo/seed.ts')).seedPracticeTools(db, clock),
  },
});
