import assert from 'node:assert/strict';
import { test } from 'node:test';
import ICAL from 'ical.js';
import { findPython, runPython } from '../platform/python.ts';
import { buildFeed, buildInvites, type FeedEvent, type Invite, inviteUid } from './ics.ts';

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

/** A title that would break an unescaped file: CR, LF, CRLF, semicolon, comma and backslash. */
const NASTY = 'Court skills\r\nX-INJECTED:yes;a,b\\c\rBEGIN:VEVENT\nend';

const feedEvent = (over: Partial<FeedEvent> = {}): FeedEvent => ({
  uid: 'x@y',
  sequence: 3,
  title: 'Voice of the Child',
  day: '2026-12-01',
  timed: true,
  startsAt: '2026-12-01T13:30:00.000Z',
  endsAt: '2026-12-01T15:00:00.000Z',
  location: 'Online',
  ...over,
});

function parse(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  const tz = cal.getFirstSubcomponent('vtimezone');
  if (tz) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const vevent = cal.getFirstSubcomponent('vevent')!;
  return { cal, vevent, event: new ICAL.Event(vevent) };
}

// Every property name RFC 5545 (and RFC 7986's NAME) defines that our files may hold; anything else must be X-.
const STANDARD = new Set(
  [
    'BEGIN END VERSION PRODID METHOD CALSCALE NAME',
    'TZID TZOFFSETFROM TZOFFSETTO TZNAME DTSTART RRULE',
    'UID SEQUENCE DTSTAMP DTEND SUMMARY LOCATION DESCRIPTION ORGANIZER ATTENDEE STATUS URL',
  ]
    .join(' ')
    .split(' '),
);

/** The letter of RFC 5545 for a whole file: CRLF line ends (the last too), folded lines, known or X- names. */
function assertToTheLetter(ics: string) {
  assert.ok(ics.endsWith('\r\n'), 'CRLF after the last line (§3.1)');
  assert.doesNotMatch(ics.replace(/\r\n/g, ''), /[\r\n]/, 'no bare CR or LF anywhere');
  const lines = ics.slice(0, -2).split('\r\n');
  for (const line of lines) {
    assert.ok(Buffer.byteLength(line) <= 75, `folded at 75 octets (§3.1): ${line}`);
    if (line.startsWith(' ') || line.startsWith('\t')) continue; // a continuation
    const name = /^([A-Za-z0-9-]+)[;:]/.exec(line)?.[1]?.toUpperCase();
    assert.ok(name, `a property: ${line}`);
    assert.ok(STANDARD.has(name) || name.startsWith('X-'), `a non-standard property without X-: ${name}`);
  }
}

test('an invite per part parses, with a stable UID, SEQUENCE, METHOD and London times', () => {
  const invites = buildInvites(base, stamp);
  assert.equal(invites.length, 2);
  for (const i of invites) assertToTheLetter(i.ics);
  const [first, second] = invites.map((i) => parse(i.ics));
  assert.equal(first!.cal.getFirstPropertyValue('method'), 'REQUEST');
  assert.equal(first!.event.uid, inviteUid('b-123', 'p1'));
  assert.equal(second!.event.uid, inviteUid('b-123', 'p2'));
  assert.equal(first!.cal.getAllSubcomponents('vevent').length, 1, 'one event (one UID) per invitation');
  assert.equal(first!.event.startDate.toJSDate().toISOString(), '2026-12-02T09:30:00.000Z');
  assert.equal(first!.event.startDate.zone.tzid, 'Europe/London');
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
});

test('the feed is a published calendar, no METHOD, no TIMEZONE-ID, named with X-WR-CALNAME', () => {
  const ics = buildFeed('My learning', [feedEvent(), feedEvent({ uid: 'z@y', sequence: 0 })], stamp);
  assertToTheLetter(ics);
  assert.doesNotMatch(ics, /^TIMEZONE-ID/m);
  const cal = new ICAL.Component(ICAL.parse(ics));
  assert.equal(cal.getFirstPropertyValue('method'), null);
  assert.equal(cal.getFirstPropertyValue('x-wr-calname'), 'My learning');
  assert.deepEqual(
    cal.getAllSubcomponents('vevent').map((v) => [new ICAL.Event(v).uid, new ICAL.Event(v).sequence]),
    [
      ['x@y', 3],
      ['z@y', 0],
    ],
  );
});

