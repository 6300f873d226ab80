import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BookingStatus } from './schema.ts';
import {
  bookedMessage,
  bookingChangeMessage,
  cancelledMessage,
  presentBookConfirm,
  presentCancelConfirm,
  presentSession,
} from './session.presenter.ts';
import type { SessionPageData } from './session.service.ts';

const NOW = '2026-11-27T10:00:00.000Z';

/** A session of 10 places on 16 December 2026 as the service reads it; `over` changes any part. */
function data(over: {
  session?: Partial<SessionPageData['s']>;
  mine?: { status: BookingStatus; position?: number; offer_expires_at?: string | null } | null;
  counts?: { taken: number; waiting: number };
  people?: SessionPageData['people'];
  moveTo?: SessionPageData['moveTo'];
  may?: Partial<SessionPageData['may']>;
  clashes?: SessionPageData['clashes'];
}): SessionPageData {
  const s: SessionPageData['s'] = {
    id: 's1',
    course_id: 'c1',
    label: '',
    capacity: 10,
    venue: 'Room 4, Calderbrook Town Hall',
    online_link: null,
    trainers: 'Helen Marsh',
    starts_at: '2026-12-16T09:00:00.000Z',
    signup_opens_at: null,
    signup_closes_at: null,
    cancel_cutoff_hours: 48,
    offer_window_days: 2,
    hold_hours: 24,
    status: 'scheduled',
    sequence: 0,
    created_at: NOW,
    updated_at: NOW,
    title: 'Motivational interviewing',
    summary: 'Conversations that help people change.',
    description: '',
    needs_approval: 0,
    provider_kind: 'internal',
    provider_name: '',
    provider_link: null,
    provider_instructions: '',
    audience: 'everyone',
    ...over.session,
  };
  const mine = over.mine
    ? {
        id: 'b1',
        session_id: 's1',
        staff_id: 'me',
        queue_pos: 3,
        sequence: 0,
        created_at: NOW,
        updated_at: NOW,
        offer_expires_at: null,
        position: undefined,
        ...over.mine,
      }
    : null;
  return {
    s,
    parts: [
      {
        id: 'p1',
        session_id: 's1',
        day: '2026-12-16',
        start_time: '09:00',
        end_time: '11:00',
        starts_at: '2026-12-16T09:00:00.000Z',
        ends_at: '2026-12-16T11:00:00.000Z',
      },
    ],
    counts: over.counts ?? { taken: 4, waiting: 0 },
    mine,
    people: over.people ?? [],
    moveTo: over.moveTo ?? [],
    may: { manage: false, managersCourses: false, ...over.may },
    clashes: over.clashes ?? { sameCourse: [], overlapping: [] },
  };
}

