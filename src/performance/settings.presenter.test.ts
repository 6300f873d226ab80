import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SETTINGS, withOverrides } from './rules/settings.rules.ts';
import { changedMessage, presentChangePage, presentResetPage, resetMessage } from './settings.presenter.ts';

const change = { changed_at: '2026-11-27T10:00:00.000Z', changed_by_name: 'Helen Marsh', reason: 'Board' };

test('the change page shows the numbers in force, the default in each hint, and a way back for a changed one', () => {
  const settings = withOverrides({ 'cin-visits': { workingDays: 15 } });
  const view = presentChangePage({ settings, changes: new Map([['cin-visits', change]]) }, undefined);
  assert.equal(view.title, 'Change the timescales');
  const cin = view.groups.find((g) => g.id === 'cin-visits')!;
  assert.equal(cin.differs, true);
  assert.equal(cin.changed, 'Changed by Helen Marsh on 27 November 2026: Board');
  assert.equal(cin.resetHref, '/performance/how-we-work-it-out/change/cin-visits/default');
  assert.deepEqual(
    cin.fields.map((f) => [f.value, f.hint]),
    [['15', 'In working days, from 1 to 365. Default: 20.']],
  );
  assert.equal(view.groups.find((g) => g.id === 'assessment')!.resetHref, undefined);
  assert.equal(view.reason, '');
  assert.equal(view.errors, undefined);
});

test('after a refusal the page shows back exactly what was typed, and the errors', () => {
  const errors = { summary: [{ text: 'Enter a whole number', href: '#cin-visits-workingDays' }], fields: {} };
  const kept = {
    values: { 'cin-visits-workingDays': 'ten', reason: 'Board', assessment: ['4', '5'] },
    errors,
  };
  const view = presentChangePage({ settings: DEFAULT_SETTINGS, changes: new Map() }, kept);
  const value = (id: string) => view.groups.find((g) => g.id === id)!.fields[0]!.value;
  assert.equal(value('cin-visits'), 'ten');
  assert.equal(value('assessment'), '', 'something that is not text is shown as empty, not as “4,5”');
  assert.equal(value('icpc'), '', 'a field that was not sent is empty');
  assert.equal(view.reason, 'Board');
  assert.equal(view.errors, errors);
});

test('going back to a default: now and the default side by side, the reason kept after a refusal', () => {
  const settings = withOverrides({ 'cin-visits': { workingDays: 15 } });
  const view = presentResetPage(
    'cin-visits',
    { settings, changes: new Map([['cin-visits', change]]) },
    { values: { reason: 'Back' }, errors: { summary: [], fields: {} } },
  );
  assert.equal(view.title, 'Go back to the default for Child in need visits');
  assert.deepEqual(view.now, ['Child seen at least every 15 working days']);
  assert.deepEqual(view.defaults, ['Child seen at least every 20 working days']);
  assert.equal(view.action, '/performance/how-we-work-it-out/change/cin-visits/default');
  assert.equal(view.reason, 'Back');
  assert.deepEqual(view.backLink, {
    href: '/performance/how-we-work-it-out/change',
    text: 'Back to change the timescales',
  });
});

test('what the rules page says after a change, and after going back to a default', () => {
  assert.equal(
    changedMessage(['dueSoonWorkingDays', 'cin-visits']),
    'Timescales changed (“Due soon”, Child in need visits). Every child’s work has been checked again under the new timescales.',
  );
  assert.equal(
    resetMessage('cin-visits', true),
    'Child in need visits is back to the default. Every child’s work has been checked again.',
  );
  assert.equal(
    resetMessage('cin-visits', false),
    'Child in need visits was already the default; nothing was changed.',
  );
});
