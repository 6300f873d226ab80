import { formatDate } from '../platform/views/format.ts';
import {
  defaultOf,
  fieldValue,
  SETTING_FIELDS,
  SETTING_IDS,
  type SettingId,
  settingTitle,
} from './rules/setting-fields.rules.ts';
import { DEFAULT_SETTINGS, RULE_DESCRIPTIONS, type RuleSettings } from './rules/settings.rules.ts';

export interface SettingChange {
  changed_at: string;
  changed_by_name: string | null;
  reason: string | null;
}

const DUE_SOON_SOURCE = 'The Hub’s own choice, to give a warning before work is late';

export const sourceOf = (id: SettingId) =>
  id === 'dueSoonWorkingDays' ? DUE_SOON_SOURCE : RULE_DESCRIPTIONS[id].source;

/** "changed by Helen Marsh on 27 November 2026: reason", or undefined for a default. */
export const changedLine = (c: SettingChange | undefined) =>
  c
    ? `Changed by ${c.changed_by_name ?? 'someone'} on ${formatDate(c.changed_at)}: ${c.reason ?? 'no reason given'}`
    : undefined;

/** The change page: each setting with its fields, default, source and last change. */
export function changePageGroups(
  settings: RuleSettings,
  changes: Map<string, SettingChange>,
  typed?: Record<string, unknown>,
) {
  return SETTING_IDS.map((id) => ({
    id,
    title: settingTitle(id, RULE_DESCRIPTIONS),
    source: sourceOf(id),
    differs: JSON.stringify(settings[id]) !== JSON.stringify(DEFAULT_SETTINGS[id]),
    changed: changedLine(changes.get(id)),
    resetHref: changes.has(id) ? `/performance/how-we-work-it-out/change/${id}/default` : undefined,
    fields: SETTING_FIELDS.filter((f) => f.setting === id).map((f) => ({
      name: f.name,
      label: f.label,
      unit: f.unit,
      hint: `In ${f.unit}, from ${f.min} to ${f.max}. Default: ${defaultOf(f)}.`,
      value: typed ? String(typed[f.name] ?? '') : String(fieldValue(settings, f)),
    })),
  }));
}

/** The "go back to the default" page for one setting. */
export function resetPageView(id: SettingId, settings: RuleSettings, change: SettingChange | undefined) {
  const title = settingTitle(id, RULE_DESCRIPTIONS);
  const describe = (s: RuleSettings) =>
    SETTING_FIELDS.filter((f) => f.setting === id).map((f) => `${f.label} ${fieldValue(s, f)} ${f.unit}`);
  return {
    title: `Go back to the default for ${title.replace(/[“”]/g, '')}`,
    ruleTitle: title,
    source: sourceOf(id),
    now: describe(settings),
    defaults: describe(DEFAULT_SETTINGS),
    changed: changedLine(change),
    action: `/performance/how-we-work-it-out/change/${id}/default`,
  };
}
