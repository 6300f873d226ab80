import type { Config } from '../config.ts';
import { type Actor, recordAudit } from '../platform/audit/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, DbOrTrx } from '../platform/db/db.ts';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { newId } from '../platform/ids.ts';
import { can, ForbiddenError } from '../platform/policy/policy.ts';
import type { Principal } from '../platform/policy/roles.ts';
import {
  articlesOf,
  deleteArticle,
  editionOfMonth,
  findEdition,
  indexEdition,
  insertArticle,
  insertEdition,
  isEditorRow,
  nextPosition,
  updateArticle,
  updateEdition,
} from './editions.repo.ts';
import { type Distribution, defaultTrainingPeriod, editionTitle } from './editions.rules.ts';
import { discardImageFiles } from './image-files.ts';
import { deleteIfUnused } from './images.repo.ts';
import { articleText } from './markdown.ts';

export interface Ctx {
  db: Db;
  clock: Clock;
}

/** The PSW (whoever the policy lets choose editors) and the people she has made editors. */
export async function isEditor(db: DbOrTrx, user: Principal) {
  return can(user, 'bulletin:editors') || (await isEditorRow(db, user.id));
}

export async function assertEditor(db: DbOrTrx, user: Principal) {
  if (!(await isEditor(db, user))) throw new ForbiddenError('bulletin:edit');
}

export async function editionOrThrow(db: DbOrTrx, id: string) {
  const e = await findEdition(db, id);
  if (!e) throw new NotFoundError('edition');
  return e;
}

/** Keeps the search index in step with the edition's words. */
export async function reindex(db: DbOrTrx, editionId: string) {
  const e = await editionOrThrow(db, editionId);
  const articles = await articlesOf(db, editionId);
  const body = [e.welcome, ...articles.map((a) => `${a.title}. ${articleText(a.body)}`), e.sign_off].join(
    '\n',
  );
  await indexEdition(db, editionId, editionTitle(e.month), body);
}

export async function createEdition(
  { db, clock }: Ctx,
  actor: Actor,
  user: Principal,
  input: { month: string; welcome: string; signOff: string },
) {
  return db.transaction().execute(async (trx) => {
    await assertEditor(trx, user);
    if (await editionOfMonth(trx, input.month))
      throw new UserInputError(`There is already an edition for that month`, 'month');
    const id = newId();
    const now = clock.now().toISOString();
    const period = defaultTrainingPeriod(input.month);
    await insertEdition(trx, {
      id,
      month: input.month,
      welcome: input.welcome,
      sign_off: input.signOff,
      status: 'draft',
      training_from: period.from,
      training_to: period.to,
      distribution: JSON.stringify({ kind: 'everyone' }),
      scheduled_for: null,
      published_at: null,
      sent_record: null,
      correction_note: null,
      corrected_at: null,
      created_by: user.id,
      created_at: now,
      updated_at: now,
    });
    await reindex(trx, id);
    await recordAudit(trx, clock, actor, {
      action: 'create',
      recordType: 'bulletin-edition',
      recordId: id,
      summary: `Started the ${editionTitle(input.month)}`,
    });
    return id;
  });
}

export async function saveEditionDetails(
  { db, clock }: Ctx,
  actor: Actor,
  user: Principal,
  id: string,
  input: {
    welcome: string;
    signOff: string;
    trainingFrom: string;
    trainingTo: string;
    distribution: Distribution;
  },
) {
  if (input.trainingTo < input.trainingFrom)
    throw new UserInputError(
      'The last day of the training list must not be before its first day',
      'trainingTo',
    );
  await db.transaction().execute(async (trx) => {
    await assertEditor(trx, user);
    const e = await editionOrThrow(trx, id);
    if (e.status === 'published')
      throw new UserInputError('The edition has been published: correct an article instead, with a note');
    await updateEdition(trx, id, {
      welcome: input.welcome,
      sign_off: input.signOff,
      training_from: input.trainingFrom,
      training_to: input.trainingTo,
      distribution: JSON.stringify(input.distribution),
      updated_at: clock.now().toISOString(),
    });
    await reindex(trx, id);
    await recordAudit(trx, clock, actor, {
      action: 'update',
      recordType: 'bulletin-edition',
      recordId: id,
      summary: `Changed the welcome, sign-off, training period or distribution of the ${editionTitle(e.month)}`,
    });
  });
}

