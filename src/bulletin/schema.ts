import type { Flag } from '../platform/db/schema.ts';

// The Practice and Learning Bulletin (issue 12).
export type EditionStatus = 'draft' | 'scheduled' | 'published';
export interface BulletinEditionsTable {
  id: string;
  month: string;
  welcome: string;
  sign_off: string;
  status: EditionStatus;
  training_from: string;
  training_to: string;
  distribution: string;
  scheduled_for: string | null;
  published_at: string | null;
  sent_record: string | null;
  correction_note: string | null;
  corrected_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}
export interface BulletinArticlesTable {
  id: string;
  edition_id: string;
  position: number;
  kind: 'article' | 'pull-quote';
  title: string;
  body: string;
  must_read: Flag;
  credit: string | null;
  image_id: string | null;
  image_alt: string | null;
  image_caption: string | null;
  created_at: string;
  updated_at: string;
}
export interface BulletinEditorsTable {
  staff_id: string;
  added_by: string;
  added_at: string;
}
export type ContributionState = 'submitted' | 'accepted' | 'changes-asked' | 'declined';
export interface BulletinContributionsTable {
  id: string;
  staff_id: string;
  title: string;
  body: string;
  state: ContributionState;
  editor_note: string | null;
  article_id: string | null;
  image_id: string | null;
  image_alt: string | null;
  image_caption: string | null;
  created_at: string;
  updated_at: string;
}
/** A stored image file (never changed: a new image is a new row); its alt text lives where it is used. */
export interface BulletinImagesTable {
  id: string;
  stored_name: string;
  content_type: string;
  size_bytes: number;
  width: number;
  height: number;
  original_name: string;
  uploaded_by: string;
  uploaded_at: string;
}
/** The images a published edition carried when it was sent. */
export interface BulletinSentImagesTable {
  edition_id: string;
  image_id: string;
}
export interface BulletinDeliveriesTable {
  edition_id: string;
  staff_id: string;
  outbox_id: string;
  queued_at: string;
}
export interface BulletinReadsTable {
  edition_id: string;
  staff_id: string;
  team_id: string | null;
  service_id: string | null;
  read_at: string;
}
export interface BulletinConfirmationsTable {
  article_id: string;
  staff_id: string;
  confirmed_at: string;
}
export interface BulletinFeedbackTable {
  edition_id: string;
  staff_id: string;
  rating: number;
  wish: string;
  created_at: string;
}
export interface BulletinArticleVotesTable {
  article_id: string;
  staff_id: string;
  useful: Flag;
  created_at: string;
}

declare module '../platform/db/schema.ts' {
  interface Database {
    bulletin_editions: BulletinEditionsTable;
    bulletin_articles: BulletinArticlesTable;
    bulletin_editors: BulletinEditorsTable;
    bulletin_contributions: BulletinContributionsTable;
    bulletin_deliveries: BulletinDeliveriesTable;
    bulletin_reads: BulletinReadsTable;
    bulletin_confirmations: BulletinConfirmationsTable;
    bulletin_feedback: BulletinFeedbackTable;
    bulletin_article_votes: BulletinArticleVotesTable;
    bulletin_images: BulletinImagesTable;
    bulletin_sent_images: BulletinSentImagesTable;
  }
}
