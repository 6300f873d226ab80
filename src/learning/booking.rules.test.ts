import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkingCalendar } from '../platform/calendar/working-days.ts';
import {
  approvalRefusal,
  bookingRefusal,
  cancelRefusal,
  fillFreedPlace,
  newPlaceStatus,
  type Place,
  type SessionRules,
  waitingList,
} from './booking.rules.ts';

const calendar = new WorkingCalendar();
// Wednesday 2 December 2026, 10:00 London.
const session: SessionRules = {
  status: 'scheduled',
  capacity: 2,
  startsAt: '2026-12-02T10:00:00.000Z',
  signupOpensAt: null,
  signupClosesAt: null,
  cancelCutoffHours: 24,
  offerWindowDays: 1,
  holdHours: 4,
};
const place = (id: string, status: Place['status'], queuePos = 0): Place => ({
  id,
  staffId: id,
  status,
  queuePos,
});
const at = (iso: string) => new Date(iso);

test('a session cannot be booked when cancelled, undated, without places, started, not open or closed', () => {
  const now = at('2026-11-20T09:00:00Z');
  assert.equal(bookingRefusal(session, now), null);
  assert.match(bookingRefusal({ ...session, status: 'cancelled' }, now)!, /cancelled/);
  assert.match(bookingRefusal({ ...session, startsAt: null }, now)!, /no date/);
  assert.match(bookingRefusal({ ...session, capacity: null }, now)!, /places/);
  assert.match(bookingRefusal(session, at('2026-12-02T10:00:00Z'))!, /already started/);
  assert.match(bookingRefusal({ ...session, signupOpensAt: '2026-11-21T00:00:00Z' }, now)!, /not opened/);
  assert.match(bookingRefusal({ ...session, signupClosesAt: '2026-11-20T09:00:00Z' }, now)!, /closed/);
});

test('places go first come first served; nobody jumps a waiting list', () => {
  assert.equal(newPlaceStatus(session, [], false), 'booked');
  assert.equal(newPlaceStatus(session, [], true), 'requested');
  assert.equal(newPlaceStatus(session, [place('a', 'booked'), place('b', 'offered')], false), 'waitlisted');
  // A place is free but someone is already waiting (e.g. their offer is being made): the newcomer waits.
  assert.equal(
    newPlaceStatus(session, [place('a', 'booked'), place('w', 'waitlisted', 3)], false),
    'waitlisted',
  );
  const list = waitingList([
    place('x', 'waitlisted', 5),
    place('y', 'waitlisted', 2),
    place('z', 'booked', 1),
  ]);
  assert.deepEqual(
    list.map((p) => p.id),
    ['y', 'x'],
  );
});

test('a booked place can be cancelled only before the cutoff; waiting can always be withdrawn', () => {
  assert.equal(cancelRefusal(session, place('a', 'booked'), at('2026-12-01T09:59:59Z')), null);
  assert.match(cancelRefusal(session, place('a', 'booked'), at('2026-12-01T10:00:00Z'))!, /24 hours/);
  assert.equal(cancelRefusal(session, place('a', 'waitlisted', 1), at('2026-12-02T09:00:00Z')), null);
});

test('a freed place goes to the first waiting, is held near the start, and never after the start', () => {
  const places = [place('a', 'booked'), place('w2', 'waitlisted', 9), place('w1', 'waitlisted', 4)];
  // A week before: promoted outright.
  assert.deepEqual(fillFreedPlace(session, places, at('2026-11-25T09:00:00Z'), calendar), {
    kind: 'promote',
    placeId: 'w1',
  });
  // The working day before: offered for four hours.
  assert.deepEqual(fillFreedPlace(session, places, at('2026-12-01T09:00:00Z'), calendar), {
    kind: 'offer',
    placeId: 'w1',
    expiresAt: '2026-12-01T13:00:00.000Z',
  });
  // The hold never runs past the start.
  assert.deepEqual(fillFreedPlace(session, places, at('2026-12-02T08:00:00Z'), calendar), {
    kind: 'offer',
    placeId: 'w1',
    expiresAt: '2026-12-02T10:00:00.000Z',
  });
  assert.deepEqual(fillFreedPlace(session, places, at('2026-12-02T10:00:00Z'), calendar), {
    kind: 'none',
    reason: 'started',
  });
  assert.equal(
    fillFreedPlace(session, [place('a', 'booked')], at('2026-11-25T09:00:00Z'), calendar).kind,
    'none',
  );
  // Still full (both places taken): nobody moves.
  assert.equal(
    fillFreedPlace(session, [...places, place('b', 'booked')], at('2026-11-25T09:00:00Z'), calendar).kind,
    'none',
  );
});

test('the offer window counts working days: a Monday session is within one working day of the Friday', () => {
  const monday = { ...session, startsAt: '2026-12-07T10:00:00.000Z' };
  const places = [place('w', 'waitlisted', 1)];
  assert.equal(fillFreedPlace(monday, places, at('2026-12-04T09:00:00Z'), calendar).kind, 'offer');
  assert.equal(fillFreedPlace(monday, places, at('2026-12-03T09:00:00Z'), calendar).kind, 'promote');
});

test('approval never goes beyond the places', () => {
  assert.equal(approvalRefusal(session, [place('a', 'booked'), place('r', 'requested')]), null);
  assert.match(approvalRefusal(session, [place('a', 'booked'), place('b', 'booked')])!, /no places left/);
});
