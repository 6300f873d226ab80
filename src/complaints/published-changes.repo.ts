import type { DbOrTrx } from '../platform/db/db.ts';

/**
 * What changed because of published lessons: each action that has its
 * evidence (the loop closed), by lesson. Only the action's own description
 * is returned — never the evidence text, which may name people.
 */
export async function changesOfPublishedLessons(db: DbOrTrx, lessonIds: string[]) {
  if (!lessonIds.length) return new Map<string, string[]>();
  const rows = await db
    .selectFrom('lesson_actions as a')
    .innerJoin('lesson_items as i', 'i.id', 'a.item_id')
    .select(['a.item_id', 'a.description'])
    .where('i.publish', '=', 1)
    .where('a.item_id', 'in', lessonIds)
    .where('a.evidence_on', 'is not', null)
    .orderBy('a.evidence_on')
    .execute();
  const byLesson = new Map<string, string[]>();
  for (const r of rows) byLesson.set(r.item_id, [...(byLesson.get(r.item_id) ?? []), r.description]);
  return byLesson;
}
