import type { Flag } from '../platform/db/schema.ts';

// Complaints, compliments and the learning loop (src/complaints).
export interface ComplaintsTable {
  id: string;
  reference: string;
  received_on: string;
  received_how: string;
  complainant_name: string;
  complainant_relationship: string;
  advocate_offered: Flag;
  /** The child in the children's records, or null when they are not in them or not known. */
  child_id: string | null;
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

declare module '../platform/db/schema.ts' {
  interface Database {
    complaints: ComplaintsTable;
    complaint_workers: ComplaintWorkersTable;
    complaint_events: ComplaintEventsTable;
    complaint_contacts: ComplaintContactsTable;
    complaint_documents: ComplaintDocumentsTable;
    lesson_sources: LessonSourcesTable;
    lesson_items: LessonItemsTable;
    lesson_actions: LessonActionsTable;
  }
}
