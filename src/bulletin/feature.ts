import { defineFeature } from '../platform/feature.ts';
import { everyone } from '../platform/policy/policy.ts';

/**
 * The Practice and Learning Bulletin: monthly editions built from the Hub's
 * own training offer and lessons, read on the web, sent by email, printed as
 * PDF; contributions from anyone; feedback and who has read it.
 *
 * Who edits is partly data: the PSW (`bulletin:editors`) and the people she
 * makes editors (the `bulletin_editors` table), who may hold any role. So
 * `bulletin:edit` lets every member of staff reach the editing pages ('own'
 * scope, never matched: an edition has no owner) and the service admits only
 * the PSW and her editors (`isEditor`), as exit interviews do with delegates.
 */
const allStaff = {
  practitioner: 'own',
  'team-manager': 'own',
  'service-manager': 'own',
  psw: 'all',
  'ld-admin': 'own',
  'complaints-officer': 'own',
  'system-admin': 'own',
} as const;

const actions = {
  'bulletin:read': everyone,
  'bulletin:edit': allStaff,
  'bulletin:contribute': everyone,
  // A contributor's own contribution's image: every role, for their own ('own' matched by its author).
  'bulletin:contribution-image': {
    practitioner: 'own',
    'team-manager': 'own',
    'service-manager': 'own',
    psw: 'own',
    'ld-admin': 'own',
    'complaints-officer': 'own',
    'system-admin': 'own',
  },
  'bulletin:editors': { psw: 'all' },
  // Reads by team: the PSW sees every team; managers their own team or service.
  'bulletin:reads': { 'team-manager': 'team', 'service-manager': 'service', psw: 'all' },
} as const;

declare module '../platform/policy/policy.ts' {
  interface PolicyActions extends Record<keyof typeof actions, true> {}
}

export const bulletinFeature = defineFeature({
  name: 'Practice and Learning Bulletin',
  actions,
  navigation: [{ text: 'Bulletin', href: '/bulletin', permission: 'bulletin:read', order: 40 }],
  routes: async (app, services) => (await import('./routes.ts')).bulletinRoutes(app, services),
  jobs: {
    name: 'Bulletin',
    register: async () => (await import('./jobs.ts')).registerBulletinJobs(),
    schedule: async () => undefined,
  },
  seed: {
    name: 'Practice and Learning Bulletin',
    seed: async (db, clock, options) => (await import('./demo/seed.ts')).seedBulletin(db, clock, options),
  },
  tables: [
    'bulletin_editions',
    'bulletin_articles',
    'bulletin_editors',
    'bulletin_contributions',
    'bulletin_deliveries',
    'bulletin_reads',
    'bulletin_confirmations',
    'bulletin_feedback',
    'bulletin_article_votes',
    'bulletin_images',
    'bulletin_sent_images',
    // bulletin_fts, the search index, is the database's own (FTS5 or a tsvector table), like standards'.
  ],
});
