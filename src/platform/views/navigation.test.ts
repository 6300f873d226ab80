import assert from 'node:assert/strict';
import { test } from 'node:test';
import { navigation } from '../../features.ts';
import { testPrincipal } from '../../testing/principals.ts';
import { navigationFor } from './navigation.ts';

const person = testPrincipal;

test('each person sees the items their roles allow, the one they are in marked, made once and frozen', () => {
  const items = navigation();
  const practitioner = navigationFor(items, person(['practitioner']), '/bulletin/ed-1');
  const admin = navigationFor(items, person(['system-admin']), '/bulletin/ed-1');
  assert.ok(practitioner.some((l) => l.href === '/bulletin'));
  assert.ok(admin.length > practitioner.length, 'the system admin has items a practitioner has not');
  assert.deepEqual(
    practitioner.filter((l) => l.active).map((l) => l.href),
    ['/bulletin'],
    'under /bulletin/… the Bulletin item is current, and only it',
  );
  assert.deepEqual(
    navigationFor(items, person(['practitioner']), '/')
      .filter((l) => l.active)
      .map((l) => l.href),
    ['/'],
    'Home is current only on the home page itself',
  );
  assert.equal(
    navigationFor(items, person(['practitioner']), '/bulletin/ed-2'),
    practitioner,
    'the same list, made once',
  );
  assert.notEqual(navigationFor(items, person(['practitioner']), '/learning'), practitioner);
  assert.ok(Object.isFrozen(practitioner) && Object.isFrozen(practitioner[0]));
  assert.deepEqual(navigationFor(items, null, '/'), []);
});
