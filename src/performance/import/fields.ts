import { z } from 'zod';
import { isDay } from '../../platform/calendar/days.ts';

/**
 * Cell parsers for import rows. Every message names the column, so a row's
 * error reads on its own: "row 12: visit_date 2026-13-01 is not a real date".
 */
const FORMULA = /^[=+\-@\t\r]/;

export const text = (column: string, max: number, required = false) =>
  z
    .string()
    .trim()
    .max(max, `${column} is longer than ${max} characters`)
    .refine((s) => !required || s.length > 0, `${column} is empty`)
    .refine(
      (s) => !FORMULA.test(s),
      `${column} starts with a character a spreadsheet would run as a formula (= + - @)`,
    );

export const localId = (column: string) =>
  z
    .string()
    .trim()
    .min(1, `${column} is empty`)
    .max(60, `${column} is longer than 60 characters`)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_./-]*$/, `${column} may hold only letters, digits and _ . / -`);

/** A date as YYYY-MM-DD, not after today. */
export const day = (column: string, today: string) =>
  z
    .string()
    .trim()
    .superRefine((s, ctx) => {
      const real: boolean = isDay(s);
      const problem = !s
        ? `${column} is empty`
        : !real
          ? `${column} ${JSON.stringify(s.slice(0, 20))} is not a real date written as YYYY-MM-DD`
          : s > today
            ? `${column} ${s} is in the future`
            : null;
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

export const optionalDay = (column: string, today: string) =>
  z.union([z.literal('').transform(() => null), day(column, today)]);

const YES = ['yes', 'y', 'true', '1'];
const NO = ['no', 'n', 'false', '0', ''];
export const yesNo = (column: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((s) => YES.includes(s) || NO.includes(s), `${column} must be yes or no`)
    .transform((s) => (YES.includes(s) ? 1 : 0) as 0 | 1);

export const oneOf = <T extends string>(column: string, values: readonly [T, ...T[]]) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(values, { message: `${column} must be one of: ${values.join(', ')}` }));
