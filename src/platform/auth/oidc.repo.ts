import type { DbOrTrx } from '../db/db.ts';
import { newId } from '../ids.ts';
import type { Role } from '../policy/roles.ts';
import { isRole } from '../policy/roles.ts';
import { tokenId } from './sessions.ts';

/** The tables single sign-on reads and writes: its pending flows, and the staff records it matches. */

export async function saveFlow(
  db: DbOrTrx,
  token: string,
  flow: { state: string; nonce: string; codeVerifier: string; returnTo: string; expiresAt: string },
  now: string,
) {
  // Sign-ins begun and never finished go as new ones begin.
  await db.deleteFrom('oidc_flows').where('expires_at', '<=', now).execute();
  await db
    .insertInto('oidc_flows')
    .values({
      id: tokenId(token),
      state: flow.state,
      nonce: flow.nonce,
      code_verifier: flow.codeVerifier,
      return_to: flow.returnTo,
      expires_at: flow.expiresAt,
    })
    .execute();
}

/** Takes the flow out as it is read, so a second return with the same cookie (a replay) finds nothing. */
export async function takeFlow(db: DbOrTrx, token: string, now: string) {
  const row = await db
    .deleteFrom('oidc_flows')
    .where('id', '=', tokenId(token))
    .returning(['state', 'nonce', 'code_verifier', 'return_to', 'expires_at'])
    .executeTakeFirst();
  await db.deleteFrom('oidc_flows').where('expires_at', '<=', now).execute();
  return row && row.expires_at > now ? row : undefined;
}

const staffColumns = ['id', 'name', 'email', 'active', 'left_on', 'directory_id'] as const;

export const staffByDirectoryId = (db: DbOrTrx, directoryId: string) =>
  db.selectFrom('staff').select(staffColumns).where('directory_id', '=', directoryId).executeTakeFirst();

export const staffByEmail = (db: DbOrTrx, email: string) =>
  db.selectFrom('staff').select(staffColumns).where('email', '=', email).executeTakeFirst();

export type MatchedStaff = NonNullable<Awaited<ReturnType<typeof staffByEmail>>>;

export async function linkDirectoryId(db: DbOrTrx, staffId: string, directoryId: string, at: string) {
  await db
    .updateTable('staff')
    .set({ directory_id: directoryId, updated_at: at })
    .where('id', '=', staffId)
    .execute();
}

export async function rolesOf(db: DbOrTrx, staffId: string): Promise<Role[]> {
  const rows = await db.selectFrom('staff_roles').select('role').where('staff_id', '=', staffId).execute();
  return rows.map((r) => r.role).filter(isRole);
}

export async function replaceRoles(db: DbOrTrx, staffId: string, roles: Role[]) {
  await db.deleteFrom('staff_roles').where('staff_id', '=', staffId).execute();
  if (roles.length)
    await db
      .insertInto('staff_roles')
      .values(roles.map((role) => ({ staff_id: staffId, role })))
      .execute();
}

/** A practitioner in no team, marked for an admin to place. */
export async function insertDirectoryStaff(
  db: DbOrTrx,
  at: string,
  p: { email: string; name: string; directoryId: string },
): Promise<MatchedStaff> {
  const id = newId();
  await db
    .insertInto('staff')
    .values({
      id,
      staff_number: `SSO-${id.slice(0, 8)}`,
      email: p.email,
      name: p.name,
      job_title: '',
      team_id: null,
      is_agency: 0,
      active: 1,
      left_on: null,
      password_hash: null,
      failed_signins: 0,
      locked_until: null,
      created_at: at,
      updated_at: at,
      directory_id: p.directoryId,
      needs_placing: 1,
    })
    .execute();
  await db.insertInto('staff_roles').values({ staff_id: id, role: 'practitioner' }).execute();
  return { id, name: p.name, email: p.email, active: 1, left_on: null, directory_id: p.directoryId };
}

export async function keepIdToken(db: DbOrTrx, sessionToken: string, idToken: string) {
  await db
    .updateTable('sessions')
    .set({ id_token: idToken })
    .where('id', '=', tokenId(sessionToken))
    .execute();
}

export async function idTokenOfSession(db: DbOrTrx, sessionId: string): Promise<string | null> {
  const row = await db
    .selectFrom('sessions')
    .select('id_token')
    .where('id', '=', sessionId)
    .executeTakeFirst();
  return row?.id_token ?? null;
}
