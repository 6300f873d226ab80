import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sheetName } from './sheet-name.ts';

test('sheet names fit Excel: 31 characters, cut at a word, no forbidden characters', () => {
  const cases: [string, string][] = [
    ['Children', 'Children'],
    ['Complaints received and answered in time, by month', 'Complaints received and'],
    // The 32nd character is a space: the whole 31-character phrase fits.
    ['Learning items open and closed, by team', 'Learning items open and closed'],
    ['Stage 1: by theme / outcome?', 'Stage 1 by theme outcome'],
    ['Supercalifragilisticexpialidocious-and-more', 'Supercalifragilisticexpialidoci'],
    ["'Quoted'", 'Quoted'],
    ['history', 'History data'],
    ['   ', 'Sheet1'],
  ];
  for (const [given, expected] of cases) {
    const got = sheetName(given);
    assert.equal(got, expected, given);
    assert.ok(got.length <= 31, `${got} is at most 31 characters`);
    assert.equal(got, got.trim(), 'no space at either end');
  }
});
