import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { THEMES } from '../complaints/forms.ts';
import { teamHolds } from '../performance/demo/children.ts';
import { generateAuthority } from '../performance/demo/synthetic-authority/generate.ts';
import { storedTrends } from '../performance/status.repo.ts';
import { sumTrends } from '../performance/trends.rules.ts';
import { londonDay } from '../platform/calendar/days.ts';
import { WorkingCalendar } from '../platform/calendar/working-days.ts';
import { createTestApp } from '../testing/test-app.ts';
import { dialectsUnderTest } from '../testing/test-db.ts';
import { DEMO_PERSONAS, demoOrganisation } from './people.ts';

// Issue 11, item 20: a demo a manager would believe. shared/domain.md, "The workforce": about 16
// children each (12–25 here), 350–400 case-holding social workers in 40–50 teams at 6,000 children.

const CASELOAD = { min: 12, max: 25 };

test('the full demo’s workforce is generated to hold its 6,000 children at 12–25 each', () => {
  const org = demoOrganisation(6000);
  const holders = [...DEMO_PERSONAS, ...org.people].filter(
    (p) => p.roles.includes('practitioner') && !p.leftOn && teamHolds(p.team),
  );
  assert.ok(holders.length >= 350 && holders.length <= 400, `${holders.length} case-holding practitioners`);
  const frontLine = org.services.flatMap((s) => s.teams).filter((t) => teamHolds(t));
  assert.ok(frontLine.length >= 40 && frontLine.length <= 50, `${frontLine.length} front-line teams`);
  assert.equal(new Set(org.people.map((p) => p.name)).size, org.people.length, 'every name (and email) once');
  // The teams are the national mix of work: 30 in 100 children being assessed, 45 on plans at home, 25 in care.
  const share = (h: string) => holders.filter((p) => teamHolds(p.team) === h).length / holders.length;
  assert.ok(Math.abs(share('assessment') - 0.3) < 0.03, `assessment ${share('assessment')}`);
  assert.ok(Math.abs(share('safeguarding') - 0.45) < 0.03, `safeguarding ${share('safeguarding')}`);
  assert.ok(Math.abs(share('care') - 0.25) < 0.03, `care ${share('care')}`);
});

test('children are generated to fit the workforce: every practitioner 12–25, no team with hundreds', () => {
  // As the demo seed does, for a workforce generated to hold 1,500 (quicker than 6,000, the same rules).
  const org = demoOrganisation(1500);
  const holders = [...DEMO_PERSONAS, ...org.people].filter(
    (p) => p.roles.includes('practitioner') && !p.leftOn && teamHolds(p.team),
  );
  const workers = holders.map((p, i) => ({ id: `w${i}`, teamId: p.team, holds: teamHolds(p.team)! }));
  const a = generateAuthority(new WorkingCalendar(), {
    children: 1500,
    years: 1,
    asOf: '2026-11-27',
    workers,
    mix: 'workforce',
    featured: { workerId: 'w0', caseload: 18 },
  });
  const load = new Map(workers.map((w) => [w.id, 0]));
  for (const c of a.children) load.set(c.worker_id!, (load.get(c.worker_id!) ?? 0) + 1);
  const loads = [...load.values()];
  assert.ok(
    Math.min(...loads) >= CASELOAD.min && Math.max(...loads) <= CASELOAD.max,
    `${Math.min(...loads)}–${Math.max(...loads)}`,
  );
  const perTeam = new Map<string, number>();
  for (const c of a.children) perTeam.set(c.team_id!, (perTeam.get(c.team_id!) ?? 0) + 1);
  assert.ok(Math.max(...perTeam.values()) <= 200, 'no team holds hundreds of children');
  // Children divide as the teams do: the care teams' share of workers is the share looked after.
  const careShare = workers.filter((w) => w.holds === 'care').length / workers.length;
  assert.ok(Math.abs(a.lookedAfter.length / 1500 - careShare) < 0.03, `${a.lookedAfter.length} looked after`);
});

