import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Clock } from '../clock.ts';
import type { DbOrTrx } from '../db/db.ts';
import { safeReturnPath } from '../http/return-path.ts';
import { newToken, setFlash, tokenId } from './sessions.ts';

/**
 * WCAG 2.2.1 (Timing adjustable) without JavaScript: answers a person sends
 * after their session has ended are not lost. They are kept on the server,
 * tied to the person whose session it was, for PENDING_MINUTES; the browser
 * holds only a random token (its hash is the row's id), never the answers.
 * When that same person signs in again they go back to the form (a same-site
 * path only) with their answers filled in, to check and send again: nothing
 * is submitted for them.
 */
export const PENDING_MINUTES = 30;
/** Answers larger than this are not kept (a form of the Hub's is far smaller). */
const MAX_ANSWERS_CHARS = 100_000;

export const pendingCookieName = (production: boolean) => (production ? '__Host-hub_pending' : 'hub_pending');

/**
 * The forms of platform/http/form.ts by the POST route they belong to: the page
 * each goes back to (its own page, where its answers are shown again) and its
 * name, so kept answers reach the right form on a page of several.
 */
interface KnownForm {
  name?: string;
  /** The schema of the route's parameters, which `back` is given parsed. */
  params?: z.ZodType;
  back: (ctx: { params: never; answers: Record<string, unknown> }) => string | Promise<string>;
}
const FORMS = new Map<string, KnownForm>();
export const registerForm = (url: string, known: KnownForm) => FORMS.set(url, known);

/** The person whose session this cookie's token was, if that session has ended by being idle. */
export async function endedSessionOwner(db: DbOrTrx, clock: Clock, token: string | undefined) {
  if (!token) return null;
  const row = await db
    .selectFrom('sessions')
    .select(['staff_id', 'expires_at'])
    .where('id', '=', tokenId(token))
    .executeTakeFirst();
  return row && row.expires_at <= clock.now().toISOString() ? row.staff_id : null;
}

/** The page the form was on: a known form's own page, else the Referer when it is this site's, else home. */
async function formPage(req: FastifyRequest, known: KnownForm | undefined, answers: Record<string, unknown>) {
  if (known) {
    const params = known.params ? known.params.safeParse(req.params) : { success: true, data: {} };
    if (!params.success) return '/';
    try {
      return safeReturnPath(await known.back({ params: params.data as never, answers }));
    } catch {
      return '/';
    }
  }
  const referer = req.headers.referer;
  if (!referer) return '/';
  try {
    const url = new URL(referer);
    return url.host === req.host ? safeReturnPath(`${url.pathname}${url.search}`) : '/';
  } catch {
    return '/';
  }
}

/** Answers worth keeping: text fields, never the form token or a password. */
function keepable(body: unknown): Record<string, unknown> | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const kept = Object.fromEntries(
    Object.entries(body).filter(
      ([k, v]) => k !== '_csrf' && !/password/i.test(k) && (typeof v === 'string' || Array.isArray(v)),
    ),
  );
  return JSON.stringify(kept).length <= MAX_ANSWERS_CHARS ? kept : null;
}

/**
 * A request for a signed-in page arrived without a live session. When the
 * browser's session had ended by being idle, keep what a form sent and say so
 * on the sign-in page; the address returned to is the form's own page.
 */
export async function sendToSignIn(
  req: FastifyRequest,
  reply: FastifyReply,
  services: { db: DbOrTrx; clock: Clock; production: boolean; sessionCookie: string },
) {
  const { db, clock } = services;
  const owner = await endedSessionOwner(db, clock, req.cookies[services.sessionCookie]);
  const ended = owner ? '&sessionEnded=1' : '';
  if (req.method === 'GET')
    return reply.redirect(`/sign-in?returnTo=${encodeURIComponent(req.url)}${ended}`, 303);
  const answers = owner ? keepable(req.body) : null;
  const known = FORMS.get(req.routeOptions.url ?? '');
  const returnTo = await formPage(req, known, answers ?? {});
  if (owner && answers) {
    const name = known?.name;
    const token = newToken();
    await db
      .insertInto('pending_forms')
      .values({
        id: tokenId(token),
        staff_id: owner,
        return_to: returnTo,
        answers: JSON.stringify(name ? { ...answers, form: name } : answers),
        expires_at: new Date(clock.now().getTime() + PENDING_MINUTES * 60_000).toISOString(),
      })
      .execute();
    reply.setCookie(pendingCookieName(services.production), token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: services.production,
      maxAge: PENDING_MINUTES * 60,
    });
  }
  return reply.redirect(
    `/sign-in?returnTo=${encodeURIComponent(returnTo)}${ended}${owner && answers ? '&answersKept=1' : ''}`,
    303,
  );
}

/**
 * After a sign-in: the answers kept for this person (and no one else), put
 * into their new session for the form to show, and the form's page to go to.
 * The kept row is used once.
 */
export async function restorePendingForm(
  db: DbOrTrx,
  clock: Clock,
  token: string | undefined,
  staffId: string,
  sessionToken: string,
): Promise<string | null> {
  if (!token) return null;
  const id = tokenId(token);
  const row = await db
    .selectFrom('pending_forms')
    .select(['staff_id', 'return_to', 'answers', 'expires_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  await db.deleteFrom('pending_forms').where('id', '=', id).execute();
  if (!row || row.staff_id !== staffId || row.expires_at <= clock.now().toISOString()) return null;
  await setFlash(db, tokenId(sessionToken), {
    form: { values: JSON.parse(row.answers), errors: { summary: [], fields: {} } },
    success:
      'You were signed out because you had not used the Hub for a while. Your answers are below: check them and send them again.',
    notice: true,
  });
  return safeReturnPath(row.return_to);
}

export async function deleteExpiredPendingForms(db: DbOrTrx, clock: Clock) {
  await db.deleteFrom('pending_forms').where('expires_at', '<=', clock.now().toISOString()).execute();
}
