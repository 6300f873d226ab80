import type { DbOrTrx } from '../platform/db/db.ts';
import type { Visibility } from './scope.ts';

/** A learning item with the team and service it concerns (for the policy) and its source. */
export const findItem = (db: DbOrTrx, id: string) =>
  db
    .selectFrom('learning_items')
    .leftJoin('teams', 'teams.id', 'learning_items.team_id')
    .leftJoin('complaints', 'complaints.id', 'learning_items.complaint_id')
    .leftJoin('learning_sources', 'learning_sources.id', 'learning_items.source_id')
    .selectAll('learning_items')
    .select([
      'teams.name as team_name',
      'teams.service_id as service_id',
      'complaints.reference as complaint_reference',
      'complaints.child_name as child_name',
      'complaints.complainant_name as complainant_name',
      'learning_sources.title as source_title',
      'learning_sources.kind as source_kind',
    ])
    .where('learning_items.id', '=', id)
    .executeTakeFirst();
export type ItemRow = NonNullable<Awaited<ReturnType<typeof findItem>>>;

export const itemActions = (db: DbOrTrx, itemId: string) =>
  db
    .selectFrom('learning_actions')
    .innerJoin('staff', 'staff.id', 'learning_actions.owner_id')
    .leftJoin('complaint_documents', 'complaint_documents.id', 'learning_actions.evidence_document_id')
    .selectAll('learning_actions')
    .select(['staff.name as owner_name', 'complaint_documents.original_name as evidence_file'])
    .where('item_id', '=', itemId)
    .orderBy('learning_actions.due_on')
    .orderBy('learning_actions.created_at')
    .execute();

export const findAction = (db: DbOrTrx, id: string) =>
  db
    .selectFrom('learning_actions')
    .innerJoin('learning_items', 'learning_items.id', 'learning_actions.item_id')
    .leftJoin('teams', 'teams.id', 'learning_items.team_id')
    .selectAll('learning_actions')
    .select([
      'learning_items.title as item_title',
      'learning_items.team_id',
      'teams.service_id as service_id',
    ])
    .where('learning_actions.id', '=', id)
    .executeTakeFirst();

export async function listItems(db: DbOrTrx, seen: Visibility, f: { status?: string; complaintId?: string }) {
  if (seen.kind === 'none') return [];
  let q = db
    .selectFrom('learning_items')
    .leftJoin('teams', 'teams.id', 'learning_items.team_id')
    .leftJoin('complaints', 'complaints.id', 'learning_items.complaint_id')
    .leftJoin('learning_sources', 'learning_sources.id', 'learning_items.source_id')
    .select([
      'learning_items.id',
      'learning_items.title',
      'learning_items.kind',
      'learning_items.theme',
      'learning_items.raised_on',
      'learning_items.closed_on',
      'learning_items.publish',
      'teams.name as team_name',
      'complaints.reference as complaint_reference',
      'learning_sources.kind as source_kind',
      (eb) =>
        eb
          .selectFrom('learning_actions')
          .select((x) => x.fn.countAll<number>().as('n'))
          .whereRef('learning_actions.item_id', '=', 'learning_items.id')
          .as('actions'),
      (eb) =>
        eb
          .selectFrom('learning_actions')
          .select((x) => x.fn.countAll<number>().as('n'))
          .whereRef('learning_actions.item_id', '=', 'learning_items.id')
          .where('learning_actions.evidence_on', 'is not', null)
          .as('evidenced'),
    ]);
  if (seen.kind === 'team') q = q.where('learning_items.team_id', '=', seen.teamId ?? '');
  if (seen.kind === 'service') q = q.where('teams.service_id', '=', seen.serviceId ?? '');
  if (f.status === 'open') q = q.where('learning_items.closed_on', 'is', null);
  if (f.status === 'closed') q = q.where('learning_items.closed_on', 'is not', null);
  if (f.complaintId) q = q.where('learning_items.complaint_id', '=', f.complaintId);
  return q.orderBy('learning_items.raised_on', 'desc').limit(500).execute();
}

/** What everyone may read: the anonymised summaries marked for publication. */
export const publishedLearning = (db: DbOrTrx) =>
  db
    .selectFrom('learning_items')
    .select(['id', 'title', 'theme', 'kind', 'published_summary', 'raised_on', 'closed_on'])
    .where('publish', '=', 1)
    .orderBy('raised_on', 'desc')
    .execute();

/** Actions waiting for evidence that this person owns. */
export const actionsOwnedBy = (db: DbOrTrx, ownerId: string) =>
  db
    .selectFrom('learning_actions')
    .innerJoin('learning_items', 'learning_items.id', 'learning_actions.item_id')
    .select([
      'learning_actions.id',
      'learning_actions.description',
      'learning_actions.due_on',
      'learning_items.title as item_title',
    ])
    .where('owner_id', '=', ownerId)
    .where('evidence_on', 'is', null)
    .orderBy('due_on')
    .execute();
