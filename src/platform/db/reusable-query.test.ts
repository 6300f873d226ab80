import assert from 'node:assert/strict';
import { forEachDialect } from '../../testing/test-db.ts';
import { reusableQuery } from './reusable-query.ts';

// A query built once must answer as the same query built afresh would, for any values and list
// lengths, in or out of a transaction, on both dialects; and a build that does not use an argument
// only as a value must be refused, not run with a stand-in.
forEachDialect('a query built once answers as the query built each time does', async (t) => {
  const now = t.clock.now().toISOString();
  for (const [id, name] of [
    ['s-1', 'Children’s Services'],
    ['s-2', 'Early Help'],
    ['s-3', 'Fostering'],
  ] as const)
    await t.db.insertInto('services').values({ id, name, created_at: now }).execute();
  const build = (db: typeof t.db, ids: readonly string[], notNamed: string) =>
    db
      .selectFrom('services')
      .select(['id', 'name'])
      .where('id', 'in', ids)
      .where('name', '!=', notNamed)
      .orderBy('id');
  const reused = reusableQuery(build);
  const cases: [string[], string][] = [
    [['s-1', 's-3'], 'Nobody'],
    [['s-2', 's-3'], 'Fostering'],
    [['s-1'], 'Nobody'],
    [['s-1', 's-2', 's-3'], 'Early Help'],
    [['s-3', 's-1'], 'Children’s Services'],
  ];
  for (const [ids, notNamed] of cases)
    assert.deepEqual(
      await reused(t.db, ids, notNamed),
      await build(t.db, ids, notNamed).execute(),
      ids.join(),
    );
  // In a transaction: the transaction's own connection, and what it wrote.
  await t.db.transaction().execute(async (trx) => {
    await trx.insertInto('services').values({ id: 's-4', name: 'Adoption', created_at: now }).execute();
    assert.deepEqual(await reused(trx, ['s-4', 's-1'], 'Nobody'), [
      { id: 's-1', name: 'Children’s Services' },
      { id: 's-4', name: 'Adoption' },
    ]);
  });

  const shaped = reusableQuery((db, name: string) =>
    db.selectFrom('services').select('id').where('name', '=', name.toUpperCase()),
  );
  await assert.rejects(shaped(t.db, 'Fostering'), /argument 0 is not used as a value/);
  const unused = reusableQuery((db, _name: string) => db.selectFrom('services').select('id'));
  await assert.rejects(unused(t.db, 'Fostering'), /argument 0 is not used as a value/);
});
