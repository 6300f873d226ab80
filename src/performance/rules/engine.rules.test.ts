import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { WorkingCalendar } from '../../platform/calendar/working-days.ts';
import { evaluateChild } from './engine.rules.ts';
import { DEFAULT_SETTINGS, withOverrides } from './settings.rules.ts';
import { type ChildEpisodes, emptyEpisodes, type RuleId } from './types.ts';

// Hand-worked cases: the working is in each test's name or comment. Day 0 is the anchor day itself.
const cal = new WorkingCalendar();
const child = (parts: Partial<ChildEpisodes>): ChildEpisodes => ({ ...emptyEpisodes(), ...parts });
const rule = (c: ChildEpisodes, asOf: string, id: RuleId, s = DEFAULT_SETTINGS) =>
  evaluateChild(c, cal, asOf, s).find((r) => r.rule === id)!;

describe('assessment: within 45 working days of the referral', () => {
  // Referral Mon 2022-05-23 is day 0. May 24–27 (1–4), May 30–Jun 1 (5–7), Jun 2 and 3 are the
  // Jubilee bank holidays, Jun 6–10 (8–12), and five a week after that: Jul 22 is 42, so 25 (43),
  // 26 (44), 27 (45). Without the two bank holidays it would have been Jul 25.
  const open = child({
    assessments: [{ referralDay: '2022-05-23', startDay: '2022-05-24', authorisedDay: null }],
  });

  test('referral 2022-05-23 → due 2022-07-27 (skips 2 and 3 June 2022); on 2022-07-01 it is on time', () => {
    assert.deepEqual(rule(open, '2022-07-01', 'assessment'), {
      rule: 'assessment',
      status: 'on-time',
      dueDay: '2022-07-27',
      lastDay: null,
      daysLate: 0,
      open: true,
    });
  });
  test('on 2022-07-20 there are 5 working days left (21, 22, 25, 26, 27): due soon', () => {
    assert.equal(rule(open, '2022-07-20', 'assessment').status, 'due-soon');
    assert.equal(rule(open, '2022-07-19', 'assessment').status, 'on-time');
  });
  test('on 2022-08-01 it is 3 working days late (Jul 28, 29, Aug 1)', () => {
    const r = rule(open, '2022-08-01', 'assessment');
    assert.equal(r.status, 'overdue');
    assert.equal(r.daysLate, 3);
  });
  test('authorised 2022-07-29, 2 working days after the due date: done late, no longer open', () => {
    const done = child({
      assessments: [{ referralDay: '2022-05-23', startDay: null, authorisedDay: '2022-07-29' }],
    });
    assert.deepEqual(rule(done, '2022-09-01', 'assessment'), {
      rule: 'assessment',
      status: 'overdue',
      dueDay: '2022-07-27',
      lastDay: '2022-07-29',
      daysLate: 2,
      open: false,
    });
    // As of a day before it was authorised, it was still waiting.
    assert.equal(rule(done, '2022-07-28', 'assessment').open, true);
  });
  test('authorised on the due day is on time; only the latest referral counts', () => {
    const c = child({
      assessments: [
        { referralDay: '2022-05-23', startDay: null, authorisedDay: '2022-07-27' },
        { referralDay: '2021-01-04', startDay: null, authorisedDay: null },
      ],
    });
    assert.equal(rule(c, '2022-08-01', 'assessment').status, 'on-time');
  });
  test('a referral dated after the as-of day is not known yet: not applicable', () => {
    assert.equal(rule(open, '2022-05-20', 'assessment').status, 'not-applicable');
  });
});

describe('initial child protection conference: within 15 working days of the strategy discussion', () => {
  // Strategy Wed 2022-09-07 is day 0: Sep 8, 9 (1, 2), 12–16 (3–7), Mon 19 is the Queen's state
  // funeral, 20–23 (8–11), 26–29 (12–15). Due Thu 2022-09-29.
  test('strategy 2022-09-07 → due 2022-09-29 (skips 2022-09-19)', () => {
    const c = child({
      enquiries: [{ strategyDay: '2022-09-07', icpcDay: '2022-09-29', icpcUnnecessary: false }],
    });
    const r = rule(c, '2022-10-10', 'icpc');
    assert.equal(r.dueDay, '2022-09-29');
    assert.equal(r.status, 'on-time');
  });
  test('a conference judged unnecessary: not applicable', () => {
    const c = child({ enquiries: [{ strategyDay: '2022-09-07', icpcDay: null, icpcUnnecessary: true }] });
    assert.equal(rule(c, '2022-10-10', 'icpc').status, 'not-applicable');
  });
  test('no conference by Mon 2022-10-03: 2 working days late (Sep 30, Oct 3)', () => {
    const c = child({ enquiries: [{ strategyDay: '2022-09-07', icpcDay: null, icpcUnnecessary: false }] });
    assert.equal(rule(c, '2022-10-03', 'icpc').daysLate, 2);
  });
});

