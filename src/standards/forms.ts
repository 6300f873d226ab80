import { z } from 'zod';
import { isDay } from '../platform/calendar/days.ts';
import type { FormErrors } from '../platform/http/forms.ts';
import type { StandardInput } from './library.service.ts';
import { AREA_IDS, SOURCE_KIND_IDS } from './standards.rules.ts';

export type KeptForm = { values: Record<string, unknown>; errors: FormErrors } | undefined;

const text = (label: string, max = 4000) =>
  z
    .string({ message: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`);
const optional = (max = 4000) => z.string().trim().max(max, `Use ${max} characters or fewer`).default('');
export const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : [v].flat().filter((x) => x !== '')));
export const dayField = (label: string) =>
  z
    .string({ message: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .refine((s) => isDay(s), `Enter ${label} as YYYY-MM-DD, for example 2027-06-30`);

/** "Text | https://…", one link a line. */
const links = optional(4000).transform((v, ctx) => {
  const out: { text: string; href: string }[] = [];
  for (const line of v
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)) {
    const [label, href] = line.includes('|') ? line.split('|').map((x) => x.trim()) : [line, line];
    if (!href || !/^https?:\/\/[^\s]+$/.test(href)) {
      ctx.addIssue({
        code: 'custom',
        message: `Write each link as a name, a bar and an address starting https://: “${line.slice(0, 60)}”`,
      });
      return z.NEVER;
    }
    out.push({ text: label || href, href });
  }
  return out;
});

const days = z
  .string()
  .trim()
  .default('')
  .refine((s) => s === '' || /^-?\d{1,6}$/.test(s), 'Enter the timescale as a whole number of working days')
  .transform((s) => (s === '' ? null : Number(s)));

export const standardFields = {
  area: z.enum(AREA_IDS, { message: 'Choose the area the standard belongs to' }),
  title: text('the standard’s title', 200),
  level: z.enum(['must', 'should'], {
    message: 'Choose whether the law requires it (must) or it is local practice (should)',
  }),
  body: text('what must be done'),
  byWhen: optional(300),
  whyChild: text('why it matters for the child', 2000),
  sourceKind: z.enum(SOURCE_KIND_IDS, { message: 'Choose where the standard comes from' }),
  sourceDetail: optional(300),
  ownerId: z
    .string({ message: 'Choose the manager responsible for the standard' })
    .trim()
    .min(1, 'Choose the manager responsible for the standard')
    .max(100),
  reviewOn: dayField('the review date'),
  related: list,
  links,
  timescaleField: z.string().trim().max(100).default(''),
  timescaleDays: days,
  inAudit: z
    .string()
    .optional()
    .transform((v) => v === 'yes'),
};
export const newStandardForm = z.object(standardFields);
export const changeStandardForm = z.object({
  ...standardFields,
  summary: text('a summary of what changed', 500),
  reason: text('why it changed', 500),
  major: z
    .string()
    .optional()
    .transform((v) => v === 'yes'),
  fromVersion: z.coerce.number().int().min(1),
  /** A lesson action this change answers, or empty. */
  lessonActionId: z.string().trim().max(100).default(''),
});

/** The form's answers as a standard. */
export function standardFromForm(d: z.infer<typeof newStandardForm>): StandardInput {
  return { ...d, timescaleField: d.timescaleField || null };
}
