import { addCalendarDays, addCalendarMonths, parseDay } from '../../../platform/calendar/days.ts';
import type { WorkingCalendar } from '../../../platform/calendar/working-days.ts';
import { newId } from '../../../platform/ids.ts';
import type {
  ChildAssessmentsTable,
  ChildEnquiriesTable,
  ChildLookedAfterTable,
  ChildMeetingsTable,
  ChildPlacementsTable,
  ChildPlansTable,
  ChildrenTable,
  ChildVisitsTable,
} from '../../schema.ts';
import {
  ABUSE_CATEGORIES,
  CHILD_FIRST,
  CHILD_LAST,
  ETHNICITIES,
  GENDERS,
  LEGAL_STATUSES,
  PLACEMENT_TYPES,
} from './names.ts';
import { type Random, seededRandom } from './random.ts';

/**
 * A synthetic authority: children in need with the shape of the national
 * figures (shared/domain.md: of about 400,000 children in need, about 82,000
 * are looked after and 49,000 on child protection plans; Bradford has about
 * 6,000, 1,500 and 600). Work is mostly on time, with some late, so every
 * status shows up. Pure apart from ids: the same seed gives the same children.
 */
export interface Worker {
  id: string;
  teamId: string;
  /** Which kind of children this worker's team holds. */
  holds: 'assessment' | 'safeguarding' | 'care';
}

export interface AuthorityOptions {
  children: number;
  asOf: string;
  seed?: number;
  workers: Worker[];
  /** A worker who gets exactly this many children (the practitioner persona's caseload). */
  featured?: { workerId: string; caseload: number };
  /** Years of history to make visits for. */
  years?: number;
  /** Start of every child's local id (default "C"), so a second authority can sit beside the first. */
  idPrefix?: string;
  /**
   * How the children divide between kinds of work: the national shape (the default), or
   * in proportion to the workers who hold each kind, so every worker's caseload is
   * alike whatever mix of teams the workforce has (the demo's small authority).
   */
  mix?: 'national' | 'workforce';
}

export interface Authority {
  children: ChildrenTable[];
  assessments: ChildAssessmentsTable[];
  enquiries: ChildEnquiriesTable[];
  plans: ChildPlansTable[];
  lookedAfter: ChildLookedAfterTable[];
  placements: ChildPlacementsTable[];
  meetings: ChildMeetingsTable[];
  visits: ChildVisitsTable[];
}

type Kind = 'assessment' | 'cin' | 'cp' | 'care';
// Of every 100 children in need: 25 looked after, 10 on a protection plan, 35 on a child in need plan, 30 being assessed.
const kindOf = (r: Random): Kind => {
  const x = r.next();
  return x < 0.25 ? 'care' : x < 0.35 ? 'cp' : x < 0.7 ? 'cin' : 'assessment';
};
const HOLDS: Record<Kind, Worker['holds']> = {
  assessment: 'assessment',
  cin: 'safeguarding',
  cp: 'safeguarding',
  care: 'care',
};

