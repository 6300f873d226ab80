import type { OidcConfig } from '../../config.ts';
import { type Actor, recordAudit } from '../audit/audit.ts';
import { londonDay } from '../calendar/days.ts';
import type { Clock } from '../clock.ts';
import type { Db, DbOrTrx } from '../db/db.ts';
import { safeReturnPath } from '../http/return-path.ts';
import { ROLES } from '../policy/roles.ts';
import {
  authorizationUrl,
  endSessionUrl,
  exchangeCode,
  newFlowSecrets,
  providerConfig,
} from './oidc.client.ts';
import {
  idTokenOfSession,
  insertDirectoryStaff,
  keepIdToken,
  linkDirectoryId,
  type MatchedStaff,
  replaceRoles,
  rolesOf,
  saveFlow,
  staffByDirectoryId,
  staffByEmail,
  takeFlow,
} from './oidc.repo.ts';
import {
  type DirectoryIdentity,
  hasLeft,
  identityFrom,
  roleChange,
  rolesFromDirectory,
} from './oidc.rules.ts';
import { createSession, deleteSession, deleteSessionsOf, newToken, tokenId } from './sessions.ts';

export interface SsoCtx {
  db: Db;
  clock: Clock;
  oidc: OidcConfig;
  baseUrl: string;
  sessionIdleMinutes: number;
}

/** Time to sign in at the provider before the Hub forgets the attempt. */
const FLOW_MINUTES = 10;
export const CALLBACK_PATH = '/sign-in/council/return';
/** Where the provider sends people after signing out there: a plain path, as Entra wants its redirect URIs. */
export const SIGNED_OUT_PATH = '/sign-in/council/signed-out';

/** BASE_URL may carry a path (the Hub under /hub/): the callback and sign-out addresses sit under it. */
export const hubUrl = (baseUrl: string, path: string) => `${baseUrl.replace(/\/$/, '')}${path}`;

/** Starts a sign-in: remembers the flow's secrets under a random cookie value and says where to send the browser. */
export async function beginSignIn(ctx: SsoCtx, returnTo: unknown) {
  const config = await providerConfig(ctx.oidc);
  const secrets = newFlowSecrets();
  const cookie = newToken();
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + FLOW_MINUTES * 60_000).toISOString();
  await saveFlow(
    ctx.db,
    cookie,
    { ...secrets, returnTo: safeReturnPath(returnTo), expiresAt },
    now.toISOString(),
  );
  const url = await authorizationUrl(config, hubUrl(ctx.baseUrl, CALLBACK_PATH), secrets);
  return { cookie, url: url.href };
}

export type SsoRefusal = 'expired' | 'refused-by-provider' | 'failed' | 'unknown' | 'left' | 'no-role';
export type SsoOutcome = { ok: true; token: string; returnTo: string } | { ok: false; reason: SsoRefusal };

/**
 * Finishes a sign-in when the provider sends the browser back. The flow is
 * single use; openid-client checks the state, the code (with the PKCE
 * verifier) and the ID token; then the person is matched to a staff record by
 * directory object id, or at a first sign-in by verified email, and the
 * directory's roles are applied. Every refusal is audited and ends the
 * session the browser had.
 */
