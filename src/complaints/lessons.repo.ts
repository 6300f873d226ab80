import type { DbOrTrx } from '../platform/db/db.ts';
import type { Database } from '../platform/db/schema.ts';
import { whereInScope } from '../platform/db/scope.ts';
import type { ListScope } from '../platform/policy/policy.ts';
import type { LessonActionsTable, LessonItemsTable } from './schema.ts';

/** A lesson item (a learning point or recommendation) with the team and service it concerns (for the policy) and its source. */
export const findItem = (db: DbOrTrx, id: string) =>
  db
    .selectFrom('lesson_items')
    .leftJoin('teams', 'teams.id', 'lesson_items.team_id')
    .leftJoin('complaints', 'complaints.id', 'lesson_items.complaint_id')
    .leftJoin('lesson_sources', 'lesson_sources.id', 'lesson_items.source_id')
    .selectAll('lesson_items')
    .select([
      'teams.name as team_name',
      'teams.service_id as service_id',
      'complaints.reference as complaint_reference',
      'complaints.child_name as child_name',
      'complaints.complainant_name as complainant_name',
      'lesson_sources.title as source_title',
      'lesson_sources.kind as source_kind',
    ])
    .where('lesson_items.id', '=', id)
    .executeTakeFirst();
export type ItemRow = NonNullable<Awaited<ReturnType<typeof findItem>>>;

export const itemActions = (db: DbOrTrx, itemId: string) =>
  db
    .selectFrom('lesson_actions')
    .innerJoin('staff', 'staff.id', 'lesson_actions.owner_id')
    .leftJoin('complaint_documents', 'complaint_documents.id', 'lesson_actions.evidence_document_id')
    .selectAll('lesson_actions')
    .select(['staff.name as owner_name', 'complaint_documents.original_name as evidence_file'])
    .where('item_id', '=', itemId)
    .orderBy('lesson_actions.due_on')
    .orderBy('lesson_actions.created_at')
    .execute();

export const findAction = (db: DbOrTrx, id: string) =>
  db
    .selectFrom('lesson_actions')
    .innerJoin('lesson_items', 'lesson_items.id', 'lesson_actions.item_id')
    .leftJoin('teams', 'teams.id', 'lesson_items.team_id')
    .selectAll('lesson_actions')
    .select(['lesson_items.title as item_title', 'lesson_items.team_id', 'teams.service_id as service_id'])
    .where('lesson_actions.id', '=', id)
    .executeTakeFirst();

/** The lesson items a person may list (their `listScope`), filtered by loop status or complaint. */
export async function listItems(
  db: DbOrTrx,
  scope: ListScope,
  f: { status?: 'open' | 'closed'; complaintId?: string },
) {
  let q = db
    .selectFrom('lesson_items')
    .leftJoin('teams', 'teams.id', 'lesson_items.team_id')
    .leftJoin('complaints', 'complaints.id', 'lesson_items.complaint_id')
    .leftJoin('lesson_sources', 'lesson_sources.id', 'lesson_items.source_id')
    .select([
      'lesson_items.id',
      'lesson_items.title',
      'lesson_items.kind',
      'lesson_items.theme',
      'lesson_items.raised_on',
      'lesson_items.closed_on',
      'lesson_items.publish',
      'teams.name as team_name',
      'complaints.reference as complaint_reference',
      'lesson_sources.kind as source_kind',
      (eb) =>
        eb
          .selectFrom('lesson_actions')
          .select((x) => x.fn.countAll<number>().as('n'))
          .whereRef('lesson_actions.item_id', '=', 'lesson_items.id')
          .as('actions'),
      (eb) =>
        eb
          .selectFrom('lesson_actions')
          .select((x) => x.fn.countAll<number>().as('n'))
          .whereRef('lesson_actions.item_id', '=', 'lesson_items.id')
          .where('lesson_actions.evidence_on', 'is not', null)
          .as('evidenced'),
    ])
    .where(
      whereInScope<Database, 'lesson_items' | 'teams' | 'complaints' | 'lesson_sources'>(scope, {
        team: 'lesson_items.team_id',
        service: 'teams.service_id',
      }),
    );
  if (f.status === 'open') q = q.where('lesson_items.closed_on', 'is', null);
  if (f.status === 'closed') q = q.where('lesson_items.closed_on', 'is not', null);
  if (f.complaintId) q = q.where('lesson_items.complaint_id', '=', f.complaintId);
  return q.orderBy('lesson_items.raised_on', 'desc').limit(500).execute();
}