export function generateAuthority(cal: WorkingCalendar, o: AuthorityOptions): Authority {
  const r = seededRandom(o.seed ?? 20211201);
  const out: Authority = {
    children: [],
    assessments: [],
    enquiries: [],
    plans: [],
    lookedAfter: [],
    placements: [],
    meetings: [],
    visits: [],
  };
  const historyStart = addCalendarMonths(o.asOf, -12 * (o.years ?? 2));
  const byHolds = (h: Worker['holds']) =>
    o.workers.filter((w) => w.holds === h && w.id !== o.featured?.workerId);
  const pools = {
    assessment: byHolds('assessment'),
    safeguarding: byHolds('safeguarding'),
    care: byHolds('care'),
  };
  const featured = o.featured ? o.workers.find((w) => w.id === o.featured!.workerId) : undefined;
  // Caseloads (shared/domain.md, "The workforce": about 16 each): every worker is given a
  // caseload to aim for, between 14 and 20 scaled so that together they hold every child;
  // each child goes to the worker of their kind furthest below their aim.
  const holders = Object.values(pools).flat();
  const aims = new Map(holders.map((w) => [w.id, r.int(14, 20)]));
  const aimTotal = [...aims.values()].reduce((a, b) => a + b, 0);
  const others = o.children - (featured ? (o.featured?.caseload ?? 0) : 0);
  for (const [id, aim] of aims) aims.set(id, (aim * others) / Math.max(1, aimTotal));
  const load = new Map(holders.map((w) => [w.id, 0]));
  const allocate = (pool: Worker[]): Worker | undefined => {
    let best: Worker | undefined;
    let room = Number.NEGATIVE_INFINITY;
    for (const w of pool) {
      const left = aims.get(w.id)! - load.get(w.id)! + r.next() * 0.01;
      if (left > room) [best, room] = [w, left];
    }
    if (best) load.set(best.id, load.get(best.id)! + 1);
    return best;
  };
  // By the workforce: the child goes to whoever is furthest below their aim, and is the kind
  // of child that worker's team holds (on a plan at home: 10 on a protection plan to 35 not, as nationally).
  const byWorkforce = (): { kind: Kind; worker: Worker } | undefined => {
    const worker = allocate(holders);
    if (!worker) return undefined;
    const kind: Kind =
      worker.holds === 'care'
        ? 'care'
        : worker.holds === 'assessment'
          ? 'assessment'
          : r.next() < 10 / 45
            ? 'cp'
            : 'cin';
    return { kind, worker };
  };

  const now = `${o.asOf}T09:00:00.000Z`;
  let seq = 0;
  const lid = (prefix: string) => `${o.idPrefix ?? ''}${prefix}${String(++seq).padStart(7, '0')}`;

  for (let i = 0; i < o.children; i++) {
    const isFeatured = featured && i < (o.featured?.caseload ?? 0);
    // The featured worker's children are a mix a social worker in an assessment team would hold.
    const chosen = !isFeatured && o.mix === 'workforce' ? byWorkforce() : undefined;
    const kind: Kind = isFeatured
      ? (['assessment', 'cin', 'cp', 'assessment', 'cin', 'care'] as const)[i % 6]!
      : (chosen?.kind ?? kindOf(r));
    const worker = isFeatured ? featured : (chosen?.worker ?? allocate(pools[HOLDS[kind]]));
    const childId = newId();
    const age = r.int(0, 17);
    out.children.push({
      id: childId,
      local_id: `${o.idPrefix ?? 'C'}${String(i + 1).padStart(6, '0')}`,
      name: `${r.pick(CHILD_FIRST)} ${r.pick(CHILD_LAST)}`,
      date_of_birth: addCalendarDays(o.asOf, -(age * 365 + r.int(30, 360))),
      gender: r.pick(GENDERS),
      ethnicity: r.pick(ETHNICITIES),
      worker_id: worker?.id ?? null,
      team_id: worker?.teamId ?? null,
      created_at: now,
      updated_at: now,
    });
    const late = r.chance(0.15); // this child's work tends to slip
    const visitKind = kind === 'care' ? 'lac' : kind === 'cp' ? 'cp' : 'cin';
    const ev: Ctx = { r, cal, late, asOf: o.asOf, childId, lid, out, historyStart, visitKind };

    if (kind === 'assessment') {
      // Referrals keep coming in: spread over the trend's twelve weeks and the 45 working days
      // before them, so the weeks look alike. An assessment due by now was done (a late child's
      // perhaps late, or not yet); one not yet due is sometimes done early.
      // The practitioner persona's first child has an assessment past its 45 working days, so her
      // caseload, her team's page and the trend show late work to follow up.
      const overdueForDemo = isFeatured && i === 0;
      const referral = addCalendarDays(o.asOf, -(overdueForDemo ? 80 : r.int(1, 165)));
      const due = cal.addWorkingDays(referral, 45);
      const done = overdueForDemo
        ? null
        : due <= o.asOf
          ? slipAssessment(ev, due)
          : r.chance(0.3)
            ? addCalendarDays(referral, r.int(5, Math.max(5, daysBetween(referral, o.asOf))))
            : null;
      out.assessments.push(assessment(ev, referral, done !== null && done <= o.asOf ? done : null));
      if (r.chance(0.15)) {
        const strategy = addCalendarDays(o.asOf, -r.int(1, 110));
        const icpc = slip(ev, cal.addWorkingDays(strategy, 15));
        out.enquiries.push({
          id: newId(),
          local_id: lid('E'),
          child_id: childId,
          strategy_day: strategy,
          icpc_day: icpc <= o.asOf ? icpc : null,
          icpc_unnecessary: 0,
        });
      }
      continue;
    }
    const start = addCalendarDays(o.asOf, -(kind === 'care' ? r.int(10, 1500) : r.int(5, 540)));
    const referral = cal.addWorkingDays(addCalendarDays(start, -90), 0);
    out.assessments.push(assessment(ev, referral, cal.addWorkingDays(referral, late ? 50 : r.int(20, 44))));
    if (kind === 'cin') {
      out.plans.push(plan(ev, 'cin', start, null));
      visitEvery(ev, start, (d) => cal.addWorkingDays(d, 20));
    } else if (kind === 'cp') {
      const strategy = addCalendarDays(start, -r.int(14, 24));
      out.enquiries.push({
        id: newId(),
        local_id: lid('E'),
        child_id: childId,
        strategy_day: strategy,
        icpc_day: start,
        icpc_unnecessary: 0,
      });
      out.plans.push(plan(ev, 'cp', start, r.pick(ABUSE_CATEGORIES)));
      meetingsEvery(ev, 'core-group', start, (d, n) =>
        n === 0 ? cal.addWorkingDays(start, 10) : cal.addWorkingDays(d, 20),
      );
      meetingsEvery(ev, 'rcpc', start, (d, n) => addCalendarMonths(d, n === 0 ? 3 : 6));
      visitEvery(ev, start, (d) => cal.addWorkingDays(d, 10));
    } else {
      out.lookedAfter.push({
        id: newId(),
        local_id: lid('L'),
        child_id: childId,
        start_day: start,
        end_day: null,
        legal_status: r.pick(LEGAL_STATUSES),
      });
      // Moves happen all the time, not only lately: any time from 10 days after the start.
      const sinceStart = daysBetween(start, o.asOf);
      const moved =
        r.chance(0.3) && sinceStart > 60
          ? addCalendarDays(o.asOf, -r.int(3, Math.min(150, sinceStart - 10)))
          : null;
      const longTerm = r.chance(0.5);
      out.placements.push(placement(ev, start, moved, !moved && longTerm));
      if (moved) out.placements.push(placement(ev, moved, null, false));
      meetingsEvery(ev, 'lac-review', start, (d, n) =>
        n === 0 ? cal.addWorkingDays(start, 20) : addCalendarMonths(d, n === 1 ? 3 : 6),
      );
      const visits = (from: string, to: string, lt: boolean) =>
        visitEvery(
          ev,
          from,
          (d, n) => {
            if (n === 0) return addCalendarDays(from, 7);
            return lt && d >= addCalendarMonths(from, 12) ? addCalendarMonths(d, 3) : addCalendarDays(d, 42);
          },
          to,
        );
      visits(start, moved ?? o.asOf, !moved && longTerm);
      if (moved) visits(moved, o.asOf, false);
    }
  }
  return out;
}

