import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROLES } from '../policy/roles.ts';
import { hasLeft, identityFrom, roleChange, rolesFromDirectory } from './oidc.rules.ts';

test('only an address the directory vouches for may match a record', () => {
  const base = { sub: 'pairwise-sub', oid: 'object-id', name: 'Amina Hussain' };
  assert.equal(identityFrom({ ...base, email: 'A@x.gov.uk', email_verified: true })?.email, 'a@x.gov.uk');
  assert.equal(
    identityFrom({ ...base, email: 'a@x.gov.uk' })?.email,
    undefined,
    'an unverified email is not used',
  );
  assert.equal(
    identityFrom({ ...base, upn: 'Amina@x.gov.uk' })?.email,
    'amina@x.gov.uk',
    "Entra's upn is the tenant's own",
  );
  assert.equal(
    identityFrom({ ...base, preferred_username: 'a@x.gov.uk' })?.email,
    undefined,
    'preferred_username is never trusted',
  );
  assert.equal(identityFrom(base)?.directoryId, 'object-id', 'the object id, not the per-app sub');
  assert.equal(identityFrom({ sub: 'only-sub' })?.directoryId, 'only-sub');
  assert.equal(identityFrom({}), undefined);
});

test('app roles and groups map to Hub roles, in the Hub’s order; unmapped values give nothing', () => {
  const map = new Map([
    ['Hub.Admin', ['system-admin' as const]],
    ['group-1', ['practitioner' as const, 'psw' as const]],
  ]);
  assert.deepEqual(rolesFromDirectory(['Hub.Admin', 'group-1', 'other'], map, ROLES), [
    'practitioner',
    'psw',
    'system-admin',
  ]);
  assert.deepEqual(rolesFromDirectory(['other'], map, ROLES), []);
});

test('a leaver: marked inactive, or their leaving date has come (a future date is still working)', () => {
  assert.equal(hasLeft({ active: 1, left_on: null }, '2026-12-02'), false);
  assert.equal(hasLeft({ active: 1, left_on: '2026-12-02' }, '2026-12-02'), true);
  assert.equal(hasLeft({ active: 1, left_on: '2026-12-03' }, '2026-12-02'), false);
  assert.equal(hasLeft({ active: 0, left_on: null }, '2026-12-02'), true);
});

test('a role change is described for the audit log, and no change says nothing', () => {
  assert.equal(roleChange(['practitioner'], ['practitioner']), undefined);
  assert.equal(
    roleChange(['practitioner'], ['team-manager']),
    'Roles from the directory: added team-manager; removed practitioner',
  );
});
