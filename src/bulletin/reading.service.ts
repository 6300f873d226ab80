import type { Config } from '../config.ts';
import { type Actor, recordAudit } from '../platform/audit/audit.ts';
import type { DbOrTrx } from '../platform/db/db.ts';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { composeMessage, mailLayout } from '../platform/mail/message.ts';
import { enqueueMail } from '../platform/mail/outbox.ts';
import { can, ForbiddenError, listScope } from '../platform/policy/policy.ts';
import type { Principal } from '../platform/policy/roles.ts';
import { deepFreeze } from '../platform/views/kept.ts';
import { ViewCache } from '../platform/views/view-cache.ts';
import {
  type ArticleRow,
  articlesOf,
  type EditionHead,
  findEditionHead,
  listEditions,
  searchEditions,
} from './editions.repo.ts';
import { editionTitle } from './editions.rules.ts';
import { type Ctx, editionOrThrow, isEditor } from './editions.service.ts';
import {
  feedbackOfEdition,
  insertConfirmation,
  notConfirmed,
  readerStateOf,
  readsByTeam,
  recordRead,
  upsertFeedback,
  upsertVote,
  votesOfEdition,
} from './reading.repo.ts';
import { mustReadReminder } from './reminder.presenter.ts';
import { forYou, liveSectionsForReaders, READERS_STAMPS } from './sections.service.ts';

/** The archive (drafts too for editors), or the editions matching the words typed. */
export async function archive(db: Ctx['db'], user: Principal, q: string) {
  const editor = await isEditor(db, user);
  const all = await listEditions(db, editor);
  const words = q
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .slice(0, 10);
  if (!words.length) return { editions: all, editor, searched: false };
  const found = await searchEditions(db, words);
  const byId = new Map(all.map((e) => [e.id, e]));
  return { editions: found.flatMap((id) => byId.get(id) ?? []), editor, searched: true };
}

/**
 * The reads this process has counted, per database: a read is counted once, so writing it again
 * (a write on every view of a long page) would change nothing. At most 100,000 are remembered.
 */
const counted = new WeakMap<object, Set<string>>();
const countedReads = (db: object) => {
  const seen = counted.get(db) ?? new Set<string>();
  counted.set(db, seen);
  if (seen.size >= 100_000) seen.clear();
  return seen;
};

const keptEditions = new WeakMap<DbOrTrx, ViewCache<StoredEdition>>();
interface StoredEdition {
  head: EditionHead | undefined;
  articles: readonly ArticleRow[];
}

/**
 * An edition and its articles as stored, kept between readers until the bulletin's change stamp
 * moves (any change to an edition, an article or an image, in any process) and frozen, so the
 * presenter and the page's kept parts can keep what they make of them too.
 */
function editionAsStored(db: DbOrTrx, id: string, stamp: string): Promise<StoredEdition> {
  const cache = keptEditions.get(db) ?? new ViewCache<StoredEdition>(50);
  keptEditions.set(db, cache);
  return cache.get(id, stamp, async () => {
    const [head, articles] = await Promise.all([findEditionHead(db, id), articlesOf(db, id)]);
    return deepFreeze({ head, articles });
  });
}

/**
 * One edition for one reader: its articles, the sections built live, what
 * applies to them; a signed-in read of a published edition is counted once.
 * Drafts and scheduled editions are for editors only.
 */
export async function readEdition({ db, clock }: Ctx, user: Principal, id: string) {
  const state = await readerStateOf(db, id, user.id, READERS_STAMPS);
  const { stamp } = state;
  const { head: e, articles } = await editionAsStored(db, id, stamp);
  if (!e) throw new NotFoundError('edition');
  // As isEditor decides, from the row read with the reader's own state.
  const editor = can(user, 'bulletin:editors') || state.editorRow;
  if (e.status !== 'published' && !editor) throw new NotFoundError('edition');
  const now = clock.now();
  const sections = await liveSectionsForReaders(db, e, now, stamp);
  const mine = await forYou(db, user, sections.training, sections.focus?.title ?? null, now);
  const reads = countedReads(db);
  const read = `${id} ${user.id}`;
  if (e.status === 'published' && !reads.has(read)) {
    await recordRead(db, {
      editionId: id,
      staffId: user.id,
      teamId: user.teamId,
      serviceId: user.serviceId,
      at: now.toISOString(),
    });
    reads.add(read);
  }
  return {
    edition: e,
    articles,
    sections,
    forYou: mine,
    confirmed: state.confirmed,
    votes: state.votes,
    feedback: state.feedback,
    editor,
    isManager: can(user, 'learning:managers-courses'),
  };
}