for (const dialect of dialectsUnderTest()) {
  describe(`the seeded demo [${dialect}]`, () => {
    test('caseloads, booked past sessions, varied evaluations, steady trends, complaints in teams that fit', async () => {
      const t = await createTestApp(dialect);
      try {
        const today = londonDay(t.clock.now());

        // Every practitioner in a front-line team holds 12–25 children.
        const loads = await t.db
          .selectFrom('staff')
          .innerJoin('staff_roles', 'staff_roles.staff_id', 'staff.id')
          .innerJoin('teams', 'teams.id', 'staff.team_id')
          .leftJoin('children', 'children.worker_id', 'staff.id')
          .select(['staff.name', 'teams.name as team', (eb) => eb.fn.count<number>('children.id').as('n')])
          .where('staff_roles.role', '=', 'practitioner')
          .where('staff.active', '=', 1)
          .groupBy(['staff.id', 'staff.name', 'teams.name'])
          .execute();
        const holding = loads.filter((l) => teamHolds(l.team));
        assert.ok(holding.length > 30);
        for (const l of holding)
          assert.ok(
            Number(l.n) >= CASELOAD.min && Number(l.n) <= CASELOAD.max,
            `${l.name} (${l.team}) holds ${l.n} children`,
          );

        // No session already held has nobody booked; past ones have attendance and evaluations.
        const past = await t.db
          .selectFrom('lrn_sessions')
          .innerJoin('lrn_session_parts', 'lrn_session_parts.session_id', 'lrn_sessions.id')
          .leftJoin('lrn_bookings', 'lrn_bookings.session_id', 'lrn_sessions.id')
          .select(['lrn_sessions.id', (eb) => eb.fn.count<number>('lrn_bookings.id').as('booked')])
          .where('lrn_session_parts.day', '<', today)
          .groupBy('lrn_sessions.id')
          .execute();
        assert.ok(past.length >= 3, `${past.length} sessions in the past`);
        for (const s of past)
          assert.ok(Number(s.booked) > 0, `session ${s.id} is in the past with no bookings`);
        const attended = await t.db
          .selectFrom('lrn_attendance')
          .select('booking_id')
          .where('outcome', '=', 'attended')
          .execute();
        assert.ok(attended.length > 0);

        // Evaluations in people's own words: no answer repeated more than a few times.
        const answers = (await t.db.selectFrom('lrn_evaluations').select(['differently', 'better']).execute())
          .flatMap((e) => [e.differently, e.better])
          .filter((x) => x !== '');
        assert.ok(answers.length >= 20, `${answers.length} free-text answers`);
        const times = new Map<string, number>();
        for (const x of answers) times.set(x, (times.get(x) ?? 0) + 1);
        const most = Math.max(...times.values());
        assert.ok(most <= 4, `one answer appears ${most} times`);
        assert.ok(times.size >= answers.length / 2, `${times.size} different answers of ${answers.length}`);

        // Week by week, the authority's late work is steady up to today: no jump in the last weeks.
        const trends = await storedTrends(t.db);
        const weeks = sumTrends(trends, Object.keys(trends.byTeam));
        assert.equal(weeks.length, 12);
        const earlier = weeks
          .slice(0, 9)
          .map((w) => w.overdue)
          .sort((x, y) => x - y);
        const usual = earlier[4]!;
        assert.ok(usual >= 5, `children with late work in a usual week: ${usual}`);
        for (const [i, w] of weeks.slice(9).entries())
          assert.ok(
            w.overdue >= usual * 0.5 && w.overdue <= usual * 1.5,
            `week ${10 + i}: ${w.overdue} children with late work against a usual ${usual} (${weeks.map((x) => x.overdue).join(', ')})`,
          );

        // Complaints are about teams that do that work: delays in assessment teams, family time in care teams.
        const complaints = await t.db
          .selectFrom('complaints')
          .innerJoin('teams', 'teams.id', 'complaints.team_id')
          .select(['complaints.reference', 'teams.name as team'])
          .execute();
        for (const c of complaints) assert.ok(teamHolds(c.team), `${c.reference} is about ${c.team}`);
        assert.ok(THEMES.length > 0);
      } finally {
        await t.drop();
      }
    });
  });
}
