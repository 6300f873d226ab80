import { z } from 'zod';
import { isDay } from '../platform/calendar/days.ts';

/** A checkbox group arrives as nothing, one value or several. */
export const many = z.preprocess(
  (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string().max(100)).max(50),
);

const rating = z
  .union([z.literal(''), z.enum(['1', '2', '3', '4', '5'])])
  .optional()
  .transform((v) => (v ? Number(v) : undefined));
const text = (what: string, max = 5000) =>
  z
    .string()
    .trim()
    .max(max, `Keep ${what} under ${max.toLocaleString('en-GB')} characters`)
    .default('');

export const interviewBody = z.object({
  reasons: many,
  mainReason: z
    .string()
    .max(100)
    .optional()
    .transform((v) => v || undefined),
  supervision: rating,
  caseload: rating,
  training: rating,
  practiceModel: rating,
  childrenAtHeart: rating,
  startedOn: z
    .string()
    .trim()
    .default('')
    .refine((s) => !s || isDay(s), 'Enter the start date as YYYY-MM-DD, for example 2021-09-01'),
  destination: text('where they are going', 200),
  wouldHaveStayed: text('what would have made them stay'),
  freeText: text('anything else'),
  consentToQuote: z.enum(['yes', 'no'], { message: 'Say whether their anonymised words may be quoted' }),
});
export type InterviewBody = z.infer<typeof interviewBody>;

export const toAnswers = (b: InterviewBody) => ({
  reasons: b.reasons,
  mainReason: b.mainReason,
  ratings: {
    supervision: b.supervision,
    caseload: b.caseload,
    training: b.training,
    practiceModel: b.practiceModel,
    childrenAtHeart: b.childrenAtHeart,
  },
  startedOn: b.startedOn || undefined,
  destination: b.destination,
  wouldHaveStayed: b.wouldHaveStayed,
  freeText: b.freeText,
  consentToQuote: b.consentToQuote === 'yes',
});

export const tagBody = z.object({ themes: many, quote: text('the quote', 1000) });

export const linkBody = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(200)
    .default('')
    .refine(
      (s) => !s || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s),
      'Enter an email address like name@example.org, or leave it empty to use their work address',
    ),
});

export const settingsBody = z.object({
  minGroup: z.coerce
    .number({ message: 'Enter the smallest group as a whole number' })
    .int('Enter the smallest group as a whole number')
    .min(2, 'The smallest group must be at least 2')
    .max(50, 'The smallest group can be at most 50'),
  retentionMonths: z.coerce
    .number({ message: 'Enter the retention period in months' })
    .int('Enter whole months')
    .min(1, 'Keep interviews at least 1 month')
    .max(120, 'Keep interviews at most 120 months'),
  linkDays: z.coerce
    .number({ message: 'Enter how many days a link works' })
    .int('Enter whole days')
    .min(1, 'A link must work at least 1 day')
    .max(60, 'A link can work at most 60 days'),
});

export const labelBody = z.object({
  label: z.string().trim().min(1, 'Enter the name').max(100, 'Keep the name under 100 characters'),
});
export const delegateBody = z.object({
  email: z.string().trim().toLowerCase().min(1, 'Enter the email address of the person').max(200),
});
