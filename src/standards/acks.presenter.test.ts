import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StandardAckSummary, ToRead } from './acks.presenter.ts';
import { presentTeamAcks, presentToRead, TEAM_ACKS_PAGE_SIZE, teamAcksHref } from './acks.presenter.ts';
import type { StandardRow } from './library.repo.ts';

const s = (over: Partial<StandardRow> = {}) =>
  ({
    id: 's',
    title: 'Minutes',
    level: 'should',
    current_version: 3,
    ack_version: 2,
    ...over,
  }) as StandardRow;

test('standards to read: what is left first, late ones marked, and a sentence that counts them', () => {
  const list: ToRead[] = [
    { standard: s(), state: 'again', due: '2026-11-30' },
    { standard: s({ id: 't', title: 'Visits' }), state: 'done', due: '2026-11-01' },
  ];
  const v = presentToRead(list, '2026-12-02');
  assert.equal(v.summary, '1 of the 2 standards asked of you still need reading.');
  assert.deepEqual(
    v.left.map((x) => [x.title, x.state, x.late]),
    [['Minutes', 'Changed since read', true]],
  );
  assert.deepEqual(
    v.done.map((x) => [x.title, x.late]),
    [['Visits', false]],
  );
  assert.equal(
    presentToRead([], '2026-12-02').summary,
    'No practice standard asks you to acknowledge it at the moment.',
  );
});

test('a manager’s page: how many have acknowledged the version that counts, and who has not', () => {
  const row: StandardAckSummary = {
    standard: s(),
    asked: 3,
    done: 1,
    due: '2026-12-20',
    outstanding: [
      {
        person: { name: 'Amina Hussain', team_name: 'Assessment Team 1' } as never,
        state: 'to-read',
        due: '2026-12-20',
      },
    ],
  };
  const v = presentTeamAcks(
    [row],
    [{ id: 'x', name: 'Assessment Team 1' }],
    { teamId: undefined, show: 'outstanding', page: 1, today: '2026-12-02' },
    true,
  );
  assert.equal(v.teamItems, undefined, 'one team: no team filter');
  assert.equal(v.standards[0]!.line, '1 of 3 people have acknowledged version 2 or later');
  assert.deepEqual(v.standards[0]!.outstanding, [
    { label: 'Not read it yet, to read by 20 December 2026', late: false, names: 'Amina Hussain' },
  ]);
  assert.equal(v.standards[0]!.canRemind, true);
});

test('a manager’s page: standards someone has to read first, earliest date first, a page at a time', () => {
  const person = (id: string) => ({ id, name: `Person ${id}`, team_name: 'Team 1' }) as never;
  const summary = (i: number, due: string, outstanding: string[]): StandardAckSummary => ({
    standard: s({ id: `s${i}`, title: `Standard ${i}` }),
    asked: 3,
    done: 3 - outstanding.length,
    due,
    outstanding: outstanding.map((p) => ({ person: person(p), state: 'to-read', due })),
  });
  // 25 standards someone has to read, dated later as i grows, and 5 everyone has read.
  const rows = [
    ...Array.from({ length: 5 }, (_, i) => summary(100 + i, '2026-12-01', [])),
    ...Array.from({ length: 25 }, (_, i) =>
      summary(i, `2027-01-${String(25 - i).padStart(2, '0')}`, i % 2 ? ['a'] : ['a', 'b']),
    ),
  ];
  const first = presentTeamAcks(
    rows,
    [],
    { teamId: undefined, show: 'outstanding', page: 1, today: '2026-12-02' },
    true,
  );
  assert.equal(
    first.summary,
    '2 people still have standards to read: 25 of the 30 standards asked are not read by everyone yet.',
  );
  assert.equal(first.standards.length, TEAM_ACKS_PAGE_SIZE);
  assert.equal(first.standards[0]!.title, 'Standard 24', 'the earliest date first');
  assert.deepEqual(first.showLink, {
    href: '/standards/acknowledgements?show=all',
    text: 'Show the 5 standards everyone has read as well',
  });
  assert.equal(first.documentTitle, 'Who has read the practice standards, page 1 of 2');
  assert.deepEqual(first.pagination, {
    previous: undefined,
    next: { href: '/standards/acknowledgements?page=2' },
  });
  const second = presentTeamAcks(
    rows,
    [],
    { teamId: undefined, show: 'outstanding', page: 2, today: '2026-12-02' },
    true,
  );
  assert.deepEqual(
    second.standards.map((x) => x.title),
    ['Standard 4', 'Standard 3', 'Standard 2', 'Standard 1', 'Standard 0'],
  );
  assert.equal(second.range, 'Standards 21 to 25 of 25 (page 2 of 2).');
  const past = presentTeamAcks(
    rows,
    [],
    { teamId: undefined, show: 'outstanding', page: 9, today: '2026-12-02' },
    true,
  );
  assert.equal(past.standards.length, 5, 'a page past the end shows the last page');
  const all = presentTeamAcks(
    rows,
    [],
    { teamId: 'team-1', show: 'all', page: 2, today: '2026-12-02' },
    true,
  );
  assert.equal(all.standards.length, 10, 'every standard asked: the read ones come after');
  assert.equal(all.standards.at(-1)!.canRemind, false);
  assert.equal(all.showLink!.href, '/standards/acknowledgements?team=team-1');
  assert.equal(
    teamAcksHref({ teamId: 'team-1', show: 'all', page: 3 }),
    '/standards/acknowledgements?team=team-1&show=all&page=3',
  );
});

