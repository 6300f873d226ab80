import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ToRead } from './acks.presenter.ts';
import type { StandardRow } from './library.repo.ts';
import { isNewStarter, pastReviewPanelView, toReadPanelView } from './panels.presenter.ts';

const s = (title: string, review_on = '2027-01-01') =>
  ({ id: title, title, review_on, owner_name: 'Daniel Price' }) as StandardRow;
const item = (title: string, state: ToRead['state'], due: string): ToRead => ({
  standard: s(title),
  state,
  due,
});

test('standards to read on the home page: what is left, soonest first, with those past the date counted; a new starter’s first weeks', () => {
  const list = [
    item('Visits', 'to-read', '2026-11-20'),
    item('Minutes', 'again', '2026-12-20'),
    item('Closure', 'done', '2026-10-01'),
  ];
  const p = toReadPanelView(list, '2026-12-02', '2025-01-01T00:00:00.000Z')!;
  assert.equal(p.title, 'Practice standards to read');
  assert.equal(p.count, 2);
  assert.deepEqual(p.lines, [
    'Visits: by 20 November 2026',
    'Minutes (changed since you read it): by 20 December 2026',
    '1 is past the date asked',
  ]);
  assert.equal(
    toReadPanelView(list, '2026-12-02', '2026-11-20T00:00:00.000Z')!.title,
    'Standards to read in your first weeks',
  );
  assert.equal(toReadPanelView([item('Closure', 'done', '2026-10-01')], '2026-12-02', null), null);
  assert.equal(isNewStarter('2026-09-03T00:00:00.000Z', '2026-12-02'), false);
  assert.equal(isNewStarter('2026-09-04T00:00:00.000Z', '2026-12-02'), true);
});

test('past review: a manager’s own, or everyone’s with their owners for the PSW', () => {
  assert.equal(pastReviewPanelView([], true), null);
  const p = pastReviewPanelView([s('Closure', '2026-10-01')], true)!;
  assert.deepEqual(p.lines, ['Closure: review was due 1 October 2026 (Daniel Price)']);
  assert.equal(
    pastReviewPanelView([s('Closure', '2026-10-01')], false)!.title,
    'Your standards past their review date',
  );
});
