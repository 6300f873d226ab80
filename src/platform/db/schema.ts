/**
 * The typed shape of every table, shared by both dialects. Conventions
 * (see docs/architecture.md): ids are text UUIDs made by the app; instants are
 * ISO-8601 UTC text; calendar dates are YYYY-MM-DD text; booleans are 0/1
 * integers; JSON is text. The same value reads back the same on SQLite and PostgreSQL.
 */
export type Flag = 0 | 1;

export interface ServicesTable {
  id: string;
  name: string;
  created_at: string;
}

export interface TeamsTable {
  id: string;
  service_id: string;
  name: string;
  created_at: string;
}

export interface StaffTable {
  id: string;
  staff_number: string;
  email: string;
  name: string;
  job_title: string;
  team_id: string | null;
  is_agency: Flag;
  active: Flag;
  left_on: string | null;
  password_hash: string | null;
  failed_signins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface StaffRolesTable {
  staff_id: string;
  role: string;
}

export interface SessionsTable {
  id: string;
  staff_id: string;
  csrf_token: string;
  /** JSON: a one-time message or a form's answers and errors for post/redirect/get. */
  flash: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface PasswordTokensTable {
  /** SHA-256 of the token in the emailed link. */
  id: string;
  staff_id: string;
  purpose: 'invite' | 'reset';
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ClosureDaysTable {
  day: string;
  reason: string;
  created_at: string;
  created_by: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  record_type: string;
  record_id: string | null;
  summary: string;
  outcome: string;
  ip: string | null;
  user_agent: string | null;
}

export interface OutboxTable {
  id: string;
  created_at: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  attachments: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: string;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  sent_at: string | null;
}

export interface JobsTable {
  id: string;
  name: string;
  payload: string;
  unique_key: string | null;
  run_at: string;
  status: 'pending' | 'done' | 'failed';
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface Database {
  services: ServicesTable;
  teams: TeamsTable;
  staff: StaffTable;
  staff_roles: StaffRolesTable;
  sessions: SessionsTable;
  password_tokens: PasswordTokensTable;
  closure_days: ClosureDaysTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  jobs: JobsTable;
  // Complaints, compliments and the learning loop (src/complaints)
  complaints: ComplaintsTable;
  complaint_workers: ComplaintWorkersTable;
  complaint_events: ComplaintEventsTable;
  complaint_contacts: ComplaintContactsTable;
  complaint_documents: ComplaintDocumentsTable;
  lesson_sources: LessonSourcesTable;
  lesson_items: LessonItemsTable;
  lesson_actions: LessonActionsTable;
  // Learning (issue 3)
  lrn_courses: LrnCoursesTable;
  lrn_sessions: LrnSessionsTable;
  lrn_session_parts: LrnSessionPartsTable;
  lrn_bookings: LrnBookingsTable;
  lrn_attendance: LrnAttendanceTable;
  lrn_evaluations: LrnEvaluationsTable;
  lrn_interest: LrnInterestTable;
  lrn_cpd: LrnCpdTable;
  lrn_modules: LrnModulesTable;
  lrn_completions: LrnCompletionsTable;
  lrn_feed_tokens: LrnFeedTokensTable;
  // Child-focused performance (issue 4)
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
  // Changing the timescales on screen (issue 4, rule settings)
  performance_rule_settings_history: PerformanceRuleSettingsHistoryTable;
}

// Complaints, compliments and the learning loop (src/complaints).
export interface ComplaintsTable {
  id: string;
  reference: string;
  received_on: string;
  received_how: string;
  complainant_name: string;
  complainant_relationship: string;
  advocate_offered: Flag;
  child_name: string;
  child_ref: string;
  team_id: string;
  summary: string;
  stage: number;
  status: string;
  due_on: string | null;
  officer_id: string | null;
  independent_person: string;
  version: number;
  created_at: string;
  updated_at: string;
}
export interface ComplaintWorkersTable {
  complaint_id: string;
  staff_id: string;
}
export interface ComplaintEventsTable {
  id: string;
  complaint_id: string;
  seq: number;
  type: string;
  payload: string;
  at: string;
  actor_name: string;
}
export interface ComplaintContactsTable {
  id: string;
  complaint_id: string;
  contacted_on: string;
  person: string;
  staff_id: string | null;
  method: string;
  outcome: string;
  recorded_by: string;
  created_at: string;
}
export interface ComplaintDocumentsTable {
  id: string;
  complaint_id: string | null;
  learning_item_id: string | null;
  original_name: string;
  stored_name: string;
  content_type: string;
  size_bytes: number;
  description: string;
  uploaded_by: string;
  uploaded_at: string;
}
export interface LessonSourcesTable {
  id: string;
  kind: string;
  title: string;
  received_on: string;
  team_id: string | null;
  from_whom: string;
  summary: string;
  created_by: string;
  created_at: string;
}
export interface LessonItemsTable {
  id: string;
  complaint_id: string | null;
  source_id: string | null;
  kind: string;
  title: string;
  detail: string;
  theme: string;
  team_id: string | null;
  raised_on: string;
  closed_on: string | null;
  publish: Flag;
  published_summary: string;
  created_by: string;
  created_at: string;
}
export interface LessonActionsTable {
  id: string;
  item_id: string;
  description: string;
  owner_id: string;
  due_on: string;
  evidence_text: string | null;
  evidence_link: string | null;
  evidence_document_id: string | null;
  evidence_on: string | null;
  evidence_by: string | null;
  created_at: string;
}

// --- Learning (issue 3) ---
export interface LrnCoursesTable {
  id: string;
  title: string;
  summary: string;
  description: string;
  category: string;
  audience: 'everyone' | 'managers';
  provider_kind: 'internal' | 'external';
  provider_name: string;
  provider_link: string | null;
  provider_instructions: string;
  mandatory: number;
  needs_approval: number;
  outcomes: string;
  focus_month: string | null;
  you_said_we_did: string;
  created_at: string;
  updated_at: string;
}

export interface LrnSessionsTable {
  id: string;
  course_id: string;
  label: string;
  capacity: number | null;
  venue: string;
  online_link: string | null;
  trainers: string;
  starts_at: string | null;
  signup_opens_at: string | null;
  signup_closes_at: string | null;
  cancel_cutoff_hours: number;
  offer_window_days: number;
  hold_hours: number;
  status: 'scheduled' | 'cancelled';
  sequence: number;
  created_at: string;
  updated_at: string;
}

export interface LrnSessionPartsTable {
  id: string;
  session_id: string;
  day: string;
  /** null: the seed gives a date but no time; the part then starts at the day's beginning and says so. */
  start_time: string | null;
  end_time: string | null;
  starts_at: string;
  ends_at: string | null;
}

export type BookingStatus =
  | 'requested'
  | 'booked'
  | 'waitlisted'
  | 'offered'
  | 'cancelled'
  | 'declined'
  | 'removed'
  | 'lapsed'
  | 'moved';

export interface LrnBookingsTable {
  id: string;
  session_id: string;
  staff_id: string;
  status: BookingStatus;
  queue_pos: number;
  offer_expires_at: string | null;
  sequence: number;
  created_at: string;
  updated_at: string;
}

export interface LrnAttendanceTable {
  booking_id: string;
  part_id: string;
  outcome: 'attended' | 'partial' | 'no-show';
  notes: string;
  recorded_by: string | null;
  recorded_at: string;
}

export interface LrnEvaluationsTable {
  id: string;
  booking_id: string;
  session_id: string;
  content: number;
  trainer: number;
  relevance: number;
  differently: string;
  better: string;
  created_at: string;
}

export interface LrnInterestTable {
  course_id: string;
  staff_id: string;
  created_at: string;
  notified_at: string | null;
}

export interface LrnCpdTable {
  id: string;
  staff_id: string;
  booking_id: string | null;
  title: string;
  day: string;
  reflection: string;
  peer_reflected: number;
  created_at: string;
  updated_at: string;
}

export interface LrnModulesTable {
  id: string;
  title: string;
  renewal_months: number | null;
  created_at: string;
}

export interface LrnCompletionsTable {
  id: string;
  module_id: string;
  staff_id: string;
  completed_on: string;
  source: 'self' | 'import';
  created_at: string;
}

export interface LrnFeedTokensTable {
  staff_id: string;
  token_hash: string;
  created_at: string;
}

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
