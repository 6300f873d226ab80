import { type Actor, recordAudit } from '../platform/audit/audit.ts';
import type { Db } from '../platform/db/db.ts';
import { NotFoundError } from '../platform/http/errors.ts';
import type { Principal } from '../platform/policy/roles.ts';
import type { Services } from '../platform/services.ts';
import {
  type CatalogueFilter,
  categories,
  getCourse,
  hasInterest,
  insertInterest,
  listCourses,
  sessionsOfCourse,
} from './catalogue.repo.ts';

/** One page of the courses matching the filters, and every category to filter by. */
export async function findCourses(db: Db, filter: CatalogueFilter, now: string) {
  const [found, allCategories] = await Promise.all([listCourses(db, filter, now), categories(db)]);
  return { ...found, categories: allCategories };
}

/** A course, its sessions with their days and places, and whether this person asked to hear of new dates. */
export async function coursePage(db: Db, user: Principal, id: string) {
  const course = await getCourse(db, id);
  if (!course) throw new NotFoundError('course');
  const [sessions, interested] = await Promise.all([
    sessionsOfCourse(db, course.id),
    hasInterest(db, course.id, user.id),
  ]);
  return { course, sessions, interested };
}

export type CoursePageData = Awaited<ReturnType<typeof coursePage>>;

/** The person asks to be emailed when dates of a course are added (once; asking again changes nothing). */
export async function registerInterest(
  { db, clock }: Pick<Services, 'db' | 'clock'>,
  actor: Actor,
  user: Principal,
  courseId: string,
) {
  await db.transaction().execute(async (trx) => {
    const course = await getCourse(trx, courseId);
    if (!course) throw new NotFoundError('course');
    if (await hasInterest(trx, courseId, user.id)) return;
    await insertInterest(trx, courseId, user.id, clock.now().toISOString());
    await recordAudit(trx, clock, actor, {
      action: 'create',
      recordType: 'course-interest',
      recordId: courseId,
      summary: `Registered interest in ${course.title}`,
    });
  });
}
