import { type Actor, recordAudit } from '../platform/audit/audit.ts';
import { londonDay } from '../platform/calendar/days.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, DbOrTrx } from '../platform/db/db.ts';
import { UserInputError } from '../platform/http/errors.ts';
import { newId } from '../platform/ids.ts';
import { fieldValue, SETTING_FIELDS, SETTING_IDS, type SettingId } from './rules/setting-fields.rules.ts';
import { DEFAULT_SETTINGS, type RuleSettings } from './rules/settings.rules.ts';
import { settingSources } from './setting-sources.repo.ts';
import { hasStoredSetting, loadRuleSettings, settingChanges, writeSettingRow } from './settings.repo.ts';
import { markStatusesStale, refreshStatuses } from './status.service.ts';

const json = (s: RuleSettings, id: SettingId) => JSON.stringify(s[id]);
const isDefault = (s: RuleSettings, id: SettingId) => json(s, id) === json(DEFAULT_SETTINGS, id);

/**
 * Stores the authority's timescales: each setting that differs from what is in
 * force now is written (or removed, when it is back to the default), with who,
 * when and why, a history row and an audit row, all in one transaction. Then
 * every child's statuses are worked out again, so the dashboards follow the new
 * rule at once (about a second for the full demo, see docs/performance-rules.md).
 */
export async function changeSettings(db: Db, clock: Clock, actor: Actor, next: RuleSettings, reason: string) {
  const changed = await db.transaction().execute(async (trx) => {
    const current = await loadRuleSettings(trx);
    const ids = SETTING_IDS.filter((id) => json(current, id) !== json(next, id));
    if (ids.length === 0) {
      throw new UserInputError(
        'You have not changed any timescale. Change a number, or go back without saving',
        SETTING_FIELDS[0]!.name,
      );
    }
    await refuseOwnedChanges(trx, current, next);
    for (const id of ids) await writeSetting(trx, clock, actor, id, current, next, reason);
    return ids;
  });
  await recompute(db, clock);
  return changed;
}

/** A timescale a practice standard sets is changed in that standard, so the two never disagree. */
async function refuseOwnedChanges(trx: DbOrTrx, current: RuleSettings, next: RuleSettings) {
  const sources = await settingSources(trx);
  for (const f of SETTING_FIELDS) {
    const source = sources.get(f.name);
    if (source && fieldValue(current, f) !== fieldValue(next, f))
      throw new UserInputError(
        `This timescale is set by the practice standard “${source.title}”. Change it in the standard, so the standard and the rule stay the same`,
        f.name,
      );
  }
}

/** Puts one setting back to the default in code, recording who, when and why. */
export async function resetSetting(db: Db, clock: Clock, actor: Actor, id: SettingId, reason: string) {
  const done = await db.transaction().execute(async (trx) => {
    const current = await loadRuleSettings(trx);
    if (!(await hasStoredSetting(trx, id))) return false;
    const next = { ...current, [id]: structuredClone(DEFAULT_SETTINGS[id]) } as RuleSettings;
    await refuseOwnedChanges(trx, current, next);
    await writeSetting(trx, clock, actor, id, current, next, reason);
    return true;
  });
  if (done) await recompute(db, clock);
  return done;
}

export async function writeSetting(
  trx: DbOrTrx,
  clock: Clock,
  actor: Actor,
  id: SettingId,
  current: RuleSettings,
  next: RuleSettings,
  reason: string,
) {
  const params = isDefault(next, id) ? null : json(next, id);
  const previous = isDefault(current, id) ? null : json(current, id);
  await writeSettingRow(trx, {
    rule: id,
    params,
    previous,
    changedAt: clock.now().toISOString(),
    changedBy: actor.id,
    changedByName: actor.name,
    reason,
    historyId: newId(),
  });
  await markStatusesStale(trx);
  await recordAudit(trx, clock, actor, {
    action: 'update',
    recordType: 'performance-rule',
    recordId: id,
    summary: `Changed the timescale ${id} from ${previous ?? 'the default'} to ${params ?? 'the default'}: ${reason}`,
  });
}

/** Every child's stored statuses, worked out again under the settings now in force. */
async function recompute(db: Db, clock: Clock) {
  await refreshStatuses(db, londonDay(clock.now()));
}

/** The timescales in force and who last changed each that differs from the default (the rules and change pages). */
export async function currentTimescales(db: DbOrTrx) {
  const [settings, changes, sources] = await Promise.all([
    loadRuleSettings(db),
    settingChanges(db),
    settingSources(db),
  ]);
  return { settings, changes, sources };
}
