import { childToLink } from '../performance/api.ts';
import { type Actor, recordAudit } from '../platform/audit/audit.ts';
import { londonDay } from '../platform/calendar/days.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, DbOrTrx } from '../platform/db/db.ts';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { newId } from '../platform/ids.ts';
import { type Action, decidesOnOwnRecord } from '../platform/policy/policy.ts';
import type { Principal } from '../platform/policy/roles.ts';
import { currentDeadline, REGULATION_DAYS } from './clocks.rules.ts';
import {
  complaintWorkers,
  findComplaint,
  insertComplaint,
  insertComplaintEvent,
  insertComplaintWorkers,
  insertContact,
  loadEvents,
  nextReference,
  type SummaryColumns,
  setComplaintInvestigation,
  updateComplaintState,
} from './complaints.repo.ts';
import { countStaff, teamExists } from './directory.repo.ts';
import {
  type ComplaintEvent,
  type ComplaintState,
  currentStage,
  receive,
  replay,
  stageTimes,
  step,
} from './lifecycle.rules.ts';
import { authorizeRecord } from './scope.ts';

/** The copy of the state kept on the complaints row, for lists and reminders. */
const summaryColumns = (s: ComplaintState): SummaryColumns => {
  const stage = currentStage(s);
  return {
    stage: stage.stage,
    status: s.status,
    due_on: s.status === 'open' ? currentDeadline(REGULATION_DAYS, stageTimes(stage)).dueOn : null,
  };
};

export const todayIn = (clock: Clock) => londonDay(clock.now());
const context = (clock: Clock) => ({ today: todayIn(clock), calendar: REGULATION_DAYS });

export interface NewComplaint {
  receivedOn: string;
  receivedHow: string;
  complainantName: string;
  complainantRelationship: string;
  advocateOffered: boolean;
  /** A child in the children's records, by case reference; or one not in them (their name, if known). */
  child: { inRecords: true; reference: string } | { inRecords: false; name: string };
  teamId: string;
  workerIds: string[];
  summary: string;
  elements: { summary: string; theme: string }[];
  officerId: string | null;
}

export async function registerComplaint(
  db: Db,
  clock: Clock,
  actor: Actor,
  user: Principal,
  c: NewComplaint,
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    if (!(await teamExists(trx, c.teamId)))
      throw new UserInputError('Choose the team the complaint is about', 'teamId');
    const child = await linkedChild(trx, user, c.child);
    await checkStaff(trx, c.workerIds, 'workerIds');
    if (c.officerId) await checkStaff(trx, [c.officerId], 'officerId');
    checkOfficerIsNotNamed(c.officerId, c.workerIds);
    const received: Extract<ComplaintEvent, { type: 'received' }> = {
      type: 'received',
      on: c.receivedOn,
      elements: c.elements.map((e) => ({ id: newId(), summary: e.summary, theme: e.theme })),
    };
    const r = receive(received, context(clock));
    if (!r.ok) throw new UserInputError(r.refusal.message, r.refusal.field);
    const id = newId();
    const now = clock.now().toISOString();
    const reference = await nextReference(trx, c.receivedOn);
    await insertComplaint(trx, {
      id,
      reference,
      received_on: c.receivedOn,
      received_how: c.receivedHow,
      complainant_name: c.complainantName,
      complainant_relationship: c.complainantRelationship,
      advocate_offered: c.advocateOffered ? 1 : 0,
      child_id: child.id,
      child_name: child.name,
      child_ref: child.ref,
      team_id: c.teamId,
      summary: c.summary,
      officer_id: c.officerId,
      independent_person: '',
      version: 1,
      created_at: now,
      updated_at: now,
      ...summaryColumns(r.state),
    });
    await insertComplaintWorkers(trx, id, c.workerIds);
    await insertComplaintEvent(trx, id, 1, received, now, actor);
    await recordAudit(trx, clock, actor, {
      action: 'create',
      recordType: 'complaint',
      recordId: id,
      summary: `Registered complaint ${reference} (Stage 1, ${c.elements.length} elements)`,
    });
    return id;
  });
}

/**
 * The child as the complaint keeps them: linked to their record (its name and
 * reference copied, as they were when the complaint came in), or not in the records.
 * A reference this person may not pick is refused like one that does not exist.
 */
async function linkedChild(trx: DbOrTrx, user: Principal, child: NewComplaint['child']) {
  if (!child.inRecords) return { id: null, name: child.name, ref: '' };
  const found = await childToLink(trx, user, child.reference);
  if (!found)
    throw new UserInputError(
      `No child with the case reference ${child.reference} is in the records you can choose from. Check the reference, or choose “Not in our records, or not known”`,
      'childRef',
    );
  return { id: found.id, name: found.name, ref: found.localId };
}

async function checkStaff(db: DbOrTrx, ids: string[], field: string) {
  if (!ids.length) return;
  if ((await countStaff(db, ids)) !== new Set(ids).size)
    throw new UserInputError('Choose people from the list', field);
}

