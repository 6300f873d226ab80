import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SETTINGS, withOverrides } from './rules/settings.rules.ts';
import { presentRules, timescale } from './rules.presenter.ts';

test('each rule’s timescale in words, from the settings in force', () => {
  assert.equal(timescale('assessment', DEFAULT_SETTINGS), 'Finished within 45 working days of the referral.');
  assert.match(
    timescale('lac-visits', DEFAULT_SETTINGS),
    /at most every 6 weeks in the placement’s first year/,
  );
  const odd = withOverrides({ 'lac-visits': { ...DEFAULT_SETTINGS['lac-visits'], firstYearDays: 40 } });
  assert.match(
    timescale('lac-visits', odd),
    /at most every 40 days in the placement’s first year/,
    'not whole weeks',
  );
});

test('a timescale of the authority’s own is shown beside the default, with who changed it and why', () => {
  const settings = withOverrides({ 'cin-visits': { workingDays: 15 } });
  const changes = new Map([
    [
      'cin-visits',
      {
        changed_at: '2026-11-27T10:00:00.000Z',
        changed_by_name: 'Helen Marsh',
        reason: 'Agreed at the practice board',
      },
    ],
  ]);
  const view = presentRules({ settings, changes }, true);
  assert.equal(view.title, 'How we work out whether children’s work is on time');
  assert.equal(view.canChange, true);
  const cin = view.rules.find((r) => r.id === 'cin-visits')!;
  assert.equal(cin.timescale, 'Seen at least every 15 working days while the plan lasts.');
  assert.deepEqual(cin.local, {
    own: 'Seen at least every 15 working days while the plan lasts.',
    byDefault: 'Seen at least every 20 working days while the plan lasts.',
    changed: 'Changed by Helen Marsh on 27 November 2026: Agreed at the practice board',
  });
  assert.equal(
    view.rules.find((r) => r.id === 'assessment')!.local,
    undefined,
    'a default says nothing more',
  );
  assert.equal(view.dueSoonLocal, undefined);
  assert.equal(presentRules({ settings, changes }, false).canChange, false);
});
