import assert from 'node:assert/strict';
import { test } from 'node:test';
import ICAL from 'ical.js';
import { feedLinkMessage, presentFeed } from './feed.presenter.ts';
import type { FeedDay } from './feed.repo.ts';

const day = (over: Partial<FeedDay>): FeedDay => ({
  id: 'b1',
  status: 'booked',
  bseq: 1,
  sseq: 2,
  sstatus: 'scheduled',
  venue: 'Learning Centre',
  online_link: null,
  title: 'Court skills',
  part_id: 'p1',
  starts_at: '2026-12-16T09:30:00.000Z',
  ends_at: '2026-12-16T12:00:00.000Z',
  ...over,
});

test('the feed: one event per day, cancelled places and sessions marked cancelled, online ones say Online', () => {
  const ics = presentFeed(
    [
      day({}),
      day({ id: 'b2', part_id: 'p2', status: 'cancelled' }),
      day({ id: 'b3', part_id: 'p3', sstatus: 'cancelled', online_link: 'https://meet.example/x' }),
    ],
    new Date('2026-11-27T10:00:00Z'),
  );
  const events = new ICAL.Component(ICAL.parse(ics))
    .getAllSubcomponents('vevent')
    .map((e) => new ICAL.Event(e));
  assert.deepEqual(
    events.map((e) => [e.summary, e.location, e.component.getFirstPropertyValue('status'), e.sequence]),
    [
      ['Court skills', 'Learning Centre', 'CONFIRMED', 3],
      ['Cancelled: Court skills', 'Learning Centre', 'CANCELLED', 3],
      ['Cancelled: Court skills', 'Online', 'CANCELLED', 3],
    ],
  );
});

test('the new link is shown once, with what to do with it', () => {
  assert.equal(
    feedLinkMessage('https://hub.example/learning/feed/abc.ics'),
    'Your calendar link is https://hub.example/learning/feed/abc.ics — copy it into your calendar app now; it is shown only once.',
  );
});