test('a manager’s page when everyone has read everything, and when nothing is asked', () => {
  const done: StandardAckSummary = { standard: s(), asked: 2, done: 2, due: '2026-12-20', outstanding: [] };
  const v = presentTeamAcks(
    [done],
    [
      { id: 't', name: 'Team 1' },
      { id: 'u', name: 'Team 2' },
    ],
    { teamId: 't', show: 'outstanding', page: 1, today: '2026-12-02' },
    true,
  );
  assert.equal(v.summary, 'Everyone asked in Team 1 has read all 1 standard asked of them.');
  assert.deepEqual(v.standards, []);
  assert.equal(
    presentTeamAcks([], [], { teamId: undefined, show: 'outstanding', page: 1, today: '2026-12-02' }, true)
      .summary,
    undefined,
  );
});

test('a manager’s page: who has not read a standard, a line for each state and date, teams named when the list spans teams', () => {
  const person = (name: string, team: string) => ({ id: name, name, team_name: team }) as never;
  const row: StandardAckSummary = {
    standard: s(),
    asked: 5,
    done: 1,
    due: '2027-01-31',
    outstanding: [
      { person: person('Amina Hussain', 'Team 1'), state: 'to-read', due: '2027-01-31' },
      { person: person('Ben Okafor', 'Team 2'), state: 'again', due: '2027-01-31' },
      { person: person('Cara Lee', 'Team 1'), state: 'to-read', due: '2027-01-31' },
      { person: person('Dev Shah', 'Team 2'), state: 'to-read', due: '2026-12-15' },
    ],
  };
  const teams = [
    { id: 't1', name: 'Team 1' },
    { id: 't2', name: 'Team 2' },
  ];
  const all = presentTeamAcks(
    [row],
    teams,
    { teamId: undefined, show: 'outstanding', page: 1, today: '2026-12-20' },
    true,
  );
  assert.deepEqual(all.standards[0]!.outstanding, [
    {
      label: 'Not read it yet, it was due by 15 December 2026',
      late: true,
      names: 'Dev Shah (Team 2)',
    },
    {
      label: 'Read it before it changed, to read by 31 January 2027',
      late: false,
      names: 'Ben Okafor (Team 2)',
    },
    {
      label: 'Not read it yet, to read by 31 January 2027',
      late: false,
      names: 'Amina Hussain (Team 1), Cara Lee (Team 1)',
    },
  ]);
  const one = presentTeamAcks(
    [row],
    teams,
    { teamId: 't1', show: 'outstanding', page: 1, today: '2026-12-20' },
    true,
  );
  assert.equal(
    one.standards[0]!.outstanding.at(-1)!.names,
    'Amina Hussain, Cara Lee',
    'one team: no team names',
  );
});
