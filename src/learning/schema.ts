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

declare module '../platform/db/schema.ts' {
  interface Database {
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
  }
}