/** What everyone may read: the anonymised summaries marked for publication. */
export const publishedLessons = (db: DbOrTrx) =>
  db
    .selectFrom('lesson_items')
    .select(['id', 'title', 'theme', 'kind', 'published_summary', 'raised_on', 'closed_on'])
    .where('publish', '=', 1)
    .orderBy('raised_on', 'desc')
    .execute();

/** Actions waiting for evidence that this person owns. */
export const actionsOwnedBy = (db: DbOrTrx, ownerId: string) =>
  db
    .selectFrom('lesson_actions')
    .innerJoin('lesson_items', 'lesson_items.id', 'lesson_actions.item_id')
    .select([
      'lesson_actions.id',
      'lesson_actions.description',
      'lesson_actions.due_on',
      'lesson_items.title as item_title',
    ])
    .where('owner_id', '=', ownerId)
    .where('evidence_on', 'is', null)
    .orderBy('due_on')
    .execute();

/** Every action still waiting for evidence, on a lesson not yet closed (for those who may add evidence to any). */
export const actionsAwaitingEvidence = (db: DbOrTrx) =>
  db
    .selectFrom('lesson_actions')
    .innerJoin('lesson_items', 'lesson_items.id', 'lesson_actions.item_id')
    .select([
      'lesson_actions.id',
      'lesson_actions.description',
      'lesson_actions.due_on',
      'lesson_actions.owner_id',
      'lesson_items.title as item_title',
    ])
    .where('evidence_on', 'is', null)
    .where('lesson_items.closed_on', 'is', null)
    .orderBy('due_on')
    .execute();

export const insertItem = (db: DbOrTrx, row: LessonItemsTable) =>
  db.insertInto('lesson_items').values(row).execute();

export const insertAction = (db: DbOrTrx, row: LessonActionsTable) =>
  db.insertInto('lesson_actions').values(row).execute();

export const reopenItem = (db: DbOrTrx, id: string) =>
  db.updateTable('lesson_items').set({ closed_on: null }).where('id', '=', id).execute();

/** Closes the loop unless it is already closed; false if it was. */
export async function closeItem(db: DbOrTrx, id: string, on: string) {
  const updated = await db
    .updateTable('lesson_items')
    .set({ closed_on: on })
    .where('id', '=', id)
    .where('closed_on', 'is', null)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

export const setItemPublication = (db: DbOrTrx, id: string, publish: boolean, summary: string) =>
  db
    .updateTable('lesson_items')
    .set({ publish: publish ? 1 : 0, published_summary: summary })
    .where('id', '=', id)
    .execute();

export const setActionEvidence = (
  db: DbOrTrx,
  id: string,
  e: Pick<
    LessonActionsTable,
    'evidence_text' | 'evidence_link' | 'evidence_document_id' | 'evidence_on' | 'evidence_by'
  >,
) => db.updateTable('lesson_actions').set(e).where('id', '=', id).execute();

/** How many items have their loop open and closed. */
export async function loopCounts(db: DbOrTrx) {
  const rows = await db
    .selectFrom('lesson_items')
    .select(['closed_on', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('closed_on')
    .execute();
  const sum = (closed: boolean) =>
    rows.filter((r) => !!r.closed_on === closed).reduce((a, r) => a + Number(r.n), 0);
  return { open: sum(false), closed: sum(true) };
}
