import { z } from 'zod';

/** A work email address as people type it into the sign-in and reset forms. */
export const workEmail = z
  .string()
  .trim()
  .min(1, 'Enter your work email address')
  .max(200)
  .email('Enter an email address in the correct format, like name@example.org');
