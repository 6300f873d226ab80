import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { presentNewSource, presentSources, sourceRecorded } from './sources.presenter.ts';

describe('learning sources', () => {
  test('each source is named by its kind and dated in words', () => {
    const view = presentSources([
      {
        id: 's1',
        kind: 'practice-review',
        title: 'Review of a missed visit',
        received_on: '2026-11-03',
        from_whom: 'The audit panel',
        team_name: null,
      },
    ]);
    assert.equal(view.rows[0]?.kindName, 'Practice review');
    assert.equal(view.rows[0]?.received, '3 November 2026');
  });

  test('a new source is dated today, with the kind the link chose; the team may be the whole service', () => {
    const view = presentNewSource({
      kept: undefined,
      today: '2026-11-27',
      kind: 'compliment',
      teams: [{ id: 't1', name: 'Front Door' }],
    });
    assert.equal(view.values.receivedOn, '2026-11-27');
    assert.deepEqual(
      view.kindItems.filter((k) => k.checked).map((k) => k.text),
      ['Compliment'],
    );
    assert.equal(view.teamItems[0]?.text, 'Whole service');
  });

  test('a compliment is thanked for; any other source goes on to what it teaches', () => {
    assert.deepEqual(sourceRecorded('compliment', 's1'), {
      to: '/lessons/sources',
      message: 'The compliment has been recorded. Thank the people it is about.',
    });
    assert.deepEqual(sourceRecorded('inspection', 's2'), {
      to: '/lessons/items/new?source=s2',
      message: 'The source has been recorded. Now write down what it teaches us.',
    });
  });
});
