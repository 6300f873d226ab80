import { type RuleResult, VISIT_RULES } from './types.ts';

/** What one child's results say in the words the pages use: seen within their timescale? anything overdue? */
export function childSummary(results: readonly RuleResult[]) {
  const visits = results.filter((r) => VISIT_RULES.includes(r.rule) && r.status !== 'not-applicable');
  return {
    hasVisitTimescale: visits.length > 0,
    notSeen: visits.some((r) => r.status === 'overdue'),
    overdue: results.some((r) => r.open && r.status === 'overdue'),
  };
}
