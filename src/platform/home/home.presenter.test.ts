import assert from 'node:assert/strict';
import { test } from 'node:test';
import { presentHome } from './home.presenter.ts';

test('the home page greets the person by first name and names their roles', () => {
  const panels = [{ title: 'Your team', lines: ['Front Door, Front Door and Assessment.'] }];
  const view = presentHome({ name: 'Grace Adeyemi', roles: ['service-manager', 'psw'] }, panels);
  assert.equal(view.title, 'Home');
  assert.equal(view.firstName, 'Grace');
  assert.equal(view.roleNames, 'Service manager, Principal Social Worker');
  assert.deepEqual(view.panels, panels);
});