describe('the session page', () => {
  test('someone with no place may book a session still to come, and is told the places left', () => {
    const view = presentSession(data({}), NOW);
    assert.equal(view.canBook, true);
    assert.equal(view.when, 'Wednesday 16 December 2026, 09:00 to 11:00');
    assert.equal(view.where, 'Room 4, Calderbrook Town Hall');
    assert.equal(view.places, '6 places left of 10.');
    assert.equal(view.mineText, null);
    assert.equal(view.backLink.href, '/learning/courses/c1');
  });

  test('no Book button once the session has started, is cancelled, has no date, or for a place already held', () => {
    assert.equal(presentSession(data({}), '2026-12-16T09:00:00.000Z').canBook, false);
    assert.equal(presentSession(data({}), '2026-12-16T09:00:00.000Z').started, true);
    assert.equal(presentSession(data({ session: { status: 'cancelled' } }), NOW).canBook, false);
    const undated = presentSession(data({ session: { starts_at: null } }), NOW);
    assert.equal(undated.canBook, false);
    assert.equal(undated.started, true, 'an undated session says it can no longer be booked');
    for (const status of ['booked', 'requested', 'waitlisted', 'offered'] as const)
      assert.equal(presentSession(data({ mine: { status } }), NOW).canBook, false, status);
  });

  test('a place that ended (cancelled, declined, moved) can be booked again, and says what happened', () => {
    const view = presentSession(data({ mine: { status: 'declined' } }), NOW);
    assert.equal(view.canBook, true);
    assert.equal(view.mine, null, 'no cancel button for a place that has ended');
    assert.equal(view.mineText, 'Your request for a place was not approved.');
  });

  test('a managers’ course is for those the policy allows', () => {
    const managers = { session: { audience: 'managers' as const } };
    const practitioner = presentSession(data(managers), NOW);
    assert.equal(practitioner.canBook, false);
    assert.equal(practitioner.managersOnly, true);
    const manager = presentSession(data({ ...managers, may: { managersCourses: true } }), NOW);
    assert.equal(manager.canBook, true);
    assert.equal(manager.managersOnly, false);
  });

  test('the cancel button says what it gives up', () => {
    const cancel = (status: BookingStatus) => presentSession(data({ mine: { status } }), NOW).cancelText;
    assert.equal(cancel('booked'), 'Cancel my place');
    assert.equal(cancel('waitlisted'), 'Leave the waiting list');
    assert.equal(cancel('offered'), 'Turn down the place');
    assert.equal(cancel('requested'), 'Withdraw my request');
  });

  test('the place in words: the queue position, and a held place until when', () => {
    assert.equal(
      presentSession(data({ mine: { status: 'waitlisted', position: 2 } }), NOW).mineText,
      'You are number 2 on the waiting list. We will email you if a place comes free.',
    );
    assert.match(
      String(
        presentSession(
          data({ mine: { status: 'offered', offer_expires_at: '2026-11-28T17:00:00.000Z' } }),
          NOW,
        ).mineText,
      ),
      /^A place is held for you until 28 Nov 2026, 17:00\./,
    );
  });

  test('a full session with people waiting says so; an online one says Online', () => {
    const full = presentSession(
      data({ counts: { taken: 10, waiting: 3 }, session: { online_link: 'https://meet.example/x' } }),
      NOW,
    );
    assert.equal(full.places, 'Full: all 10 places are taken. 3 people are on the waiting list.');
    assert.equal(full.where, 'Online');
  });

  test('an external provider’s link shows only to someone with a place', () => {
    const external = { provider_kind: 'external' as const, provider_name: 'Research in Practice' };
    assert.equal(
      presentSession(data({ session: external, mine: { status: 'booked' } }), NOW).showProviderLink,
      true,
    );
    assert.equal(
      presentSession(data({ session: external, mine: { status: 'waitlisted' } }), NOW).showProviderLink,
      false,
    );
  });

  test('L&D see each person’s place and the other dates to move them to', () => {
    const view = presentSession(
      data({
        may: { manage: true },
        people: [
          {
            id: 'b2',
            status: 'offered',
            queue_pos: 1,
            offer_expires_at: '2026-11-28T17:00:00.000Z',
            staff_id: 'x',
            name: 'Grace Adeyemi',
            team_id: 't1',
            service_id: 'v1',
            team: 'North Team',
            mayDecide: true,
          },
          {
            id: 'b3',
            status: 'requested',
            queue_pos: 2,
            offer_expires_at: null,
            staff_id: 'y',
            name: 'Sam Okafor',
            team_id: null,
            service_id: null,
            team: null,
            mayDecide: true,
          },
        ],
        moveTo: [{ id: 's2', starts_at: '2027-01-13T10:00:00.000Z', label: 'repeat' }],
      }),
      NOW,
    );
    assert.equal(view.manage, true);
    assert.deepEqual(
      view.people.map((p) => [p.name, p.statusText, p.expires]),
      [
        ['Grace Adeyemi', 'Place held', '28 Nov 2026, 17:00'],
        ['Sam Okafor', 'Waiting for approval', ''],
      ],
    );
    assert.deepEqual(view.moveTo, [{ value: 's2', text: 'Wednesday 13 January 2027, 10:00 (repeat)' }]);
  });

  test('the title carries the session’s label', () => {
    assert.equal(
      presentSession(data({ session: { label: 'Cohort 2' } }), NOW).title,
      'Motivational interviewing: Cohort 2',
    );
  });
});