export interface ArticleInput {
  kind: 'article' | 'pull-quote';
  title: string;
  body: string;
  mustRead: boolean;
  credit?: string | null;
  /** A contribution's image, which comes with it. */
  image?: { id: string; alt: string; caption: string | null } | null;
}

export async function addArticle(trx: DbOrTrx, clock: Clock, editionId: string, a: ArticleInput) {
  const id = newId();
  const now = clock.now().toISOString();
  await insertArticle(trx, {
    id,
    edition_id: editionId,
    position: await nextPosition(trx, editionId),
    kind: a.kind,
    title: a.title,
    body: a.body,
    must_read: a.mustRead ? 1 : 0,
    credit: a.credit ?? null,
    image_id: a.image?.id ?? null,
    image_alt: a.image?.alt ?? null,
    image_caption: a.image?.caption ?? null,
    created_at: now,
    updated_at: now,
  });
  await reindex(trx, editionId);
  return id;
}

export async function addArticleAsEditor(
  { db, clock }: Ctx,
  actor: Actor,
  user: Principal,
  editionId: string,
  a: ArticleInput,
) {
  return db.transaction().execute(async (trx) => {
    await assertEditor(trx, user);
    const e = await editionOrThrow(trx, editionId);
    if (e.status === 'published')
      throw new UserInputError('The edition has been published: it can be corrected, not added to', 'title');
    const id = await addArticle(trx, clock, editionId, a);
    await recordAudit(trx, clock, actor, {
      action: 'create',
      recordType: 'bulletin-article',
      recordId: id,
      summary: `Added “${a.title}” to the ${editionTitle(e.month)}`,
    });
    return id;
  });
}

export const CORRECTION_NEEDED = 'Say what was corrected: readers see the note on the edition';

/**
 * After publishing, a change to an article needs a note saying what was
 * corrected: it is shown on the edition, and the version that was sent stays
 * in the record. Before publishing nothing is noted.
 */
export async function noteCorrection(
  trx: DbOrTrx,
  e: { id: string; status: string },
  correction: string | undefined,
  now: string,
) {
  if (e.status !== 'published') return;
  if (!correction?.trim()) throw new UserInputError(CORRECTION_NEEDED, 'correction');
  await updateEdition(trx, e.id, { correction_note: correction.trim(), corrected_at: now, updated_at: now });
}

/** Changes an article; after publishing, with a note of what was corrected (noteCorrection). */
export async function changeArticle(
  { db, clock }: Ctx,
  actor: Actor,
  user: Principal,
  editionId: string,
  articleId: string,
  a: { title: string; body: string; mustRead: boolean; correction: string },
) {
  await db.transaction().execute(async (trx) => {
    await assertEditor(trx, user);
    const e = await editionOrThrow(trx, editionId);
    const now = clock.now().toISOString();
    await noteCorrection(trx, e, a.correction, now);
    const r = await updateArticle(trx, articleId, editionId, {
      title: a.title,
      body: a.body,
      must_read: a.mustRead ? 1 : 0,
      updated_at: now,
    });
    if (Number(r.numUpdatedRows) !== 1) throw new NotFoundError('article');
    await reindex(trx, editionId);
    await recordAudit(trx, clock, actor, {
      action: 'update',
      recordType: 'bulletin-article',
      recordId: articleId,
      summary:
        e.status === 'published' ? `Corrected “${a.title}”: ${a.correction.trim()}` : `Changed “${a.title}”`,
    });
  });
}

/** Removes an article of an edition not yet published, and its image's file when nothing else uses it. */
export async function removeArticle(
  { db, clock, config }: Ctx & { config: Config },
  actor: Actor,
  user: Principal,
  editionId: string,
  articleId: string,
) {
  const unused = await db.transaction().execute(async (trx) => {
    await assertEditor(trx, user);
    const e = await editionOrThrow(trx, editionId);
    if (e.status === 'published')
      throw new UserInputError('Articles of a published edition can be corrected, not removed');
    const image = (await articlesOf(trx, editionId)).find((a) => a.id === articleId)?.image_id;
    const r = await deleteArticle(trx, articleId, editionId);
    if (Number(r.numDeletedRows) !== 1) throw new NotFoundError('article');
    const gone = image ? await deleteIfUnused(trx, image) : null;
    await reindex(trx, editionId);
    await recordAudit(trx, clock, actor, {
      action: 'delete',
      recordType: 'bulletin-article',
      recordId: articleId,
      summary: `Removed an article from the ${editionTitle(e.month)}`,
    });
    return gone ? [gone] : [];
  });
  await discardImageFiles(config.dataDir, unused);
}
