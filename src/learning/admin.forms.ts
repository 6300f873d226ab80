import { z } from 'zod';
import { isDay } from '../platform/calendar/days.ts';
import { londonInstant } from './london-time.ts';
import type { NewCourse } from './offer.repo.ts';
import { dayRowsOf, MAX_DAYS, parseDayRows, rowCount } from './parts.parse.ts';

const text = (max: number, message = `Keep this under ${max} characters`) =>
  z.string().trim().max(max, message).default('');
const yesNo = z.enum(['yes', 'no']).default('no');
const optionalUrl = z
  .string()
  .trim()
  .default('')
  .refine((s) => s === '' || /^https:\/\/[^\s]+$/.test(s), 'Enter a web address starting with https://');
const optionalDay = (what: string) =>
  z
    .string()
    .trim()
    .default('')
    .refine((s) => s === '' || isDay(s), `Enter the ${what} as YYYY-MM-DD, for example 2026-12-01`);

export const courseForm = z
  .object({
    title: z.string().trim().min(1, 'Enter the course title').max(200, 'Keep the title under 200 characters'),
    summary: text(500),
    description: text(5000),
    category: text(100),
    audience: z.enum(['everyone', 'managers']).default('everyone'),
    providerKind: z.enum(['internal', 'external']).default('internal'),
    providerName: text(200),
    providerLink: optionalUrl,
    providerInstructions: text(2000),
    mandatory: yesNo,
    needsApproval: yesNo,
    outcomes: text(3000),
    focusMonth: z
      .string()
      .trim()
      .default('')
      .refine(
        (s) => s === '' || /^\d{4}-(0[1-9]|1[0-2])$/.test(s),
        'Enter the month as YYYY-MM, for example 2026-12',
      ),
    youSaidWeDid: text(3000),
  })
  .refine((c) => c.providerKind === 'internal' || c.providerName !== '', {
    message: 'Enter the name of the outside provider',
    path: ['providerName'],
  });

export const toCourse = (c: z.infer<typeof courseForm>): NewCourse => ({
  title: c.title,
  summary: c.summary,
  description: c.description,
  category: c.category,
  audience: c.audience,
  provider_kind: c.providerKind,
  provider_name: c.providerName,
  provider_link: c.providerLink || null,
  provider_instructions: c.providerInstructions,
  mandatory: c.mandatory === 'yes' ? 1 : 0,
  needs_approval: c.needsApproval === 'yes' ? 1 : 0,
  outcomes: c.outcomes,
  focus_month: c.focusMonth || null,
  you_said_we_did: c.youSaidWeDid,
});

/** The "Add another day" button: the form comes back with one more row and every answer kept. */
export function addAnotherDay(answers: Record<string, unknown>) {
  if (answers.action !== 'add-day') return undefined;
  const rows = rowCount(answers);
  const more = Math.min(MAX_DAYS, rows + 1);
  return { values: { ...answers, dayCount: String(more) }, focus: `day-${more - 1}-day` };
}

const dayRow = z.object({
  day: z.string(),
  month: z.string(),
  year: z.string(),
  start: z.string(),
  end: z.string(),
});

export const sessionForm = z.preprocess(
  // The day rows (day-0-day, day-0-month …) are read into one list before the fields are checked.
  (body) => {
    const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    return { ...b, days: dayRowsOf(b) };
  },
  z
    .object({
      label: text(100),
      capacity: z
        .string()
        .trim()
        .default('')
        .refine(
          (s) => s === '' || (/^\d{1,4}$/.test(s) && Number(s) >= 1 && Number(s) <= 1000),
          'Enter the number of places as a whole number from 1 to 1,000, or leave it blank if not known yet',
        ),
      venue: text(300),
      onlineLink: optionalUrl,
      trainers: text(300),
      days: z.array(dayRow),
      confirmNonWorking: z.unknown().optional(),
      signupOpens: optionalDay('day booking opens'),
      signupCloses: optionalDay('day booking closes'),
      offerWindowDays: z.coerce
        .number({ message: 'Enter the working days as a whole number' })
        .int('Enter the working days as a whole number')
        .min(0, 'Enter 0 or more working days')
        .max(10, 'Use at most 10 working days')
        .default(1),
      holdHours: z.coerce
        .number({ message: 'Enter the hours as a whole number' })
        .int('Enter the hours as a whole number')
        .min(1, 'Hold a place for at least 1 hour')
        .max(72, 'Hold a place for at most 72 hours')
        .default(4),
      cancelCutoffHours: z.coerce
        .number({ message: 'Enter the hours as a whole number' })
        .int('Enter the hours as a whole number')
        .min(0, 'Enter 0 or more hours')
        .max(720, 'Use at most 720 hours')
        .default(24),
    })
    .superRefine((s, ctx) => {
      const parsed = parseDayRows(s.days);
      if ('problems' in parsed)
        for (const p of parsed.problems) ctx.addIssue({ code: 'custom', message: p.text, path: [p.field] });
      if (s.signupOpens && s.signupCloses && s.signupCloses < s.signupOpens)
        ctx.addIssue({
          code: 'custom',
          message: 'Booking must close after it opens',
          path: ['signupCloses'],
        });
    })
    .transform((s) => {
      const { parts } = parseDayRows(s.days) as {
        parts: { day: string; start: string | null; end: string | null; row: number }[];
      };
      return {
        session: {
          label: s.label,
          capacity: s.capacity === '' ? null : Number(s.capacity),
          venue: s.venue,
          onlineLink: s.onlineLink || null,
          trainers: s.trainers,
          parts: parts.map(({ day, start, end }) => ({ day, start, end })),
          // Booking opens at the start of its day and closes at the end of its day, London time.
          signupOpensAt: s.signupOpens ? londonInstant(s.signupOpens, '00:00') : null,
          signupClosesAt: s.signupCloses ? londonInstant(s.signupCloses, '23:59') : null,
          cancelCutoffHours: s.cancelCutoffHours,
          offerWindowDays: s.offerWindowDays,
          holdHours: s.holdHours,
        },
        checks: {
          // Each sorted day's row on the form, so a refusal points at its date field.
          rows: parts.map((p) => p.row),
          confirmNonWorking: s.confirmNonWorking === 'yes',
        },
      };
    }),
);
