import type { DbOrTrx } from '../platform/db/db.ts';
import type { ComplaintEvent } from './lifecycle.rules.ts';
import type { Visibility } from './scope.ts';

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

export async function listComplaints(db: DbOrTrx, seen: Visibility, f: ComplaintFilters, today: string) {
  if (seen.kind === 'none') return [];
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
    ]);
  if (seen.kind === 'team') q = q.where('complaints.team_id', '=', seen.teamId ?? '');
  if (seen.kind === 'service') q = q.where('teams.service_id', '=', seen.serviceId ?? '');
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
