import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  approvalsPanelView,
  myLearningPanelView,
  practiceFocusPanelView,
  teamNoShowsPanelView,
} from './panels.presenter.ts';

test('practice focus: the next date, or an invitation to hear of new ones', () => {
  const course = {
    id: 'c1',
    title: 'Motivational Interviewing',
    summary: 'Change talk.',
    focus_month: '2026-11',
  };
  const soon = practiceFocusPanelView(course, ['2026-12-02T09:00:00.000Z', '2026-12-09T09:00:00.000Z']);
  assert.equal(soon.title, 'Practice focus for November 2026: Motivational Interviewing');
  assert.deepEqual(soon.lines, [
    'Change talk.',
    '2 dates are still to come; the next is Wednesday 2 December 2026.',
  ]);
  assert.equal(soon.link?.href, '/learning/courses/c1');
  assert.equal(
    practiceFocusPanelView(course, []).lines[1],
    'There are no more dates this time: register your interest to hear of new ones.',
  );
});

test('my learning: held places count, waiting lists are summed up, and nothing to say is no panel', () => {
  assert.equal(myLearningPanelView([], []), null);
  const panel = myLearningPanelView(
    [
      { status: 'offered', offer_expires_at: '2026-11-28T17:00:00.000Z', title: 'Court skills' },
      { status: 'waitlisted', offer_expires_at: null, title: 'Life Story Work' },
      { status: 'waitlisted', offer_expires_at: null, title: 'Direct work' },
    ],
    ['Infant Mental Health'],
  );
  assert.equal(panel?.count, 2, 'a held place and an evaluation need the person; waiting does not');
  assert.deepEqual(panel?.lines, [
    'A place on Court skills is held for you until 28 Nov 2026, 17:00.',
    'You are waiting for a place on 2 sessions.',
    'Please tell us how Infant Mental Health went.',
  ]);
});

test('training missed: counts people not days, lists the latest eight, and says so when nobody missed', () => {
  const missed = Array.from({ length: 10 }, (_, i) => ({
    id: i < 6 ? 'p1' : `p${i}`,
    name: i < 6 ? 'Sam Okafor' : `Person ${i}`,
    title: 'Court skills',
    day: `2026-11-${String(20 - i).padStart(2, '0')}`,
  }));
  const panel = teamNoShowsPanelView(missed, 'your service');
  assert.equal(panel.count, 5);
  assert.equal(
    panel.lines[0],
    '5 people in your service did not come to training they had booked in the last three months:',
  );
  assert.equal(panel.lines[1]?.split('; ').length, 8);
  assert.match(String(panel.lines[1]), /^Sam Okafor \(Court skills, Friday 20 November 2026\)/);
  assert.deepEqual(teamNoShowsPanelView([], 'your team').lines, [
    'Everyone in your team came to the training they booked in the last three months.',
  ]);
});

test('requests to approve: the first six, and a link to the oldest one’s session', () => {
  assert.equal(approvalsPanelView([]), null);
  const requests = Array.from({ length: 7 }, (_, i) => ({
    session_id: `s${i}`,
    name: `Person ${i}`,
    title: 'Court skills',
  }));
  const panel = approvalsPanelView(requests);
  assert.equal(panel?.count, 7);
  assert.equal(panel?.lines[0]?.split('; ').length, 6);
  assert.match(String(panel?.lines[0]), /^Person 0 asks for Court skills; Person 1/);
  assert.equal(panel?.link?.href, '/learning/sessions/s0');
});