test('a day without times is an all-day entry in the invite and in the feed alike', () => {
  const invite = buildInvites(
    { ...base, parts: [{ id: 'p1', timed: false, startsAt: '2026-12-09', endsAt: null }] },
    stamp,
  )[0]!.ics;
  const feed = buildFeed(
    'My learning',
    [feedEvent({ timed: false, day: '2026-12-09', startsAt: '2026-12-09T00:00:00.000Z', endsAt: null })],
    stamp,
  );
  for (const ics of [invite, feed]) {
    assertToTheLetter(ics);
    assert.match(ics, /^DTSTART;VALUE=DATE:20261209\r$/m);
    assert.doesNotMatch(ics, /^DTEND/m, 'one day: no DTEND (§3.6.1)');
    const { event } = parse(ics);
    assert.equal(event.startDate.isDate, true);
  }
  assert.doesNotMatch(invite, /end time is to be confirmed/, 'an all-day entry has no end time to confirm');
});

test('every TEXT value is escaped (§3.3.11): a title with CR, LF, ; , and \\ adds no property', () => {
  const files = [
    ...buildInvites({ ...base, title: NASTY, description: NASTY, location: NASTY }, stamp).map((i) => i.ics),
    buildFeed(NASTY, [feedEvent({ title: NASTY, location: NASTY })], stamp),
  ];
  for (const ics of files) {
    assertToTheLetter(ics);
    assert.doesNotMatch(ics, /^X-INJECTED/m);
    assert.equal(ics.match(/^BEGIN:VEVENT\r$/gm)?.length, 1, 'one event, however the title reads');
    const { cal, event } = parse(ics);
    // Line breaks read back as \n; the rest exactly as typed.
    const back = 'Court skills\nX-INJECTED:yes;a,b\\c\nBEGIN:VEVENT\nend';
    // ical.js reads an X- (or NAME) property's value raw: it must be the escaped text (icalendar, below, unescapes it).
    assert.equal(
      cal.getFirstPropertyValue('x-wr-calname'),
      'Court skills\\nX-INJECTED:yes\\;a\\,b\\\\c\\nBEGIN:VEVENT\\nend',
      'X-WR-CALNAME',
    );
    assert.equal(
      cal.getFirstPropertyValue('name'),
      cal.getFirstPropertyValue('x-wr-calname'),
      'NAME (RFC 7986, which ical.js also reads raw)',
    );
    assert.ok(event.summary.includes(back), 'SUMMARY');
    assert.equal(event.location, back, 'LOCATION');
  }
});

const READ_ICS = `
import sys, json
from icalendar import Calendar
cal = Calendar.from_ical(sys.stdin.buffer.read())
events = [c for c in cal.walk() if c.name == "VEVENT"]
print(json.dumps({
    "name": str(cal.get("NAME")),
    "calname": str(cal.get("X-WR-CALNAME")),
    "method": str(cal.get("METHOD")) if cal.get("METHOD") else None,
    "events": [{
        "uid": str(e.get("UID")),
        "summary": str(e.get("SUMMARY")),
        "all_day": not hasattr(e.decoded("DTSTART"), "hour"),
        "start": e.decoded("DTSTART").isoformat(),
    } for e in events],
}))
`;
const py = findPython(['icalendar']);

test('Python’s icalendar reads the escaped names and the all-day days back exactly', {
  skip: py.skip,
}, () => {
  const ics = buildFeed(
    NASTY,
    [
      feedEvent({ title: NASTY }),
      feedEvent({
        uid: 'd@y',
        timed: false,
        day: '2026-12-09',
        startsAt: '2026-12-09T00:00:00.000Z',
        endsAt: null,
      }),
    ],
    stamp,
  );
  const out = runPython(py.python!, READ_ICS, ics) as {
    name: string;
    calname: string;
    method: string | null;
    events: { uid: string; summary: string; all_day: boolean; start: string }[];
  };
  const back = 'Court skills\nX-INJECTED:yes;a,b\\c\nBEGIN:VEVENT\nend';
  assert.equal(out.name, back);
  assert.equal(out.calname, back);
  assert.equal(out.method, null);
  assert.deepEqual(
    out.events.map((e) => [e.uid, e.summary, e.all_day]),
    [
      ['x@y', back, false],
      ['d@y', 'Voice of the Child', true],
    ],
  );
  assert.equal(out.events[1]!.start, '2026-12-09');
  const invite = runPython(py.python!, READ_ICS, buildInvites(base, stamp)[1]!.ics) as typeof out;
  assert.equal(invite.method, 'REQUEST');
  assert.equal(invite.events.length, 1);
});
