import { safeReturnPath } from '../platform/http/return-path.ts';
import { formatDate } from '../platform/views/format.ts';
import { RULE_DESCRIPTIONS } from './rules/settings.rules.ts';
import type { ChildEpisodes, RuleResult } from './rules/types.ts';
import { dayName, statusLabel, statusSentence } from './wording.presenter.ts';

interface ChildRow {
  name: string;
  local_id: string;
  date_of_birth: string | null;
  worker_name: string | null;
  team_name: string | null;
}

/** How many of the latest visits the page lists. */
const VISITS_SHOWN = 10;

/**
 * A child's page: who they are, each piece of work that has a timescale for
 * them now and where it stands, and their latest visits. `from` is the page
 * that linked here (the list they came from), taken only if it is on this site.
 */
export function presentChild(
  { child, results, visits }: { child: ChildRow; results: RuleResult[]; visits: ChildEpisodes['visits'] },
  from: unknown,
) {
  const latest = [...visits].sort((a, b) => b.day.localeCompare(a.day)).slice(0, VISITS_SHOWN);
  return {
    title: child.name,
    child,
    details: [
      ['Local id', child.local_id],
      ['Date of birth', formatDate(child.date_of_birth)],
      ['Allocated worker', child.worker_name ?? 'Not allocated'],
      ['Team', child.team_name ?? 'No team'],
    ].map(([k, v]) => ({ key: { text: k }, value: { text: v } })),
    rows: results
      .filter((r) => r.status !== 'not-applicable')
      .map((r) => {
        const s = {
          rule: r.rule,
          status: r.status,
          due_day: r.dueDay,
          last_day: r.lastDay,
          days_late: r.daysLate,
          open: r.open ? 1 : 0,
        };
        return [
          { text: RULE_DESCRIPTIONS[r.rule].title },
          { text: statusSentence(s) },
          { text: statusLabel(s) },
          { text: r.lastDay ? formatDate(r.lastDay) : 'None yet' },
        ];
      }),
    visits: latest.map((v) => [{ text: dayName(v.day) }, { text: v.seen ? 'Seen' : 'Not seen' }]),
    backLink: { href: from ? safeReturnPath(from) : '/performance/my-children', text: 'Back' },
  };
}
