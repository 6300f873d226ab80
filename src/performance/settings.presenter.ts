import type { FormErrors } from '../platform/http/forms.ts';
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

export const RULES_PAGE = '/performance/how-we-work-it-out';
export const CHANGE_PAGE = `${RULES_PAGE}/change`;
export const resetPage = (id: string) => `${CHANGE_PAGE}/${id}/default`;

/** The answers and errors a refused form left for the page (platform/http/forms.ts `keptForm`). */
type Kept = { values: Record<string, unknown>; errors: FormErrors } | undefined;
interface Timescales {
  settings: RuleSettings;
  changes: Map<string, SettingChange>;
  sources?: Map<string, { title: string; href: string }>;
}

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

/** What the person typed in a field, kept as text so the form shows it back exactly ('' if it was not text). */
const typedText = (typed: Record<string, unknown>, name: string) =>
  typeof typed[name] === 'string' ? typed[name] : '';

/** The change page: each setting with its fields, default, source and last change. */
export function changePageGroups(
  settings: RuleSettings,
  changes: Map<string, SettingChange>,
  typed?: Record<string, unknown>,
  sources: Map<string, { title: string; href: string }> = new Map(),
) {
  return SETTING_IDS.map((id) => ({
    id,
    title: settingTitle(id, RULE_DESCRIPTIONS),
    source: sourceOf(id),
    differs: JSON.stringify(settings[id]) !== JSON.stringify(DEFAULT_SETTINGS[id]),
    changed: changedLine(changes.get(id)),
    resetHref: changes.has(id) ? resetPage(id) : undefined,
    fields: SETTING_FIELDS.filter((f) => f.setting === id).map((f) => ({
      name: f.name,
      label: f.label,
      unit: f.unit,
      hint: `In ${f.unit}, from ${f.min} to ${f.max}. Default: ${defaultOf(f)}.`,
      setBy: sources.get(f.name),
      value: typed ? typedText(typed, f.name) : String(fieldValue(settings, f)),
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
    action: resetPage(id),
  };
}

/** "Change the timescales": every number (or what was typed, after a refusal) and the reason. */
export function presentChangePage({ settings, changes, sources }: Timescales, kept: Kept) {
  return {
    title: 'Change the timescales',
    groups: changePageGroups(settings, changes, kept?.values, sources),
    reason: kept ? typedText(kept.values, 'reason') : '',
    errors: kept?.errors,
    backLink: { href: RULES_PAGE, text: 'Back to how we work it out' },
  };
}

/** "Go back to the default" for one setting, with the reason typed so far after a refusal. */
export function presentResetPage(id: SettingId, { settings, changes }: Timescales, kept: Kept) {
  return {
    ...resetPageView(id, settings, changes.get(id)),
    reason: kept ? typedText(kept.values, 'reason') : '',
    errors: kept?.errors,
    backLink: { href: CHANGE_PAGE, text: 'Back to change the timescales' },
  };
}

/** What the rules page says after a change. */
export const changedMessage = (changed: SettingId[]) =>
  `Timescales changed (${changed.map((id) => settingTitle(id, RULE_DESCRIPTIONS)).join(', ')}). Every child’s work has been checked again under the new timescales.`;

/** What the rules page says after going back to a default (or finding it already was). */
export function resetMessage(id: SettingId, done: boolean) {
  const title = settingTitle(id, RULE_DESCRIPTIONS);
  return done
    ? `${title} is back to the default. Every child’s work has been checked again.`
    : `${title} was already the default; nothing was changed.`;
}
