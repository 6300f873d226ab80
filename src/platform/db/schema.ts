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
