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
