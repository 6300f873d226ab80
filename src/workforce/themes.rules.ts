import { type Constraint, suppress } from './suppression.rules.ts';

/** One complete interview's coded answers: what the themes pages count. */
export interface Coded {
  leaving_on: string;
  team_id: string | null;
  team_name: string;
  service_id: string | null;
  service_name: string;
  is_agency: number;
  main_reason_id: string | null;
  themes: string[];
}

export const quarterOf = (day: string) =>
  `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

/** The quarters from `first` to `last` ("2025-Q1"), in order. */
export function quartersBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, q] = [Number(first.slice(0, 4)), Number(first.slice(6))];
  const end = Number(last.slice(0, 4)) * 4 + Number(last.slice(6));
  while (y * 4 + q <= end) {
    out.push(`${y}-Q${q}`);
    q++;
    if (q > 4) {
      q = 1;
      y++;
    }
  }
  return out;
}

export interface Breakdowns {
  cells: Map<string, number>;
  constraints: Constraint[];
  hidden: Set<string>;
  services: { id: string; name: string; teams: { id: string; name: string }[] }[];
  quarters: string[];
  years: string[];
}

/**
 * Every figure the themes page and its download publish, counted from the
 * coded answers, with every way they add up, suppressed together in one pass
 * (so no figure on the page can be worked out from others on it).
 *
 * Cell ids: `all`, `svc:S`, `team:T`, `agency:0|1`, `reason:R` (`reason:none`),
 * `q:2025-Q1`, `y:2025`; and for each theme t the same under `t:t:` (no reasons).
 */
export function breakdowns(
  rows: Coded[],
  themeIds: string[],
  reasonIds: string[],
  quarters: string[],
  min: number,
): Breakdowns {
  const cells = new Map<string, number>();
  const add = (id: string) => cells.set(id, (cells.get(id) ?? 0) + 1);
  const servicesMap = new Map<string, { id: string; name: string; teams: Map<string, string> }>();
  const years = [...new Set(quarters.map((q) => q.slice(0, 4)))];
  const ensure = (prefix: string) => {
    cells.set(`${prefix}all`, cells.get(`${prefix}all`) ?? 0);
    for (const a of ['0', '1']) cells.set(`${prefix}agency:${a}`, cells.get(`${prefix}agency:${a}`) ?? 0);
    for (const q of quarters) cells.set(`${prefix}q:${q}`, cells.get(`${prefix}q:${q}`) ?? 0);
    for (const y of years) cells.set(`${prefix}y:${y}`, cells.get(`${prefix}y:${y}`) ?? 0);
  };
  ensure('');
  for (const t of themeIds) ensure(`t:${t}:`);
  for (const r of [...reasonIds, 'none']) cells.set(`reason:${r}`, 0);
  for (const r of rows) {
    const svc = r.service_id ?? 'none';
    const team = r.team_id ?? `none-${svc}`;
    const s = servicesMap.get(svc) ?? { id: svc, name: r.service_name || 'No service', teams: new Map() };
    s.teams.set(team, r.team_name || 'No team');
    servicesMap.set(svc, s);
    const q = quarterOf(r.leaving_on);
    for (const prefix of ['', ...r.themes.filter((t) => themeIds.includes(t)).map((t) => `t:${t}:`)]) {
      add(`${prefix}all`);
      add(`${prefix}svc:${svc}`);
      add(`${prefix}team:${team}`);
      add(`${prefix}agency:${r.is_agency ? 1 : 0}`);
      add(`${prefix}q:${q}`);
      add(`${prefix}y:${q.slice(0, 4)}`);
    }
    add(`reason:${r.main_reason_id && reasonIds.includes(r.main_reason_id) ? r.main_reason_id : 'none'}`);
  }
  const services = [...servicesMap.values()]
    .map((s) => ({
      id: s.id,
      name: s.name,
      teams: [...s.teams].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const constraints: Constraint[] = [];
  for (const prefix of ['', ...themeIds.map((t) => `t:${t}:`)]) {
    for (const s of services) {
      cells.set(`${prefix}svc:${s.id}`, cells.get(`${prefix}svc:${s.id}`) ?? 0);
      for (const t of s.teams) cells.set(`${prefix}team:${t.id}`, cells.get(`${prefix}team:${t.id}`) ?? 0);
      constraints.push({
        parent: `${prefix}svc:${s.id}`,
        children: s.teams.map((t) => `${prefix}team:${t.id}`),
      });
    }
    constraints.push({ parent: `${prefix}all`, children: services.map((s) => `${prefix}svc:${s.id}`) });
    constraints.push({ parent: `${prefix}all`, children: [`${prefix}agency:0`, `${prefix}agency:1`] });
    constraints.push({ parent: `${prefix}all`, children: years.map((y) => `${prefix}y:${y}`) });
    for (const y of years)
      constraints.push({
        parent: `${prefix}y:${y}`,
        children: quarters.filter((q) => q.startsWith(y)).map((q) => `${prefix}q:${q}`),
      });
  }
  constraints.push({ parent: 'all', children: [...reasonIds, 'none'].map((r) => `reason:${r}`) });
  return { cells, constraints, hidden: suppress(cells, constraints, min), services, quarters, years };
}
