import { londonDay } from '../platform/calendar/days.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db/db.ts';
import { NotFoundError } from '../platform/http/errors.ts';
import type { Principal } from '../platform/policy/roles.ts';
import { articlesOf, editorsList } from './editions.repo.ts';
import { parseDistribution } from './editions.rules.ts';
import { assertEditor, editionOrThrow } from './editions.service.ts';
import { distributionChoices, recipientsOf } from './recipients.repo.ts';

/** What the editor's page of an edition shows. */
export async function editorPage(db: Db, clock: Clock, user: Principal, id: string) {
  await assertEditor(db, user);
  const edition = await editionOrThrow(db, id);
  const [articles, choices, recipients] = await Promise.all([
    articlesOf(db, id),
    distributionChoices(db),
    recipientsOf(db, parseDistribution(edition.distribution), londonDay(clock.now())),
  ]);
  return { edition, articles, choices, recipients: recipients.length };
}

export async function articlePage(db: Db, user: Principal, id: string, articleId: string) {
  await assertEditor(db, user);
  const edition = await editionOrThrow(db, id);
  const article = (await articlesOf(db, id)).find((a) => a.id === articleId);
  if (!article) throw new NotFoundError('article');
  return { edition, article };
}

export const editorsPage = (db: Db) => editorsList(db);

/** For someone who is not an editor: who the editors are, and how to contribute instead. */
export async function notEditorPage(db: Db, what: string) {
  const editors = await editorsList(db);
  return {
    title: `Only the bulletin’s editors can ${what}`,
    editors: editors.map((e) => e.name),
  };
}