async function publishedArticle(db: DbOrTrx, editionId: string, articleId: string) {
  const e = await editionOrThrow(db, editionId);
  if (e.status !== 'published') throw new UserInputError('The edition has not been published yet');
  const a = (await articlesOf(db, editionId)).find((x) => x.id === articleId);
  if (!a) throw new NotFoundError('article');
  return { e, a };
}

export async function confirmRead({ db, clock }: Ctx, user: Principal, editionId: string, articleId: string) {
  const { a } = await publishedArticle(db, editionId, articleId);
  if (a.must_read !== 1) throw new UserInputError('That article is not a must-read');
  await insertConfirmation(db, articleId, user.id, clock.now().toISOString());
  return a.title;
}

export async function voteUseful(
  { db, clock }: Ctx,
  user: Principal,
  editionId: string,
  articleId: string,
  useful: boolean,
) {
  const { a } = await publishedArticle(db, editionId, articleId);
  await upsertVote(db, {
    article_id: a.id,
    staff_id: user.id,
    useful: useful ? 1 : 0,
    created_at: clock.now().toISOString(),
  });
  return a.title;
}

export async function giveFeedback(
  { db, clock }: Ctx,
  user: Principal,
  editionId: string,
  input: { rating: number; wish: string },
) {
  const e = await editionOrThrow(db, editionId);
  if (e.status !== 'published') throw new UserInputError('The edition has not been published yet', 'rating');
  await upsertFeedback(db, {
    edition_id: editionId,
    staff_id: user.id,
    rating: input.rating,
    wish: input.wish,
    created_at: clock.now().toISOString(),
  });
}

/** Teams' reads for the PSW (every team) or a manager (their team or service), and the edition's feedback for editors. */
export async function readership(db: Ctx['db'], user: Principal, editionId: string) {
  const scope = listScope(user, 'bulletin:reads');
  if (scope.kind === 'none') throw new ForbiddenError('bulletin:reads');
  const e = await editionOrThrow(db, editionId);
  const teams = (await readsByTeam(db, editionId)).filter((t) =>
    scope.kind === 'all'
      ? true
      : scope.kind === 'service'
        ? t.service_id === user.serviceId
        : t.id === user.teamId,
  );
  const editor = await isEditor(db, user);
  const articles = await articlesOf(db, editionId);
  const mustRead = articles.filter((a) => a.must_read === 1);
  const where =
    scope.kind === 'all'
      ? {}
      : scope.kind === 'service'
        ? { serviceId: user.serviceId ?? '-' }
        : { teamId: user.teamId ?? '-' };
  // Names of who has not confirmed go only to managers, for their own people.
  const missing =
    scope.kind === 'all'
      ? []
      : await Promise.all(
          mustRead.map(async (a) => ({ article: a, people: await notConfirmed(db, a.id, where) })),
        );
  return {
    edition: e,
    teams,
    missing,
    feedback: editor ? await feedbackOfEdition(db, editionId) : null,
    votes: editor ? await votesOfEdition(db, editionId) : null,
  };
}

/** Reminds the manager's people who have not confirmed a must-read, through the outbox. */
export async function remindMustRead(
  { db, clock, config }: Ctx & { config: Config },
  actor: Actor,
  user: Principal,
  editionId: string,
  articleId: string,
) {
  return db.transaction().execute(async (trx) => {
    const scope = listScope(user, 'bulletin:reads');
    if (scope.kind === 'none' || scope.kind === 'all' || scope.kind === 'own')
      throw new ForbiddenError('bulletin:reads');
    const { e, a } = await publishedArticle(trx, editionId, articleId);
    if (a.must_read !== 1) throw new UserInputError('That article is not a must-read');
    const where =
      scope.kind === 'service' ? { serviceId: user.serviceId ?? '-' } : { teamId: user.teamId ?? '-' };
    const people = await notConfirmed(trx, articleId, where);
    if (!people.length) throw new UserInputError('Everyone in your team has confirmed they have read it');
    for (const p of people)
      await enqueueMail(
        trx,
        clock,
        await composeMessage(
          mustReadReminder(p, a.title, editionTitle(e.month), editionId, user.name),
          mailLayout(config),
        ),
      );
    await recordAudit(trx, clock, actor, {
      action: 'update',
      recordType: 'bulletin-article',
      recordId: articleId,
      summary: `Reminded ${people.length} people to read “${a.title}”`,
    });
    return people.length;
  });
}
