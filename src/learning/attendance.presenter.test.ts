import assert from 'node:assert/strict';
import { test } from 'node:test';
import { presentRegister, presentSignInSheet, registerSavedMessage } from './attendance.presenter.ts';
import type { RegisterData } from './attendance.service.ts';

const part = (id: string, day: string, end: string | null) => ({
  id,
  session_id: 's1',
  day,
  start_time: '09:30',
  end_time: end,
  starts_at: `${day}T09:30:00.000Z`,
  ends_at: null,
});

const register = (over: Partial<RegisterData> = {}): RegisterData => {
  const parts = [part('d1', '2026-12-16', '16:00'), part('d2', '2026-12-17', null)];
  return {
    s: { id: 's1', title: 'Court skills', venue: '', online_link: null } as RegisterData['s'],
    parts,
    part: parts[1],
    today: '2026-12-17',
    open: true,
    people: [
      { id: 'b1', name: 'Amina Hussain', team: 'North Team', outcome: 'partial', notes: 'Left at lunch' },
      { id: 'b2', name: 'Sam Okafor', team: null, outcome: null, notes: null },
    ],
    ...over,
  };
};

test('the register: a link per day with the chosen one marked, and each person’s outcome kept', () => {
  const view = presentRegister(register());
  assert.deepEqual(
    view.dayLinks.map((d) => [d.text, d.href, d.current]),
    [
      ['Day 1: Wednesday 16 December 2026', '/learning/sessions/s1/register?part=d1', false],
      ['Day 2: Thursday 17 December 2026', '/learning/sessions/s1/register?part=d2', true],
    ],
  );
  assert.deepEqual(
    view.people[0]!.items.map((i) => [i.text, i.checked]),
    [
      ['Attended', false],
      ['Partly attended', true],
      ['Did not attend', false],
    ],
  );
  assert.deepEqual(
    view.people.map((p) => p.index),
    [0, 1],
    'field names follow the order on the page',
  );
  assert.ok(view.people[1]!.items.every((i) => !i.checked));
});

test('a day still to come: the register says when it opens and offers no form (rule: it opens on the day)', () => {
  const view = presentRegister(register({ today: '2026-12-16', open: false }));
  assert.equal(view.open, false);
  assert.equal(view.day, 'Thursday 17 December 2026');
});

test('the sign-in sheet says the day and times honestly, and where', () => {
  assert.equal(
    presentSignInSheet(register()).day,
    'Thursday 17 December 2026, 09:30 to end time to be confirmed',
  );
  assert.equal(presentSignInSheet(register()).where, 'Venue to be confirmed');
  const online = register({
    s: { id: 's1', title: 'x', venue: '', online_link: 'https://x' } as RegisterData['s'],
  });
  assert.equal(presentSignInSheet(online).where, 'Online');
  assert.equal(presentSignInSheet(register({ parts: [], part: undefined })).day, 'Date to be confirmed');
});

test('saving the register says how many people were marked', () => {
  assert.equal(registerSavedMessage(1), 'The register has been saved for 1 person.');
  assert.equal(registerSavedMessage(3), 'The register has been saved for 3 people.');
});
