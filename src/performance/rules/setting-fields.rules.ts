import { z } from 'zod';
import { DEFAULT_SETTINGS, type RuleSettings } from './settings.rules.ts';
import type { RuleId } from './types.ts';

/** A group of numbers stored together in one row: a rule's parameters, or the "due soon" window. */
export type SettingId = keyof RuleSettings;

type Unit = 'working days' | 'days' | 'months';
const RANGE: Record<Unit, { min: number; max: number }> = {
  'working days': { min: 1, max: 365 },
  days: { min: 1, max: 365 },
  months: { min: 1, max: 24 },
};

/** One number a person can change, named in words and bounded to something sensible. */
export interface SettingField {
  setting: SettingId;
  /** The parameter inside the rule's settings; null for a setting that is a single number. */
  param: string | null;
  /** Form field name and id (letters, digits and dashes only, so it can be a link target). */
  name: string;
  label: string;
  unit: Unit;
  min: number;
  max: number;
}

const field = (
  setting: SettingId,
  param: string | null,
  label: string,
  unit: Unit,
  range = RANGE[unit],
): SettingField => ({ setting, param, name: param ? `${setting}-${param}` : setting, label, unit, ...range });

export const SETTING_FIELDS: readonly SettingField[] = [
  // A warning window longer than a month and a half would mark most work "due soon".
  field('dueSoonWorkingDays', null, 'Work is “due soon” when it is due within', 'working days', {
    min: 1,
    max: 30,
  }),
  field('assessment', 'workingDays', 'Assessment finished within, from the referral', 'working days'),
  field('icpc', 'workingDays', 'Conference held within, from the strategy discussion', 'working days'),
  field('first-core-group', 'workingDays', 'First core group within, from the conference', 'working days'),
  field('review-conference', 'firstMonths', 'First review within, from the plan starting', 'months'),
  field('review-conference', 'thenMonths', 'Then a review at least every', 'months'),
  field('cp-visits', 'workingDays', 'Child seen at least every', 'working days'),
  field('cin-visits', 'workingDays', 'Child seen at least every', 'working days'),
  field('lac-visits', 'afterPlacementDays', 'Child seen within, from each new placement', 'days'),
  field('lac-visits', 'firstYearDays', 'Then at least every, in the placement’s first year', 'days'),
  field('lac-visits', 'longTermMonths', 'After the first year, in a long-term placement, every', 'months'),
  field('lac-visits', 'otherDays', 'After the first year, in other placements, every', 'days'),
  field('lac-reviews', 'firstWorkingDays', 'First review within, from coming into care', 'working days'),
  field('lac-reviews', 'secondMonths', 'Second review within, from the first', 'months'),
  field('lac-reviews', 'thenMonths', 'Then a review at least every', 'months'),
];

/** The settings in the order the page shows them. */
export const SETTING_IDS = [...new Set(SETTING_FIELDS.map((f) => f.setting))] as SettingId[];

export const isSettingId = (v: string): v is SettingId => (SETTING_IDS as string[]).includes(v);

/** A field's value in a set of settings. */
export function fieldValue(s: RuleSettings, f: SettingField): number {
  const v = s[f.setting] as number | Record<string, number>;
  return typeof v === 'number' ? v : v[f.param!]!;
}

export const defaultOf = (f: SettingField) => fieldValue(DEFAULT_SETTINGS, f);

export const MAX_REASON_LENGTH = 500;

const count = (f: SettingField) => {
  const message = `Enter a whole number of ${f.unit} from ${f.min} to ${f.max}`;
  return z
    .string({ error: message })
    .trim()
    .regex(/^\d{1,4}$/, message)
    .transform(Number)
    .pipe(z.number().int().min(f.min, message).max(f.max, message));
};

/** The change form: every number, and why it is being changed. */
export const settingsForm = z.object({
  ...Object.fromEntries(SETTING_FIELDS.map((f) => [f.name, count(f)])),
  reason: reasonField(),
});

export function reasonField() {
  return z
    .string({ error: 'Enter the reason for the change' })
    .trim()
    .min(1, 'Enter the reason for the change')
    .max(MAX_REASON_LENGTH, `The reason must be ${MAX_REASON_LENGTH} characters or fewer`);
}

/** The form's numbers as settings (starting from the defaults, so every field is set). */
export function settingsFromForm(values: Record<string, number>): RuleSettings {
  const out = structuredClone(DEFAULT_SETTINGS) as unknown as Record<string, number | Record<string, number>>;
  for (const f of SETTING_FIELDS) {
    if (f.param === null) out[f.setting] = values[f.name]!;
    else (out[f.setting] as Record<string, number>)[f.param] = values[f.name]!;
  }
  return out as unknown as RuleSettings;
}

/** The title a setting is known by. */
export const settingTitle = (id: SettingId, rules: Record<RuleId, { title: string }>) =>
  id === 'dueSoonWorkingDays' ? '“Due soon”' : rules[id].title;
