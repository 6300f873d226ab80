import type { SettingId } from './rules/setting-fields.rules.ts';
import { DEFAULT_SETTINGS, RULE_DESCRIPTIONS, type RuleSettings } from './rules/settings.rules.ts';
import { RULE_IDS, type RuleId } from './rules/types.ts';
import { changedLine, type SettingChange } from './settings.presenter.ts';

/** 42 days as "6 weeks"; a number of days that is not whole weeks stays in days. */
const weeks = (days: number) => (days % 7 === 0 ? `${days / 7} weeks` : `${days} days`);

/** Each rule's timescale in words, from the authority's current settings. */
export function timescale(rule: RuleId, s: RuleSettings): string {
  switch (rule) {
    case 'assessment':
      return `Finished within ${s.assessment.workingDays} working days of the referral.`;
    case 'icpc':
      return `Held within ${s.icpc.workingDays} working days of the strategy discussion that started the section 47 enquiry.`;
    case 'first-core-group':
      return `Met within ${s['first-core-group'].workingDays} working days of the conference that made the child protection plan.`;
    case 'review-conference':
      return `First within ${s['review-conference'].firstMonths} months of the plan starting, then at most every ${s['review-conference'].thenMonths} months.`;
    case 'cp-visits':
      return `Seen at least every ${s['cp-visits'].workingDays} working days while the plan lasts.`;
    case 'cin-visits':
      return `Seen at least every ${s['cin-visits'].workingDays} working days while the plan lasts.`;
    case 'lac-visits': {
      const p = s['lac-visits'];
      return `Seen within ${p.afterPlacementDays} days of every new placement; then at most every ${weeks(p.firstYearDays)} in the placement’s first year; after that every ${p.longTermMonths} months if the placement is meant to last until they are 18, otherwise every ${weeks(p.otherDays)}.`;
    }
    case 'lac-reviews': {
      const p = s['lac-reviews'];
      return `First review within ${p.firstWorkingDays} working days of coming into care, the second within ${p.secondMonths} months of the first, then at most every ${p.thenMonths} months.`;
    }
  }
}

/**
 * "How we work out whether children's work is on time": each rule, its source
 * and its timescale; where the authority has its own timescale, it is shown
 * beside the default with who changed it, when and why.
 */
export function presentRules(
  {
    settings: s,
    changes,
    sources = new Map(),
  }: {
    settings: RuleSettings;
    changes: Map<string, SettingChange>;
    sources?: Map<string, { title: string; href: string }>;
  },
  canChange: boolean,
) {
  // The practice standards that set a rule's numbers (one per field, usually one per rule).
  const setBy = (id: RuleId) =>
    [...sources].filter(([field]) => field.startsWith(`${id}-`)).map(([, source]) => source);
  const local = (id: SettingId, own: string, byDefault: string) =>
    JSON.stringify(s[id]) === JSON.stringify(DEFAULT_SETTINGS[id])
      ? undefined
      : { own, byDefault, changed: changedLine(changes.get(id)) };
  return {
    title: 'How we work out whether children’s work is on time',
    dueSoon: s.dueSoonWorkingDays,
    dueSoonLocal: local(
      'dueSoonWorkingDays',
      `${s.dueSoonWorkingDays} working days`,
      `${DEFAULT_SETTINGS.dueSoonWorkingDays} working days`,
    ),
    rules: RULE_IDS.map((id) => ({
      ...RULE_DESCRIPTIONS[id],
      timescale: timescale(id, s),
      local: local(id, timescale(id, s), timescale(id, DEFAULT_SETTINGS)),
      setBy: setBy(id),
    })),
    canChange,
  };
}
