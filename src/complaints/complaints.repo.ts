import type { Actor } from '../platform/audit/audit.ts';
import type { DbOrTrx } from '../platform/db/db.ts';
import type { Database } from '../platform/db/schema.ts';
import { whereInScope } from '../platform/db/scope.ts';
import { newId } from '../platform/ids.ts';
import type { ListScope } from '../platform/policy/policy.ts';
import type { ComplaintEvent } from './lifecycle.rules.ts';
import type { ComplaintContactsTable, ComplaintsTable } from './schema.ts';

export interface ComplaintFilters {
  stage?: number;
  status?: string;
  teamId?: string;
  overdue?: boolean;
}

/** One complaint with its team's name and service, or undefined. */
export const findComplaint = (db: DbOrTrx, id: string) =>
  db
    .selectFrom('complaints')
    .innerJoin('teams', 'teams.id', 'complaints.team_id')
    .leftJoin('staff as officer', 'officer.id', 'complaints.officer_id')
    .selectAll('complaints')
    .select(['teams.name as team_name', 'teams.service_id as service_id', 'officer.name as officer_name'])
    .where('complaints.id', '=', id)
    .executeTakeFirst();
export type ComplaintRow = NonNullable<Awaited<ReturnType<typeof findComplaint>>>;

/** The complaints a person may list (their `listScope` for viewing complaints), filtered. */
export async function listComplaints(db: DbOrTrx, scope: ListScope, f: ComplaintFilters, today: string) {
  let q = db
    .selectFrom('complaints')
    .innerJoin('teams', 'teams.id', 'complaints.team_id')
    .select([
      'complaints.id',
      'complaints.reference',
      'complaints.received_on',
      'complaints.stage',
      'complaints.status',
      'complaints.due_on',
      'complaints.summary',
      'teams.name as team_name',
    ])
    .where(
      whereInScope<Database, 'complaints' | 'teams'>(scope, {
        team: 'complaints.team_id',
        service: 'teams.service_id',
      }),
    );
  if (f.stage) q = q.where('complaints.stage', '=', f.stage);
  if (f.status) q = q.where('complaints.status', '=', f.status);
  if (f.teamId) q = q.where('complaints.team_id', '=', f.teamId);
  if (f.overdue) q = q.where('complaints.status', '=', 'open').where('complaints.due_on', '<', today);
  return q
    .orderBy('complaints.received_on', 'desc')
    .orderBy('complaints.reference', 'desc')
    .limit(500)
    .execute();
}

export async function loadEvents(db: DbOrTrx, complaintId: string) {
  const rows = await db
    .selectFrom('complaint_events')
    .select(['seq', 'payload', 'at', 'actor_name'])
    .where('complaint_id', '=', complaintId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ ...r, event: JSON.parse(r.payload) as ComplaintEvent }));
}

export const complaintWorkers = (db: DbOrTrx, complaintId: string) =>
  db
    .selectFrom('complaint_workers')
    .innerJoin('staff', 'staff.id', 'complaint_workers.staff_id')
    .select(['staff.id', 'staff.name', 'staff.job_title', 'staff.is_agency', 'staff.left_on'])
    .where('complaint_id', '=', complaintId)
    .orderBy('staff.name')
    .execute();

export const complaintContacts = (db: DbOrTrx, complaintId: string) =>
  db
    .selectFrom('complaint_contacts')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .orderBy('contacted_on')
    .orderBy('created_at')
    .execute();

export const complaintDocuments = (db: DbOrTrx, complaintId: string) =>
  db
    .selectFrom('complaint_documents')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .orderBy('uploaded_at')
    .execute();

/** The next reference in the year of receipt, e.g. C-2026-0007. */
export async function nextReference(db: DbOrTrx, receivedOn: string): Promise<string> {
  const year = receivedOn.slice(0, 4);
  const row = await db
    .selectFrom('complaints')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('reference', 'like', `C-${year}-%`)
    .executeTakeFirstOrThrow();
  return `C-${year}-${String(Number(row.n) + 1).padStart(4, '0')}`;
}

/** The state kept on the complaints row for lists and reminders (a copy; the events are the record). */
export type SummaryColumns = Pick<ComplaintsTable, 'stage' | 'status' | 'due_on'>;

export const insertComplaint = (db: DbOrTrx, row: ComplaintsTable) =>
  db.insertInto('complaints').values(row).execute();

export async function insertComplaintWorkers(db: DbOrTrx, complaintId: string, staffIds: Iterable<string>) {
  for (const staffId of new Set(staffIds))
    await db
      .insertInto('complaint_workers')
      .values({ complaint_id: complaintId, staff_id: staffId })
      .execute();
}

export const insertComplaintEvent = (
  db: DbOrTrx,
  complaintId: string,
  seq: number,
  e: ComplaintEvent,
  at: string,
  actor: Actor,
) =>
  db
    .insertInto('complaint_events')
    .values({
      id: newId(),
      complaint_id: complaintId,
      seq,
      type: e.type,
      payload: JSON.stringify(e),
      at,
      actor_name: actor.name,
    })
    .execute();

/** Writes the new summary if nobody else changed the complaint since `version` was read; false if someone did. */
export async function updateComplaintState(
  db: DbOrTrx,
  id: string,
  version: number,
  columns: SummaryColumns & { updated_at: string },
) {
  const updated = await db
    .updateTable('complaints')
    .set({ ...columns, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

export const setComplaintInvestigation = (
  db: DbOrTrx,
  id: string,
  set: { officer_id: string | null; independent_person: string; updated_at: string },
) => db.updateTable('complaints').set(set).where('id', '=', id).execute();

export const insertContact = (db: DbOrTrx, row: ComplaintContactsTable) =>
  db.insertInto('complaint_contacts').values(row).execute();

/** Every complaint's events in order, grouped by complaint (one query), for the reports. */
export async function allComplaintEvents(db: DbOrTrx): Promise<ComplaintEvent[][]> {
  const rows = await db
    .selectFrom('complaint_events')
    .select(['complaint_id', 'payload'])
    .orderBy('complaint_id')
    .orderBy('seq')
    .execute();
  const byComplaint = new Map<string, ComplaintEvent[]>();
  for (const r of rows) {
    const list = byComplaint.get(r.complaint_id) ?? [];
    list.push(JSON.parse(r.payload));
    byComplaint.set(r.complaint_id, list);
  }
  return [...byComplaint.values()];
}

/** The due dates of the open complaints' current stages. */
export const openComplaintDueDates = (db: DbOrTrx) =>
  db.selectFrom('complaints').select(['due_on']).where('status', '=', 'open').execute();

/** Open complaints whose current stage is past its due date, oldest first. */
export const overdueComplaints = (db: DbOrTrx, today: string) =>
  db
    .selectFrom('complaints')
    .select(['id', 'reference', 'stage', 'due_on', 'officer_id'])
    .where('status', '=', 'open')
    .where('due_on', '<', today)
    .orderBy('due_on')
    .execute();
