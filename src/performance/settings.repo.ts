import type { DbOrTrx } from '../platform/db/db.ts';
import { type RuleSettings, withOverrides } from './rules/settings.rules.ts';

/** The authority's rule settings: the defaults with any overrides stored in performance_rule_settings. */
export async function loadRuleSettings(db: DbOrTrx): Promise<RuleSettings> {
  const rows = await db.selectFrom('performance_rule_settings').select(['rule', 'params']).execute();
  const overrides: Record<string, unknown> = {};
  for (const r of rows) {
    try {
      overrides[r.rule] = JSON.parse(r.params);
    } catch {
      // A hand-edited row that is not JSON is ignored; the default stands.
    }
  }
  return withOverrides(overrides);
}

/** Who last changed each setting that differs from the default, when and why. */
export async function settingChanges(db: DbOrTrx) {
  const rows = await db
    .selectFrom('performance_rule_settings')
    .select(['rule', 'changed_at', 'changed_by_name', 'reason'])
    .execute();
  return new Map(rows.map((r) => [r.rule, r]));
}

/** Whether the authority has its own value stored for a setting. */
export async function hasStoredSetting(db: DbOrTrx, rule: string): Promise<boolean> {
  const row = await db
    .selectFrom('performance_rule_settings')
    .select('rule')
    .where('rule', '=', rule)
    .executeTakeFirst();
  return Boolean(row);
}

export interface SettingWrite {
  rule: string;
  /** The new parameters as JSON, or null when the setting goes back to the default. */
  params: string | null;
  previous: string | null;
  changedAt: string;
  changedBy: string | null;
  changedByName: string;
  reason: string;
  historyId: string;
}

/** Stores (or removes) one setting and adds its history row. Call inside the change's transaction. */
export async function writeSettingRow(trx: DbOrTrx, w: SettingWrite) {
  const who = { changed_at: w.changedAt, changed_by: w.changedBy, changed_by_name: w.changedByName };
  if (w.params === null) {
    await trx.deleteFrom('performance_rule_settings').where('rule', '=', w.rule).execute();
  } else {
    const row = { params: w.params, ...who, reason: w.reason };
    // An upsert, so two people saving at once cannot trip over the primary key.
    await trx
      .insertInto('performance_rule_settings')
      .values({ rule: w.rule, ...row })
      .onConflict((oc) => oc.column('rule').doUpdateSet(row))
      .execute();
  }
  await trx
    .insertInto('performance_rule_settings_history')
    .values({
      id: w.historyId,
      rule: w.rule,
      previous_params: w.previous,
      params: w.params,
      ...who,
      reason: w.reason,
    })
    .execute();
}
