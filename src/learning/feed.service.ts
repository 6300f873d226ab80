import { createHash, randomBytes } from 'node:crypto';
import { type Actor, recordAudit } from '../platform/audit/audit.ts';
import { NotFoundError } from '../platform/http/errors.ts';
import type { Principal } from '../platform/policy/roles.ts';
import type { Services } from '../platform/services.ts';
import { partsOf } from './booking.repo.ts';
import { bookedDay, deleteFeedLink, feedDays, insertFeedLink, ownerOfFeed, sessionDay } from './feed.repo.ts';

/**
 * A personal calendar subscription: a secret link (only its hash is stored)
 * that a calendar app polls without signing in. Making a new link revokes the
 * old one.
 */
const hash = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Makes the person a new feed link (the old one stops working) and returns it: it is shown only once. */
export async function newFeedLink(
  { db, clock, config }: Pick<Services, 'db' | 'clock' | 'config'>,
  user: Principal,
  actor: Actor,
): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await db.transaction().execute(async (trx) => {
    await deleteFeedLink(trx, user.id);
    await insertFeedLink(trx, user.id, hash(token), clock.now().toISOString());
    await recordAudit(trx, clock, actor, {
      action: 'create',
      recordType: 'calendar-feed',
      recordId: user.id,
      summary: 'Made a new calendar feed link (any old link stops working)',
    });
  });
  return `${config.baseUrl.replace(/\/$/, '')}/learning/feed/${token}.ics`;
}

export async function revokeFeedLink(
  { db, clock }: Pick<Services, 'db' | 'clock'>,
  user: Principal,
  actor: Actor,
) {
  await db.transaction().execute(async (trx) => {
    await deleteFeedLink(trx, user.id);
    await recordAudit(trx, clock, actor, {
      action: 'delete',
      recordType: 'calendar-feed',
      recordId: user.id,
      summary: 'Turned off the calendar feed link',
    });
  });
}

/** The days of the feed a secret link opens; a link that was never made, or was turned off, is not found. */
export async function feedOf({ db }: Pick<Services, 'db'>, token: string) {
  const staffId = await ownerOfFeed(db, hash(token));
  if (!staffId) throw new NotFoundError('calendar-feed');
  return feedDays(db, staffId);
}

/**
 * One day of a session for "Add to calendar", with its number when the
 * session has several days (0 when it has one). For the person's own live
 * place it is the day of their booking, under the UID of its invite, so a
 * calendar that has both keeps one entry; anyone else who may see the
 * session gets the same day under the session's own UID (the page offers the
 * link only with a place). Not found for a day of a cancelled session.
 */
export async function dayFileOf(
  { db }: Pick<Services, 'db'>,
  user: Principal,
  sessionId: string,
  partId: string,
) {
  const mine = await bookedDay(db, user.id, sessionId, partId);
  const shown = await sessionDay(db, sessionId, partId);
  const day = mine ?? (shown && { ...shown, id: `session-${shown.session_id}`, bseq: 0 });
  if (!day) throw new NotFoundError('session day');
  const parts = await partsOf(db, sessionId);
  return { day, dayNumber: parts.length > 1 ? parts.findIndex((p) => p.id === partId) + 1 : 0 };
}
