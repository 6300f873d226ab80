import assert from 'node:assert/strict';
import { test } from 'node:test';
import { presentAmendments, presentLibrary, statutoryClocksFor, timescaleLine } from './library.presenter.ts';
import type { StandardRow } from './library.repo.ts';

const row = (over: Partial<StandardRow>): StandardRow =>
  ({
    id: 's1',
    area: 'visits',
    position: 1,
    current_version: 1,
    ack_version: 1,
    owner_id: 'o',
    review_on: '2027-06-01',
    timescale_field: null,
    in_audit: 1,
    updated_at: '',
    title: 'Visits',
    level: 'should',
    body: 'b',
    by_when: 'every 10 working days',
    why_child: 'w',
    source_kind: 'local',
    source_detail: '',
    timescale_days: null,
    related: '[]',
    links: '[]',
    version_at: '2026-01-01T00:00:00.000Z',
    owner_name: 'Helen',
    ...over,
  }) as StandardRow;

test('the library groups by area in the order of the areas, marks must and should apart, and flags past review', () => {
  const v = presentLibrary(
    [
      row({ id: 'a', area: 'visits', level: 'must' }),
      row({ id: 'b', area: 'contact-referral', review_on: '2026-11-01' }),
    ],
    '2026-12-02',
  );
  assert.deepEqual(
    v.areas!.map((g) => g.name),
    ['Contact and referral', 'Visits'],
  );
  assert.equal(v.areas![1]!.standards[0]!.level.text, 'Must');
  assert.equal(v.areas![0]!.standards[0]!.level.text, 'Should');
  assert.equal(v.areas![0]!.standards[0]!.pastReview, 'Review was due 1 November 2026');
  assert.equal(v.pastReviewCount, 1);
});

test('search results keep the database’s order and say how many matched', () => {
  const v = presentLibrary([row({ id: 'a', title: 'A' }), row({ id: 'b', title: 'B' })], '2026-12-02', {
    q: 'visit',
    ids: ['b', 'a', 'gone'],
  });
  assert.deepEqual(
    v.results!.map((r) => r.title),
    ['B', 'A'],
  );
  assert.equal(v.resultsHeading, '2 standards match “visit”');
});

test('a timescale the Hub measures reads as the rule’s number; one it does not measure says so', () => {
  const measured = timescaleLine(row({ timescale_field: 'cp-visits-workingDays', timescale_days: 10 }), {
    value: 12,
    label: 'Child protection visits: child seen at least every',
    unit: 'working days',
  });
  assert.equal(measured!.text, '12 working days (child protection visits: child seen at least every).');
  assert.match(measured!.note, /Changing it here changes it for every child/);
  assert.match(
    timescaleLine(row({ timescale_days: 10 }))!.note,
    /The Hub does not measure this timescale yet/,
  );
  assert.equal(timescaleLine(row({})), undefined);
});

test('amendments: each change with its version, summary, reason and whether it was major', () => {
  const v = presentAmendments([
    {
      standard_id: 's',
      version: 3,
      title: 'Minutes',
      area: 'meetings',
      summary: 'Now 10 days.',
      reason: 'A complaint.',
      major: 1,
      created_at: '2026-07-01T09:00:00.000Z',
      created_by_name: 'Helen Marsh',
    },
  ]);
  assert.deepEqual(v.rows[0], {
    href: '/standards/s/versions/3',
    version: 'Version 3',
    date: '1 July 2026',
    summary: 'Now 10 days.',
    reason: 'A complaint.',
    major: true,
    by: 'Helen Marsh',
    standard: 'Minutes',
    area: 'Meetings and minutes',
    standardHref: '/standards/s',
  });
});

test('a complaints standard shows the statutory clocks with their regulation; other areas do not', () => {
  const clocks = statutoryClocksFor('complaints');
  assert.ok(clocks);
  const rows = clocks.rows.map((r) => r.map((c) => c.text));
  assert.deepEqual(rows[0], [
    'Stage 1 (local resolution): the response',
    '10 working days of receiving the complaint, or up to 20 if it is extended',
    'Representations Procedure Regulations 2006, reg 14',
  ]);
  assert.match(rows[1]![1]!, /^25 working days .* up to 65/);
  assert.deepEqual(
    rows.slice(2).map((r) => r[1]),
    ['30 working days of the request', '5 working days of the panel', '15 working days of the report'],
  );
  assert.equal(statutoryClocksFor('visits'), undefined);
});
