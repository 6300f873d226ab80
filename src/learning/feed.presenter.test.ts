import assert from 'node:assert/strict';
import { test } from 'node:test';
import ICAL from 'ical.js';
import { feedLinkMessage, presentDayFile, presentFeed } from './feed.presenter.ts';
import type { FeedDay } from './feed.repo.ts';

const day = (over: Partial<FeedDay>): FeedDay => ({
  id: 'b1',
  session_id: 's1',
  bseq: 1,
  sseq: 2,
  venue: 'Learning Centre',
  online_link: null,
  title: 'Court skills',
  part_id: 'p1',
  day: '2026-12-16',
  start_time: '09:30',
  starts_at: '2026-12-16T09:30:00.000Z',
  ends_at: '2026-12-16T12:00:00.000Z',
  ...over,
});

test('the feed: one event per booked day with the invite’s UID and sequence; online ones say Online; untimed days all-day', () => {
  const ics = presentFeed(
    [
      day({}),
      day({ id: 'b3', part_id: 'p3', online_link: 'https://meet.example/x' }),
      day({
        id: 'b4',
        part_id: 'p4',
        start_time: null,
        day: '2026-12-18',
        starts_at: '2026-12-18T00:00:00.000Z',
        ends_at: null,
      }),
    ],
    new Date('2026-11-27T10:00:00Z'),
  );
  const events = new ICAL.Component(ICAL.parse(ics))
    .getAllSubcomponents('vevent')
    .map((e) => new ICAL.Event(e));
  assert.deepEqual(
    events.map((e) => [
      e.uid,
      e.summary,
      e.location,
      e.component.getFirstPropertyValue('status'),
      e.sequence,
      e.startDate.isDate,
    ]),
    [
      ['b1-p1@learning.practice-hub', 'Court skills', 'Learning Centre', 'CONFIRMED', 3, false],
      ['b3-p3@learning.practice-hub', 'Court skills', 'Online', 'CONFIRMED', 3, false],
      ['b4-p4@learning.practice-hub', 'Court skills', 'Learning Centre', 'CONFIRMED', 3, true],
    ],
  );
});

test('"Add to calendar": one day as a file named after the course, the day and its number', () => {
  const file = presentDayFile(day({ title: 'Court skills: day one' }), 2, new Date('2026-11-27T10:00:00Z'));
  assert.equal(file.filename, 'court-skills-day-one-2026-12-16-day-2.ics');
  const cal = new ICAL.Component(ICAL.parse(file.ics));
  assert.equal(cal.getAllSubcomponents('vevent').length, 1);
  assert.equal(cal.getFirstPropertyValue('method'), null, 'published, not an invitation');
  assert.equal(presentDayFile(day({}), 0, new Date()).filename, 'court-skills-2026-12-16.ics');
});

test('the new link is shown once, with what to do with it', () => {
  assert.equal(
    feedLinkMessage('https://hub.example/learning/feed/abc.ics'),
    'Your calendar link is https://hub.example/learning/feed/abc.ics — copy it into your calendar app now; it is shown only once.',
  );
});
