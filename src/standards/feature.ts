import { defineFeature } from '../platform/feature.ts';
import { everyone } from '../platform/policy/policy.ts';
import { pastReviewPanel, toReadPanel } from './panels.ts';

/**
 * Practice standards: everyone reads and acknowledges them; the PSW and
 * service managers write them; managers see who in their teams has read them;
 * case audits are records about a child, scoped like the child.
 */
const actions = {
  'standards:read': everyone,
  'standards:acknowledge': everyone,
  'standards:manage': { psw: 'all', 'service-manager': 'all' },
  // Past-review flags: each manager for the standards they own, the PSW for all.
  'standards:review': { 'team-manager': 'own', 'service-manager': 'own', psw: 'all' },
  'standards:team-acks': { 'team-manager': 'team', 'service-manager': 'service', psw: 'all' },
  'audits:view': { practitioner: 'own', 'team-manager': 'team', 'service-manager': 'service', psw: 'all' },
  'audits:conduct': { 'team-manager': 'team', 'service-manager': 'service', psw: 'all' },
  'audits:respond': { practitioner: 'own', 'team-manager': 'team', 'service-manager': 'service', psw: 'all' },
  'audits:themes': { 'team-manager': 'team', 'service-manager': 'service', psw: 'all' },
} as const;

declare module '../platform/policy/policy.ts' {
  interface PolicyActions extends Record<keyof typeof actions, true> {}
}

export const standardsFeature = defineFeature({
  name: 'Practice standards',
  actions,
  navigation: [
    { text: 'Standards', href: '/standards', permission: 'standards:read', order: 45 },
    { text: 'Case audits', href: '/audits', permission: 'audits:view', order: 47 },
  ],
  routes: async (app, services) => (await import('./routes.ts')).standardsRoutes(app, services),
  panels: [toReadPanel, pastReviewPanel],
  seed: {
    name: 'Practice standards',
    seed: async (db, clock, options) =>
      (await import('./demo/standards.ts')).seedStandards(db, clock, options),
  },
  tables: [
    'standards',
    'standard_versions',
    'standard_ack_targets',
    'standard_acks',
    'case_audits',
    'case_audit_answers',
    'case_audit_responses',
  ],
});
