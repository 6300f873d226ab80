import { adminFeature } from './admin/feature.ts';
import { bulletinFeature } from './bulletin/feature.ts';
import { complaintsFeature } from './complaints/feature.ts';
import { learningFeature } from './learning/feature.ts';
import { peopleFeature } from './people/feature.ts';
import { performanceFeature } from './performance/feature.ts';
import type { Feature, NavItem, PanelSource } from './platform/feature.ts';
import { registerActions } from './platform/policy/policy.ts';
import { practiceToolsFeature } from './practice-tools/feature.ts';
import { standardsFeature } from './standards/feature.ts';
import { workforceFeature } from './workforce/feature.ts';

/**
 * The one list of features. The web app, the worker, the home page, the
 * navigation, the policy module, the demo seeder and the CLI all read it;
 * adding a feature is its folder, a line here and a migration
 * (docs/architecture.md, "Adding a feature"). The order is the order of home
 * panels and of demo seeds.
 */
export const FEATURES: Feature[] = [
  peopleFeature,
  adminFeature,
  complaintsFeature,
  learningFeature,
  performanceFeature,
  practiceToolsFeature,
  workforceFeature,
  standardsFeature,
  bulletinFeature,
];

for (const f of FEATURES) if (f.actions) registerActions(f.name, f.actions);

/** The platform's own navigation items, placed among the features' by `order`. */
const PLATFORM_NAVIGATION: NavItem[] = [
  { text: 'Home', href: '/', permission: 'home:view', order: 10 },
  { text: 'Working days', href: '/admin/working-days', permission: 'calendar:view', order: 90 },
];

export const navigation = (features = FEATURES): NavItem[] =>
  [...PLATFORM_NAVIGATION, ...features.flatMap((f) => f.navigation ?? [])].sort((a, b) => a.order - b.order);

export const panels = (features = FEATURES): PanelSource[] => features.flatMap((f) => f.panels ?? []);

export const demoSeeds = (features = FEATURES) => features.flatMap((f) => (f.seed ? [f.seed] : []));