export async function finishSignIn(
  ctx: SsoCtx,
  actor: Actor,
  input: { callbackUrl: URL; flowCookie: string | undefined; previousToken: string | undefined },
): Promise<SsoOutcome> {
  const now = ctx.clock.now().toISOString();
  const flow = input.flowCookie ? await takeFlow(ctx.db, input.flowCookie, now) : undefined;
  if (!flow)
    return refuse(
      ctx,
      actor,
      input.previousToken,
      'expired',
      'no sign-in under way (expired or already used)',
    );
  const config = await providerConfig(ctx.oidc);
  const exchanged = await exchangeCode(config, input.callbackUrl, {
    state: flow.state,
    nonce: flow.nonce,
    codeVerifier: flow.code_verifier,
  });
  if (!exchanged.ok) return refuse(ctx, actor, input.previousToken, exchanged.reason, exchanged.detail);
  const identity = identityFrom(exchanged.claims);
  if (!identity) return refuse(ctx, actor, input.previousToken, 'failed', 'the ID token names nobody');

  return ctx.db.transaction().execute(async (trx) => {
    const staff = await matchStaff(trx, ctx, actor, identity);
    if (!staff)
      return refuse(
        ctx,
        actor,
        input.previousToken,
        'unknown',
        `no staff record for ${describe(identity)}`,
        trx,
      );
    const who = { ...actor, id: staff.id, name: staff.name };
    if (hasLeft(staff, londonDay(ctx.clock.now()))) {
      await deleteSessionsOf(trx, staff.id);
      return refuse(ctx, who, input.previousToken, 'left', `${staff.name} has left`, trx, staff.id);
    }
    if (ctx.oidc.roleMap) {
      const roles = rolesFromDirectory(identity.memberships, ctx.oidc.roleMap, ROLES);
      if (!roles.length) {
        await deleteSessionsOf(trx, staff.id);
        return refuse(
          ctx,
          who,
          input.previousToken,
          'no-role',
          'no Hub role in the directory',
          trx,
          staff.id,
        );
      }
      const change = roleChange(await rolesOf(trx, staff.id), roles);
      if (change) {
        await replaceRoles(trx, staff.id, roles);
        // The roles changed: sessions begun under the old ones end with them.
        await deleteSessionsOf(trx, staff.id);
        await recordAudit(trx, ctx.clock, who, {
          action: 'update',
          recordType: 'staff',
          recordId: staff.id,
          summary: change,
        });
      }
    }
    if (input.previousToken) await deleteSession(trx, tokenId(input.previousToken));
    const token = await createSession(trx, ctx.clock, staff.id, ctx.sessionIdleMinutes);
    await keepIdToken(trx, token, exchanged.idToken);
    await recordAudit(trx, ctx.clock, who, {
      action: 'sign-in',
      recordType: 'staff',
      recordId: staff.id,
      summary: 'Signed in with the council account (single sign-on)',
    });
    return { ok: true, token, returnTo: flow.return_to } as const;
  });
}

const describe = (i: DirectoryIdentity) =>
  `${i.email ?? 'no verified email'} (directory id ${i.directoryId})`;

/**
 * By directory object id once linked, so a changed email keeps the same person.
 * Else, at a first sign-in, by verified email, but never a record already
 * linked to someone else in the directory. Else a new record if the authority
 * allows it.
 */
async function matchStaff(trx: DbOrTrx, ctx: SsoCtx, actor: Actor, identity: DirectoryIdentity) {
  const now = ctx.clock.now().toISOString();
  const linked = await staffByDirectoryId(trx, identity.directoryId);
  if (linked) return linked;
  if (!identity.email) return undefined;
  const byEmail = await staffByEmail(trx, identity.email);
  if (byEmail) {
    if (byEmail.directory_id) return undefined;
    await linkDirectoryId(trx, byEmail.id, identity.directoryId, now);
    await recordAudit(
      trx,
      ctx.clock,
      { ...actor, id: byEmail.id, name: byEmail.name },
      {
        action: 'update',
        recordType: 'staff',
        recordId: byEmail.id,
        summary: `Linked to the council directory (object id ${identity.directoryId}) at the first single sign-on`,
      },
    );
    return byEmail;
  }
  if (!ctx.oidc.createAccounts) return undefined;
  const created: MatchedStaff = await insertDirectoryStaff(trx, now, {
    email: identity.email,
    name: identity.name ?? identity.email,
    directoryId: identity.directoryId,
  });
  await recordAudit(
    trx,
    ctx.clock,
    { ...actor, id: created.id, name: created.name },
    {
      action: 'create',
      recordType: 'staff',
      recordId: created.id,
      summary: `Created at the first single sign-on as a practitioner in no team, for an admin to place`,
    },
  );
  return created;
}

async function refuse(
  ctx: SsoCtx,
  actor: Actor,
  previousToken: string | undefined,
  reason: SsoRefusal,
  detail: string,
  trx: DbOrTrx = ctx.db,
  staffId: string | null = null,
): Promise<SsoOutcome> {
  if (previousToken) await deleteSession(trx, tokenId(previousToken));
  await recordAudit(trx, ctx.clock, actor, {
    action: 'sign-in-failed',
    recordType: 'staff',
    recordId: staffId,
    summary: `Single sign-on refused (${reason}): ${detail.slice(0, 300)}`,
    outcome: 'denied',
  });
  return { ok: false, reason };
}

/** Where sign-out sends the browser: the provider's sign-out, for a session begun there, else the Hub's page. */
export async function signOutDestination(ctx: Omit<SsoCtx, 'sessionIdleMinutes'>, sessionId: string) {
  const after = hubUrl(ctx.baseUrl, SIGNED_OUT_PATH);
  const idToken = await idTokenOfSession(ctx.db, sessionId);
  if (!idToken) return undefined;
  try {
    return endSessionUrl(await providerConfig(ctx.oidc), idToken, after)?.href;
  } catch {
    // The provider cannot be reached: the Hub's own session still ends.
    return undefined;
  }
}
