import type { Db } from '../platform/db/db.ts';
import type { Principal } from '../platform/policy/roles.ts';
import { sessionIsOver } from './attendance.rules.ts';
import { hasFeedLink } from './feed.repo.ts';
import {
  daysOfSessions,
  myActivePlaces,
  myAttendedBookings,
  myCpdDays,
  waitingPosition,
} from './mine.repo.ts';

/** What "My learning" shows: the person's places, what they attended, their CPD days and their calendar link. */
export async function myLearning(db: Db, user: Principal, now: string) {
  const [places, attended, cpd, hasFeed] = await Promise.all([
    myActivePlaces(db, user.id),
    myAttendedBookings(db, user.id),
    myCpdDays(db, user.id),
    hasFeedLink(db, user.id),
  ]);
  // Where each upcoming place on a waiting list stands.
  const positions = new Map<string, number>();
  for (const r of places)
    if (r.status === 'waitlisted' && r.starts_at && r.starts_at > now)
      positions.set(r.id, await waitingPosition(db, r.session_id, r.queue_pos));
  // Sessions attended can be evaluated once they are over.
  const attendedSessions = [...new Set(places.filter((r) => attended.has(r.id)).map((r) => r.session_id))];
  const days = await daysOfSessions(db, attendedSessions);
  const over = new Set(
    attendedSessions.filter((id) =>
      sessionIsOver(
        days.filter((d) => d.session_id === id),
        now,
      ),
    ),
  );
  return { places, attended, over, cpd, hasFeed, positions };
}

export type MyLearningData = Awaited<ReturnType<typeof myLearning>>;
