import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

/**
 * Deficit phrases we never use about work with children (docs/performance-rules.md
 * keeps the same list). Performance is said in children: "3 of your children
 * have not been seen", never "your figures are down".
 */
export const DEFICIT_PHRASES = [
  'your figures',
  'your stats',
  'your statistics',
  'your numbers',
  'kpi',
  'performance figures',
  'performance indicator',
  'league table',
  'targets missed',
  'compliance rate',
];

const src = path.resolve(import.meta.dirname, '..');
function files(dir: string, keep: (f: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p, keep);
    return keep(p) ? [p] : [];
  });
}

test('no template anywhere, and no presenter or wording in performance, uses a deficit phrase', () => {
  const scanned = [
    ...files(src, (f) => f.endsWith('.njk')),
    ...files(path.join(src, 'performance'), (f) => f.endsWith('.ts') && !f.endsWith('.test.ts')),
    // The home page and every feature's home panels speak to people about their children too.
    ...files(path.join(src, 'platform', 'home'), (f) => f.endsWith('.ts') && !f.endsWith('.test.ts')),
    ...files(src, (f) => /panels?\.[a-z.]*ts$/.test(f) && !f.endsWith('.test.ts')),
  ];
  assert.ok(scanned.length > 20, `found ${scanned.length} files`);
  const found: string[] = [];
  for (const f of scanned) {
    const text = readFileSync(f, 'utf8').toLowerCase();
    for (const phrase of DEFICIT_PHRASES) {
      if (new RegExp(`\\b${phrase}\\b`).test(text)) found.push(`${path.relative(src, f)}: "${phrase}"`);
    }
  }
  assert.deepEqual(found, []);
});

test('the scan would catch a deficit phrase (the list matches words, case ignored)', () => {
  const caught = DEFICIT_PHRASES.filter((p) =>
    new RegExp(`\\b${p}\\b`).test(`Your Figures are down; ${p.toUpperCase()}`.toLowerCase()),
  );
  assert.deepEqual(caught, DEFICIT_PHRASES);
});
