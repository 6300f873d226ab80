import assert from 'node:assert/strict';
import { ForbiddenError } from '../platform/policy/policy.ts';
import type { Principal, Role } from '../platform/policy/roles.ts';
import { forEachDialect } from '../testing/test-db.ts';
import { addCpdEntry, cpdRecord, saveReflection } from './cpd.service.ts';
import { makeStaff, tester } from './test-fixtures.ts';

const person = (id: string, roles: Role[] = ['practitioner']): Principal => ({
  id,
  name: 'Someone',
  email: `${id}@calderbrook.example`,
  roles,
  teamId: null,
  serviceId: null,
});

forEachDialect(
  'CPD: an entry is added to the person’s own record with its audit row; only they write its reflection',
  async (t) => {
    const [me, other] = await makeStaff(t.db, 2);
    await addCpdEntry(t.services, person(me!), tester, {
      title: 'Read a practice review',
      day: '2026-11-20',
      reflection: '',
      peerReflected: 'yes',
    });
    let record = await cpdRecord(t.services, me!);
    assert.equal(record.rows.length, 1);
    assert.equal(record.year.label, '1 December 2025 to 30 November 2026');
    assert.equal(record.standing.pieces, 1);
    assert.equal(record.standing.peerReflected, 1);
    assert.equal((await cpdRecord(t.services, other!)).rows.length, 0, 'not on anyone else’s record');
    const entry = record.rows[0]!;

    // Another practitioner, and L&D too (who may manage anyone's place), are refused; nothing changes.
    for (const who of [person(other!), person(other!, ['ld-admin'])])
      await assert.rejects(
        saveReflection(t.services, who, tester, entry.id, { reflection: 'Not mine to write' }),
        (e) => e instanceof ForbiddenError && e.recordType === 'cpd' && e.recordId === entry.id,
      );
    assert.equal((await cpdRecord(t.services, me!)).rows[0]!.reflection, '');

    const title = await saveReflection(t.services, person(me!), tester, entry.id, {
      reflection: 'Neglect is often missed.',
    });
    assert.equal(title, 'Read a practice review');
    record = await cpdRecord(t.services, me!);
    assert.equal(record.rows[0]!.reflection, 'Neglect is often missed.');
    assert.equal(record.rows[0]!.peer_reflected, 0, 'unticking peer reflection is saved');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'summary'])
      .where('record_id', '=', entry.id)
      .orderBy('action')
      .execute();
    assert.deepEqual(audit, [
      { action: 'create', summary: 'Added a CPD entry' },
      { action: 'update', summary: 'Updated a CPD reflection' },
    ]);
  },
);
