import assert from 'node:assert/strict';
import { test } from 'node:test';
import { presentTeamAcks, presentToRead } from './acks.presenter.ts';
import type { StandardAckSummary, ToRead } from './acks.service.ts';
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
  const v = presentTeamAcks([row], [{ id: 'x', name: 'Assessment Team 1' }], undefined, true);
  assert.equal(v.teamItems, undefined, 'one team: no team filter');
  assert.equal(v.standards[0]!.line, '1 of 3 people have acknowledged version 2 or later');
  assert.deepEqual(v.standards[0]!.outstanding, [
    { name: 'Amina Hussain', team: 'Assessment Team 1', state: 'Not read yet', due: '20 December 2026' },
  ]);
  assert.equal(v.standards[0]!.canRemind, true);
});
