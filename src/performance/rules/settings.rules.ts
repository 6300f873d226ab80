import type { RuleId } from './types.ts';

/**
 * Each rule's parameters, with the default from statute or guidance and where
 * it comes from, so the "how we work this out" page can show its source. An
 * authority overrides any number in performance_rule_settings.
 */
export interface RuleSettings {
  dueSoonWorkingDays: number;
  assessment: { workingDays: number };
  icpc: { workingDays: number };
  'first-core-group': { workingDays: number };
  'review-conference': { firstMonths: number; thenMonths: number };
  'cp-visits': { workingDays: number };
  'cin-visits': { workingDays: number };
  'lac-visits': {
    afterPlacementDays: number;
    firstYearDays: number;
    longTermMonths: number;
    otherDays: number;
  };
  'lac-reviews': { firstWorkingDays: number; secondMonths: number; thenMonths: number };
}

export const DEFAULT_SETTINGS: RuleSettings = {
  dueSoonWorkingDays: 5,
  assessment: { workingDays: 45 },
  icpc: { workingDays: 15 },
  'first-core-group': { workingDays: 10 },
  'review-conference': { firstMonths: 3, thenMonths: 6 },
  'cp-visits': { workingDays: 10 },
  'cin-visits': { workingDays: 20 },
  'lac-visits': { afterPlacementDays: 7, firstYearDays: 42, longTermMonths: 3, otherDays: 42 },
  'lac-reviews': { firstWorkingDays: 20, secondMonths: 3, thenMonths: 6 },
};

export interface RuleDescription {
  id: RuleId;
  title: string;
  /** Why it matters, in terms of the child. */
  why: string;
  source: string;
}

export const RULE_DESCRIPTIONS: Record<RuleId, RuleDescription> = {
  assessment: {
    id: 'assessment',
    title: 'Assessment',
    why: 'Families get the right help at the right time.',
    source: 'Working Together to Safeguard Children (2018, paragraph 82; kept in 2023)',
  },
  icpc: {
    id: 'icpc',
    title: 'Initial child protection conference',
    why: 'A child at risk of significant harm has a plan agreed quickly.',
    source: 'Working Together to Safeguard Children',
  },
  'first-core-group': {
    id: 'first-core-group',
    title: 'First core group',
    why: 'The people who help the child start working on the plan together.',
    source: 'Working Together to Safeguard Children',
  },
  'review-conference': {
    id: 'review-conference',
    title: 'Child protection review conference',
    why: 'The child’s plan is checked to see whether they are now safe.',
    source: 'Working Together to Safeguard Children',
  },
  'cp-visits': {
    id: 'cp-visits',
    title: 'Child protection visits',
    why: 'A child on a child protection plan is seen and safe.',
    source: 'Local procedures (no statutory frequency; the plan sets it)',
  },
  'cin-visits': {
    id: 'cin-visits',
    title: 'Child in need visits',
    why: 'A child in need is seen and the help is working.',
    source: 'Local procedures',
  },
  'lac-visits': {
    id: 'lac-visits',
    title: 'Visits to children in care',
    why: 'A child in care is seen where they live and can say how it is going.',
    source: 'Care Planning, Placement and Case Review (England) Regulations 2010, regulation 28',
  },
  'lac-reviews': {
    id: 'lac-reviews',
    title: 'Reviews for children in care',
    why: 'The child’s care plan is reviewed with them and the people around them.',
    source: 'Care Planning, Placement and Case Review (England) Regulations 2010, regulation 33',
  },
};

/** Defaults with the authority's overrides laid over them (unknown keys and bad numbers ignored). */
export function withOverrides(overrides: Partial<Record<keyof RuleSettings, unknown>>): RuleSettings {
  const out = structuredClone(DEFAULT_SETTINGS) as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides)) {
    const current = out[key];
    if (typeof current === 'number') {
      if (isCount(value)) out[key] = value;
    } else if (current && typeof current === 'object' && value && typeof value === 'object') {
      const params = current as Record<string, number>;
      for (const [p, v] of Object.entries(value)) if (p in params && isCount(v)) params[p] = v;
    }
  }
  return out as unknown as RuleSettings;
}

const isCount = (v: unknown): v is number =>
  Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= 1000;
