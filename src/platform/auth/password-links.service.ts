import { type Actor, recordAudit } from '../audit/audit.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { NotFoundError, UserInputError } from '../http/errors.ts';
import { composeMessage } from '../mail/message.ts';
import type { MailLayout } from '../mail/message-types.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { passwordLinkMessage } from './password-links.mail.ts';
import { hashPassword } from './passwords.ts';
import { newToken, tokenId } from './sessions.ts';
import { countInWindow, forgetAccount, RESET_EMAIL_LIMITS, throttleKey } from './throttle.ts';

/** How long an emailed link works: a week to accept an invitation, an hour to reset a password. */
export const LINK_LIFETIME_MS = { invite: 7 * 24 * 3_600_000, reset: 3_600_000 } as const;
export const MIN_PASSWORD_LENGTH = 12;

type Purpose = keyof typeof LINK_LIFETIME_MS;

/** The database, the clock and the mail layout (mailLayout(config)): links are made absolute from its baseUrl. */
export interface LinkContext extends MailLayout {
  db: Db;
  clock: Clock;
}

/**
 * Emails a one-time link to set a password. The link, its audit row and the
 * message commit together; the database keeps only a hash of the token, and
 * the outbox keeps the link only until the message is sent (it is one of the
 * message's secrets, cut out of the stored text after sending).
 */
async function sendLink(ctx: LinkContext, actor: Actor, staffId: string, purpose: Purpose) {
  return ctx.db.transaction().execute(async (trx) => {
    const staff = await trx
      .selectFrom('staff')
      .select(['id', 'name', 'email', 'active'])
      .where('id', '=', staffId)
      .executeTakeFirst();
    if (!staff) throw new NotFoundError('staff');
    if (staff.active !== 1) throw new UserInputError(`${staff.name} has left, so cannot be given access`);
    const token = newToken();
    const now = ctx.clock.now();
    await trx
      .insertInto('password_tokens')
      .values({
        id: tokenId(token),
        staff_id: staff.id,
        purpose,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + LINK_LIFETIME_MS[purpose]).toISOString(),
        used_at: null,
      })
      .execute();
    const content = passwordLinkMessage(purpose, {
      name: staff.name,
      email: staff.email,
      path: `/set-password/${token}`,
      serviceName: ctx.serviceName,
    });
    await enqueueMail(trx, ctx.clock, { ...(await composeMessage(content, ctx)), secrets: [token] });
    await recordAudit(trx, ctx.clock, actor, {
      action: 'update',
      recordType: 'staff',
      recordId: staff.id,
      summary:
        purpose === 'invite' ? 'Emailed an invitation to set a password' : 'Emailed a password reset link',
    });
    return { email: staff.email, name: staff.name };
  });
}

export const sendInvitation = (ctx: LinkContext, actor: Actor, staffId: string) =>
  sendLink(ctx, actor, staffId, 'invite');

/**
 * Sends a reset link if the address belongs to an active person; says nothing
 * either way to the caller's user. Requests are counted per address and per
 * source in the database (whether or not the address has an account, so the
 * limit says nothing either), and past either limit no more links go out that hour.
 */
export async function requestPasswordReset(ctx: LinkContext, actor: Actor, email: string): Promise<void> {
  const address = email.trim().toLowerCase();
  const now = ctx.clock.now();
  const { perAddress, perSource, windowMs } = RESET_EMAIL_LIMITS;
  const forAddress = await countInWindow(ctx.db, throttleKey('reset address', address), now, windowMs);
  const fromSource = actor.ip
    ? await countInWindow(ctx.db, throttleKey('reset source', actor.ip), now, windowMs)
    : 0;
  const staff = await ctx.db
    .selectFrom('staff')
    .select('id')
    .where('email', '=', address)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (forAddress > perAddress || fromSource > perSource) {
    await recordAudit(ctx.db, ctx.clock, actor, {
      action: 'update',
      recordType: 'staff',
      recordId: staff?.id ?? null,
      summary: `No reset link sent: too many asked ${forAddress > perAddress ? 'for this email address' : 'from this network address'} this hour`,
      outcome: 'denied',
    });
    return;
  }
  if (staff) await sendLink(ctx, actor, staff.id, 'reset');
}

/** The person a link belongs to, if it is still usable. */
export async function checkLink(db: Db, clock: Clock, token: string) {
  return db
    .selectFrom('password_tokens')
    .innerJoin('staff', 'staff.id', 'password_tokens.staff_id')
    .select(['password_tokens.id', 'staff.id as staff_id', 'staff.name', 'staff.email'])
    .where('password_tokens.id', '=', tokenId(token))
    .where('password_tokens.used_at', 'is', null)
    .where('password_tokens.expires_at', '>', clock.now().toISOString())
    .where('staff.active', '=', 1)
    .executeTakeFirst();
}

/**
 * Sets the password from a link: the link is spent, every other link and
 * every session of that person ends, and any lockout is lifted.
 */
export async function setPasswordFromLink(
  db: Db,
  clock: Clock,
  actor: Actor,
  token: string,
  password: string,
) {
  const link = await checkLink(db, clock, token);
  if (!link) throw new UserInputError('This link has expired or has already been used. Ask for a new one.');
  if (password.toLowerCase() === link.email)
    throw new UserInputError('Your password must not be your email address', 'password');
  const hash = await hashPassword(password);
  const now = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    // Spending the link is conditional, so two tabs posting at once cannot both use it.
    const spent = await trx
      .updateTable('password_tokens')
      .set({ used_at: now })
      .where('id', '=', link.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(spent.numUpdatedRows) !== 1)
      throw new UserInputError('This link has already been used. Ask for a new one.');
    await trx
      .updateTable('password_tokens')
      .set({ used_at: now })
      .where('staff_id', '=', link.staff_id)
      .where('used_at', 'is', null)
      .execute();
    await trx
      .updateTable('staff')
      .set({ password_hash: hash, failed_signins: 0, locked_until: null, updated_at: now })
      .where('id', '=', link.staff_id)
      .execute();
    await trx.deleteFrom('sessions').where('staff_id', '=', link.staff_id).execute();
    await forgetAccount(trx, link.email);
    await recordAudit(
      trx,
      clock,
      { ...actor, id: link.staff_id, name: link.name },
      {
        action: 'update',
        recordType: 'staff',
        recordId: link.staff_id,
        summary: 'Set their password from an emailed link',
      },
    );
  });
}
