import type { Actor } from '../platform/audit/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { DbOrTrx } from '../platform/db/db.ts';
import { UserInputError } from '../platform/http/errors.ts';
import { fieldValue, SETTING_FIELDS, type SettingField } from './rules/setting-fields.rules.ts';
import type { RuleSettings } from './rules/settings.rules.ts';
import { removeSettingSource, upsertSettingSource } from './setting-sources.repo.ts';
import { loadRuleSettings } from './settings.repo.ts';
import { writeSetting } from './settings.service.ts';

/**
 * A timescale another document owns (a practice standard): that document is
 * where it is changed, and changing it there is changing the rule itself. Only
 * single numbers of working or calendar days can be owned this way.
 */
export const OWNABLE_FIELDS: readonly SettingField[] = SETTING_FIELDS.filter(
  (f) => f.setting !== 'dueSoonWorkingDays' && f.unit !== 'months',
);

export function ownableField(name: string): SettingField {
  const f = OWNABLE_FIELDS.find((x) => x.name === name);
  if (!f) throw new UserInputError('Choose a timescale from the list', 'timescaleField');
  return f;
}

/** The value a timescale has now (the rule setting in force). */
export async function timescaleValue(db: DbOrTrx, name: string): Promise<number> {
  return fieldValue(await loadRuleSettings(db), ownableField(name));
}

/** Every owned timescale's value now, by field name. */
export async function timescaleValues(db: DbOrTrx): Promise<Map<string, number>> {
  const s = await loadRuleSettings(db);
  return new Map(OWNABLE_FIELDS.map((f) => [f.name, fieldValue(s, f)]));
}

/** Names the document that sets a timescale, so "how we work it out" links to it. */
export const linkTimescale = (db: DbOrTrx, name: string, source: { title: string; href: string }) =>
  upsertSettingSource(db, ownableField(name).name, source);

export const unlinkTimescale = (db: DbOrTrx, name: string) => removeSettingSource(db, name);

/**
 * Changes one timescale from the document that owns it, inside the caller's
 * transaction: the same setting row, history row and audit row as the
 * "change the timescales" page writes, and the statuses marked stale. The
 * caller works the statuses out again after committing (`refreshStatuses`).
 */
export async function setOwnedTimescale(
  trx: DbOrTrx,
  clock: Clock,
  actor: Actor,
  change: { field: string; value: number; reason: string },
) {
  const f = ownableField(change.field);
  if (!Number.isInteger(change.value) || change.value < f.min || change.value > f.max)
    throw new UserInputError(`Enter a whole number of ${f.unit} from ${f.min} to ${f.max}`, 'timescaleDays');
  const current = await loadRuleSettings(trx);
  if (fieldValue(current, f) === change.value) return false;
  const next = structuredClone(current) as unknown as Record<string, number | Record<string, number>>;
  if (f.param === null) next[f.setting] = change.value;
  else (next[f.setting] as Record<string, number>)[f.param] = change.value;
  await writeSetting(trx, clock, actor, f.setting, current, next as unknown as RuleSettings, change.reason);
  return true;
}
