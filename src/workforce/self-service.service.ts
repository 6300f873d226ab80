import { staffForExit } from '../people/api.ts';
import type { Actor } from '../platform/audit/audit.ts';
import { recordAudit } from '../platform/audit/audit.ts';
import { newToken, tokenId } from '../platform/auth/sessions.ts';
import { londonDay } from '../platform/calendar/days.ts';
import { NotFoundError, UserInputError } from '../platform/http/errors.ts';
import { newId } from '../platform/ids.ts';
import { composeMessage, mailLayout } from '../platform/mail/message.ts';
import { enqueueMail } from '../platform/mail/outbox.ts';
import { ForbiddenError } from '../platform/policy/policy.ts';
import type { Principal } from '../platform/policy/roles.ts';
import type { Services } from '../platform/services.ts';
import { formatDate } from '../platform/views/format.ts';
import { findLink, insertLink, listItems, readSettings, spendLink } from './interviews.repo.ts';
import {
  type InterviewAnswers,
  leaverToInterview,
  mayReadInterviews,
  recordInterview,
} from './interviews.service.ts';
import { selfServiceMessage } from './messages.ts';

/** What a link page says when it cannot be used: the same words whatever the reason, so nothing is disclosed. */
export const LINK_UNUSABLE =
  'This link has expired or has already been used. If you still want to tell us why you are leaving, ask the Principal Social Worker for a new link.';

/**
 * Sends a leaver a one-time link to the questionnaire, before their leaving
 * date: random token in the message only, its SHA-256 stored, expiring after
 * the setting's days. The link, its audit row and the message commit together.
 */
export async function sendSelfServiceLink(
  services: Pick<Services, 'db' | 'clock' | 'config'>,
  user: Principal,
  actor: Actor,
  staffId: string,
  personalEmail: string,
) {
  if (!(await mayReadInterviews(services, user)))
    throw new ForbiddenError('exit:interviews', 'staff', staffId);
  const leaver = await leaverToInterview(services, staffId);
  const today = londonDay(services.clock.now());
  if (leaver.left_on < today)
    throw new UserInputError(
      `${leaver.name} left on ${formatDate(leaver.left_on)}: a self-service link is sent before the leaving date. Record their interview yourself instead.`,
    );
  const settings = await readSettings(services.db);
  const token = newToken();
  const now = services.clock.now();
  const expires = new Date(now.getTime() + settings.link_days * 86_400_000).toISOString();
  const to = personalEmail || leaver.email;
  const msg = await composeMessage(
    selfServiceMessage({
      to,
      firstName: leaver.name.split(' ')[0] ?? leaver.name,
      path: `/exit-interview/${token}`,
      expires,
      days: settings.link_days,
    }),
    mailLayout(services.config),
  );
  await services.db.transaction().execute(async (trx) => {
    const id = newId();
    await insertLink(trx, {
      id,
      staff_id: leaver.id,
      leaving_on: leaver.left_on,
      token_hash: tokenId(token),
      sent_to: to,
      expires_at: expires,
      used_at: null,
      created_by: user.id,
      created_at: now.toISOString(),
    });
    await enqueueMail(trx, services.clock, msg);
    await recordAudit(trx, services.clock, actor, {
      action: 'create',
      recordType: 'exit-link',
      recordId: id,
      summary: `Sent ${leaver.name} a link to the exit questionnaire`,
    });
  });
  return { name: leaver.name, to };
}

/** The link's leaver, if the link can still be used; null otherwise (expired, used, unknown — said the same). */
export async function usableLink(services: Pick<Services, 'db' | 'clock'>, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const link = await findLink(services.db, tokenId(token));
  if (!link || link.used_at || link.expires_at <= services.clock.now().toISOString()) return null;
  const leaver = await staffForExit(services.db, link.staff_id);
  if (!leaver || leaver.left_on !== link.leaving_on) return null;
  return { link, leaver, reasons: await listItems(services.db, 'wf_reasons', true) };
}

/** The leaver's own answers: the link is spent first, so a second submission (or a second tab) changes nothing. */
export async function submitSelfService(
  services: Pick<Services, 'db' | 'clock'>,
  actor: Actor,
  token: string,
  answers: InterviewAnswers,
) {
  const found = await usableLink(services, token);
  if (!found) throw new UserInputError(LINK_UNUSABLE);
  const at = services.clock.now().toISOString();
  try {
    return await recordInterview(services, actor, found.link.staff_id, answers, {
      selfService: true,
      spend: (trx) => spendLink(trx, found.link.id, at),
      unusable: LINK_UNUSABLE,
    });
  } catch (err) {
    if (err instanceof NotFoundError) throw new UserInputError(LINK_UNUSABLE);
    throw err;
  }
}
