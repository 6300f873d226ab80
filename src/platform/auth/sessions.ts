import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { DbOrTrx } from '../db/db.ts';
import { reusableQuery } from '../db/reusable-query.ts';
import type { Principal, Role } from '../policy/roles.ts';
import { isRole } from '../policy/roles.ts';

/**
 * Server-side sessions. The cookie holds a random token; the database holds
 * only its SHA-256, so a copy of the database cannot be used to sign in.
 */
export const newToken = (): string => randomBytes(32).toString('base64url');
export const tokenId = (token: string): string => createHash('sha256').update(token).digest('base64url');

export interface LoadedSession {
  id: string;
  csrfToken: string;
  flash: string | null;
  lastSeenAt: string;
  user: Principal;
}

export async function createSession(db: DbOrTrx, clock: Clock, staffId: string, idleMinutes: number) {
  const token = newToken();
  const now = clock.now();
  await db
    .insertInto('sessions')
    .values({
      id: tokenId(token),
      staff_id: staffId,
      csrf_token: newToken(),
      flash: null,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + idleMinutes * 60_000).toISOString(),
    })
    .execute();
  return token;
}

// One query on every request, the person's roles joined in (a row for each): a second one for the
// roles was a round trip more for every page on PostgreSQL. Built once (reusableQuery): it is the
// query the Hub runs most.
const sessionRows = reusableQuery((db, id: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('staff', 'staff.id', 'sessions.staff_id')
    .leftJoin('teams', 'teams.id', 'staff.team_id')
    .leftJoin('staff_roles', 'staff_roles.staff_id', 'staff.id')
    .select([
      'sessions.id',
      'sessions.csrf_token',
      'sessions.flash',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'staff.id as staff_id',
      'staff.name',
      'staff.email',
      'staff.active',
      'staff.team_id',
      'teams.service_id',
      'staff_roles.role',
    ])
    .where('sessions.id', '=', id),
);

export async function loadSession(db: DbOrTrx, clock: Clock, token: string): Promise<LoadedSession | null> {
  const rows = await sessionRows(db, tokenId(token));
  const row = rows[0];
  if (row?.active !== 1 || row.expires_at <= clock.now().toISOString()) return null;
  const roles = rows.map((r) => r.role);
  return {
    id: row.id,
    csrfToken: row.csrf_token,
    flash: row.flash,
    lastSeenAt: row.last_seen_at,
    user: {
      id: row.staff_id,
      name: row.name,
      email: row.email,
      roles: roles.filter((r): r is Role => r !== null && isRole(r)),
      teamId: row.team_id,
      serviceId: row.service_id,
    },
  };
}

/**
 * Slides the idle expiry forward, at most once a minute so reads stay reads
 * (always when the person asks to stay signed in).
 */
export async function touchSession(
  db: DbOrTrx,
  clock: Clock,
  s: LoadedSession,
  idleMinutes: number,
  always = false,
) {
  const now = clock.now();
  if (!always && now.getTime() - new Date(s.lastSeenAt).getTime() < 60_000) return;
  await db
    .updateTable('sessions')
    .set({
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + idleMinutes * 60_000).toISOString(),
    })
    .where('id', '=', s.id)
    .execute();
}

export async function setFlash(db: DbOrTrx, sessionId: string, flash: unknown) {
  await db
    .updateTable('sessions')
    .set({ flash: flash === null ? null : JSON.stringify(flash) })
    .where('id', '=', sessionId)
    .execute();
}

export async function deleteSession(db: DbOrTrx, sessionId: string) {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a person, except (if given) the one they are using. */
export async function deleteSessionsOf(db: DbOrTrx, staffId: string, except?: string) {
  let q = db.deleteFrom('sessions').where('staff_id', '=', staffId);
  if (except) q = q.where('id', '!=', except);
  await q.execute();
}

export async function deleteExpiredSessions(db: DbOrTrx, clock: Clock) {
  const r = await db
    .deleteFrom('sessions')
    .where('expires_at', '<=', clock.now().toISOString())
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
