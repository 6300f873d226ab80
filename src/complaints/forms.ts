import { z } from 'zod';
import { isDay } from '../platform/calendar/days.ts';
import type { FormErrors } from '../platform/http/forms.ts';

/** The answers and errors kept from a refused form (platform `keptForm`), as presenters take them. */
export type KeptForm = { values: Record<string, unknown>; errors: FormErrors } | undefined;

/** The answers kept for one of a page's several forms (named by form()'s `name`), or none. */
export const keptFor = (kept: KeptForm) => (form: string) => (kept?.values.form === form ? kept.values : {});

/** Form fields shared by the complaints pages. Dates are typed as YYYY-MM-DD, as elsewhere in the Hub. */
export const dayField = (label: string) =>
  z
    .string({ message: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .refine((s) => isDay(s), `Enter ${label} as YYYY-MM-DD, for example 2026-11-30`);

export const text = (label: string, max = 2000) =>
  z
    .string({ message: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`);

export const optionalText = (max = 2000) =>
  z.string().trim().max(max, `Use ${max} characters or fewer`).default('');

/** Checkbox or multi-select values arrive as a string or a list. */
export const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : [v].flat().filter((x) => x !== '')));

export const THEMES = [
  'communication',
  'delay',
  'worker conduct',
  'decisions about care',
  'information sharing',
  'meetings and minutes',
  'contact arrangements',
  'other',
] as const;

export const RECEIVED_HOW = [
  'letter',
  'email',
  'telephone',
  'in person',
  'online form',
  'through an advocate',
] as const;

export const CONTACT_METHODS = [
  'telephone',
  'email',
  'letter',
  'text message',
  'visit',
  'via agency',
] as const;

export const SOURCE_KINDS = {
  compliment: 'Compliment',
  'case-audit': 'Case audit',
  'practice-review': 'Practice review',
  inspection: 'Inspection feedback',
} as const;
export type SourceKind = keyof typeof SOURCE_KINDS;

export const OUTCOME_NAMES = {
  upheld: 'Upheld',
  'partly-upheld': 'Partly upheld',
  'not-upheld': 'Not upheld',
} as const;

export const selectItems = (values: readonly string[], chosen: unknown, first?: string) => [
  ...(first ? [{ value: '', text: first }] : []),
  ...values.map((v) => ({ value: v, text: v[0]!.toUpperCase() + v.slice(1), selected: v === chosen })),
];
