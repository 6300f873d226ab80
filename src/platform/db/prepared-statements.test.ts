import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { sql } from 'kysely';
import { openDb } from './db.ts';

// Named statements on a real PostgreSQL, through Kysely as the Hub sends them: what the server keeps
// (its pg_prepared_statements view, for the one connection of a pool of one), what stays unnamed, and
// a kept plan going stale under a migration.
const url = process.env.DATABASE_URL;
// Named statements are PostgreSQL's (SQLite's adapter keeps its own prepared statements, no names):
// there is nothing to test without a PostgreSQL server.
const skip = url
  ? false
  : 'named statements exist only on PostgreSQL: set DATABASE_URL to run these (CI always does)';

async function withSchema(
  preparedStatements: boolean,
  body: (db: ReturnType<typeof openDb>['db']) => Promise<void>,
) {
  const schema = `prep_${randomBytes(4).toString('hex')}`;
  const admin = openDb({ kind: 'postgres', url: url!, preparedStatements: false }, { poolSize: 1 });
  await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  const handle = openDb({ kind: 'postgres', url: url!, preparedStatements }, { poolSize: 1, schema });
  try {
    await sql`create table notes (id integer primary key, body text not null)`.execute(handle.db);
    await sql`insert into notes values (1, 'one'), (2, 'two')`.execute(handle.db);
    await body(handle.db);
  } finally {
    await handle.close();
    await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.db);
    await admin.close();
  }
}

// biome-ignore lint/suspicious/noExplicitAny: the test's own table is not in the Hub's schema.
const notes = (db: any, id: number) => db.selectFrom('notes').selectAll().where('id', '=', id).execute();
const kept = async (db: ReturnType<typeof openDb>['db']) =>
  // (This question itself is kept once asked twice: it is left out of its own answer.)
  (
    await sql<{
      statement: string;
    }>`select statement from pg_prepared_statements where statement not like '%pg_prepared_statements%'`.execute(
      db,
    )
  ).rows.map((r) => r.statement);

test('a statement sent a second time is kept by the server under a name; a one-off is not', {
  skip,
}, async () => {
  await withSchema(true, async (db) => {
    assert.deepEqual(await notes(db, 1), [{ id: 1, body: 'one' }]);
    assert.deepEqual(await kept(db), [], 'first sighting: unnamed');
    assert.deepEqual(await notes(db, 2), [{ id: 2, body: 'two' }]);
    assert.deepEqual(await notes(db, 1), [{ id: 1, body: 'one' }], 'the kept statement with other values');
    const statements = await kept(db);
    assert.equal(statements.length, 1);
    assert.match(statements[0]!, /^select \* from "notes" where "id" = \$1$/);
    // DDL and transaction control are never named, however often they are sent.
    for (let i = 0; i < 3; i++) await sql`set local statement_timeout = 1000`.execute(db);
    assert.equal((await kept(db)).length, 1);
  });
});

test('with DATABASE_PREPARED_STATEMENTS=off nothing is kept', { skip }, async () => {
  await withSchema(false, async (db) => {
    for (let i = 0; i < 3; i++) assert.deepEqual(await notes(db, 1), [{ id: 1, body: 'one' }]);
    assert.deepEqual(await kept(db), []);
  });
});

test('a migration that changes a kept select * does not fail the next request; in a transaction it fails like any error', {
  skip,
}, async () => {
  await withSchema(true, async (db) => {
    await notes(db, 1);
    await notes(db, 1); // now kept
    await sql`alter table notes add column author text`.execute(db);
    // Outside a transaction: PostgreSQL refuses the kept plan (0A000) and the query is sent again unnamed.
    assert.deepEqual(await notes(db, 1), [{ id: 1, body: 'one', author: null }]);
    // The connection has stopped naming: a new repeated statement stays unnamed.
    const before = (await kept(db)).length;
    for (let i = 0; i < 3; i++)
      await db
        .selectFrom('notes' as never)
        .select(sql`count(*)`.as('n'))
        .execute();
    assert.equal((await kept(db)).length, before);
  });
  await withSchema(true, async (db) => {
    await notes(db, 1);
    await notes(db, 1);
    await sql`alter table notes add column author text`.execute(db);
    await assert.rejects(
      db.transaction().execute((trx) => notes(trx, 1)),
      (err: { code?: string }) => err.code === '0A000',
    );
    assert.deepEqual(
      await notes(db, 2),
      [{ id: 2, body: 'two', author: null }],
      'the next request is served',
    );
  });
});
