import assert from 'node:assert/strict';
import { test } from 'node:test';
import { orgNameProblem } from './org.rules.ts';

test('a team or service name must contain letters (issue 11 item 4)', () => {
  for (const bad of ['-1', '0', '0000-00-00', '\u0001', ' \u0007 ', '123', '—', '   '])
    assert.ok(orgNameProblem('team', bad), JSON.stringify(bad));
  assert.match(orgNameProblem('service', '0')!, /service’s name must contain letters/);
  assert.match(orgNameProblem('team', 'North\u0000')!, /control characters/);
  for (const good of ['Assessment Team 1', '0–25 Disability Service', 'Équipe Nord', 'Ffordd 2'])
    assert.equal(orgNameProblem('team', good), null, good);
});
