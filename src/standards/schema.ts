import type { Flag } from '../platform/db/schema.ts';

// Practice standards (issue 13): the library, its versions, acknowledgements and case audits.
export interface StandardsTable {
  id: string;
  area: string;
  position: number;
  current_version: number;
  /** The version everyone must have acknowledged: the latest major change (or the first version). */
  ack_version: number;
  owner_id: string;
  review_on: string;
  /** The child-timeliness setting field this standard's timescale is, e.g. "cp-visits-workingDays". */
  timescale_field: string | null;
  in_audit: Flag;
  created_at: string;
  updated_at: string;
}
export interface StandardVersionsTable {
  id: string;
  standard_id: string;
  version: number;
  title: string;
  level: 'must' | 'should';
  body: string;
  by_when: string;
  why_child: string;
  source_kind: string;
  source_detail: string;
  timescale_days: number | null;
  /** JSON: ids of related standards. */
  related: string;
  /** JSON: [{ text, href }]. */
  links: string;
  summary: string;
  reason: string;
  major: Flag;
  review_on: string;
  owner_id: string;
  created_at: string;
  created_by_name: string;
  /** The lesson this version answers (its title when the change was made), if it answers one. */
  lesson_title?: string | null;
}
export interface StandardAckTargetsTable {
  id: string;
  standard_id: string;
  kind: 'role' | 'service' | 'team';
  target: string;
  due_on: string;
  created_at: string;
}
export interface StandardAcksTable {
  standard_id: string;
  staff_id: string;
  version: number;
  acknowledged_at: string;
}
export interface CaseAuditsTable {
  id: string;
  child_id: string;
  team_id: string | null;
  worker_id: string | null;
  auditor_id: string;
  audited_on: string;
  grade: string;
  done_well: string;
  must_change: string;
  moderator_id: string | null;
  moderated_grade: string | null;
  moderation_reason: string | null;
  moderated_at: string | null;
  lesson_id: string | null;
  created_at: string;
}
export interface CaseAuditAnswersTable {
  audit_id: string;
  standard_id: string;
  standard_version: number;
  answer: 'met' | 'partly' | 'not-met' | 'na';
  evidence: string;
}
export interface CaseAuditResponsesTable {
  id: string;
  audit_id: string;
  staff_id: string;
  response: string;
  created_at: string;
}

declare module '../platform/db/schema.ts' {
  interface Database {
    standards: StandardsTable;
    standard_versions: StandardVersionsTable;
    standard_ack_targets: StandardAckTargetsTable;
    standard_acks: StandardAcksTable;
    case_audits: CaseAuditsTable;
    case_audit_answers: CaseAuditAnswersTable;
    case_audit_responses: CaseAuditResponsesTable;
  }
}
