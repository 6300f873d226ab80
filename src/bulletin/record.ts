import type { GeneratedSections } from './sections.service.ts';

/**
 * The edition as it was sent: its words and its generated sections at that
 * moment. Stored as JSON on the edition when it is published and never
 * changed afterwards, so a correction does not rewrite what people received.
 */
export interface SentRecord {
  month: string;
  welcome: string;
  signOff: string;
  articles: {
    id: string;
    kind: 'article' | 'pull-quote';
    title: string;
    body: string;
    mustRead: boolean;
    credit: string | null;
  }[];
  sections: GeneratedSections;
  sentAt: string;
}

export const parseRecord = (json: string | null): SentRecord | null =>
  json ? (JSON.parse(json) as SentRecord) : null;
