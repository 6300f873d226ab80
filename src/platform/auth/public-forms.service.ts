import { z } from 'zod';
import type { Actor } from '../audit/audit.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { UserInputError } from '../http/errors.ts';
import { newPasswordForm, workEmail } from './fields.ts';
import {
  checkLink,
  type LinkContext,
  requestPasswordReset,
  setPasswordFromLink,
} from './password-links.service.ts';
import { type SignInResult, signIn } from './sign-in.service.ts';

/**
 * The forms a person fills in before they are signed in: sign-in, "forgotten
 * your password?" and setting a password from an emailed link. There is no
 * session yet to keep their answers in, so a refusal shows the same page again
 * (422) with what was wrong, instead of post/redirect/get through `form()`.
 */
export type Problem = { field: string; text: string };

const problemsOf = (error: z.ZodError): Problem[] =>
  error.issues.map((i) => ({ field: String(i.path[0] ?? 'form'), text: i.message }));

/** What the forms send, as text (anything else is treated as not given). */
const text = z.string().optional().catch(undefined);
export const signInAnswers = z.object({ email: text, password: text, returnTo: text });
export const emailAnswers = z.object({ email: text });
export const newPasswordAnswers = z.object({ password: text, confirm: text });

const signInForm = z.object({
  email: workEmail,
  password: z.string().min(1, 'Enter your password').max(500),
});

export type SignInOutcome = SignInResult | { ok: false; reason: 'answers'; problems: Problem[] };

/** Checks the sign-in answers, then the password; a right one replaces the browser's session with a new one. */
export async function signInWithAnswers(
  services: { db: Db; clock: Clock; sessionIdleMinutes: number; breakGlassOnly?: string },
  actor: Actor,
  answers: z.infer<typeof signInAnswers>,
  previousToken: string | undefined,
): Promise<SignInOutcome> {
  const parsed = signInForm.safeParse(answers);
  if (!parsed.success) return { ok: false, reason: 'answers', problems: problemsOf(parsed.error) };
  return signIn(services.db, services.clock, actor, {
    ...parsed.data,
    previousToken,
    idleMinutes: services.sessionIdleMinutes,
    breakGlassOnly: services.breakGlassOnly,
  });
}

/** Sends a reset link if the address has an account; the answer is the same either way. */
export async function requestResetWithAnswers(
  ctx: LinkContext,
  actor: Actor,
  answers: z.infer<typeof emailAnswers>,
): Promise<{ ok: true; email: string } | { ok: false; problems: Problem[] }> {
  const parsed = z.object({ email: workEmail }).safeParse(answers);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
  await requestPasswordReset(ctx, actor, parsed.data.email);
  return { ok: true, email: parsed.data.email };
}

export type LinkOwner = NonNullable<Awaited<ReturnType<typeof checkLink>>>;

/** Sets a password from an emailed link, unless the link no longer works or the password will not do. */
export async function setPasswordWithAnswers(
  db: Db,
  clock: Clock,
  actor: Actor,
  token: string,
  answers: z.infer<typeof newPasswordAnswers>,
): Promise<
  { kind: 'done' } | { kind: 'expired' } | { kind: 'refused'; link: LinkOwner; problems: Problem[] }
> {
  const link = await checkLink(db, clock, token);
  if (!link) return { kind: 'expired' };
  const parsed = newPasswordForm.safeParse(answers);
  if (!parsed.success) return { kind: 'refused', link, problems: problemsOf(parsed.error) };
  try {
    await setPasswordFromLink(db, clock, actor, token, parsed.data.password);
  } catch (err) {
    if (!(err instanceof UserInputError)) throw err;
    return { kind: 'refused', link, problems: [{ field: err.field ?? 'password', text: err.message }] };
  }
  return { kind: 'done' };
}
