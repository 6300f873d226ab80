import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import type { Config } from '../config.ts';
import { openDb } from '../platform/db/db.ts';

/**
 * Template databases for the test run: a database is migrated (and, for the
 * test app, demo-seeded) once per run, and each test gets a copy of it —
 * a copied SQLite file, or on PostgreSQL `CREATE DATABASE … TEMPLATE …`.
 *
 * The run's folder is HUB_TEST_RUN, made by `scripts/test-run.setup.ts` (the
 * global setup every npm test script uses) and removed, with this run's
 * PostgreSQL databases, when the run ends. Without it (a test file run on its
 * own) every database is built in place, as the template would have been.
 */
export const runDir = (): string | undefined => process.env.HUB_TEST_RUN || undefined;

/** A short id for this run, in the names of the PostgreSQL databases it makes. */
const runId = () => {
  const dir = runDir();
  return dir ? createHash('sha256').update(dir).digest('hex').slice(0, 6) : 'solo';
};

/** The database DATABASE_URL names, whose name prefixes every database a test makes. */
function serverBase(url: string) {
  const u = new URL(url);
  const base = (decodeURIComponent(u.pathname.slice(1)) || 'postgres')
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_');
  return { u, base: base.slice(0, 32) };
}

export function postgresUrlFor(url: string, database: string) {
  const { u } = serverBase(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A new, unused database name on the server at url: `<base>_<run>_<random>`. */
export function newPostgresName(url: string, kind: 't' | 'tpl' = 't') {
  return `${serverBase(url).base}_${kind}${runId()}_${randomBytes(5).toString('hex')}`;
}

/** Runs one statement on the server's own database (CREATE/DROP DATABASE cannot run inside the database). */
export async function onServer(url: string, fn: (db: ReturnType<typeof openDb>['db']) => Promise<unknown>) {
  const admin = openDb({ kind: 'postgres', url }, { poolSize: 1 });
  try {
    await fn(admin.db);
  } finally {
    await admin.close();
  }
}

export const createPostgresDatabase = (url: string, name: string, template?: string) =>
  onServer(url, (db) =>
    template
      ? sql`create database ${sql.id(name)} template ${sql.id(template)}`.execute(db)
      : sql`create database ${sql.id(name)}`.execute(db),
  );

export const dropPostgresDatabase = (url: string, name: string) =>
  onServer(url, (db) => sql`drop database if exists ${sql.id(name)} with (force)`.execute(db));

/**
 * Databases made ahead from each template, one at a time: while a test runs,
 * the server copies the template for the next one, so a test does not wait
 * for CREATE DATABASE (about a second on these machines, mostly waiting on
 * the disk). Any left over when the file ends are dropped with the run.
 */
const madeAhead = new Map<string, Promise<string>>();

const makeFrom = (url: string, template: string) => {
  const name = newPostgresName(url);
  const made = createPostgresDatabase(url, name, template).then(() => name);
  made.catch(() => {}); // seen by the test that takes it
  return made;
};

/**
 * A new database on the server at url: a copy of the run's template (made
 * ahead of time), or an empty one without a template. drop() waits for the
 * drop only outside a run; in a run it goes on in the background, and the
 * run's end drops whatever is left.
 */
export async function postgresTestDatabase(url: string, template: Template | undefined) {
  let name: string;
  if (template?.kind === 'postgres') {
    const ahead = madeAhead.get(template.name) ?? makeFrom(url, template.name);
    madeAhead.set(template.name, makeFrom(url, template.name));
    name = await ahead;
  } else {
    name = newPostgresName(url);
    await createPostgresDatabase(url, name);
  }
  return {
    url: postgresUrlFor(url, name),
    drop: async () => {
      const dropping = dropPostgresDatabase(url, name);
      if (runDir()) dropping.catch(() => {});
      else await dropping;
    },
  };
}

/**
 * A template: a SQLite data folder to copy, or a PostgreSQL database to create others from with
 * the folder of files its seed wrote (the demo's image), when it wrote any.
 */
export type Template = { kind: 'sqlite'; dir: string } | { kind: 'postgres'; name: string; dir?: string };

/**
 * The run's template called key, built by build() the first time any test
 * process asks for it. Processes take turns through a lock folder; the
 * builder's result is moved into place only once it is complete, so a
 * half-built template is never copied.
 */
export async function template(
  key: string,
  database: 'sqlite' | 'postgres',
  build: (target: Config['database'], dataDir: string) => Promise<void>,
): Promise<Template | undefined> {
  const dir = runDir();
  if (!dir) return undefined;
  const safe = createHash('sha256').update(`${database}:${key}`).digest('hex').slice(0, 16);
  const done = path.join(dir, `${safe}.json`);
  const lock = path.join(dir, `${safe}.lock`);
  const deadline = Date.now() + 10 * 60_000;
  while (!takeLock(lock)) {
    if (existsSync(done)) return JSON.parse(readFileSync(done, 'utf8')) as Template;
    if (Date.now() > deadline) throw new Error(`waited 10 minutes for the test template ${key}`);
    await sleep(50);
  }
  try {
    if (existsSync(done)) return JSON.parse(readFileSync(done, 'utf8')) as Template;
    let made: Template;
    if (database === 'sqlite') {
      const building = path.join(dir, `${safe}.building`);
      rmSync(building, { recursive: true, force: true });
      mkdirSync(building);
      await build({ kind: 'sqlite', file: path.join(building, 'hub.sqlite') }, building);
      const final = path.join(dir, safe);
      renameSync(building, final);
      made = { kind: 'sqlite', dir: final };
    } else {
      const url = process.env.DATABASE_URL;
      if (!url) throw new Error('DATABASE_URL is needed for PostgreSQL tests');
      const name = newPostgresName(url, 'tpl');
      await createPostgresDatabase(url, name);
      const files = path.join(dir, `${safe}.pgdata`);
      rmSync(files, { recursive: true, force: true });
      mkdirSync(files);
      try {
        await build({ kind: 'postgres', url: postgresUrlFor(url, name) }, files);
        // No one may connect to a template while it is copied: refuse connections from now on.
        await onServer(url, (db) =>
          sql`alter database ${sql.id(name)} with is_template true allow_connections false`.execute(db),
        );
      } catch (err) {
        await dropPostgresDatabase(url, name);
        throw err;
      }
      made = { kind: 'postgres', name, dir: files };
    }
    writeFileSync(`${done}.tmp`, JSON.stringify(made));
    renameSync(`${done}.tmp`, done);
    return made;
  } finally {
    rmSync(lock, { force: true });
  }
}

/** Takes the lock file, or removes it when the process that took it has gone and says no. */
function takeLock(lock: string): boolean {
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  let holder = 0;
  try {
    holder = Number(readFileSync(lock, 'utf8') || 0);
  } catch {
    return false; // just released
  }
  if (holder && !alive(holder)) rmSync(lock, { force: true });
  return false;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** A copy of a SQLite template's data folder (the database file and any files beside it). */
export function copySqliteTemplate(t: Extract<Template, { kind: 'sqlite' }>, dataDir: string) {
  cpSync(t.dir, dataDir, { recursive: true });
}

/** A copy of the files a PostgreSQL template's seed wrote, into a test's data folder. */
export function copyTemplateFiles(t: Extract<Template, { kind: 'postgres' }>, dataDir: string) {
  if (t.dir && existsSync(t.dir)) cpSync(t.dir, dataDir, { recursive: true });
}

/** Drops every PostgreSQL database this run made: its templates, spares made ahead, and any a crash left. */
export async function dropRunDatabases() {
  const url = process.env.DATABASE_URL;
  if (!url || !runDir()) return;
  const prefix = serverBase(url).base;
  const ours = [`${prefix}_t${runId()}_`, `${prefix}_tpl${runId()}_`];
  const admin = openDb({ kind: 'postgres', url }, { poolSize: 4 });
  try {
    // datconnlimit -2 marks a database "invalid": a test process ended during its own background
    // drop. PostgreSQL refuses to alter one, and the refusal is FATAL (it ends the connection),
    // so such a database is only dropped.
    const { rows } = await sql<{ datname: string; invalid: boolean }>`
      select datname, datconnlimit = -2 as invalid from pg_database`.execute(admin.db);
    await Promise.all(
      rows
        .filter((r) => ours.some((p) => r.datname.startsWith(p)))
        .map(async ({ datname: name, invalid }) => {
          if (!invalid)
            await sql`alter database ${sql.id(name)} with is_template false allow_connections true`.execute(
              admin.db,
            );
          await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
        }),
    );
  } finally {
    await admin.close();
  }
}
