import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import type { Clock } from './clock.ts';
import type { Db, DbHandle } from './db/db.ts';
import type { Action, Grants } from './policy/policy.ts';
import type { Principal } from './policy/roles.ts';
import type { Services } from './services.ts';

/**
 * A feature's manifest: everything it adds to the whole Hub. Each feature folder
 * exports one of these from `feature.ts`, and `src/features.ts` lists them; the
 * web app, the worker, the home page, the navigation, the policy module, the demo
 * seeder and the CLI all read that one list. A feature's tables are typed in its
 * own `schema.ts` (merged into the platform's `Database` interface) and created by
 * a dated migration.
 *
 * Keep a manifest light: it is loaded by every CLI command, so routes, jobs,
 * seeds and commands load their modules when they run (`await import(...)`).
 */
export interface Feature {
  name: string;
  /** The policy actions this feature adds, with the scope each role is granted. */
  actions?: Record<string, Grants>;
  /** Items in the service navigation; `order` places them among other features' items. */
  navigation?: NavItem[];
  routes?: (app: FastifyInstance, services: Services) => void | Promise<void>;
  /** Home-page panels, each shown to the people the named action allows; features' panels show in list order. */
  panels?: PanelSource[];
  jobs?: FeatureJobs;
  /** Demo data; seeds run in the order of the list of features (a seed may need an earlier one's rows). */
  seed?: FeatureSeed;
  /** Adds this feature's CLI commands (`practice-hub …`) to the program, or to a group such as `import`. */
  commands?: (cli: Cli) => void;
  /** The tables this feature's migrations create, for the schema test that every table has one owner. */
  tables?: string[];
}

export interface NavItem {
  text: string;
  href: string;
  permission: Action;
  /** Lower comes first. */
  order: number;
}

/** A home-page panel: what needs this person today. */
export interface Panel {
  title: string;
  lines: string[];
  count?: number;
  link?: { href: string; text: string };
  /** Further links after the main one (the practice focus's practice tools). */
  moreLinks?: { href: string; text: string }[];
}

export interface PanelSource {
  id: string;
  /** Shown to whoever the policy grants this action (never decided by role names). */
  permission: Action;
  load(services: Services, user: Principal): Promise<Panel | null>;
}

/**
 * A feature's background work: `register` names its job handlers (once per
 * process), `schedule` queues its recurring jobs with unique keys so that any
 * number of instances starting at once queue each of them once.
 */
export interface FeatureJobs {
  name: string;
  register(): void | Promise<void>;
  schedule(services: Services): Promise<unknown>;
}

/**
 * How much demo data a feature adds: "full" for `npm start` and `practice-hub
 * demo`, "small" for the test app, which seeds a fresh database per test file
 * and must stay quick.
 */
export interface DemoOptions {
  size: 'full' | 'small';
  /** How many children the synthetic authority has (`practice-hub demo --children N`). */
  children?: number;
  /** The data directory, for demo files (the bulletin's image); without it no files are seeded. */
  dataDir?: string;
}

/** A feature's demo data, added after the demo people exist; returns one line for the start-up message. */
export interface FeatureSeed {
  /** Names the line of the start-up message ("Learning: 12 courses …"). */
  name: string;
  seed(db: Db, clock: Clock, options: DemoOptions): Promise<string>;
}

/** What a feature's CLI commands are given: the program, its `import` group and a migrated database. */
export interface Cli {
  program: Command;
  importCommand: Command;
  withDb<T>(fn: (handle: DbHandle) => Promise<T>): Promise<T>;
}

/** Names the type of a manifest where it is written, so a slip is caught in the feature's own file. */
export const defineFeature = (feature: Feature): Feature => feature;
