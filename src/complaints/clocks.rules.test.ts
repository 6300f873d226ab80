import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { WorkingCalendar } from '../platform/calendar/working-days.ts';
import {
  currentDeadline,
  escalationDeadline,
  REGULATION_DAYS,
  type StageTimes,
  stageClock,
} from './clocks.rules.ts';

const cal = REGULATION_DAYS;
const times = (t: Partial<StageTimes> & Pick<StageTimes, 'stage' | 'clockStartOn'>): StageTimes => ({
  allowedDays: t.stage === 2 ? 25 : 10,
  panelOn: null,
  reportOn: null,
  respondedOn: null,
  ...t,
});
const due = (t: StageTimes) => currentDeadline(cal, t).dueOn;

describe('Stage 1: response within 10 working days of receipt, extendable to 20', () => {
  test('received Fri 17 Dec 2021, across the Christmas and New Year substitute days', () => {
    // Day 0 Fri 17 Dec. Mon 20–Fri 24 = 1–5; Sat 25, Sun 26; Mon 27 (Christmas substitute) and
    // Tue 28 (Boxing Day substitute) skipped; Wed 29–Fri 31 = 6–8; Sat 1, Sun 2 Jan;
    // Mon 3 Jan 2022 (New Year substitute) skipped; Tue 4 = 9, Wed 5 = 10.
    assert.equal(due(times({ stage: 1, clockStartOn: '2021-12-17' })), '2022-01-05');
    // Extended to 20: Thu 6, Fri 7 = 11–12; 10–14 Jan = 13–17; Mon 17, Tue 18, Wed 19 = 18–20.
    assert.equal(due(times({ stage: 1, clockStartOn: '2021-12-17', allowedDays: 20 })), '2022-01-19');
  });

  test('received on a Saturday, 23 Dec 2023: the Saturday is day 0', () => {
    // Sun 24; Mon 25 Christmas, Tue 26 Boxing Day skipped; Wed 27–Fri 29 = 1–3;
    // Mon 1 Jan 2024 skipped; Tue 2–Fri 5 = 4–7; Mon 8–Wed 10 = 8–10.
    assert.equal(due(times({ stage: 1, clockStartOn: '2023-12-23' })), '2024-01-10');
  });

  test("the authority's closure days still count: the regulations exclude only bank holidays", () => {
    // Received Wed 23 Dec 2026. Thu 24 = 1; Fri 25 Christmas; Mon 28 (Boxing Day substitute) skipped;
    // Tue 29–Thu 31 = 2–4 even if the council is closed; Fri 1 Jan skipped; Mon 4–Fri 8 = 5–9; Mon 11 = 10.
    assert.equal(due(times({ stage: 1, clockStartOn: '2026-12-23' })), '2027-01-11');
    const withClosures = new WorkingCalendar(['2026-12-29', '2026-12-30', '2026-12-31']);
    // The general calendar (with closure days) would give a later date; the clock must not use it.
    assert.equal(withClosures.addWorkingDays('2026-12-23', 10), '2027-01-14');
  });
});

describe('Stage 2: response within 25 working days, extendable to 65', () => {
  test('across the 2022 Platinum Jubilee (Thu 2 and Fri 3 June)', () => {
    // Day 0 Fri 20 May 2022 (no late-May bank holiday that year: it moved to 2 June).
    // 23–27 May = 1–5; Mon 30 May–Wed 1 Jun = 6–8; Thu 2, Fri 3 Jun skipped; 6–10 Jun = 9–13;
    // 13–17 = 14–18; 20–24 = 19–23; Mon 27 = 24; Tue 28 = 25.
    assert.equal(due(times({ stage: 2, clockStartOn: '2022-05-20' })), '2022-06-28');
  });

  test("across the Queen's state funeral (Mon 19 September 2022)", () => {
    // Day 0 Thu 1 Sep. Fri 2 = 1; 5–9 = 2–6; 12–16 = 7–11; Mon 19 skipped; 20–23 = 12–15;
    // 26–30 = 16–20; 3–7 Oct = 21–25.
    assert.equal(due(times({ stage: 2, clockStartOn: '2022-09-01' })), '2022-10-07');
  });

  test('extended to 65, across Christmas 2022 (26, 27 Dec) and New Year 2023 (Mon 2 Jan)', () => {
    // Day 0 Tue 1 Nov 2022. Nov 2–4 = 1–3; 7–11 = 4–8; 14–18 = 9–13; 21–25 = 14–18;
    // 28 Nov–2 Dec = 19–23; 5–9 Dec = 24–28; 12–16 = 29–33; 19–23 = 34–38; Mon 26, Tue 27 skipped;
    // 28–30 = 39–41; Mon 2 Jan skipped; 3–6 Jan = 42–45; 9–13 = 46–50; 16–20 = 51–55;
    // 23–27 = 56–60; 30 Jan–3 Feb = 61–65.
    assert.equal(due(times({ stage: 2, clockStartOn: '2022-11-01', allowedDays: 65 })), '2023-02-03');
  });
});

