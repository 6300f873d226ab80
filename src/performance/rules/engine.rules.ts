import {
  addCalendarDays,
  addCalendarMonths,
  type WorkingCalendar,
} from '../../platform/calendar/working-days.ts';
import { activeOn, daysBetween, type Judge, latest, oneOff, recurring } from './schedule.rules.ts';
import { DEFAULT_SETTINGS, type RuleSettings } from './settings.rules.ts';
import { type ChildEpisodes, notApplicable, type RuleResult } from './types.ts';

/**
 * Every rule for one child as of a day: pure, no I/O. Events dated after the
 * as-of day are ignored, so any past day can be replayed (the trend charts do).
 */
export function evaluateChild(
  child: ChildEpisodes,
  cal: WorkingCalendar,
  asOf: string,
  s: RuleSettings = DEFAULT_SETTINGS,
): RuleResult[] {
  const j: Judge = { cal, asOf, dueSoonWorkingDays: s.dueSoonWorkingDays };
  const seen = child.visits.filter((v) => v.seen).map((v) => v.day);
  const meetings = (kind: ChildEpisodes['meetings'][number]['kind']) =>
    child.meetings.filter((m) => m.kind === kind).map((m) => m.day);
  const cp = latest(child.plans, asOf, (p) => p.kind === 'cp' && activeOn(asOf, p));
  const cin = latest(child.plans, asOf, (p) => p.kind === 'cin' && activeOn(asOf, p));
  const care = latest(child.lookedAfter, asOf, (l) => activeOn(asOf, l));

  return [
    assessment(j, child, s),
    icpc(j, child, s),
    cp
      ? oneOff(
          j,
          'first-core-group',
          cal.addWorkingDays(cp.startDay, s['first-core-group'].workingDays),
          daysBetween(meetings('core-group'), cp.startDay, asOf)[0] ?? null,
        )
      : notApplicable('first-core-group'),
    cp
      ? recurring(
          j,
          'review-conference',
          addCalendarMonths(cp.startDay, s['review-conference'].firstMonths),
          daysBetween(meetings('rcpc'), cp.startDay, asOf),
          (d) => addCalendarMonths(d, s['review-conference'].thenMonths),
        )
      : notApplicable('review-conference'),
    cp
      ? everyWorkingDays(j, 'cp-visits', cp.startDay, seen, s['cp-visits'].workingDays)
      : notApplicable('cp-visits'),
    cin
      ? everyWorkingDays(j, 'cin-visits', cin.startDay, seen, s['cin-visits'].workingDays)
      : notApplicable('cin-visits'),
    care ? careVisits(j, child, care.startDay, seen, s) : notApplicable('lac-visits'),
    care
      ? recurring(
          j,
          'lac-reviews',
          cal.addWorkingDays(care.startDay, s['lac-reviews'].firstWorkingDays),
          daysBetween(meetings('lac-review'), care.startDay, asOf),
          (d, i) =>
            addCalendarMonths(d, i === 0 ? s['lac-reviews'].secondMonths : s['lac-reviews'].thenMonths),
        )
      : notApplicable('lac-reviews'),
  ];
}

/** The latest assessment, measured from its referral (Working Together), not from its start. */
function assessment(j: Judge, child: ChildEpisodes, s: RuleSettings): RuleResult {
  const a = latest(
    child.assessments.map((x) => ({ ...x, startDay: x.referralDay })),
    j.asOf,
  );
  if (!a) return notApplicable('assessment');
  return oneOff(
    j,
    'assessment',
    j.cal.addWorkingDays(a.referralDay, s.assessment.workingDays),
    a.authorisedDay,
  );
}

/** The latest strategy discussion that started a section 47 enquiry, unless a conference was judged unnecessary. */
function icpc(j: Judge, child: ChildEpisodes, s: RuleSettings): RuleResult {
  const e = latest(
    child.enquiries.map((x) => ({ ...x, startDay: x.strategyDay })),
    j.asOf,
  );
  if (!e || e.icpcUnnecessary) return notApplicable('icpc');
  return oneOff(j, 'icpc', j.cal.addWorkingDays(e.strategyDay, s.icpc.workingDays), e.icpcDay);
}

/** Seen at least every n working days from the start of the plan (the start is day 0). */
function everyWorkingDays(
  j: Judge,
  rule: 'cp-visits' | 'cin-visits',
  start: string,
  seen: string[],
  n: number,
) {
  return recurring(j, rule, j.cal.addWorkingDays(start, n), daysBetween(seen, start, j.asOf), (d) =>
    j.cal.addWorkingDays(d, n),
  );
}

/**
 * Regulation 28: within a week of the current placement starting, then at most
 * every six weeks in the placement's first year, then every three months if the
 * placement is meant to last (long-term), otherwise still every six weeks.
 */
function careVisits(j: Judge, child: ChildEpisodes, careStart: string, seen: string[], s: RuleSettings) {
  const p = s['lac-visits'];
  const placement = latest(child.placements, j.asOf, (x) => x.startDay >= careStart);
  const start = placement?.startDay ?? careStart;
  const longTerm = placement?.longTerm ?? false;
  const yearEnds = addCalendarMonths(start, 12);
  return recurring(
    j,
    'lac-visits',
    addCalendarDays(start, p.afterPlacementDays),
    daysBetween(seen, start, j.asOf),
    (d) =>
      d < yearEnds || !longTerm
        ? addCalendarDays(d, d < yearEnds ? p.firstYearDays : p.otherDays)
        : addCalendarMonths(d, p.longTermMonths),
  );
}
