import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileMigrationProvider, Migrator, sql } from 'kysely';
import type { DbHandle } from './db.ts';

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Brings the schema up to date. Safe to run again (applied migrations are
 * skipped) and from several instances at once (Kysely takes a lock).
 */
export async function migrateToLatest({ db, dialect }: Pick<DbHandle, 'db' | 'dialect'>): Promise<string[]> {
  // On PostgreSQL, Kysely would otherwise find its bookkeeping tables in any
  // schema on the server; pin them to the schema this database uses.
  const migrationTableSchema =
    dialect === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
      : undefined;
  const migrator = new Migrator({
    db,
    provider: new FileMigrationProvider({ fs, path, migrationFolder: folder }),
    migrationTableSchema,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
