import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  presentCourseForm,
  presentSessionForm,
  sessionCancelledMessage,
  sessionChangedMessage,
} from './admin.presenter.ts';
import type { LrnCoursesTable, LrnSessionsTable } from './schema.ts';

const course: LrnCoursesTable = {
  id: 'c1',
  title: 'Genograms in practice',
  summary: 'Drawing families.',
  description: '',
  category: 'Practice',
  audience: 'managers',
  provider_kind: 'external',
  provider_name: 'Family Tools Ltd',
  provider_link: null,
  provider_instructions: '',
  mandatory: 1,
  needs_approval: 0,
  outcomes: '',
  focus_month: null,
  you_said_we_did: '',
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
};
const session: LrnSessionsTable = {
  id: 's1',
  course_id: 'c1',
  label: 'December',
  capacity: null,
  venue: 'Learning Centre',
  online_link: null,
  trainers: 'Helen Marsh',
  starts_at: '2026-12-02T09:30:00.000Z',
  signup_opens_at: '2026-11-01T00:00:00.000Z',
  signup_closes_at: null,
  cancel_cutoff_hours: 48,
  offer_window_days: 2,
  hold_hours: 6,
  status: 'scheduled',
  sequence: 0,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
};

test('a new course starts for all staff, run by the council, not mandatory, with no approval', () => {
  const view = presentCourseForm(undefined, undefined);
  assert.equal(view.title, 'Add a course');
  assert.equal(view.action, '/learning/admin/courses/new');
  assert.deepEqual(view.values, {
    audience: 'everyone',
    providerKind: 'internal',
    mandatory: 'no',
    needsApproval: 'no',
  });
  assert.equal(view.backLink.href, '/learning/admin');
});

test("changing a course shows its own answers as the form's yes/no and blanks, and goes back to it", () => {
  const view = presentCourseForm(course, undefined);
  assert.equal(view.title, 'Change Genograms in practice');
  assert.equal(view.action, '/learning/admin/courses/c1/edit');
  assert.equal(view.values.mandatory, 'yes');
  assert.equal(view.values.needsApproval, 'no');
  assert.equal(view.values.providerKind, 'external');
  assert.equal(view.values.providerLink, '', 'no link is an empty box, not "null"');
  assert.equal(view.backLink.href, '/learning/courses/c1');
});

test('answers kept after an error are shown instead of the saved course, with the errors', () => {
  const kept = {
    values: { title: '' },
    errors: {
      summary: [{ text: 'Enter the course title', href: '#title' }],
      fields: { title: { text: 'Enter the course title' } },
    },
  };
  const view = presentCourseForm(course, kept);
  assert.deepEqual(view.values, { title: '' });
  assert.equal(view.errors?.fields.title?.text, 'Enter the course title');
});

test("a session's form shows each day as date and time inputs, blank places when not known, and its booking window as days", () => {
  const parts = [
    { day: '2026-12-02', start_time: '09:30', end_time: '16:30' },
    { day: '2026-12-09', start_time: '09:30', end_time: null },
  ];
  const view = presentSessionForm(course, session, parts, undefined);
  assert.equal(view.title, 'Change a session of Genograms in practice');
  assert.equal(view.action, '/learning/admin/sessions/s1/edit');
  assert.deepEqual(
    view.dayRows.map((r) => [r.prefix, r.items.map((i) => i.value).join(' '), r.start, r.end]),
    [
      ['day-0', '2 12 2026', '09:30', '16:30'],
      ['day-1', '9 12 2026', '09:30', ''],
    ],
  );
  assert.equal(view.dayCount, 2);
  assert.equal(view.askNonWorking, false);
  assert.equal(view.values.capacity, '');
  assert.equal(view.values.signupOpens, '2026-11-01');
  assert.equal(view.values.signupCloses, '');
  assert.equal(view.values.cancelCutoffHours, '48');
  assert.equal(view.cancelAction, '/learning/admin/sessions/s1/cancel');
  assert.equal(view.backLink.href, '/learning/sessions/s1');
});

test('a cancelled session cannot be cancelled again; a new session has the usual hours and no cancel button', () => {
  assert.equal(
    presentSessionForm(course, { ...session, status: 'cancelled' }, [], undefined).cancelAction,
    null,
  );
  const fresh = presentSessionForm(course, undefined, [], undefined);
  assert.equal(fresh.title, 'Add a session of Genograms in practice');
  assert.equal(fresh.action, '/learning/admin/courses/c1/sessions/new');
  assert.deepEqual(fresh.values, {
    cancelCutoffHours: '24',
    offerWindowDays: '1',
    holdHours: '4',
    dayCount: '1',
  });
  assert.equal(fresh.dayRows.length, 1, 'one empty day to fill in');
  assert.equal(fresh.cancelAction, null);
  assert.equal(fresh.backLink.href, '/learning/courses/c1');
});

test('answers kept: the rows asked for, each field’s error on its own input, and the question about days nobody works', () => {
  const kept = {
    values: {
      dayCount: '3',
      'day-0-day': '5',
      'day-0-month': '12',
      'day-0-year': '2026',
      'day-1-start': '25:00',
    },
    errors: {
      summary: [],
      fields: {
        'day-1-start': { text: 'Day 2: enter the start time as a time of day, for example 09:30' },
        confirmNonWorking: { text: 'Saturday 5 December 2026 (a weekend) is not a working day.' },
      },
    },
  };
  const view = presentSessionForm(course, session, [], kept);
  assert.equal(view.dayRows.length, 3, 'Add another day made a third row');
  assert.equal(view.dayRows[0]!.items.map((i) => i.value).join(' '), '5 12 2026');
  assert.equal(view.dayRows[1]!.start, '25:00', 'what was typed is shown back');
  assert.match(view.dayRows[1]!.startError!.text, /^Day 2/);
  assert.equal(view.dayRows[0]!.dateError, undefined);
  assert.equal(view.askNonWorking, true);
});

test('the messages after a change say who was told', () => {
  assert.equal(sessionChangedMessage({ timesChanged: false, told: 0 }), 'The session has been changed.');
  assert.equal(
    sessionChangedMessage({ timesChanged: true, told: 3 }),
    'The session has been changed and 3 booked people have been sent the new times.',
  );
  assert.equal(sessionCancelledMessage(1), 'The session has been cancelled and 1 person has been told.');
  assert.equal(sessionCancelledMessage(0), 'The session has been cancelled and 0 people have been told.');
});

test('booking opens and closes on the London days L&D entered, in summer time too', () => {
  // Booking opens at the start of its London day and closes at the end of it (admin.forms.ts):
  // in British Summer Time the opening instant is 23:00 UTC the day before.
  const summer = {
    ...session,
    signup_opens_at: '2026-05-31T23:00:00.000Z',
    signup_closes_at: '2026-06-30T22:59:00.000Z',
  };
  const view = presentSessionForm(course, summer, [], undefined);
  assert.equal(view.values.signupOpens, '2026-06-01');
  assert.equal(view.values.signupCloses, '2026-06-30');
});
