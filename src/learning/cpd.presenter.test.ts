import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cpdDownload, presentCpdPage, presentCpdPrint } from './cpd.presenter.ts';
import { cpdStanding, cpdYearOf } from './cpd.rules.ts';
import type { CpdRecord } from './cpd.service.ts';

const entry = (id: string, day: string, extra: Partial<CpdRecord['rows'][number]> = {}) => ({
  id,
  staff_id: 'me',
  booking_id: null,
  title: `Learning ${id}`,
  day,
  reflection: '',
  peer_reflected: 0,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
  ...extra,
});
const year = cpdYearOf('2026-11-27');
const rows = [entry('a', '2026-11-20', { peer_reflected: 1, booking_id: 'b1' }), entry('b', '2025-06-01')];
const record: CpdRecord = {
  year,
  rows,
  standing: cpdStanding(
    rows.map((r) => ({ day: r.day, peerReflected: r.peer_reflected === 1 })),
    year,
  ),
};

test('entries from an earlier registration year are marked; dates read as people read them', () => {
  const view = presentCpdPage(record, undefined);
  assert.deepEqual(
    view.rows.map((r) => [r.when, r.inYear]),
    [
      ['20 November 2026', true],
      ['1 June 2025', false],
    ],
  );
  assert.equal(view.title, 'My CPD record');
});

test("the add form keeps its own answers; a reflection form's answers do not fill it", () => {
  const errors = { summary: [{ text: 'x', href: '#day' }], fields: { day: { text: 'x' } } };
  const added = presentCpdPage(record, { values: { title: 'Read a review', day: 'yesterday' }, errors });
  assert.deepEqual(added.values, { title: 'Read a review', day: 'yesterday' });
  assert.equal(added.errors, errors);
  const reflected = presentCpdPage(record, { values: { reflection: 'a long text' }, errors });
  assert.deepEqual(reflected.values, {});
  assert.equal(reflected.errors, errors, 'the error is still shown');
});

test("the printable record has only this year's entries, under the person's name", () => {
  const view = presentCpdPrint(record, 'Amina Hussain');
  assert.equal(view.title, 'CPD record of Amina Hussain');
  assert.deepEqual(
    view.rows.map((r) => r.id),
    ['a'],
  );
});

test('the download says which entries came from training booked here and which had peer reflection', () => {
  const d = cpdDownload(rows, '2026-11-27');
  assert.equal(d.filename, 'cpd-2026-11-27');
  const cells = (r: (typeof rows)[number]) => d.columns.map((c) => c.value(r));
  assert.deepEqual(cells(rows[0]!), ['2026-11-20', 'Learning a', 'Yes', '', 'Yes']);
  assert.deepEqual(cells(rows[1]!), ['2025-06-01', 'Learning b', 'No', '', 'No']);
});