describe('first core group: within 10 working days of the conference that made the plan', () => {
  // ICPC Tue 2023-04-25 is day 0: Apr 26–28 (1–3), May 1 bank holiday, May 2–5 (4–7), Mon 8 May is
  // the coronation bank holiday, May 9–11 (8–10). Due Thu 2023-05-11.
  const plan = { kind: 'cp' as const, startDay: '2023-04-25', endDay: null };
  test('ICPC 2023-04-25 → due 2023-05-11 (skips 2023-05-01 and 2023-05-08); met 2023-05-12 is 1 day late', () => {
    const c = child({ plans: [plan], meetings: [{ kind: 'core-group', day: '2023-05-12' }] });
    const r = rule(c, '2023-06-01', 'first-core-group');
    assert.equal(r.dueDay, '2023-05-11');
    assert.equal(r.status, 'overdue');
    assert.equal(r.daysLate, 1);
  });
  test('a core group before the plan started does not count', () => {
    const c = child({ plans: [plan], meetings: [{ kind: 'core-group', day: '2023-04-20' }] });
    assert.equal(rule(c, '2023-05-02', 'first-core-group').open, true);
  });
  test('a plan that has ended: not applicable', () => {
    const c = child({ plans: [{ ...plan, endDay: '2023-05-01' }] });
    assert.equal(rule(c, '2023-05-02', 'first-core-group').status, 'not-applicable');
  });
});

describe('review conferences: within 3 months of the ICPC, then at most every 6 months', () => {
  // Plan 2022-01-31 + 3 months = 2022-04-30 (April has 30 days). Review 2022-04-28 + 6 months = 2022-10-28.
  const c = child({
    plans: [{ kind: 'cp', startDay: '2022-01-31', endDay: null }],
    meetings: [{ kind: 'rcpc', day: '2022-04-28' }],
  });
  test('plan 2022-01-31 → first review due 2022-04-30', () => {
    assert.equal(rule(c, '2022-04-01', 'review-conference').dueDay, '2022-04-30');
  });
  test('review 2022-04-28 → next due 2022-10-28; on Tue 2022-11-01 2 working days late (Oct 31, Nov 1)', () => {
    const r = rule(c, '2022-11-01', 'review-conference');
    assert.equal(r.dueDay, '2022-10-28');
    assert.equal(r.lastDay, '2022-04-28');
    assert.equal(r.status, 'overdue');
    assert.equal(r.daysLate, 2);
  });
});

describe('child protection visits: every 10 working days', () => {
  // Last seen Tue 2022-12-20 is day 0: Dec 21–23 (1–3), 26 and 27 bank holidays, 28–30 (4–6),
  // Mon 2 Jan 2023 the New Year substitute day, Jan 3–6 (7–10). Due Fri 2023-01-06.
  const c = child({
    plans: [{ kind: 'cp', startDay: '2022-11-01', endDay: null }],
    visits: [
      { day: '2022-12-20', seen: true },
      { day: '2023-01-05', seen: false },
    ],
  });
  test('seen 2022-12-20 → next visit due 2023-01-06, across Christmas and New Year', () => {
    assert.equal(rule(c, '2022-12-21', 'cp-visits').dueDay, '2023-01-06');
  });
  test('a visit where the child was not seen does not count: on Mon 2023-01-09 1 working day late', () => {
    const r = rule(c, '2023-01-09', 'cp-visits');
    assert.equal(r.status, 'overdue');
    assert.equal(r.daysLate, 1);
  });
  test('on the due day itself it is due soon, not overdue', () => {
    assert.equal(rule(c, '2023-01-06', 'cp-visits').status, 'due-soon');
  });
});

