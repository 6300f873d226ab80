import assert from 'node:assert/strict';
import { systemActor } from '../platform/audit/audit.ts';
import { forEachDialect } from '../testing/test-db.ts';
import { addService, saveTeam } from './org.service.ts';

forEachDialect(
  'services and teams: added, renamed and moved with an audit row each; duplicate names refused',
  async (t) => {
    const actor = systemActor('test');
    const front = await addService(t.db, t.clock, actor, 'Front Door');
    const care = await addService(t.db, t.clock, actor, 'Children in Care');
    await assert.rejects(addService(t.db, t.clock, actor, '  front door '), /already a service called/);

    const team = await saveTeam(t.db, t.clock, actor, { name: 'Assessment 1', serviceId: front });
    await assert.rejects(
      saveTeam(t.db, t.clock, actor, { name: 'ASSESSMENT 1', serviceId: care }),
      /already a team called/,
    );
    await assert.rejects(
      saveTeam(t.db, t.clock, actor, { name: 'Other', serviceId: 'no-such-service' }),
      /Choose the service/,
    );
    await saveTeam(t.db, t.clock, actor, { id: team, name: 'Assessment One', serviceId: care });

    const row = await t.db
      .selectFrom('teams')
      .select(['name', 'service_id'])
      .where('id', '=', team)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { name: 'Assessment One', service_id: care });
    const audit = await t.db.selectFrom('audit_log').select(['action', 'record_type']).execute();
    assert.deepEqual(audit.map((a) => `${a.action} ${a.record_type}`).sort(), [
      'create service',
      'create service',
      'create team',
      'update team',
    ]);
    assert.equal(
      (await t.db.selectFrom('teams').select('id').execute()).length,
      1,
      'refused saves wrote nothing',
    );
  },
);
