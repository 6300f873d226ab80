import type { Db } from '../platform/db/db.ts';
import { NotFoundError } from '../platform/http/errors.ts';
import { can, type ListScope, listScope } from '../platform/policy/policy.ts';
import type { Principal } from '../platform/policy/roles.ts';
import { partsOf } from './booking.repo.ts';
import { bookingClashes } from './booking-clash.rules.ts';
import { placeCounts } from './catalogue.repo.ts';
import {
  getSessionWithCourse,
  myOtherPlaces,
  myPlace,
  otherSessionsOfCourse,
  peopleOnSession,
} from './session.repo.ts';

/**
 * Everything the session page shows this person: the session and its days,
 * the places taken, their own place, and — for L&D or a manager — the people
 * on it they may see (L&D everyone, a manager those they approve for), with
 * the other dates L&D can move someone to; and what the person should know
 * before booking (another place on this course, or one at the same time).
 */
export async function sessionPage(db: Db, user: Principal, id: string, now: string) {
  const s = await getSessionWithCourse(db, id);
  if (!s) throw new NotFoundError('session');
  const manage = can(user, 'learning:manage');
  const people: ListScope = manage ? { kind: 'all' } : listScope(user, 'learning:approve');
  const [parts, counts, mine, onSession, moveTo, held] = await Promise.all([
    partsOf(db, id),
    placeCounts(db, [id]),
    myPlace(db, id, user.id),
    peopleOnSession(db, id, people),
    manage ? otherSessionsOfCourse(db, s.course_id, id, now) : [],
    myOtherPlaces(db, user.id, id),
  ]);
  return {
    s,
    parts,
    clashes: bookingClashes({ id, course_id: s.course_id, parts }, held, now),
    counts: counts.get(id) ?? { taken: 0, waiting: 0 },
    mine,
    // Approve and decline are offered only where the policy allows them: never on one's own request.
    people: onSession.map((p) => ({
      ...p,
      mayDecide: can(user, 'learning:approve', {
        teamId: p.team_id,
        serviceId: p.service_id,
        subjectIds: [p.staff_id],
      }),
    })),
    moveTo,
    may: { manage, managersCourses: can(user, 'learning:managers-courses') },
  };
}

export type SessionPageData = Awaited<ReturnType<typeof sessionPage>>;
