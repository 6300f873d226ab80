import { insertStaff } from '../people/api.ts';
import { systemActor } from '../platform/audit/audit.ts';
import type { DbOrTrx } from '../platform/db/db.ts';
import { insertCourse, insertSession, type NewCourse, type NewSession } from './offer.repo.ts';

/** Test data for the learning tests: real rows through the same inserts the app uses. */
export async function makeStaff(db: DbOrTrx, n: number, prefix = 'p'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++)
    ids.push(
      await insertStaff(db, '2026-01-01T00:00:00Z', {
        staffNumber: `${prefix}${i}-${Math.random().toString(36).slice(2, 8)}`,
        email: `${prefix}${i}.${Math.random().toString(36).slice(2, 8)}@calderbrook.example`,
        name: `Person ${prefix}${i}`,
        roles: ['practitioner'],
      }),
    );
  return ids;
}

export async function makeSession(
  db: DbOrTrx,
  options: { capacity: number; day?: string; course?: Partial<NewCourse>; session?: Partial<NewSession> },
) {
  const courseId = await insertCourse(db, '2026-01-01T00:00:00Z', {
    title: 'Motivational interviewing',
    ...options.course,
  });
  const sessionId = await insertSession(db, '2026-01-01T00:00:00Z', {
    courseId,
    capacity: options.capacity,
    venue: 'Room 4, Calderbrook Town Hall',
    parts: [{ day: options.day ?? '2026-12-16', start: '09:00', end: '11:00' }],
    ...options.session,
  });
  return { courseId, sessionId };
}

export const tester = systemActor('test');
