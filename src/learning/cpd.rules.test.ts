import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { cpdStanding, cpdYearOf } from './cpd.rules.ts';

test('the CPD year runs from 1 December to 30 November', () => {
  assert.deepEqual(cpdYearOf('2026-11-30'), {
    start: '2025-12-01',
    end: '2026-11-30',
    label: '1 December 2025 to 30 November 2026',
  });
  assert.equal(cpdYearOf('2026-12-01').start, '2026-12-01');
  assert.equal(cpdYearOf('2027-01-15').end, '2027-11-30');
});

test('every day falls in exactly the year that contains it', () => {
  fc.assert(
    fc.property(
      fc.date({ min: new Date('2000-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
      (d) => {
        const day = d.toISOString().slice(0, 10);
        const y = cpdYearOf(day);
        return y.start <= day && day <= y.end;
      },
    ),
  );
});

test('the requirement is two pieces, one with peer reflection, inside the year', () => {
  const year = cpdYearOf('2026-06-01');
  const none = cpdStanding([], year);
  assert.equal(none.met, false);
  assert.match(
    none.sentence,
    /need 2 more pieces of CPD and at least one piece with peer reflection by 30 November 2026/,
  );
  const twoNoPeer = cpdStanding(
    [
      { day: '2026-01-10', peerReflected: false },
      { day: '2026-02-10', peerReflected: false },
    ],
    year,
  );
  assert.equal(twoNoPeer.met, false);
  assert.match(twoNoPeer.sentence, /at least one piece with peer reflection/);
  const onePeer = cpdStanding([{ day: '2026-01-10', peerReflected: true }], year);
  assert.match(onePeer.sentence, /need 1 more piece of CPD by/);
  const met = cpdStanding(
    [
      { day: '2025-12-01', peerReflected: true },
      { day: '2026-11-30', peerReflected: false },
      { day: '2026-12-01', peerReflected: true }, // next year: does not count
    ],
    year,
  );
  assert.equal(met.met, true);
  assert.equal(met.pieces, 2);
  assert.match(met.sentence, /You have met this year's requirement/);
});
