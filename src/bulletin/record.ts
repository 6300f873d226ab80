import type { GeneratedSections } from './sections.service.ts';

/** An article's image as the edition carries it: the stored image, and the words it has there. */
export interface ArticleImage {
  id: string;
  alt: string;
  caption: string | null;
  width: number;
  height: number;
}

/** The image of an article row read with its image's size (`articlesOf`), or null. */
export function imageOfRow(a: {
  image_id: string | null;
  image_alt: string | null;
  image_caption: string | null;
  image_width: number | null;
  image_height: number | null;
}): ArticleImage | null {
  if (!a.image_id || a.image_width === null || a.image_height === null) return null;
  return {
    id: a.image_id,
    alt: a.image_alt ?? '',
    caption: a.image_caption || null,
    width: Number(a.image_width),
    height: Number(a.image_height),
  };
}

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
    /** Absent in records sent before articles had images. */
    image?: ArticleImage | null;
  }[];
  sections: GeneratedSections;
  sentAt: string;
}

export const parseRecord = (json: string | null): SentRecord | null =>
  json ? (JSON.parse(json) as SentRecord) : null;
