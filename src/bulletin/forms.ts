import { z } from 'zod';
import { isDay } from '../platform/calendar/days.ts';
import { ROLES } from '../platform/policy/roles.ts';
import type { Distribution } from './editions.rules.ts';

const text = (label: string, max: number) =>
  z
    .string({ message: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `Use ${max} characters or fewer for ${label}`);
const optional = (label: string, max: number) =>
  z.string().trim().max(max, `Use ${max} characters or fewer for ${label}`).default('');
const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : [v].flat().filter((x) => x !== '')));
const day = (label: string) =>
  z
    .string({ message: `Enter ${label}` })
    .trim()
    .refine((s) => isDay(s), `Enter ${label} as YYYY-MM-DD, for example 2027-01-31`);
const tick = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => v !== undefined);

export const newEditionForm = z.object({
  month: z
    .string({ message: 'Enter the month' })
    .trim()
    .regex(/^20\d\d-(0[1-9]|1[0-2])$/, 'Enter the month as YYYY-MM, for example 2027-01'),
  welcome: optional('the welcome', 4000),
  signOff: optional('the sign-off', 500),
});

export const detailsForm = z
  .object({
    welcome: optional('the welcome', 4000),
    signOff: optional('the sign-off', 500),
    trainingFrom: day('the first day of the training list'),
    trainingTo: day('the last day of the training list'),
    kind: z.enum(['everyone', 'services', 'teams', 'roles'], { message: 'Choose who the edition goes to' }),
    services: list,
    teams: list,
    roles: list.refine(
      (r) => r.every((x) => (ROLES as readonly string[]).includes(x)),
      'Choose roles from the list',
    ),
  })
  .transform((d) => ({
    ...d,
    distribution: (d.kind === 'everyone'
      ? { kind: 'everyone' }
      : { kind: d.kind, ids: d[d.kind] }) as Distribution,
  }));

export const articleForm = z
  .object({
    kind: z.enum(['article', 'pull-quote']).default('article'),
    title: optional('the title', 200),
    body: text('the text', 20_000),
    mustRead: tick,
  })
  .refine((a) => a.kind === 'pull-quote' || a.title.length > 0, {
    message: 'Enter the title',
    path: ['title'],
  });

export const changeArticleForm = z.object({
  title: optional('the title', 200),
  body: text('the text', 20_000),
  mustRead: tick,
  correction: optional('the correction note', 500),
});

export const scheduleForm = z.object({
  day: day('the day to send it'),
  time: z
    .string({ message: 'Enter the time' })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter the time as 24-hour hours and minutes, for example 09:00'),
});

export const articleRef = z.object({ article: z.string().min(1).max(100) });
export const usefulForm = articleRef.extend({ useful: z.enum(['yes', 'no'], { message: 'Say yes or no' }) });
export const feedbackForm = z.object({
  rating: z.coerce
    .number({ message: 'Choose how useful the edition was' })
    .int()
    .min(1, 'Choose how useful the edition was')
    .max(5, 'Choose how useful the edition was'),
  wish: optional('what you would like to see', 2000),
});

export const contributionForm = z.object({
  title: text('a title', 200),
  body: text('your article or idea', 20_000),
});
export const acceptForm = z.object({
  edition: z.string({ message: 'Choose the edition' }).min(1, 'Choose the edition').max(100),
});
export const answerForm = z.object({
  decision: z.enum(['changes-asked', 'declined'], { message: 'Choose what to do' }),
  note: optional('the reason', 2000),
});
export const editorForm = z.object({
  email: z.string({ message: 'Enter an email address' }).trim().min(3, 'Enter an email address').max(254),
  change: z.enum(['add', 'remove']),
});

/** A London wall-clock day and time as an instant (the offset of that day: GMT or BST). */
export function londonInstant(day: string, time: string): Date {
  const guess = new Date(`${day}T${time}:00Z`);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(guess);
  const h = Number(parts.find((p) => p.type === 'hour')?.value);
  const m = Number(parts.find((p) => p.type === 'minute')?.value);
  const [wantH, wantM] = time.split(':').map(Number) as [number, number];
  const offsetMinutes = h * 60 + m - (wantH * 60 + wantM);
  const normalised = ((offsetMinutes + 720) % 1440) - 720;
  return new Date(guess.getTime() - normalised * 60_000);
}
