/**
 * What the rules engine reads and says. Plain data with 'YYYY-MM-DD' days, so
 * the engine is pure: the web, CLI, exports and benchmarks hand it the same shape.
 */
export interface ChildEpisodes {
  assessments: { referralDay: string; startDay: string | null; authorisedDay: string | null }[];
  enquiries: { strategyDay: string; icpcDay: string | null; icpcUnnecessary: boolean }[];
  plans: { kind: 'cin' | 'cp'; startDay: string; endDay: string | null }[];
  lookedAfter: { startDay: string; endDay: string | null }[];
  placements: { startDay: string; endDay: string | null; longTerm: boolean }[];
  meetings: { kind: 'rcpc' | 'core-group' | 'lac-review'; day: string }[];
  visits: { day: string; seen: boolean }[];
}

export const emptyEpisodes = (): ChildEpisodes => ({
  assessments: [],
  enquiries: [],
  plans: [],
  lookedAfter: [],
  placements: [],
  meetings: [],
  visits: [],
});

export type Status = 'on-time' | 'due-soon' | 'overdue' | 'not-applicable';

export const RULE_IDS = [
  'assessment',
  'icpc',
  'first-core-group',
  'review-conference',
  'cp-visits',
  'cin-visits',
  'lac-visits',
  'lac-reviews',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** The rules about seeing the child: "seen within their visiting timescale". */
export const VISIT_RULES: readonly RuleId[] = ['cp-visits', 'cin-visits', 'lac-visits'];

export interface RuleResult {
  rule: RuleId;
  status: Status;
  /** When the next (or, if done, the last) piece of work was or is due. */
  dueDay: string | null;
  /** The last visit, meeting or completion that counted, if any. */
  lastDay: string | null;
  /** Working days after the due date: up to today if still waiting, up to completion if done late. */
  daysLate: number;
  /** True while something is still to be done (every recurring rule; a one-off until it is done). */
  open: boolean;
}

export const notApplicable = (rule: RuleId): RuleResult => ({
  rule,
  status: 'not-applicable',
  dueDay: null,
  lastDay: null,
  daysLate: 0,
  open: false,
});
