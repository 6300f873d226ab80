import type { Flag } from '../platform/db/schema.ts';

// Child-focused performance (issue 4): children are special-category data.
export interface ChildrenTable {
  id: string;
  local_id: string;
  name: string;
  date_of_birth: string | null;
  gender: string;
  ethnicity: string;
  worker_id: string | null;
  team_id: string | null;
  created_at: string;
  updated_at: string;
}

interface ChildEventBase {
  id: string;
  local_id: string;
  child_id: string;
}

export interface ChildAssessmentsTable extends ChildEventBase {
  referral_day: string;
  start_day: string | null;
  authorised_day: string | null;
  outcome: string | null;
}

export interface ChildEnquiriesTable extends ChildEventBase {
  strategy_day: string;
  icpc_day: string | null;
  icpc_unnecessary: Flag;
}

export interface ChildPlansTable extends ChildEventBase {
  kind: 'cin' | 'cp';
  start_day: string;
  end_day: string | null;
  category: string | null;
}

export interface ChildLookedAfterTable extends ChildEventBase {
  start_day: string;
  end_day: string | null;
  legal_status: string;
}

export interface ChildPlacementsTable extends ChildEventBase {
  start_day: string;
  end_day: string | null;
  placement_type: string;
  long_term: Flag;
}

export interface ChildMeetingsTable extends ChildEventBase {
  kind: 'rcpc' | 'core-group' | 'lac-review';
  day: string;
}

export interface ChildVisitsTable extends ChildEventBase {
  kind: 'cin' | 'cp' | 'lac';
  day: string;
  seen: Flag;
  seen_alone: Flag;
}

export interface PerformanceRuleSettingsTable {
  rule: string;
  params: string;
  changed_at: string;
  changed_by: string | null;
  reason: string | null;
  changed_by_name: string | null;
}

/** Which document sets a timescale (a practice standard): its title and address, shown beside the rule. */
export interface PerformanceSettingSourcesTable {
  /** A field of the rule settings, e.g. "cp-visits-workingDays". */
  field: string;
  title: string;
  href: string;
}
export interface PerformanceRuleSettingsHistoryTable {
  id: string;
  rule: string;
  previous_params: string | null;
  params: string | null;
  changed_at: string;
  changed_by: string | null;
  changed_by_name: string;
  reason: string;
}

export interface ChildRuleStatusTable {
  child_id: string;
  rule: string;
  as_of: string;
  status: string;
  due_day: string | null;
  last_day: string | null;
  days_late: number;
  open: Flag;
}

export interface WorkingCalendarDaysTable {
  day: string;
  day_number: number;
  working: Flag;
  working_rank: number;
  plus_3_months: string;
  plus_6_months: string;
  plus_12_months: string;
  month_number: number | null;
  day_of_month: number | null;
}

export interface PerformanceStateTable {
  key: string;
  value: string;
}

declare module '../platform/db/schema.ts' {
  interface Database {
    children: ChildrenTable;
    child_assessments: ChildAssessmentsTable;
    child_enquiries: ChildEnquiriesTable;
    child_plans: ChildPlansTable;
    child_looked_after: ChildLookedAfterTable;
    child_placements: ChildPlacementsTable;
    child_meetings: ChildMeetingsTable;
    child_visits: ChildVisitsTable;
    performance_rule_settings: PerformanceRuleSettingsTable;
    child_rule_status: ChildRuleStatusTable;
    performance_state: PerformanceStateTable;
    working_calendar_days: WorkingCalendarDaysTable;
    performance_rule_settings_history: PerformanceRuleSettingsHistoryTable;
    performance_setting_sources: PerformanceSettingSourcesTable;
  }
}
