import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { firstExposed, suppress } from './suppression.rules.ts';
import { breakdowns, type Coded, quartersBetween } from './themes.rules.ts';

const TEAMS = [
  ['s1', 'a1'],
  ['s1', 'a2'],
  ['s1', 'a3'],
  ['s2', 'b1'],
  ['s2', 'b2'],
  ['s3', 'c1'],
] as const;
const QUARTERS = quartersBetween('2025-Q1', '2026-Q4');
const leaver = fc.record({
  team: fc.integer({ min: 0, max: TEAMS.length - 1 }),
  agency: fc.boolean(),
  quarter: fc.integer({ min: 0, max: QUARTERS.length - 1 }),
  reason: fc.constantFrom('caseload', 'pay', 'culture', null),
  themes: fc.subarray(['tick-box', 'supervision']),
});
type Leaver = typeof leaver extends fc.Arbitrary<infer T> ? T : never;
const toCoded = (l: Leaver): Coded => {
  const [svc, team] = TEAMS[l.team]!;
  const q = QUARTERS[l.quarter]!;
  const month = String((Number(q.slice(6)) - 1) * 3 + 2).padStart(2, '0');
  return {
    leaving_on: `${q.slice(0, 4)}-${month}-15`,
    team_id: team,
    team_name: team,
    service_id: svc,
    service_name: svc,
    is_agency: l.agency ? 1 : 0,
    main_reason_id: l.reason,
    themes: l.themes,
  };
};

describe('small-number suppression (rule: no published group under the threshold, and none worked out by subtracting)', () => {
  test('property: across team, service, agency, reason, quarter and year breakdowns, and per theme, no shown cell is 1–4 and no hidden cell can be derived', () => {
    fc.assert(
      fc.property(fc.array(leaver, { maxLength: 60 }), fc.integer({ min: 3, max: 6 }), (ls, min) => {
        const b = breakdowns(
          ls.map(toCoded),
          ['tick-box', 'supervision'],
          ['caseload', 'pay', 'culture'],
          QUARTERS,
          min,
        );
        for (const [id, n] of b.cells)
          if (!b.hidden.has(id)) assert.ok(n === 0 || n >= min, `${id} shows ${n}`);
        // The attacker: every published figure, every way they add up, solved together.
        assert.equal(firstExposed(b.cells, b.constraints, b.hidden), null);
        // And by hand, the differencing a reader would try: a total minus the shown parts.
        for (const c of b.constraints) {
          if (b.hidden.has(c.parent)) continue;
          const gone = c.children.filter((id) => b.hidden.has(id));
          const sum = gone.reduce((s, id) => s + (b.cells.get(id) ?? 0), 0);
          assert.ok(
            gone.length === 0 || (gone.length >= 2 && (sum >= min || sum === 0)),
            `${c.parent}: ${gone.join(', ')}`,
          );
        }
      }),
      { numRuns: 150 },
    );
  });

  test('differencing across two breakdowns: a small team hidden in the team table is not given away by its service total', () => {
    // Service s1 = 12 leavers: teams a1 = 2, a2 = 5, a3 = 5. Hiding only a1 would leave 12 − 5 − 5 = 2.
    const cells = new Map([
      ['all', 12],
      ['svc:s1', 12],
      ['team:a1', 2],
      ['team:a2', 5],
      ['team:a3', 5],
    ]);
    const constraints = [
      { parent: 'all', children: ['svc:s1'] },
      { parent: 'svc:s1', children: ['team:a1', 'team:a2', 'team:a3'] },
    ];
    const hidden = suppress(cells, constraints, 5);
    assert.ok(hidden.has('team:a1'));
    assert.ok(hidden.size >= 2, 'a second team is hidden with it');
    assert.equal(firstExposed(cells, constraints, hidden), null);
  });

  test('agency against permanent: 3 agency leavers of 20 hides both, since 20 − 17 = 3', () => {
    const cells = new Map([
      ['all', 20],
      ['agency:1', 3],
      ['agency:0', 17],
    ]);
    const hidden = suppress(cells, [{ parent: 'all', children: ['agency:0', 'agency:1'] }], 5);
    assert.deepEqual([...hidden].sort(), ['agency:0', 'agency:1']);
  });

  test('the threshold is the setting: 4 leavers are shown at 3, hidden at 5', () => {
    const cells = new Map([
      ['all', 4],
      ['x', 4],
    ]);
    const c = [{ parent: 'all', children: ['x'] }];
    assert.equal(suppress(cells, c, 3).size, 0);
    assert.deepEqual([...suppress(cells, c, 5)].sort(), ['all', 'x']);
  });
});
