import { randomBytes } from 'node:crypto';
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
import { type DbHandle, type Dialect, openDb } from '../platform/db/db.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import type { Services } from '../platform/services.ts';

export interface TestDb {
  dialect: Dialect;
  handle: DbHandle;
  db: DbHandle['db'];
  clock: ReturnType<typeof fixedClock>;
  services: Services;
  /** Another connection pool to the same database, as a second app instance would have. */
  open(): DbHandle;
}

/** Any fixed number: the advisory lock that test schemas are created and dropped under. */
const SCHEMA_LOCK = 7_240_112;

/**
 * Runs fn while holding the test-schema lock (on PostgreSQL), for tests that
 * migrate by themselves; on SQLite it just runs fn.
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

/**
 * A migrated, empty database of the given dialect: SQLite in a temporary
 * folder, or a fresh schema of its own on the PostgreSQL at DATABASE_URL.
 */
export async function createTestDb(
  dialect: Dialect,
  now = '2026-11-27T09:00:00Z',
): Promise<TestDb & { drop(): Promise<void> }> {
  const clock = fixedClock(now);
  // Files a test writes (uploaded documents, imports waiting for confirmation)
  // go to a folder of its own, never the repository's ./data.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hub-test-'));
  let database: Config['database'];
  let schema: string | undefined;
  let cleanup: () => Promise<void>;
  // Kysely's migrator reads the catalogue of every schema on the server, which
  // fails if another test process drops its schema at that moment: creating,
  // migrating and dropping test schemas therefore take turns under one lock.
  let lockHolder: DbHandle | undefined;
  if (dialect === 'postgres') {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is needed for PostgreSQL tests');
    const name = `t_${randomBytes(6).toString('hex')}`;
    schema = name;
    lockHolder = openDb({ kind: 'postgres', url }, { poolSize: 1 });
    await sql`select pg_advisory_lock(${SCHEMA_LOCK})`.execute(lockHolder.db);
    await sql`create schema ${sql.id(name)}`.execute(lockHolder.db);
    database = { kind: 'postgres', url };
    cleanup = async () => {
      const a = openDb({ kind: 'postgres', url }, { poolSize: 1 });
      await sql`select pg_advisory_lock(${SCHEMA_LOCK})`.execute(a.db);
      await sql`drop schema ${sql.id(name)} cascade`.execute(a.db);
      await a.close();
      rmSync(dataDir, { recursive: true, force: true });
    };
  } else {
    database = { kind: 'sqlite', file: path.join(dataDir, 'hub.sqlite') };
    cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
  }
  const open = () => openDb(database, { schema });
  const handle = open();
  try {
    await migrateToLatest(handle);
  } catch (err) {
    await handle.close();
    await lockHolder?.close();
    await cleanup();
    throw err;
  }
  // Closing the lock's connection releases the lock.
  await lockHolder?.close();
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
