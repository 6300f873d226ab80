import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Config } from '../../config.ts';
import { nameRepeatedStatements } from './prepared-statements.ts';
import type { Database } from './schema.ts';
import { openSqlite } from './sqlite-adapter.ts';

export type Db = Kysely<Database>;
/** A repository function takes either the database or an open transaction. */
export type DbOrTrx = Kysely<Database> | Transaction<Database>;
export type Dialect = 'sqlite' | 'postgres';

/**
 * Whether a query runs on PostgreSQL, for the few places the two dialects need different SQL
 * (full-text search, row locks, bulk upserts). Asked of the database or transaction in hand, so a
 * repository needs no dialect passed in. (Migrations ask Kysely themselves: they must not change
 * when the app's code does.)
 */
export const isPostgres = (db: DbOrTrx): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

export interface DbHandle {
  db: Db;
  dialect: Dialect;
  close(): Promise<void>;
}

export function openDb(
  database: Config['database'],
  options: { poolSize?: number; schema?: string; onConnectionError?: (err: Error) => void } = {},
): DbHandle {
  if (database.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: database.url,
      max: options.poolSize ?? 10,
      // Tests isolate themselves in a schema of their own (and are found by it in pg_stat_activity).
      options: options.schema ? `-c search_path=${options.schema}` : undefined,
      application_name: options.schema ?? 'practice-hub',
    });
    // A connection the server drops (a restart, a failover, pg_terminate_backend, a proxy's timeout)
    // emits 'error' on its client; with no listener Node ends the process. pg-pool listens only while a
    // client is idle, so every client gets a listener of its own for the time it is checked out. The
    // query it was running fails (the request answers 503, its transaction never commits) and the pool
    // discards the client, so the next request gets a fresh connection.
    const onError =
      options.onConnectionError ??
      ((err: Error) => process.stderr.write(`database connection lost: ${err.message}\n`));
    pool.on('error', onError);
    pool.on('connect', (client) => {
      client.on('error', onError);
      if (database.preparedStatements !== false) nameRepeatedStatements(client);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  if (database.file !== ':memory:') keepPrivate(database.file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: openSqlite(database.file) }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/**
 * The SQLite file holds every record: readable by the Hub's own user only. A
 * folder made for it is 0700; the file is made (or put back to) 0600 before
 * SQLite opens it, and SQLite gives its -wal and -shm files the database
 * file's own permissions.
 */
function keepPrivate(file: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  fs.chmodSync(file, 0o600);
  for (const extra of [`${file}-wal`, `${file}-shm`]) if (fs.existsSync(extra)) fs.chmodSync(extra, 0o600);
}

// PostgreSQL's codes for "the connection or the server went away", and the errors pg raises when the
// socket closes under it: the request could not be served, but trying again later will work.
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection (?:is )?closed|Client has encountered a connection error|ECONNREFUSED|ECONNRESET/i;

/** Whether an error means the database could not be reached, rather than that the query was wrong. */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (
    typeof code === 'string' &&
    (UNAVAILABLE_CODES.has(code) || code === 'ECONNREFUSED' || code === 'ECONNRESET')
  )
    return true;
  return UNAVAILABLE_MESSAGES.test(err.message);
}
