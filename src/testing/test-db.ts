import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import pino from 'pino';
// Registers every feature's policy actions, as the app does.
import '../features.ts';
import { type Config, loadConfig } from '../config.ts';
import { type Clock, fixedClock } from '../platform/clock.ts';
import { type Db, type DbHandle, type Dialect, openDb } from '../platform/db/db.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import type { Services } from '../platform/services.ts';
import { copySqliteTemplate, copyTemplateFiles, postgresTestDatabase, template } from './templates.ts';

export interface TestDb {
  dialect: Dialect;
  handle: DbHandle;
  db: DbHandle['db'];
  clock: ReturnType<typeof fixedClock>;
  services: Services;
  /** Another connection pool to the same database, as a second app instance would have. */
  open(): DbHandle;
}

/** Any fixed number: the advisory lock that tests migrating by themselves take turns under. */
const SCHEMA_LOCK = 7_240_112;

/**
 * Runs fn while holding the migration lock (on PostgreSQL), for tests that
 * migrate by themselves; on SQLite it just runs fn. (Each test database is a
 * database of its own, so other tests' databases no longer need it.)
 */
export async function underSchemaLock<T>(dialect: Dialect, fn: () => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_URL;
  if (dialect !== 'postgres' || !url) return fn();
  const holder = openDb({ kind: 'postgres', url }, { poolSize: 1 });
  try {
    await sql`select pg_advisory_lock(${SCHEMA_LOCK})`.execute(holder.db);
    return await fn();
  } finally {
    await holder.close();
  }
}

export const dialectsUnderTest = (): Dialect[] =>
  process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

/** What a test database holds beyond the schema, built once per run into its template. */
export interface TestSeed {
  /** Names the template: the same name must always seed the same data. */
  name: string;
  /** `dataDir` is where its files go (the demo's image): copied with the template on both dialects. */
  seed(db: Db, clock: Clock, dataDir: string): Promise<unknown>;
}

const DEFAULT_NOW = '2026-11-27T09:00:00Z';

/** Migrates (and seeds) the database at target: how a template is made, and how a test database is made without one. */
async function build(target: Config['database'], now: string, dataDir: string, seed?: TestSeed) {
  const handle = openDb(target);
  try {
    await migrateToLatest(handle);
    if (seed) await seed.seed(handle.db, fixedClock(now), dataDir);
  } finally {
    await handle.close();
  }
}

/**
 * A migrated database of the given dialect — empty, or holding seed's data as
 * of now: SQLite in a temporary folder, or a database of its own on the
 * PostgreSQL server at DATABASE_URL. Under the npm test scripts it is a copy
 * of a template migrated (and seeded) once per run (./templates.ts); a test
 * file run on its own migrates (and seeds) in place.
 */
export async function createTestDb(
  dialect: Dialect,
  now = DEFAULT_NOW,
  seed?: TestSeed,
  /** Reach the PostgreSQL server by another address than DATABASE_URL (a test's proxy to it), never by changing process.env: other tests share the process. */
  postgresUrl = process.env.DATABASE_URL,
): Promise<TestDb & { drop(): Promise<void> }> {
  const clock = fixedClock(now);
  // Files a test writes (uploaded documents, imports waiting for confirmation)
  // go to a folder of its own, never the repository's ./data.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hub-test-'));
  const key = seed ? `${seed.name}@${now}` : 'migrated';
  let database: Config['database'];
  let cleanup: () => Promise<void>;
  try {
    const tpl = await template(key, dialect, (target, dir) => build(target, now, dir, seed));
    if (dialect === 'postgres') {
      const url = postgresUrl;
      if (!url) throw new Error('DATABASE_URL is needed for PostgreSQL tests');
      const made = await postgresTestDatabase(url, tpl);
      database = { kind: 'postgres', url: made.url };
      if (tpl?.kind === 'postgres') copyTemplateFiles(tpl, dataDir);
      cleanup = async () => {
        await made.drop();
        rmSync(dataDir, { recursive: true, force: true });
      };
    } else {
      database = { kind: 'sqlite', file: path.join(dataDir, 'hub.sqlite') };
      if (tpl?.kind === 'sqlite') copySqliteTemplate(tpl, dataDir);
      cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
    }
    if (!tpl) {
      try {
        await build(database, now, dataDir, seed);
      } catch (err) {
        await cleanup();
        throw err;
      }
    }
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const open = () => openDb(database);
  const handle = open();
  // Connect now, as a started app has (Kysely connects on first use, and closing a
  // handle that never connected would not stop it connecting later).
  await sql`select 1`.execute(handle.db);
  const config = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    dataDir,
    database,
  };
  const services: Services = {
    config,
    db: handle.db,
    dialect,
    clock: clock as Clock,
    log: pino({ level: 'silent' }),
  };
  return {
    dialect,
    handle,
    db: handle.db,
    clock,
    services,
    open,
    drop: async () => {
      await handle.close();
      await cleanup();
    },
  };
}

/** Runs the same test against every dialect under test, each on a fresh database. */
export function forEachDialect(title: string, fn: (t: TestDb) => Promise<void>) {
  for (const dialect of dialectsUnderTest()) {
    test(`${title} [${dialect}]`, async () => {
      const t = await createTestDb(dialect);
      try {
        await fn(t);
      } finally {
        await t.drop();
      }
    });
  }
}
