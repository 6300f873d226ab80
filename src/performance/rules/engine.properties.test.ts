import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { addCalendarDays } from '../../platform/calendar/days.ts';
import { WorkingCalendar } from '../../platform/calendar/working-days.ts';
import { evaluateChild } from './engine.rules.ts';
import { type ChildEpisodes, emptyEpisodes } from './types.ts';

const cal = new WorkingCalendar();
const day = fc.integer({ min: 0, max: 5 * 365 }).map((n) => addCalendarDays('2021-01-01', n));

// A child with a random plan, care period and visits between 2021 and 2026.
const childArb = fc
  .record({
    cp: fc.option(day),
    cin: fc.option(day),
    care: fc.option(day),
    longTerm: fc.boolean(),
    visits: fc.array(fc.record({ day, seen: fc.boolean() }), { maxLength: 40 }),
    reviews: fc.array(day, { maxLength: 8 }),
  })
  .map(
    (r): ChildEpisodes => ({
      ...emptyEpisodes(),
      plans: [
        ...(r.cp ? [{ kind: 'cp' as const, startDay: r.cp, endDay: null }] : []),
        ...(r.cin ? [{ kind: 'cin' as const, startDay: r.cin, endDay: null }] : []),
      ],
      lookedAfter: r.care ? [{ startDay: r.care, endDay: null }] : [],
      placements: r.care ? [{ startDay: r.care, endDay: null, longTerm: r.longTerm }] : [],
      visits: r.visits,
      meetings: r.reviews.map((d) => ({ kind: 'lac-review' as const, day: d })),
    }),
  );

test('what happened after the as-of day never changes the answer for that day', () => {
  fc.assert(
    fc.property(childArb, day, (c, asOf) => {
      const known: ChildEpisodes = {
        ...c,
        visits: c.visits.filter((v) => v.day <= asOf),
        meetings: c.meetings.filter((m) => m.day <= asOf),
      };
      assert.deepEqual(evaluateChild(c, cal, asOf), evaluateChild(known, cal, asOf));
    }),
  );
});

test('a child seen on the as-of day is never overdue for a visit', () => {
  fc.assert(
    fc.property(childArb, day, (c, asOf) => {
      const seenToday = { ...c, visits: [...c.visits, { day: asOf, seen: true }] };
      for (const r of evaluateChild(seenToday, cal, asOf)) {
        if (r.rule.endsWith('visits')) assert.notEqual(r.status, 'overdue', r.rule);
      }
    }),
  );
});

test('late days are counted only when overdue, and overdue means the due day has passed', () => {
  fc.assert(
    fc.property(childArb, day, (c, asOf) => {
      for (const r of evaluateChild(c, cal, asOf)) {
        if (r.status !== 'overdue') assert.equal(r.daysLate, 0);
        if (r.status === 'overdue' && r.open) assert.ok(r.dueDay! < asOf);
        if (r.status === 'overdue' && r.open && cal.isWorkingDay(asOf)) assert.ok(r.daysLate > 0);
      }
    }),
  );
});
