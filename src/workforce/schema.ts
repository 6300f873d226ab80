import type { Flag } from '../platform/db/schema.ts';

export interface WfListTable {
  id: string;
  label: string;
  position: number;
  active: Flag;
  created_at: string;
}

export interface WfDelegatesTable {
  staff_id: string;
  added_by: string | null;
  added_at: string;
}

export interface WfSettingsTable {
  id: string;
  /** The smallest group of leavers any breakdown, chart, table or download may show. */
  min_group: number;
  /** Months after leaving before an interview is reduced to its coded answers. */
  retention_months: number;
  /** How many days a self-service link works. */
  link_days: number;
  updated_at: string;
}

export interface WfInterviewsTable {
  id: string;
  staff_id: string;
  leaving_on: string;
  job_title: string;
  team_id: string | null;
  team_name: string;
  service_id: string | null;
  service_name: string;
  is_agency: Flag;
  started_on: string | null;
  destination: string;
  main_reason_id: string | null;
  rating_supervision: number | null;
  rating_caseload: number | null;
  rating_training: number | null;
  rating_practice_model: number | null;
  rating_children_at_heart: number | null;
  would_have_stayed: string;
  free_text: string;
  consent_to_quote: Flag;
  /** The words the PSW has anonymised for quoting; only with consent. */
  quote: string | null;
  source: 'psw' | 'self';
  status: 'complete' | 'awaiting-review';
  recorded_by: string | null;
  created_at: string;
  updated_at: string;
  /** When the retention job removed the words, keeping the coded answers. */
  reduced_at: string | null;
}

export interface WfInterviewReasonsTable {
  interview_id: string;
  reason_id: string;
}

export interface WfInterviewThemesTable {
  interview_id: string;
  theme_id: string;
}

export interface WfLinksTable {
  id: string;
  staff_id: string;
  leaving_on: string;
  /** SHA-256 of the token in the link; the token itself is only in the message. */
  token_hash: string;
  sent_to: string;
  expires_at: string;
  used_at: string | null;
  created_by: string | null;
  created_at: string;
}

declare module '../platform/db/schema.ts' {
  interface Database {
    wf_reasons: WfListTable;
    wf_themes: WfListTable;
    wf_delegates: WfDelegatesTable;
    wf_settings: WfSettingsTable;
    wf_interviews: WfInterviewsTable;
    wf_interview_reasons: WfInterviewReasonsTable;
    wf_interview_themes: WfInterviewThemesTable;
    wf_links: WfLinksTable;
  }
}
