import type { DbOrTrx } from '../platform/db/db.ts';
import { NotFoundError } from '../platform/http/errors.ts';
import { findSession } from './admin.repo.ts';
import { partsOf } from './booking.repo.ts';
import { getCourse } from './catalogue.repo.ts';

// What L&D's forms for running the offer show; the changes they make are in offer.service.ts.

/** The course a form changes, or none for a new course. */
export async function courseToEdit(db: DbOrTrx, id?: string) {
  if (!id) return undefined;
  const course = await getCourse(db, id);
  if (!course) throw new NotFoundError('course');
  return course;
}

/** A new session's course: the session form for it. */
export async function newSessionOf(db: DbOrTrx, courseId: string) {
  const course = await getCourse(db, courseId);
  if (!course) throw new NotFoundError('course');
  return { course, session: undefined, parts: [] };
}

/** A session to change, with its course and its days. */
export async function sessionToEdit(db: DbOrTrx, sessionId: string) {
  const session = await findSession(db, sessionId);
  if (!session) throw new NotFoundError('session');
  const course = await getCourse(db, session.course_id);
  if (!course) throw new NotFoundError('course');
  return { course, session, parts: await partsOf(db, session.id) };
}