describe('what the buttons say afterwards', () => {
  test('booking: a place, a request, or the position on the waiting list, which is news and not a success', () => {
    assert.deepEqual(bookedMessage({ status: 'booked' }), {
      message: 'You have a place. We have emailed you a calendar invite.',
      notice: false,
    });
    assert.deepEqual(bookedMessage({ status: 'requested' }), {
      message: 'Your request has been sent to your manager for approval.',
      notice: false,
    });
    assert.deepEqual(bookedMessage({ status: 'waitlisted', position: 4 }), {
      message:
        'You have joined the waiting list: you are number 4. You do not have a place yet; we will email you if one comes free.',
      notice: true,
    });
  });

  test('a move says where the person now stands', () => {
    assert.equal(bookingChangeMessage('move', 'booked'), 'Moved: they have a place on the other session.');
    assert.equal(
      bookingChangeMessage('move', 'waitlisted'),
      'Moved: they are on the other session’s waiting list.',
    );
  });

  test('cancelling says what actually happened to the place', () => {
    assert.equal(
      cancelledMessage({ was: 'booked', passedOn: 'offered' }),
      'Your place has been cancelled and offered to the next person on the waiting list.',
    );
    assert.equal(
      cancelledMessage({ was: 'booked', passedOn: 'given' }),
      'Your place has been cancelled and given to the next person on the waiting list.',
    );
    assert.equal(
      cancelledMessage({ was: 'booked', passedOn: null }),
      'Your place has been cancelled. We have emailed you a cancellation for your calendar.',
    );
    assert.equal(cancelledMessage({ was: 'waitlisted', passedOn: null }), 'You have left the waiting list.');
    assert.equal(
      cancelledMessage({ was: 'requested', passedOn: null }),
      'Your request for a place has been withdrawn.',
    );
    assert.match(
      cancelledMessage({ was: 'offered', passedOn: 'offered' }),
      /^You have turned down the place/,
    );
  });
});

describe('before booking and cancelling', () => {
  test('a full session, or one with people waiting, says "Join the waiting list"', () => {
    assert.equal(
      presentSession(data({ counts: { taken: 10, waiting: 0 } }), NOW).bookText,
      'Join the waiting list',
    );
    assert.equal(
      presentSession(data({ counts: { taken: 9, waiting: 2 } }), NOW).bookText,
      'Join the waiting list',
    );
    assert.equal(presentSession(data({ counts: { taken: 9, waiting: 0 } }), NOW).bookText, 'Book a place');
    assert.equal(presentSession(data({ session: { needs_approval: 1 } }), NOW).bookText, 'Ask for a place');
  });

  test('a place on the same course or at the same time is said before booking, and the confirm page asks again', () => {
    const other = {
      session_id: 's9',
      course_id: 'c1',
      title: 'Motivational interviewing',
      parts: [
        {
          day: '2027-01-13',
          start_time: '09:30',
          end_time: '12:00',
          starts_at: '2027-01-13T09:30:00.000Z',
          ends_at: '2027-01-13T12:00:00.000Z',
        },
      ],
    };
    const view = presentSession(data({ clashes: { sameCourse: [other], overlapping: [] } }), NOW);
    assert.deepEqual(view.clashes, [
      'You already have a place on another session of Motivational interviewing: Wednesday 13 January 2027, 09:30 to 12:00.',
    ]);
    const confirm = presentBookConfirm(data({ clashes: { sameCourse: [other], overlapping: [] } }), NOW);
    assert.equal(confirm.confirmText, 'Yes, book a place');
    assert.match(confirm.title, /^Check before you book: /);
    const full = presentBookConfirm(data({ counts: { taken: 10, waiting: 1 } }), NOW);
    assert.equal(full.confirmText, 'Yes, join the waiting list');
  });

  test('the cancel page says what will happen, for a place, a waiting list and a request', () => {
    const check = (status: BookingStatus, position?: number) => {
      const d = data({ mine: { status, position } });
      return presentCancelConfirm({ s: d.s, parts: d.parts, booking: d.mine! }, 'mine');
    };
    const booked = check('booked');
    assert.equal(booked.title, 'Cancel your place?');
    assert.equal(booked.yes, 'Yes, cancel my place');
    assert.deepEqual(booked.no, { text: 'No, keep my place', href: '/learning/mine' });
    assert.equal(booked.back, 'mine');
    assert.match(check('waitlisted', 3).lead!, /^You are number 3 on the waiting list/);
    assert.equal(check('requested').yes, 'Yes, withdraw my request');
    const gone = check('cancelled');
    assert.equal(gone.title, 'This place has already been cancelled');
    assert.equal(gone.yes, null);
  });
});
