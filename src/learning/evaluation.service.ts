import { type Actor, recordAudit } from '../platform/audit/audit.ts';
import type { Db } from '../platform/db/db.ts';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { newId } from '../platform/ids.ts';
import { authorize, ForbiddenError } from '../platform/policy/policy.ts';
import type { Principal } from '../platform/policy/roles.ts';
import type { Services } from '../platform/services.ts';
import { sessionIsOver } from './attendance.rules.ts';
import { partsOf } from './booking.repo.ts';
import {
  attendedPlaces,
  bookingToEvaluate,
  type EvaluationScope,
  evaluationAnswers,
  evaluationSubject,
  hasAttended,
  hasEvaluation,
  insertEvaluation,
} from './evaluation.repo.ts';

export interface EvaluationAnswers {
  content: number;
  trainer: number;
  relevance: number;
  differently: string;
  better: string;
}

/** The booking if it is the person's own (L&D may look at the form); only the person who attended answers it. */
async function ownBooking(db: Db, user: Principal, bookingId: string, answering: boolean) {
  const b = await bookingToEvaluate(db, bookingId);
  if (!b) throw new NotFoundError('booking');
  authorize(user, 'learning:place', { type: 'booking', id: b.id, ownerId: b.staff_id });
  if (answering && b.staff_id !== user.id) throw new ForbiddenError('learning:place', 'booking', b.id);
  return b;
}

/** The evaluation form of a booking, and whether it has been answered already. */
export async function evaluationForm(db: Db, user: Principal, bookingId: string) {
  const booking = await ownBooking(db, user, bookingId, false);
  return { booking, done: await hasEvaluation(db, booking.id) };
}

/** Saves the person's evaluation of a session they attended, once, with its audit row. */
export async function saveEvaluation(
  { db, clock }: Pick<Services, 'db' | 'clock'>,
  user: Principal,
  actor: Actor,
  bookingId: string,
  answers: EvaluationAnswers,
) {
  const b = await ownBooking(db, user, bookingId, true);
  await db.transaction().execute(async (trx) => {
    if (!(await hasAttended(trx, b.id)))
      throw new UserInputError('You can evaluate a session once you have attended it.', 'content');
    if (!sessionIsOver(await partsOf(trx, b.session_id), clock.now().toISOString()))
      throw new UserInputError('You can evaluate this session once its last day is over.', 'content');
    if (await hasEvaluation(trx, b.id))
      throw new UserInputError('You have already evaluated this session. Thank you.', 'content');
    const id = newId();
    await insertEvaluation(trx, {
      id,
      booking_id: b.id,
      session_id: b.session_id,
      ...answers,
      created_at: clock.now().toISOString(),
    });
    await recordAudit(trx, clock, actor, {
      action: 'create',
      recordType: 'evaluation',
      recordId: id,
      summary: `Evaluated ${b.title}`,
    });
  });
}

/** The answers about one session, or every session of a course, and how many people attended. */
export async function evaluationResults(db: Db, scope: EvaluationScope, id: string) {
  const subject = await evaluationSubject(db, scope, id);
  if (!subject) throw new NotFoundError(scope === 'sessions' ? 'session' : 'course');
  const [answers, attended] = await Promise.all([
    evaluationAnswers(db, scope, id),
    attendedPlaces(db, scope, id),
  ]);
  return { scope, id, subject, answers, attended };
}

export type EvaluationResults = Awaited<ReturnType<typeof evaluationResults>>;
