import type { DbOrTrx } from '../platform/db/db.ts';

/** Every course with how many sessions it has, for L&D's list. */
export async function coursesWithSessionCounts(db: DbOrTrx) {
  return db
    .selectFrom('lrn_courses as c')
    .leftJoin('lrn_sessions as s', 's.course_id', 'c.id')
    .select(['c.id', 'c.title', 'c.category', (eb) => eb.fn.count<number>('s.id').as('sessions')])
    .groupBy(['c.id', 'c.title', 'c.category'])
    .orderBy('c.title')
    .execute();
}

export async function findSession(db: DbOrTrx, id: string) {
  return db.selectFrom('lrn_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}
