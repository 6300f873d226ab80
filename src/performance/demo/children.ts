import { loadWorkingCalendar } from '../../platform/calendar/closure-days.repo.ts';
import { londonDay } from '../../platform/calendar/days.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/db.ts';
import type { DemoOptions, FeatureSeed } from '../../platform/feature.ts';
import { insertInBatches } from '../episodes.repo.ts';
import { refreshStatuses } from '../status.service.ts';
import { type Authority, generateAuthority, type Worker } from './synthetic-authority/generate.ts';

/**
 * Bradford scale for the full demo (the workforce is generated to hold it: src/demo/people.ts);
 * the small one (tests) has as many children as its practitioners hold, about 16 each.
 */
export const DEMO_CHILDREN: Record<DemoOptions['size'], number | 'by-workforce'> = {
  full: 6000,
  small: 'by-workforce',
};
/** A caseload as shared/domain.md has it ("The workforce": 16.3 on average in 2023). */
export const AVERAGE_CASELOAD = 16;

/** Which kind of children a team holds, by its name (the demo's teams, and the ones generated beside them). */
export const teamHolds = (team: string): Worker['holds'] | undefined =>
  /^(Front Door|Assessment Team)/.test(team)
    ? 'assessment'
    : /^Safeguarding Team/.test(team)
      ? 'safeguarding'
      : /^(Children in Care Team|Leaving Care Team)/.test(team)
        ? 'care'
        : undefined;

/** Adds a synthetic authority's children, allocated to the demo's practitioners, and works out their statuses. */
export async function seedChildren(
  db: Db,
  clock: Clock,
  children: number | 'by-workforce',
  more: { idPrefix?: string; seed?: number } = {},
): Promise<Authority> {
  const asOf = londonDay(clock.now());
  const staff = await db
    .selectFrom('staff')
    .innerJoin('staff_roles', 'staff_roles.staff_id', 'staff.id')
    .innerJoin('teams', 'teams.id', 'staff.team_id')
    .select(['staff.id', 'staff.email', 'staff.team_id', 'teams.name as team'])
    .where('staff_roles.role', '=', 'practitioner')
    .where('staff.active', '=', 1)
    .orderBy('staff.staff_number')
    .execute();
  const workers = staff.flatMap((s) => {
    const holds = teamHolds(s.team);
    return holds ? [{ id: s.id, teamId: s.team_id!, holds }] : [];
  });
  const amina = staff.find((s) => s.email.startsWith('amina.hussain@'));
  const authority = generateAuthority(await loadWorkingCalendar(db), {
    children: children === 'by-workforce' ? workers.length * AVERAGE_CASELOAD : children,
    // The demo's own children divide as its teams do; more added beside them (tests, benchmarks) as nationally.
    mix: more.idPrefix ? 'national' : 'workforce',
    asOf,
    workers,
    featured: amina && !more.idPrefix ? { workerId: amina.id, caseload: 18 } : undefined,
    ...more,
  });
  await db.transaction().execute(async (trx) => {
    await insertInBatches(trx, 'children', authority.children);
    await insertInBatches(trx, 'child_assessments', authority.assessments);
    await insertInBatches(trx, 'child_enquiries', authority.enquiries);
    await insertInBatches(trx, 'child_plans', authority.plans);
    await insertInBatches(trx, 'child_looked_after', authority.lookedAfter);
    await insertInBatches(trx, 'child_placements', authority.placements);
    await insertInBatches(trx, 'child_meetings', authority.meetings);
    await insertInBatches(trx, 'child_visits', authority.visits);
  });
  await refreshStatuses(db, asOf);
  return authority;
}

export const childrenSeed: FeatureSeed = {
  name: 'Children',
  async seed(db, clock, options) {
    const a = await seedChildren(db, clock, options.children ?? DEMO_CHILDREN[options.size]);
    return `${a.children.length} children (${a.lookedAfter.length} looked after, ${a.plans.filter((p) => p.kind === 'cp').length} on child protection plans), ${a.visits.length} visits`;
  },
};
