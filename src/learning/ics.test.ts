import assert from 'node:assert/strict';
import { test } from 'node:test';
import ICAL from 'ical.js';
import { buildFeed, buildInvites, type Invite, inviteUid } from './ics.ts';

const base: Invite = {
  bookingId: 'b-123',
  sequence: 0,
  method: 'REQUEST',
  title: 'Induction',
  description: 'Three days for new staff.',
  location: 'Calderbrook Town Hall',
  organiser: { name: 'Learning and Development', email: 'learning@calderbrook.example' },
  attendee: { name: 'Amina Hussain', email: 'amina.hussain@calderbrook.example' },
  parts: [
    // 09:30 London in winter (GMT) and in summer (BST).
    { id: 'p1', startsAt: '2026-12-02T09:30:00.000Z', endsAt: '2026-12-02T16:30:00.000Z' },
    { id: 'p2', startsAt: '2027-06-09T08:30:00.000Z', endsAt: null },
  ],
};
const stamp = new Date('2026-11-27T10:00:00Z');

function parse(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  const tz = cal.getFirstSubcomponent('vtimezone');
  assert.ok(tz, 'the time zone travels with the invite');
  ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const vevent = cal.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  return { cal, vevent, event };
}

test('an invite per part parses, with a stable UID, SEQUENCE, METHOD and London times', () => {
  const invites = buildInvites(base, stamp);
  assert.equal(invites.length, 2);
  const [first, second] = invites.map((i) => parse(i.ics));
  assert.equal(first!.cal.getFirstPropertyValue('method'), 'REQUEST');
  assert.equal(first!.event.uid, inviteUid('b-123', 'p1'));
  assert.equal(second!.event.uid, inviteUid('b-123', 'p2'));
  assert.equal(first!.event.sequence, 0);
  assert.equal(first!.event.startDate.toJSDate().toISOString(), '2026-12-02T09:30:00.000Z');
  assert.equal(first!.event.startDate.zone.tzid, 'Europe/London');
  assert.equal(first!.event.startDate.hour, 9);
  // Summer: 09:30 on the wall is 08:30 UTC.
  assert.equal(second!.event.startDate.hour, 9);
  assert.equal(second!.event.startDate.toJSDate().toISOString(), '2027-06-09T08:30:00.000Z');
  assert.match(second!.event.description, /end time is to be confirmed/);
  assert.equal(String(first!.vevent.getFirstPropertyValue('dtstamp')), '2026-11-27T10:00:00Z');
  assert.match(first!.event.summary, /day 1 of 2/);
  assert.equal(first!.event.organizer, 'mailto:learning@calderbrook.example');
});

test('an update keeps the UID and raises SEQUENCE; a cancellation says CANCEL', () => {
  const original = parse(buildInvites(base, stamp)[0]!.ics).event;
  const moved = buildInvites(
    {
      ...base,
      sequence: 1,
      parts: [{ id: 'p1', startsAt: '2026-12-02T13:00:00.000Z', endsAt: '2026-12-02T15:00:00.000Z' }],
    },
    stamp,
  );
  const updated = parse(moved[0]!.ics).event;
  assert.equal(updated.uid, original.uid);
  assert.ok(updated.sequence > original.sequence);
  assert.equal(updated.startDate.hour, 13);

  const cancelled = parse(buildInvites({ ...base, method: 'CANCEL', sequence: 2 }, stamp)[0]!.ics);
  assert.equal(cancelled.cal.getFirstPropertyValue('method'), 'CANCEL');
  assert.equal(cancelled.event.uid, original.uid);
  assert.equal(cancelled.vevent.getFirstPropertyValue('status'), 'CANCELLED');
  assert.equal(cancelled.event.sequence, 2);
});

test('the personal feed is a published calendar of every event, with no METHOD', () => {
  const ics = buildFeed(
    'My learning',
    [
      {
        uid: 'x@y',
        sequence: 3,
        title: 'Voice of the Child',
        startsAt: '2026-12-01T13:30:00.000Z',
        endsAt: '2026-12-01T15:00:00.000Z',
        location: 'Online',
        cancelled: false,
      },
      {
        uid: 'z@y',
        sequence: 0,
        title: 'Gone',
        startsAt: '2026-12-03T10:00:00.000Z',
        endsAt: null,
        location: '',
        cancelled: true,
      },
    ],
    stamp,
  );
  const cal = new ICAL.Component(ICAL.parse(ics));
  assert.equal(cal.getFirstPropertyValue('method'), null);
  const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  assert.deepEqual(
    events.map((e) => [e.uid, e.sequence]),
    [
      ['x@y', 3],
      ['z@y', 0],
    ],
  );
  assert.equal(events[1]!.component.getFirstPropertyValue('status'), 'CANCELLED');
});
