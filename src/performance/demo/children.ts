import { loadWorkingCalendar } from '../../platform/calendar/closure-days.repo.ts';
import { londonDay } from '../../platform/calendar/days.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/db.ts';
import type { DemoOptions, FeatureSeed } from '../../platform/feature.ts';
import { insertInBatches } from '../episodes.repo.ts';
import { refreshStatuses } from '../status.service.ts';
import { type Authority, generateAuthority, type Worker } from './synthetic-authority/generate.ts';

/** Bradford scale for the full demo; a few hundred children in tests. */
export const DEMO_CHILDREN: Record<DemoOptions['size'], number> = { full: 6000, small: 150 };

const HOLDS: Record<string, Worker['holds']> = {
  'Front Door': 'assessment',
  'Assessment Team 1': 'assessment',
  'Assessment Team 2': 'assessment',
  'Safeguarding Team North': 'safeguarding',
  'Safeguarding Team South': 'safeguarding',
  'Children in Care Team': 'care',
  'Leaving Care Team': 'care',
};

/** Adds a synthetic authority's children, allocated to the demo's practitioners, and works out their statuses. */
export async function seedChildren(
  db: Db,
  clock: Clock,
  children: number,
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
  const workers = staff
    .filter((s) => HOLDS[s.team])
    .map((s) => ({ id: s.id, teamId: s.team_id!, holds: HOLDS[s.team]! }));
  const amina = staff.find((s) => s.email.startsWith('amina.hussain@'));
  const authority = generateAuthority(await loadWorkingCalendar(db), {
    children,
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