const daysBetween = (from: string, to: string) => parseDay(to) - parseDay(from);

interface Ctx {
  r: Random;
  cal: WorkingCalendar;
  late: boolean;
  asOf: string;
  childId: string;
  lid: (prefix: string) => string;
  out: Authority;
  historyStart: string;
  visitKind: ChildVisitsTable['kind'];
}

/** When work due on a day actually happened: usually a few days early, sometimes late. */
function slip(c: Ctx, due: string): string {
  if (c.late ? c.r.chance(0.5) : c.r.chance(0.04)) return addCalendarDays(due, c.r.int(1, 12));
  return addCalendarDays(due, -c.r.int(0, 4));
}

/**
 * When an assessment due on a day was authorised: more often late than other work, and by
 * more (nationally about one in five assessments takes longer than 45 working days).
 */
function slipAssessment(c: Ctx, due: string): string {
  if (c.late ? c.r.chance(0.7) : c.r.chance(0.12)) return addCalendarDays(due, c.r.int(1, c.late ? 40 : 20));
  return addCalendarDays(due, -c.r.int(0, 10));
}

/** Events from start until the as-of day (or `until`), each when the last one made the next due. */
function series(
  c: Ctx,
  start: string,
  dueAfter: (last: string, n: number) => string,
  until = c.asOf,
): string[] {
  const days: string[] = [];
  let last = start;
  for (let n = 0; n < 500; n++) {
    const next = slip(c, dueAfter(last, n));
    if (next > until || next > c.asOf) break;
    if (next > last) days.push(next);
    last = next > last ? next : addCalendarDays(last, 1);
  }
  return days;
}

function visitEvery(c: Ctx, start: string, dueAfter: (last: string, n: number) => string, until?: string) {
  for (const day of series(c, start, dueAfter, until)) {
    if (day < c.historyStart) continue;
    const seen = !c.r.chance(0.03);
    c.out.visits.push({
      id: newId(),
      local_id: c.lid('V'),
      child_id: c.childId,
      kind: c.visitKind,
      day,
      seen: seen ? 1 : 0,
      seen_alone: seen && c.r.chance(0.6) ? 1 : 0,
    });
  }
}

function meetingsEvery(
  c: Ctx,
  kind: ChildMeetingsTable['kind'],
  start: string,
  dueAfter: (last: string, n: number) => string,
) {
  const days = series(c, start, dueAfter);
  for (const day of kind === 'core-group'
    ? days.slice(0, 1).concat(days.slice(1).filter((d) => d >= c.historyStart))
    : days) {
    c.out.meetings.push({ id: newId(), local_id: c.lid('M'), child_id: c.childId, kind, day });
  }
}

const assessment = (c: Ctx, referral: string, authorised: string | null): ChildAssessmentsTable => ({
  id: newId(),
  local_id: c.lid('A'),
  child_id: c.childId,
  referral_day: referral,
  start_day: addCalendarDays(referral, c.r.int(0, 3)),
  authorised_day: authorised !== null && authorised <= c.asOf ? authorised : null,
  outcome: authorised ? 'Support needed' : null,
});

const plan = (c: Ctx, kind: 'cin' | 'cp', start: string, category: string | null): ChildPlansTable => ({
  id: newId(),
  local_id: c.lid('P'),
  child_id: c.childId,
  kind,
  start_day: start,
  end_day: null,
  category,
});

const placement = (c: Ctx, start: string, end: string | null, longTerm: boolean): ChildPlacementsTable => ({
  id: newId(),
  local_id: c.lid('PL'),
  child_id: c.childId,
  start_day: start,
  end_day: end,
  placement_type: c.r.pick(PLACEMENT_TYPES),
  long_term: longTerm ? 1 : 0,
});
