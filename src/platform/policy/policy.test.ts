import assert from 'node:assert/strict';
import { test } from 'node:test';
import '../../features.ts';
import { testPrincipal } from '../../testing/principals.ts';
import { can, registeredActions, scopeFor } from './policy.ts';
import { ROLES, type Role } from './roles.ts';

const person = testPrincipal;
const mine = { ownerId: 'me', teamId: 'team-a', serviceId: 'svc-1' };
const teammate = { ownerId: 'mate', teamId: 'team-a', serviceId: 'svc-1' };
const sameService = { ownerId: 'x', teamId: 'team-b', serviceId: 'svc-1' };
const elsewhere = { ownerId: 'y', teamId: 'team-z', serviceId: 'svc-9' };

test('own / team / service / all scopes, for viewing a staff record', () => {
  const cases: [Role, boolean, boolean, boolean, boolean][] = [
    ['practitioner', true, false, false, false],
    ['team-manager', true, true, false, false],
    ['service-manager', true, true, true, false],
    ['psw', true, true, true, true],
    ['system-admin', true, true, true, true],
  ];
  for (const [role, own, team, service, all] of cases) {
    const u = person([role]);
    assert.deepEqual(
      [
        can(u, 'staff:view', mine),
        can(u, 'staff:view', teammate),
        can(u, 'staff:view', sameService),
        can(u, 'staff:view', elsewhere),
      ],
      [own, team, service, all],
      role,
    );
  }
});

test('several roles give the widest scope of any of them', () => {
  assert.equal(scopeFor(person(['practitioner', 'team-manager']), 'staff:view'), 'team');
  assert.equal(scopeFor(person(['practitioner', 'system-admin']), 'staff:manage'), 'all');
});

test("a person with no team is not in everyone-without-a-team's team", () => {
  const u = person(['team-manager'], { teamId: null, serviceId: null });
  assert.equal(can(u, 'staff:view', { ownerId: 'x', teamId: null, serviceId: null }), false);
});

test('only system admins manage staff, read the audit log and the outbox', () => {
  for (const role of ROLES) {
    const u = person([role]);
    const admin = role === 'system-admin';
    assert.equal(can(u, 'staff:manage'), admin, role);
    assert.equal(can(u, 'audit:view'), admin, role);
    assert.equal(can(u, 'outbox:view'), admin, role);
  }
});

test('every action grants at least one role something', () => {
  for (const [action, grants] of registeredActions()) assert.ok(Object.keys(grants).length > 0, action);
});

test('nobody decides on their own record, whatever their scope (issue 11 item 11)', () => {
  for (const role of ROLES) {
    const u = person([role]);
    // Every action, even one granted to the role over everything, is refused on a record about them.
    for (const [action] of registeredActions()) {
      if (!scopeFor(u, action)) continue;
      assert.equal(can(u, action, { ...teammate, subjectIds: ['me'] }), false, `${role} ${action}`);
      assert.equal(
        can(u, action, { ...teammate, subjectIds: ['someone-else', null] }),
        can(u, action, teammate),
      );
    }
  }
  assert.equal(
    can(person(['team-manager']), 'learning:approve', { teamId: 'team-a', subjectIds: ['mate'] }),
    true,
  );
});
