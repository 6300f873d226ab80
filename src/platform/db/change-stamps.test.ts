import assert from 'node:assert/strict';
import { forEachDialect } from '../../testing/test-db.ts';
import { changeStamp } from './change-stamps.ts';

const NOW = '2026-12-02T09:00:00.000Z';

forEachDialect(
  'change stamps move with every change the database makes to what they watch, and only then',
  async (t) => {
    const { db } = t;
    const stamp = (name: 'standards' | 'standard-acks' | 'people') => changeStamp(db, [name]);
    const moves = async (name: 'standards' | 'standard-acks' | 'people', change: () => Promise<unknown>) => {
      const before = await stamp(name);
      await change();
      return (await stamp(name)) !== before;
    };

    await db.insertInto('services').values({ id: 'svc', name: 'Service', created_at: NOW }).execute();
    assert.ok(
      await moves('people', () =>
        db
          .insertInto('teams')
          .values({ id: 'tm', service_id: 'svc', name: 'Team A', created_at: NOW })
          .execute(),
      ),
      'a new team',
    );
    const person = {
      id: 'p1',
      staff_number: 'S1',
      email: 'p1@example.org',
      name: 'Pat Jones',
      job_title: 'Social worker',
      team_id: 'tm',
      is_agency: 0 as const,
      active: 1 as const,
      left_on: null,
      password_hash: null,
      failed_signins: 0,
      locked_until: null,
      created_at: NOW,
      updated_at: NOW,
    };
    assert.ok(await moves('people', () => db.insertInto('staff').values(person).execute()), 'a new starter');
    assert.ok(
      await moves('people', () =>
        db.insertInto('staff_roles').values({ staff_id: 'p1', role: 'practitioner' }).execute(),
      ),
      'a role given',
    );
    assert.ok(
      await moves('people', () =>
        db.updateTable('staff').set({ active: 0, left_on: '2026-12-01' }).where('id', '=', 'p1').execute(),
      ),
      'a leaver',
    );
    // A failed sign-in counts on the person's row but changes nobody's team, role or name.
    assert.equal(
      await moves('people', () =>
        db.updateTable('staff').set({ failed_signins: 1 }).where('id', '=', 'p1').execute(),
      ),
      false,
      'a sign-in counter',
    );
    assert.equal(
      await moves('standard-acks', () => db.updateTable('teams').set({ name: 'Team B' }).execute()),
      false,
      'each stamp watches its own tables',
    );

    // A change that is rolled back moves nothing.
    const before = await stamp('people');
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await trx.updateTable('teams').set({ name: 'Team C' }).execute();
        throw new Error('changed my mind');
      }),
    );
    assert.equal(await stamp('people'), before, 'a rolled-back change');

    // The standards' own tables (a row straight into each, as another process or psql would write it).
    await db
      .insertInto('standards')
      .values({
        id: 'std',
        area: 'visits',
        position: 1,
        current_version: 1,
        ack_version: 1,
        owner_id: 'p1',
        review_on: '2027-12-01',
        timescale_field: null,
        in_audit: 0,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
    assert.ok(
      await moves('standards', () => db.updateTable('standards').set({ ack_version: 2 }).execute()),
      'a major version',
    );
    assert.ok(
      await moves('standards', () =>
        db
          .insertInto('standard_ack_targets')
          .values({
            id: 'tg',
            standard_id: 'std',
            kind: 'role',
            target: 'practitioner',
            due_on: '2027-01-31',
            created_at: NOW,
          })
          .execute(),
      ),
      'someone asked to read it',
    );
    assert.ok(
      await moves('standard-acks', () =>
        db
          .insertInto('standard_acks')
          .values({ standard_id: 'std', staff_id: 'p1', version: 1, acknowledged_at: NOW })
          .execute(),
      ),
      'an acknowledgement',
    );

    // Many rows in one transaction, of two stamps' tables: each stamp moves, and moves again with the
    // next transaction. On PostgreSQL by one a transaction, however many rows: a bump per row made
    // each row of a large import slower than the last.
    const numbers = async () =>
      Object.fromEntries(
        (await db.selectFrom('change_stamps').select(['name', 'n']).execute()).map((r) => [
          r.name,
          Number(r.n),
        ]),
      );
    const bulk = (name: string) =>
      db.transaction().execute(async (trx) => {
        for (let i = 0; i < 3; i++)
          await trx
            .insertInto('teams')
            .values({ id: `${name}${i}`, service_id: 'svc', name: `${name} ${i}`, created_at: NOW })
            .execute();
        await trx.updateTable('standards').set({ ack_version: 3 }).execute();
      });
    const start = await numbers();
    await bulk('First');
    const once = await numbers();
    await bulk('Second');
    const twice = await numbers();
    for (const [name, n] of [
      ['people', 3],
      ['standards', 1],
    ] as const) {
      const perTransaction = t.dialect === 'postgres' ? 1 : n;
      assert.equal(once[name]! - start[name]!, perTransaction, `${name}: the first transaction`);
      assert.equal(twice[name]! - once[name]!, perTransaction, `${name}: the next transaction`);
    }

    assert.match(
      await changeStamp(db, ['standards', 'standard-acks', 'people']),
      /^standards:\d+ standard-acks:\d+ people:\d+$/,
    );
  },
);
