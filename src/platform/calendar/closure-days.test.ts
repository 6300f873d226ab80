import assert from 'node:assert/strict';
import { forEachDialect } from '../../testing/test-db.ts';
import type { Actor } from '../audit/audit.ts';
import type { Db } from '../db/db.ts';
import { NotFoundError, UserInputError } from '../http/errors.ts';
import { listClosureDays, loadWorkingCalendar } from './closure-days.repo.ts';
import { addClosureDay, removeClosureDay } from './closure-days.service.ts';

const admin: Actor = { id: 'staff-admin-1', name: 'Ada Admin', ip: '127.0.0.1', userAgent: 'test' };
// audit_log.actor_name is NOT NULL, so this actor makes the audit insert fail after the change.
const unauditable: Actor = { ...admin, name: null as unknown as string };

const counts = async (db: Db) => ({
  closures: (await db.selectFrom('closure_days').select('day').execute()).length,
  audit: (await db.selectFrom('audit_log').select('id').execute()).length,
});

forEachDialect('adding a closure day writes it and its audit row; the calendar skips it', async (t) => {
  await addClosureDay(t.db, t.clock, admin, { day: ' 2026-12-29 ', reason: '  Council closure  ' });
  const [row] = await listClosureDays(t.db, 2026);
  assert.deepEqual(row, {
    day: '2026-12-29',
    reason: 'Council closure',
    created_at: '2026-11-27T09:00:00.000Z',
    created_by: 'staff-admin-1',
  });
  assert.deepEqual(await listClosureDays(t.db, 2027), []);
  const audit = await t.db.selectFrom('audit_log').selectAll().execute();
  assert.equal(audit.length, 1);
  assert.equal(audit[0]!.action, 'create');
  assert.equal(audit[0]!.record_type, 'closure-day');
  assert.equal(audit[0]!.record_id, '2026-12-29');
  assert.equal(audit[0]!.actor_name, 'Ada Admin');
  assert.match(audit[0]!.summary, /Council closure/);

  const calendar = await loadWorkingCalendar(t.db);
  // 25 Christmas, weekend, 28 Boxing Day substitute, 29 closed: Wed 30 Dec.
  assert.equal(calendar.addWorkingDays('2026-12-24', 1), '2026-12-30');
  assert.deepEqual(calendar.dayOff('2026-12-29'), {
    day: '2026-12-29',
    kind: 'closure',
    reason: 'Council closure',
  });
});

forEachDialect('removing a closure day makes it a working day again, audited', async (t) => {
  await addClosureDay(t.db, t.clock, admin, { day: '2026-12-29', reason: 'Council closure' });
  const removed = await removeClosureDay(t.db, t.clock, admin, '2026-12-29');
  assert.equal(removed.reason, 'Council closure');
  assert.deepEqual(await listClosureDays(t.db), []);
  const audit = await t.db.selectFrom('audit_log').selectAll().orderBy('at').execute();
  assert.equal(audit.length, 2);
  assert.match(audit.find((a) => a.summary.startsWith('Removed'))!.summary, /2026-12-29 \(Council closure\)/);
  assert.equal((await loadWorkingCalendar(t.db)).addWorkingDays('2026-12-24', 1), '2026-12-29');

  const before = await counts(t.db);
  await assert.rejects(removeClosureDay(t.db, t.clock, admin, '2026-12-29'), NotFoundError);
  await assert.rejects(removeClosureDay(t.db, t.clock, admin, 'not-a-day'), NotFoundError);
  assert.deepEqual(await counts(t.db), before);
});

forEachDialect('the change and its audit row commit together or not at all', async (t) => {
  await assert.rejects(addClosureDay(t.db, t.clock, unauditable, { day: '2026-12-29', reason: 'Closure' }));
  assert.deepEqual(await counts(t.db), { closures: 0, audit: 0 });

  await addClosureDay(t.db, t.clock, admin, { day: '2026-12-29', reason: 'Closure' });
  await assert.rejects(removeClosureDay(t.db, t.clock, unauditable, '2026-12-29'));
  assert.deepEqual(await counts(t.db), { closures: 1, audit: 1 }, 'the removal was rolled back');
});

forEachDialect('bad requests are refused with a clear message and write nothing', async (t) => {
  await addClosureDay(t.db, t.clock, admin, { day: '2026-12-29', reason: 'Council closure' });
  const before = await counts(t.db);
  const refusals: [day: string, reason: string, field: string, message: RegExp][] = [
    ['2026-12-29', 'Again', 'day', /29 December 2026 is already a closure day/],
    ['2026-12-26', 'Closure', 'day', /26 December 2026 is a Saturday, so it is already not a working day/],
    ['2026-12-27', 'Closure', 'day', /Sunday, so it is already not a working day/],
    [
      '2026-12-25',
      'Closure',
      'day',
      /is a bank holiday \(Christmas Day\), so it is already not a working day/,
    ],
    ['2026-12-28', 'Closure', 'day', /bank holiday \(Boxing Day \(substitute day\)\)/],
    ['2026-02-30', 'Closure', 'day', /Enter a real date as YYYY-MM-DD/],
    ['29/12/2026', 'Closure', 'day', /Enter a real date/],
    ['1975-06-02', 'Closure', 'day', /from 1980 to 2200/],
    ['2026-12-30', '   ', 'reason', /Enter the reason/],
    ['2026-12-30', 'x'.repeat(201), 'reason', /200 characters or fewer/],
  ];
  for (const [day, reason, field, message] of refusals) {
    await assert.rejects(addClosureDay(t.db, t.clock, admin, { day, reason }), (err) => {
      assert.ok(err instanceof UserInputError, `${day}: ${err}`);
      assert.equal(err.field, field);
      assert.match(err.message, message);
      return true;
    });
  }
  assert.deepEqual(await counts(t.db), before);
  // 200 characters is allowed.
  await addClosureDay(t.db, t.clock, admin, { day: '2026-12-30', reason: 'x'.repeat(200) });
});

forEachDialect(
  'two people adding the same day at once: one succeeds, the other is told it exists',
  async (t) => {
    const results = await Promise.allSettled([
      addClosureDay(t.db, t.clock, admin, { day: '2026-12-31', reason: 'First' }),
      addClosureDay(
        t.db,
        t.clock,
        { ...admin, id: 'staff-2', name: 'Bo' },
        { day: '2026-12-31', reason: 'Second' },
      ),
    ]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.ok(refused.reason instanceof UserInputError);
    assert.match(refused.reason.message, /already a closure day/);
    assert.deepEqual(await counts(t.db), { closures: 1, audit: 1 });
  },
);

forEachDialect('loadWorkingCalendar uses every closure day, across years', async (t) => {
  await addClosureDay(t.db, t.clock, admin, { day: '2026-12-29', reason: 'Closure' });
  await addClosureDay(t.db, t.clock, admin, { day: '2027-12-29', reason: 'Closure' });
  const calendar = await loadWorkingCalendar(t.db);
  assert.equal(calendar.isWorkingDay('2026-12-29'), false);
  assert.equal(calendar.isWorkingDay('2027-12-29'), false);
  assert.equal(calendar.isWorkingDay('2027-12-30'), true);
  // Christmas 2027: 25–26 weekend, 27 and 28 substitutes, 29 closed.
  assert.equal(calendar.addWorkingDays('2027-12-24', 1), '2027-12-30');
  assert.deepEqual(
    (await listClosureDays(t.db)).map((r) => r.day),
    ['2026-12-29', '2027-12-29'],
  );
});
