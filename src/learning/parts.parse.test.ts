import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseParts, partsText } from './parts.parse.ts';

test('days with times, without an end, and without times', () => {
  assert.deepEqual(parseParts('2026-12-09 9.30\n2026-12-02 09:30-16:30\n\n2026-12-16'), {
    parts: [
      { day: '2026-12-02', start: '09:30', end: '16:30' },
      { day: '2026-12-09', start: '09:30', end: null },
      { day: '2026-12-16', start: null, end: null },
    ],
  });
  assert.equal(
    partsText([
      { day: '2026-12-02', start_time: '09:30', end_time: '16:30' },
      { day: '2026-12-09', start_time: '09:30', end_time: null },
      { day: '2026-12-16', start_time: null, end_time: null },
    ]),
    '2026-12-02 09:30-16:30\n2026-12-09 09:30\n2026-12-16',
  );
});

test('mistakes are named with their line', () => {
  assert.match((parseParts('') as { error: string }).error, /at least one day/);
  assert.match((parseParts('2026-12-02 09:30-16:30\n02/12/2026') as { error: string }).error, /^Line 2/);
  assert.match((parseParts('2026-02-30') as { error: string }).error, /YYYY-MM-DD/);
  assert.match((parseParts('2026-12-02 25:00') as { error: string }).error, /not a time/);
  assert.match((parseParts('2026-12-02 11:00-10:00') as { error: string }).error, /after the start/);
  assert.match((parseParts('2026-12-02\n2026-12-02 10:00') as { error: string }).error, /listed twice/);
});
