import { type Actor, recordAudit } from '../platform/audit/audit.ts';
import { londonDay } from '../platform/calendar/days.ts';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { newId } from '../platform/ids.ts';
import { authorize, ForbiddenError } from '../platform/policy/policy.ts';
import type { Principal } from '../platform/policy/roles.ts';
import type { Services } from '../platform/services.ts';
import { cpdEntriesOf, findCpdEntry, insertCpdEntry, updateCpdReflection } from './cpd.repo.ts';
import { cpdStanding, cpdYearOf } from './cpd.rules.ts';
import { cpdDayProblem } from './dates.rules.ts';

type Ctx = Pick<Services, 'db' | 'clock'>;

/** The person's CPD record: this registration year, every entry, and whether the year's requirement is met. */
export async function cpdRecord({ db, clock }: Ctx, staffId: string) {
  const year = cpdYearOf(londonDay(clock.now()));
  const rows = await cpdEntriesOf(db, staffId);
  const pieces = rows.map((r) => ({ day: r.day, peerReflected: r.peer_reflected === 1 }));
  return { year, rows, standing: cpdStanding(pieces, year) };
}
export type CpdRecord = Awaited<ReturnType<typeof cpdRecord>>;

export interface Reflection {
  reflection: string;
  peerReflected?: 'yes';
}

/** Adds a piece of CPD done elsewhere to the person's own record. */
export async function addCpdEntry(
  { db, clock }: Ctx,
  user: Principal,
  actor: Actor,
  entry: Reflection & { title: string; day: string },
) {
  const outOfRange = cpdDayProblem(entry.day, londonDay(clock.now()));
  if (outOfRange) throw new UserInputError(outOfRange, 'day');
  const at = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const id = newId();
    await insertCpdEntry(trx, {
      id,
      staff_id: user.id,
      booking_id: null,
      title: entry.title,
      day: entry.day,
      reflection: entry.reflection,
      peer_reflected: entry.peerReflected ? 1 : 0,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(trx, clock, actor, {
      action: 'create',
      recordType: 'cpd',
      recordId: id,
      summary: 'Added a CPD entry',
    });
  });
}

/**
 * Saves the person's reflection on one of their entries; returns the entry's title.
 * A reflection is the person's own: even L&D, who may manage anyone's place, cannot write it.
 */
export async function saveReflection(
  { db, clock }: Ctx,
  user: Principal,
  actor: Actor,
  id: string,
  r: Reflection,
) {
  const entry = await findCpdEntry(db, id);
  if (!entry) throw new NotFoundError('cpd');
  const record = { type: 'cpd', id: entry.id, ownerId: entry.staff_id };
  authorize(user, 'learning:place', record);
  if (entry.staff_id !== user.id) throw new ForbiddenError('learning:place', record.type, record.id);
  await db.transaction().execute(async (trx) => {
    const at = clock.now().toISOString();
    await updateCpdReflection(trx, entry.id, at, {
      reflection: r.reflection,
      peerReflected: !!r.peerReflected,
    });
    await recordAudit(trx, clock, actor, {
      action: 'update',
      recordType: 'cpd',
      recordId: entry.id,
      summary: 'Updated a CPD reflection',
    });
  });
  return entry.title;
}