describe('Stage 3: panel within 30 working days of the request, report within 5, response within 15', () => {
  // Request Thu 20 Apr 2023: Fri 21 = 1; 24–28 = 2–6; Mon 1 May skipped; 2–5 = 7–10;
  // Mon 8 May (coronation) skipped; 9–12 = 11–14; 15–19 = 15–19; 22–26 = 20–24;
  // Mon 29 May skipped; 30 May–2 Jun = 25–28; Mon 5 Jun = 29; Tue 6 Jun = 30.
  const request = times({ stage: 3, clockStartOn: '2023-04-20' });
  test('the panel deadline crosses the coronation bank holiday of 8 May 2023', () => {
    assert.deepEqual(currentDeadline(cal, request), { step: 'panel', dueOn: '2023-06-06' });
  });
  test('then the report (5 after the panel), then the response (15 after the report)', () => {
    // Panel Mon 5 Jun: Tue 6–Fri 9 = 1–4, Mon 12 = 5.
    assert.deepEqual(currentDeadline(cal, { ...request, panelOn: '2023-06-05' }), {
      step: 'report',
      dueOn: '2023-06-12',
    });
    // Report Fri 9 Jun: 12–16 = 1–5; 19–23 = 6–10; 26–30 = 11–15.
    assert.deepEqual(currentDeadline(cal, { ...request, panelOn: '2023-06-05', reportOn: '2023-06-09' }), {
      step: 'response',
      dueOn: '2023-06-30',
    });
  });
});

describe('the window to ask for the next stage: 20 working days after the response', () => {
  test('a response on Wed 20 Dec 2023 leaves until Mon 22 Jan 2024', () => {
    // Thu 21, Fri 22 = 1–2; Mon 25, Tue 26 skipped; 27–29 = 3–5; Mon 1 Jan skipped; 2–5 = 6–9;
    // 8–12 = 10–14; 15–19 = 15–19; Mon 22 = 20.
    assert.equal(escalationDeadline(cal, '2023-12-20'), '2024-01-22');
  });
});

describe('overdue and lateness', () => {
  // Received Mon 2 Nov 2026: due Mon 16 Nov (3–6 = 1–4, 9–13 = 5–9, 16 = 10).
  const open = times({ stage: 1, clockStartOn: '2026-11-02' });
  test('open after its due date: overdue, counted in working days late', () => {
    // Today Fri 27 Nov: 17–20 = 4 days, 23–27 = 5 more.
    assert.deepEqual(stageClock(cal, open, '2026-11-27'), {
      step: 'response',
      dueOn: '2026-11-16',
      answeredInTime: null,
      overdue: true,
      workingDaysLate: 9,
      workingDaysLeft: 0,
    });
  });
  test('open before its due date: working days left', () => {
    const c = stageClock(cal, open, '2026-11-11');
    assert.equal(c.overdue, false);
    assert.equal(c.workingDaysLeft, 3);
  });
  test('a Saturday after a Friday due date is overdue, though no working day has been lost yet', () => {
    const c = stageClock(cal, times({ stage: 1, clockStartOn: '2026-11-06' }), '2026-11-21');
    assert.equal(c.dueOn, '2026-11-20');
    assert.equal(c.overdue, true);
    assert.equal(c.workingDaysLate, 0);
  });
  test('answered on the due date is in time; a day later is late', () => {
    assert.equal(stageClock(cal, { ...open, respondedOn: '2026-11-16' }, '2026-11-27').answeredInTime, true);
    const late = stageClock(cal, { ...open, respondedOn: '2026-11-17' }, '2026-11-27');
    assert.equal(late.answeredInTime, false);
    assert.equal(late.workingDaysLate, 1);
    assert.equal(late.overdue, false);
  });
});
