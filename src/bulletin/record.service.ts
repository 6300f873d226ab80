import type { DbOrTrx } from '../platform/db/db.ts';
import { articlesOf, updateEdition } from './editions.repo.ts';
import { editionOrThrow } from './editions.service.ts';
import { recordSentImages } from './images.repo.ts';
import { imageOfRow, type SentRecord } from './record.ts';
import { liveSections } from './sections.service.ts';

/** The edition as it stands now, as the record to send. */
export async function recordNow(db: DbOrTrx, editionId: string, now: Date): Promise<SentRecord> {
  const e = await editionOrThrow(db, editionId);
  const articles = await articlesOf(db, editionId);
  return {
    month: e.month,
    welcome: e.welcome,
    signOff: e.sign_off,
    articles: articles.map((a) => ({
      id: a.id,
      kind: a.kind,
      title: a.title,
      body: a.body,
      mustRead: a.must_read === 1,
      credit: a.credit,
      image: imageOfRow(a),
    })),
    sections: await liveSections(db, e, now),
    sentAt: now.toISOString(),
  };
}

/**
 * Publishes the edition with its record, in the caller's transaction: the
 * record is frozen, and the images it carries are noted as sent, so removing
 * one from the edition later never removes the file the record shows.
 */
export async function freezeEdition(trx: DbOrTrx, editionId: string, record: SentRecord, at: Date) {
  const iso = at.toISOString();
  await updateEdition(trx, editionId, {
    status: 'published',
    published_at: iso,
    sent_record: JSON.stringify(record),
    updated_at: iso,
  });
  await recordSentImages(
    trx,
    editionId,
    record.articles.flatMap((a) => (a.image ? [a.image.id] : [])),
  );
}
