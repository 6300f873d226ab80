import type { FormErrors } from '../http/forms.ts';
import { formErrors } from '../http/forms.ts';
import { safeReturnPath } from '../http/return-path.ts';
import type { LinkOwner, Problem, SignInOutcome } from './public-forms.service.ts';

/** What the sign-in, password and account pages say. Pure. */

/**
 * The sign-in page, with a notice when the person has just set their password
 * or signed out, or when their session ended by being idle (and whether what
 * they sent was kept).
 */
export function presentSignIn(q: {
  returnTo?: string;
  passwordSet?: string;
  signedOut?: string;
  sessionEnded?: string;
  answersKept?: string;
}) {
  const notice = q.passwordSet
    ? 'Your password has been set. Sign in with it now.'
    : q.signedOut
      ? 'You have signed out.'
      : undefined;
  const sessionEnded = q.sessionEnded
    ? q.answersKept
      ? 'You were signed out because you had not used the Hub for a while. What you sent has been kept: sign in again to go back to the form with your answers.'
      : 'You were signed out because you had not used the Hub for a while. Sign in again to carry on.'
    : undefined;
  return { title: 'Sign in', notice, sessionEnded, values: { returnTo: safeReturnPath(q.returnTo) } };
}

export const SIGN_IN_REFUSED =
  'The email address or password is not right. Check them and try again. After several wrong tries the Hub waits a little longer before it checks again.';

export const SIGN_IN_REFUSED_SSO_ONLY =
  'Sign in with your council account. Passwords work only for the emergency admin account, and the email address or password is not right for it.';

/** A refused sign-in: the page again (never the password), with why, and its status. */
export function presentSignInRefused(
  outcome: Exclude<SignInOutcome, { ok: true }>,
  answers: { email?: string; returnTo?: string },
  sso?: { passwordsOff: boolean },
) {
  const values = { email: answers.email ?? '', returnTo: safeReturnPath(answers.returnTo) };
  if (outcome.reason === 'answers')
    return { status: 422, view: { title: 'Sign in', values, errors: formErrors(outcome.problems) } };
  // One answer for every refusal, so it says nothing about whether the account exists or is being slowed.
  const text = sso?.passwordsOff ? SIGN_IN_REFUSED_SSO_ONLY : SIGN_IN_REFUSED;
  return { status: 401, view: { title: 'Sign in', values, errors: formErrors([{ field: 'email', text }]) } };
}

export function presentForgottenPassword(refused?: { values: { email?: string }; problems: Problem[] }): {
  title: string;
  errors?: FormErrors;
  values?: { email?: string };
  backLink?: { href: string };
} {
  const title = 'Reset your password';
  if (!refused) return { title, backLink: { href: '/sign-in' } };
  return { title, errors: formErrors(refused.problems), values: refused.values };
}

export const presentCheckEmail = (email: string) => ({ title: 'Check your email', email });

export const presentLinkExpired = () => ({ title: 'This link no longer works' });

export function presentSetPassword(
  link: Pick<LinkOwner, 'name' | 'email'>,
  token: string,
  problems?: Problem[],
) {
  return {
    title: 'Choose your password',
    name: link.name,
    email: link.email,
    token,
    ...(problems ? { errors: formErrors(problems) } : {}),
  };
}

export function presentChangePassword(errors?: FormErrors) {
  return { title: 'Change your password', errors, backLink: { href: '/' } };
}