describe('child in need visits: every 20 working days', () => {
  // Plan Mon 2026-11-02: Nov 3–6 (1–4), 9–13 (5–9), 16–20 (10–14), 23–27 (15–19), Mon 30 (20).
  const c = child({ plans: [{ kind: 'cin', startDay: '2026-11-02', endDay: null }] });
  test('plan 2026-11-02, not yet seen → first visit due 2026-11-30; on 2026-11-27 due soon (1 day left)', () => {
    const r = rule(c, '2026-11-27', 'cin-visits');
    assert.equal(r.dueDay, '2026-11-30');
    assert.equal(r.status, 'due-soon');
  });
  test('the authority can set its own timescale: 15 working days → due 2026-11-23, overdue on 2026-11-27', () => {
    const s = withOverrides({ 'cin-visits': { workingDays: 15 } });
    const r = rule(c, '2026-11-27', 'cin-visits', s);
    assert.equal(r.dueDay, '2026-11-23');
    assert.equal(r.daysLate, 4);
  });
});

describe('visits to children in care (regulation 28)', () => {
  test('placement 2026-01-05 → first visit within a week, by 2026-01-12; seen 2026-01-09 → next by 2026-02-20 (6 weeks)', () => {
    const base = {
      lookedAfter: [{ startDay: '2026-01-05', endDay: null }],
      placements: [{ startDay: '2026-01-05', endDay: null, longTerm: false }],
    };
    assert.equal(rule(child(base), '2026-01-06', 'lac-visits').dueDay, '2026-01-12');
    assert.equal(
      rule(child({ ...base, visits: [{ day: '2026-01-09', seen: true }] }), '2026-01-10', 'lac-visits')
        .dueDay,
      '2026-02-20',
    );
  });
  test('long-term placement from 2024-03-01: seen 2025-02-20 (first year) → 6 weeks, 2025-04-03; seen 2025-06-01 → 3 months, 2025-09-01', () => {
    const c = child({
      lookedAfter: [{ startDay: '2024-03-01', endDay: null }],
      placements: [{ startDay: '2024-03-01', endDay: null, longTerm: true }],
      visits: [
        { day: '2025-02-20', seen: true },
        { day: '2025-06-01', seen: true },
      ],
    });
    assert.equal(rule(c, '2025-03-01', 'lac-visits').dueDay, '2025-04-03');
    assert.equal(rule(c, '2025-06-02', 'lac-visits').dueDay, '2025-09-01');
  });
  test('not long-term after the first year: still 6 weeks, seen 2025-06-01 → 2025-07-13', () => {
    const c = child({
      lookedAfter: [{ startDay: '2024-03-01', endDay: null }],
      placements: [{ startDay: '2024-03-01', endDay: null, longTerm: false }],
      visits: [{ day: '2025-06-01', seen: true }],
    });
    assert.equal(rule(c, '2025-06-02', 'lac-visits').dueDay, '2025-07-13');
  });
  test('a new placement 2025-05-01 restarts the clock: due 2025-05-08 although seen 2025-04-28', () => {
    const c = child({
      lookedAfter: [{ startDay: '2025-01-06', endDay: null }],
      placements: [
        { startDay: '2025-01-06', endDay: '2025-05-01', longTerm: false },
        { startDay: '2025-05-01', endDay: null, longTerm: false },
      ],
      visits: [{ day: '2025-04-28', seen: true }],
    });
    assert.equal(rule(c, '2025-05-02', 'lac-visits').dueDay, '2025-05-08');
  });
});

describe('reviews for children in care (regulation 33)', () => {
  // In care Wed 2022-12-14 is day 0: Dec 15–16 (1–2), 19–23 (3–7), 26 and 27 bank holidays, 28–30
  // (8–10), Jan 2 substitute day, Jan 3–6 (11–14), 9–13 (15–19), Mon 16 (20). Due 2023-01-16.
  const c = child({
    lookedAfter: [{ startDay: '2022-12-14', endDay: null }],
    meetings: [
      { kind: 'lac-review', day: '2023-01-10' },
      { kind: 'lac-review', day: '2023-04-05' },
    ],
  });
  test('in care 2022-12-14 → first review due 2023-01-16 (over Christmas)', () => {
    assert.equal(rule(c, '2022-12-20', 'lac-reviews').dueDay, '2023-01-16');
  });
  test('first review 2023-01-10 → second within 3 months, 2023-04-10; second 2023-04-05 → third within 6, 2023-10-05', () => {
    assert.equal(rule(c, '2023-02-01', 'lac-reviews').dueDay, '2023-04-10');
    assert.equal(rule(c, '2023-05-01', 'lac-reviews').dueDay, '2023-10-05');
  });
});

describe('a child with nothing open', () => {
  test('every rule is not applicable', () => {
    for (const r of evaluateChild(emptyEpisodes(), cal, '2026-11-27'))
      assert.equal(r.status, 'not-applicable', r.rule);
  });
});
