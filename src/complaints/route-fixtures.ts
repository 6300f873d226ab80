import type { Db } from '../platform/db/db.ts';
import { newId } from '../platform/ids.ts';
import { ACTION_PAGES } from './complaint-page.presenter.ts';
import { storeDocument } from './documents.ts';

/**
 * For the platform's route × role matrix test: one record behind each of this
 * feature's GET routes with an id, in the Leaving Care Team (outside every demo
 * persona's team and service), with the scope the policy should judge it by.
 * An old address (a page that moved) answers 301; the test follows it to the page, which checks the record.
 */
export async function complaintRouteFixtures(db: Db, dataDir: string) {
  const complaint = await db
    .selectFrom('complaints')
    .innerJoin('teams', 'teams.id', 'complaints.team_id')
    .select(['complaints.id', 'complaints.team_id', 'teams.service_id'])
    .where('teams.name', '=', 'Leaving Care Team')
    .executeTakeFirstOrThrow();
  const item = await db
    .selectFrom('lesson_items')
    .select('id')
    .where('complaint_id', '=', complaint.id)
    .executeTakeFirstOrThrow();
  const action = await db
    .selectFrom('lesson_actions')
    .innerJoin('staff', 'staff.id', 'lesson_actions.owner_id')
    .innerJoin('teams', 'teams.id', 'staff.team_id')
    .select(['lesson_actions.id', 'lesson_actions.owner_id'])
    .where('item_id', '=', item.id)
    .where('teams.name', '=', 'Leaving Care Team')
    .executeTakeFirstOrThrow();
  const doc = async (complaintId: string | null, itemId: string | null) => {
    const id = newId();
    await db
      .insertInto('complaint_documents')
      .values({
        id,
        complaint_id: complaintId,
        learning_item_id: itemId,
        original_name: 'notes.txt',
        stored_name: await storeDocument(dataDir, Buffer.from('Notes of the meeting')),
        content_type: 'text/plain; charset=utf-8',
        size_bytes: 20,
        description: '',
        uploaded_by: 'Test',
        uploaded_at: new Date().toISOString(),
      })
      .execute();
    return id;
  };
  const scope = { ownerId: '', teamId: complaint.team_id, serviceId: complaint.service_id };
  const documentId = await doc(null, item.id);
  // Each action's page is judged by its own action on the same complaint.
  const actionPages = Object.fromEntries(
    Object.keys(ACTION_PAGES).map((a) => [
      `/complaints/:id/${a}`,
      { url: `/complaints/${complaint.id}/${a}`, resource: scope },
    ]),
  );
  return {
    '/complaints/:id': { url: `/complaints/${complaint.id}`, resource: scope },
    ...actionPages,
    '/complaints/documents/:id': {
      url: `/complaints/documents/${await doc(complaint.id, null)}`,
      resource: scope,
    },
    '/lessons/items/:id': { url: `/lessons/items/${item.id}`, resource: scope },
    '/lessons/documents/:id': { url: `/lessons/documents/${documentId}`, resource: scope },
    '/lessons/actions/:id/evidence': {
      url: `/lessons/actions/${action.id}/evidence`,
      resource: { ...scope, ownerId: action.owner_id },
    },
    // The old addresses, which redirect to the pages above for the same people.
    '/learning-items/:id': { url: `/learning-items/${item.id}`, resource: scope },
    '/learning-items/documents/:id': { url: `/learning-items/documents/${documentId}`, resource: scope },
    '/learning-items/actions/:id/evidence': {
      url: `/learning-items/actions/${action.id}/evidence`,
      resource: { ...scope, ownerId: action.owner_id },
    },
  };
}
