import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from './password-links.service.ts';

/** A work email address as people type it into the sign-in and reset forms. */
export const workEmail = z
  .string()
  .trim()
  .min(1, 'Enter your work email address')
  .max(200)
  .email('Enter an email address in the correct format, like name@example.org');

const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Your password must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200, 'Your password must be 200 characters or fewer');
const matching = { message: 'The two passwords do not match', path: ['confirm'] };

/** A new password, typed twice (the emailed-link page). */
export const newPasswordForm = z
  .object({ password: newPassword, confirm: z.string() })
  .refine((f) => f.password === f.confirm, matching);

/** The same, with the current password first (the change-password page). */
export const changePasswordForm = z
  .object({
    current: z.string().min(1, 'Enter your current password').max(500),
    password: newPassword,
    confirm: z.string(),
  })
  .refine((f) => f.password === f.confirm, matching);
