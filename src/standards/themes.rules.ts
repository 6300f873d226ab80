/**
 * Themes across case audits, pure: per standard, team and month, how often
 * a standard was met. "Not applicable" answers are left out of the rate; a
 * partly met standard is not met. Groups of fewer than MIN_GROUP audits are
 * not given a rate (a team with two audits would point at two workers).
 */
export const MIN_GROUP = 5;

export interface ThemeAudit {
  team: string;
  /** YYYY-MM */
  month: string;
  grade: string;
  answers: { standardId: string; answer: 'met' | 'partly' | 'not-met' | 'na' }[];
}

export interface Tally {
  met: number;
  partly: number;
  notMet: number;
  /** Standards answered other than "not applicable". */
  applicable: number;
  /** Whole per cent met, or null when nothing applied. */
  metPercent: number | null;
}

const empty = (): Omit<Tally, 'metPercent'> => ({ met: 0, partly: 0, notMet: 0, applicable: 0 });
const finish = (t: Omit<Tally, 'metPercent'>): Tally => ({
  ...t,
  metPercent: t.applicable === 0 ? null : Math.round((100 * t.met) / t.applicable),
});
function add(t: Omit<Tally, 'metPercent'>, answer: string) {
  if (answer === 'na') return;
  t.applicable++;
  if (answer === 'met') t.met++;
  else if (answer === 'partly') t.partly++;
  else t.notMet++;
}

export interface GroupTheme extends Tally {
  key: string;
  audits: number;
  /** True when there are too few audits to show a rate. */
  suppressed: boolean;
}

function grouped(audits: ThemeAudit[], keyOf: (a: ThemeAudit) => string, suppress: boolean): GroupTheme[] {
  const groups = new Map<string, { t: Omit<Tally, 'metPercent'>; audits: number }>();
  for (const a of audits) {
    const g = groups.get(keyOf(a)) ?? { t: empty(), audits: 0 };
    g.audits++;
    for (const x of a.answers) add(g.t, x.answer);
    groups.set(keyOf(a), g);
  }
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, g]) => {
      const small = suppress && g.audits < MIN_GROUP;
      const t = finish(g.t);
      return {
        key,
        audits: g.audits,
        suppressed: small,
        ...(small ? { ...t, met: 0, partly: 0, notMet: 0, applicable: 0, metPercent: null } : t),
      };
    });
}

export function auditThemes(audits: ThemeAudit[]) {
  const perStandard = new Map<string, Omit<Tally, 'metPercent'>>();
  for (const a of audits)
    for (const x of a.answers) {
      const t = perStandard.get(x.standardId) ?? empty();
      add(t, x.answer);
      perStandard.set(x.standardId, t);
    }
  const grades = new Map<string, number>();
  for (const a of audits) grades.set(a.grade, (grades.get(a.grade) ?? 0) + 1);
  return {
    audits: audits.length,
    standards: new Map([...perStandard].map(([k, t]) => [k, finish(t)])),
    teams: grouped(audits, (a) => a.team, true),
    months: grouped(audits, (a) => a.month, false),
    grades,
  };
}
