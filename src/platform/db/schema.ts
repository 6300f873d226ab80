/**
 * The typed shape of every table, shared by both dialects. Conventions
 * (see docs/architecture.md): ids are text UUIDs made by the app; instants are
 * ISO-8601 UTC text; calendar dates are YYYY-MM-DD text; booleans are 0/1
 * integers; JSON is text. The same value reads back the same on SQLite and PostgreSQL.
 */
import type { Generated } from 'kysely';

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
  /** The directory's object id (Entra `oid`), stored at the first single sign-on. */
  directory_id: Generated<string | null>;
  /** Made by a first single sign-on and not yet placed in a team by an admin. */
  needs_placing: Generated<Flag>;
}

export interface StaffRolesTable {
  staff_id: string;
  role: string;
}

/** Answers sent after the person's session had ended, kept until they sign in again (platform/auth/pending-form.ts). */
export interface PendingFormsTable {
  id: string;
  staff_id: string;
  return_to: string;
  answers: string;
  expires_at: string;
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
  /** A session begun by single sign-on: its ID token, the hint for signing out at the provider. */
  id_token: Generated<string | null>;
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
  /**
   * JSON array of the one-time secrets (set-password tokens) the bodies hold,
   * cut out of them once the message is sent; null when there are none.
   */
  secrets: string | null;
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

/** Sign-in and reset-email counts (platform/auth/throttle.ts), shared by every instance. */
export interface AuthThrottleTable {
  key: string;
  account_key: string | null;
  hits: number;
  first_at: string;
  last_at: string;
}

/**
 * Every table Kysely knows. The platform's own tables are here; each feature adds its
 * tables from its own `schema.ts` by declaration merging (`declare module`), so the
 * platform names no feature's table.
 */
export interface Database {
  services: ServicesTable;
  teams: TeamsTable;
  staff: StaffTable;
  staff_roles: StaffRolesTable;
  sessions: SessionsTable;
  pending_forms: PendingFormsTable;
  password_tokens: PasswordTokensTable;
  closure_days: ClosureDaysTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  jobs: JobsTable;
  auth_throttle: AuthThrottleTable;
  oidc_flows: OidcFlowsTable;
  change_stamps: ChangeStampsTable;
}

/** A sign-in begun at the OpenID provider and not yet come back; single use. */
export interface OidcFlowsTable {
  id: string;
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  expires_at: string;
}

/**
 * A number per kind of data that goes up with every change to it, kept by triggers
 * (migration 2026-12-02T0800): "standards", "standard-acks", "people", "learning", "lessons", "bulletin".
 */
export interface ChangeStampsTable {
  name: string;
  /** bigint: PostgreSQL returns it as a string, SQLite as a number. */
  n: number | string;
}
