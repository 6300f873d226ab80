import type { FileProblem, keptForm } from '../platform/http/forms.ts';
import { fileProblemsView } from '../platform/http/forms.ts';
import type { Scope } from '../platform/policy/policy.ts';
import { formatDate } from '../platform/views/format.ts';
import { COMPLETION_COLUMNS } from './elearning.parse.ts';
import { complianceSentence, type ModuleStanding, moduleStanding, needsDoing } from './elearning.rules.ts';

type Kept = ReturnType<typeof keptForm>;
interface Module {
  id: string;
  title: string;
  renewal_months: number | null;
}

/** Where a person stands with one module, in words. */
export const standingText = (s: ModuleStanding) =>
  s.kind === 'never'
    ? 'Not completed'
    : s.kind === 'expired'
      ? `Needs renewing (ran out on ${formatDate(s.since)})`
      : s.kind === 'due-soon'
        ? `Renew by ${formatDate(s.until)}`
        : s.until
          ? `Up to date until ${formatDate(s.until)}`
          : 'Completed';

/** The person's mandatory e-learning: each module's standing, and a form to record it when it is due. */
export function presentMyElearning(
  data: { today: string; modules: (Module & { last: string | null })[]; canSeeCompliance: boolean },
  kept: Kept,
) {
  return {
    title: 'Mandatory e-learning',
    modules: data.modules.map(({ last, ...m }) => {
      const s = moduleStanding(last, m.renewal_months, data.today);
      return { ...m, status: standingText(s), todo: needsDoing(s) || s.kind === 'due-soon' };
    }),
    values: kept?.values ?? {},
    errors: kept?.errors,
    canSeeCompliance: data.canSeeCompliance,
  };
}

const WHERE: Record<Scope, string> = {
  team: 'your team',
  service: 'your service',
  all: 'the service',
  own: 'your record',
};

/** For each module, how many of the people in the person's scope have not done it (or must renew it), and who. */
export function presentCompliance(data: {
  today: string;
  people: { id: string; name: string; team: string | null }[];
  modules: Module[];
  lastOf: (staffId: string, moduleId: string) => string | null;
  scope: Scope;
  canImport: boolean;
}) {
  const { today, people, lastOf } = data;
  return {
    title: 'Mandatory e-learning: who needs to do it',
    modules: data.modules.map((m) => {
      const missing = people.filter((p) =>
        needsDoing(moduleStanding(lastOf(p.id, m.id), m.renewal_months, today)),
      );
      return {
        title: m.title,
        sentence: complianceSentence(missing.length, people.length, m.title, WHERE[data.scope]),
        missing: missing.map((p) => `${p.name}${p.team ? ` (${p.team})` : ''}`),
      };
    }),
    canImport: data.canImport,
  };
}

/** The import page, with the problems found in a refused file. */
export const presentImport = (problems?: FileProblem[]) => ({
  title: 'Import e-learning completions',
  columns: COMPLETION_COLUMNS,
  backLink: { href: '/learning/compliance' },
  ...(problems ? fileProblemsView(problems) : {}),
});