/** Nobody investigates a complaint about themselves (the policy's rule, `decidesOnOwnRecord`). */
function checkOfficerIsNotNamed(officerId: string | null, workerIds: readonly string[]) {
  if (officerId && decidesOnOwnRecord(officerId, workerIds))
    throw new UserInputError(
      'The investigating officer cannot be one of the people the complaint is about: choose someone else',
      'officerId',
    );
}

const workerIdsOf = async (db: DbOrTrx, complaintId: string) =>
  (await complaintWorkers(db, complaintId)).map((w) => w.id);

/**
 * Loads a complaint the person may act on (as `action`), inside the caller's
 * transaction. Anything beyond viewing is refused to the people it is about.
 */
export async function complaintFor(db: DbOrTrx, user: Principal, action: Action, id: string) {
  const row = await findComplaint(db, id);
  if (!row) throw new NotFoundError('complaint');
  const subjects = action === 'complaints:view' ? undefined : await workerIdsOf(db, id);
  authorizeRecord(user, action, 'complaint', row, subjects);
  return row;
}

/**
 * Applies one event (extend, finding, respond, escalate …) through the state
 * machine. A refusal is a UserInputError and nothing is written. The version
 * check makes two people changing the same complaint at once take turns: the
 * second is told to look again rather than overwrite the first.
 */
export async function recordComplaintEvent(
  db: Db,
  clock: Clock,
  actor: Actor,
  user: Principal,
  complaintId: string,
  event: ComplaintEvent,
  action: Action = 'complaints:manage',
): Promise<ComplaintState> {
  return db.transaction().execute(async (trx) => {
    const row = await complaintFor(trx, user, action, complaintId);
    const events = await loadEvents(trx, complaintId);
    const ctx = context(clock);
    const r = step(
      replay(
        events.map((e) => e.event),
        ctx,
      ),
      event,
      ctx,
    );
    if (!r.ok) throw new UserInputError(r.refusal.message, r.refusal.field);
    const now = clock.now().toISOString();
    const updated = await updateComplaintState(trx, complaintId, row.version, {
      ...summaryColumns(r.state),
      updated_at: now,
    });
    if (!updated)
      throw new UserInputError(
        'Someone else changed this complaint at the same time: check it and try again',
        'form',
      );
    await insertComplaintEvent(trx, complaintId, events.length + 1, event, now, actor);
    await recordAudit(trx, clock, actor, {
      action: 'update',
      recordType: 'complaint',
      recordId: complaintId,
      summary: `Complaint ${row.reference}: ${event.type} (Stage ${currentStage(r.state).stage})`,
    });
    return r.state;
  });
}

export async function setInvestigation(
  db: Db,
  clock: Clock,
  actor: Actor,
  user: Principal,
  complaintId: string,
  input: { officerId: string | null; independentPerson: string },
) {
  await db.transaction().execute(async (trx) => {
    const row = await complaintFor(trx, user, 'complaints:manage', complaintId);
    if (input.officerId) await checkStaff(trx, [input.officerId], 'officerId');
    checkOfficerIsNotNamed(input.officerId, await workerIdsOf(trx, complaintId));
    await setComplaintInvestigation(trx, complaintId, {
      officer_id: input.officerId,
      independent_person: input.independentPerson,
      updated_at: clock.now().toISOString(),
    });
    await recordAudit(trx, clock, actor, {
      action: 'update',
      recordType: 'complaint',
      recordId: complaintId,
      summary: `Complaint ${row.reference}: investigating officer and independent person set`,
    });
  });
}

export async function addContactAttempt(
  db: Db,
  clock: Clock,
  actor: Actor,
  user: Principal,
  complaintId: string,
  input: { contactedOn: string; person: string; staffId: string | null; method: string; outcome: string },
) {
  await db.transaction().execute(async (trx) => {
    const row = await complaintFor(trx, user, 'complaints:investigate', complaintId);
    if (input.contactedOn < row.received_on)
      throw new UserInputError('The date cannot be before the complaint was received', 'contactedOn');
    if (input.contactedOn > todayIn(clock))
      throw new UserInputError('The date cannot be in the future', 'contactedOn');
    if (input.staffId) await checkStaff(trx, [input.staffId], 'staffId');
    await insertContact(trx, {
      id: newId(),
      complaint_id: complaintId,
      contacted_on: input.contactedOn,
      person: input.person,
      staff_id: input.staffId,
      method: input.method,
      outcome: input.outcome,
      recorded_by: actor.name,
      created_at: clock.now().toISOString(),
    });
    await recordAudit(trx, clock, actor, {
      action: 'update',
      recordType: 'complaint',
      recordId: complaintId,
      summary: `Complaint ${row.reference}: contact attempt recorded (${input.method})`,
    });
  });
}
