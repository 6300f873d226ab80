import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { complaintStagesPanelView, overdueActionsPanelView } from './panels.presenter.ts';

const today = '2026-11-27';

describe('home panels', () => {
  test('an action is overdue only after its due date; the panel links to the first one', () => {
    assert.equal(
      overdueActionsPanelView([{ id: 'a0', description: 'Due today', due_on: today }], today),
      null,
    );
    const panel = overdueActionsPanelView(
      [
        { id: 'a1', description: 'Share a guide to minutes', due_on: '2026-11-20' },
        { id: 'a2', description: 'Due today', due_on: today },
      ],
      today,
    );
    assert.equal(panel?.count, 1);
    assert.deepEqual(panel?.lines, [
      '1 action you own is waiting for evidence that practice changed: Share a guide to minutes.',
    ]);
    assert.equal(panel?.link?.href, '/lessons/actions/a1/evidence');
  });

  test('complaint stages: overdue ones, and those due within the next seven days', () => {
    const panel = complaintStagesPanelView(
      [
        { due_on: '2026-11-26' },
        { due_on: '2026-11-20' },
        { due_on: today },
        { due_on: '2026-12-04' },
        { due_on: '2026-12-05' },
        { due_on: null },
      ],
      today,
    );
    assert.equal(panel.count, 2);
    assert.deepEqual(panel.lines, [
      '2 complaint stages are overdue: children and families are waiting for an answer.',
      '2 more are due in the next seven days.',
    ]);
  });

  test('complaint stages: none overdue is said as such, not as "0 are overdue: families are waiting"', () => {
    const none = complaintStagesPanelView([{ due_on: '2026-12-04' }, { due_on: null }], today);
    assert.equal(none.count, 0);
    assert.deepEqual(none.lines, [
      'No complaint stage is overdue.',
      '1 stage is due in the next seven days.',
    ]);
    assert.equal(none.link?.href, '/complaints?status=open');
    assert.deepEqual(complaintStagesPanelView([], today).lines, [
      'No complaint stage is overdue.',
      'None is due in the next seven days.',
    ]);
  });
});
