import { WorkingCalendar } from '../platform/calendar/working-days.ts';

/**
 * The statutory clocks of the Children Act 1989 representations procedure, in
 * working days. Pure: every function takes the calendar and "today" in.
 *
 * Counting: the day a clock starts is day 0 and "within n working days" means
 * the due date is the n-th working day after it (calendar.addWorkingDays).
 *
 * Which working days: reg 2 of the Representations Procedure (England)
 * Regulations 2006 excludes only weekends, Christmas Day, Boxing Day, Good
 * Friday and bank holidays. An authority's own closure days (Admin › Working
 * days) are NOT excluded by the regulations, so statutory clocks use a
 * calendar of bank holidays only (REGULATION_DAYS), never loadWorkingCalendar.
 */
export const REGULATION_DAYS = new WorkingCalendar();

export type StageNumber = 1 | 2 | 3;

/** Response times and how far they may be extended (regs 14, 17–20; "Getting the best from complaints"). */
export const STAGE_RULES = {
  1: { days: 10, maxDays: 20, source: 'Representations Procedure Regulations 2006, reg 14' },
  2: {
    days: 25,
    maxDays: 65,
    source: 'Regulations 2006, reg 17; DfES "Getting the best from complaints" (2006)',
  },
  3: { days: 30, maxDays: 30, source: 'Regulations 2006, regs 19–20' },
} as const;

/** Stage 3 is three deadlines in turn: the panel, its report, the council's response. */
export const STAGE3_DAYS = { panel: 30, report: 5, response: 15 } as const;

/**
 * The statutory clocks in words, for pages outside complaints: the practice standards library
 * shows them beside the complaints standards, as law that no setting in the Hub can change.
 */
export const STATUTORY_CLOCKS: readonly { step: string; within: string; source: string }[] = [
  {
    step: 'Stage 1 (local resolution): the response',
    within: `${STAGE_RULES[1].days} working days of receiving the complaint, or up to ${STAGE_RULES[1].maxDays} if it is extended`,
    source: STAGE_RULES[1].source,
  },
  {
    step: 'Stage 2 (investigation): the response',
    within: `${STAGE_RULES[2].days} working days of the request, or up to ${STAGE_RULES[2].maxDays} if it is extended`,
    source: STAGE_RULES[2].source,
  },
  {
    step: 'Stage 3 (review panel): the panel meets',
    within: `${STAGE3_DAYS.panel} working days of the request`,
    source: STAGE_RULES[3].source,
  },
  {
    step: 'Stage 3: the panel’s report',
    within: `${STAGE3_DAYS.report} working days of the panel`,
    source: STAGE_RULES[3].source,
  },
  {
    step: 'Stage 3: the council’s response to the report',
    within: `${STAGE3_DAYS.response} working days of the report`,
    source: STAGE_RULES[3].source,
  },
];

/** A complainant asks for the next stage within this many working days of a response (local, settable). */
export const ESCALATION_WINDOW_DAYS = 20;

export type ClockStep = 'response' | 'panel' | 'report';

export interface StageTimes {
  stage: StageNumber;
  /** Day 0 of the clock: receipt at Stage 1; the request (or agreement of the complaint) at Stage 2; the request at Stage 3. */
  clockStartOn: string;
  /** Working days allowed for the response (Stages 1 and 2), after any extension. */
  allowedDays: number;
  panelOn: string | null;
  reportOn: string | null;
  respondedOn: string | null;
}

export interface StageClock {
  step: ClockStep;
  dueOn: string;
  /** Answered: on time or not. Open: null. */
  answeredInTime: boolean | null;
  overdue: boolean;
  /** Working days after the due date up to the response (or today, while open); 0 when on time. */
  workingDaysLate: number;
  /** Working days from today to the due date while open and not yet late; 0 otherwise. */
  workingDaysLeft: number;
}

/** Which deadline the stage is working to now, and its date. */
export function currentDeadline(cal: WorkingCalendar, t: StageTimes): { step: ClockStep; dueOn: string } {
  if (t.stage !== 3) return { step: 'response', dueOn: cal.addWorkingDays(t.clockStartOn, t.allowedDays) };
  if (!t.panelOn) return { step: 'panel', dueOn: cal.addWorkingDays(t.clockStartOn, STAGE3_DAYS.panel) };
  if (!t.reportOn) return { step: 'report', dueOn: cal.addWorkingDays(t.panelOn, STAGE3_DAYS.report) };
  return { step: 'response', dueOn: cal.addWorkingDays(t.reportOn, STAGE3_DAYS.response) };
}

export function stageClock(cal: WorkingCalendar, t: StageTimes, today: string): StageClock {
  const { step, dueOn } = currentDeadline(cal, t);
  const endOn = t.respondedOn ?? today;
  const late = Math.max(0, cal.workingDaysBetween(dueOn, endOn));
  const answered = t.respondedOn !== null;
  return {
    step,
    dueOn,
    answeredInTime: answered ? t.respondedOn! <= dueOn : null,
    overdue: !answered && today > dueOn,
    workingDaysLate: late,
    workingDaysLeft: !answered && today <= dueOn ? cal.workingDaysBetween(today, dueOn) : 0,
  };
}

/** The last day the complainant can ask for the next stage after a response. */
export const escalationDeadline = (cal: WorkingCalendar, respondedOn: string): string =>
  cal.addWorkingDays(respondedOn, ESCALATION_WINDOW_DAYS);
