import { type SelectQueryBuilder, sql } from 'kysely';
import type { DbOrTrx } from '../platform/db/db.ts';
import type { Database } from '../platform/db/schema.ts';
import { whereInScope } from '../platform/db/scope.ts';
import type { ListScope } from '../platform/policy/policy.ts';
import { VISIT_RULES } from './rules/types.ts';

/** Narrowing asked for on a page, within the person's scope. */
export interface ChildFilter {
  teamId?: string;
  workerId?: string;
  rule?: string;
  status?: 'on-time' | 'due-soon' | 'overdue' | 'finished-late' | 'not-seen';
  /** Open work due from..to (inclusive). */
  dueFrom?: string;
  dueTo?: string;
}

type C = Database & { c: Database['children'] };
type Q = SelectQueryBuilder<C, 'c' | 'teams', object>;

const base = (db: DbOrTrx) =>
  db.selectFrom('children as c').innerJoin('teams', 'teams.id', 'c.team_id') as unknown as Q;

/** A child is placed by their allocated worker, their team and the team's service. */
const inScope = (scope: ListScope) =>
  whereInScope<C, 'c' | 'teams'>(scope, {
    owner: 'c.worker_id',
    team: 'c.team_id',
    service: 'teams.service_id',
  });

/**
 * The person's list scope (`listScope(user, 'children:view')`), then the page's
 * own narrowing. A page about one team that everyone allowed sees alike (the
 * team page, after `authorizeTeam`) passes `{ kind: 'all' }` and the team.
 */
function scoped<T extends Q>(q: T, scope: ListScope, f: { teamId?: string; workerId?: string } = {}): T {
  let out = q.where(inScope(scope)) as T;
  if (f.teamId) out = out.where('c.team_id', '=', f.teamId) as T;
  if (f.workerId) out = out.where('c.worker_id', '=', f.workerId) as T;
  return out;
}

const visitRules = sql.join(VISIT_RULES.map((r) => sql.lit(r)));

/**
 * Per worker (or per team, with by = 'team'): how many children, how many have
 * a visiting timescale and how many of those are not seen within it, how many
 * have work overdue, and how many have something due in the window.
 */
export async function childCounts(
  db: DbOrTrx,
  scope: ListScope,
  by: 'worker' | 'team',
  f: { teamId?: string; workerId?: string; dueFrom: string; dueTo: string },
) {
  const key = by === 'team' ? sql.ref('c.team_id') : sql.ref('c.worker_id');
  const rows = await scoped(base(db), scope, f)
    .leftJoin('child_rule_status as s', 's.child_id', 'c.id')
    .select([
      sql<string | null>`${key}`.as('key'),
      sql<number>`count(distinct c.id)`.as('children'),
      sql<number>`count(distinct case when s.rule in (${visitRules}) then c.id end)`.as('visited'),
      sql<number>`count(distinct case when s.rule in (${visitRules}) and s.status = 'overdue' then c.id end)`.as(
        'notSeen',
      ),
      sql<number>`count(distinct case when s.open = 1 and s.status = 'overdue' then c.id end)`.as('overdue'),
      sql<number>`count(distinct case when s.open = 1 and s.status <> 'overdue' and s.due_day between ${f.dueFrom} and ${f.dueTo} then c.id end)`.as(
        'dueSoon',
      ),
    ])
    .groupBy(key)
    // In key order, as SQLite returned them before the scope became one OR (PostgreSQL gave no order).
    .orderBy(key)
    .execute();
  return rows.map((r) => ({
    key: r.key,
    children: Number(r.children),
    visited: Number(r.visited),
    notSeen: Number(r.notSeen),
    overdue: Number(r.overdue),
    dueSoon: Number(r.dueSoon),
  }));
}

/** Children per rule and status (open work, and one-offs finished late). */
export async function ruleCounts(db: DbOrTrx, scope: ListScope, f: { teamId?: string } = {}) {
  const rows = await scoped(base(db), scope, f)
    .innerJoin('child_rule_status as s', 's.child_id', 'c.id')
    .select(['s.rule', 's.status', 's.open', sql<number>`count(*)`.as('n')])
    .groupBy(['s.rule', 's.status', 's.open'])
    .execute();
  return rows.map((r) => ({ rule: r.rule, status: r.status, open: r.open === 1, n: Number(r.n) }));
}

export interface ChildStatusRow {
  child_id: string;
  child_name: string;
  local_id: string;
  worker_id: string | null;
  worker_name: string | null;
  team_name: string;
  rule: string;
  status: string;
  due_day: string | null;
  last_day: string | null;
  days_late: number;
  open: number;
}

/** The children (and their statuses) behind a number, in due-date order. */
export async function childStatusRows(
  db: DbOrTrx,
  scope: ListScope,
  f: ChildFilter,
  limit = 100_000,
): Promise<ChildStatusRow[]> {
  let q = scoped(base(db), scope, f)
    .innerJoin('child_rule_status as s', 's.child_id', 'c.id')
    .leftJoin('staff', 'staff.id', 'c.worker_id');
  if (f.rule) q = q.where('s.rule', '=', f.rule);
  if (f.status === 'finished-late') q = q.where('s.status', '=', 'overdue').where('s.open', '=', 0);
  else if (f.status === 'not-seen')
    q = q.where('s.status', '=', 'overdue').where('s.rule', 'in', VISIT_RULES);
  else if (f.status === 'overdue') q = q.where('s.status', '=', 'overdue').where('s.open', '=', 1);
  else if (f.status) q = q.where('s.status', '=', f.status);
  if (f.dueFrom)
    q = q.where('s.open', '=', 1).where('s.due_day', '>=', f.dueFrom).where('s.status', '<>', 'overdue');
  if (f.dueTo) q = q.where('s.due_day', '<=', f.dueTo);
  return q
    .select([
      'c.id as child_id',
      'c.name as child_name',
      'c.local_id',
      'c.worker_id',
      'staff.name as worker_name',
      'teams.name as team_name',
      's.rule',
      's.status',
      's.due_day',
      's.last_day',
      's.days_late',
      's.open',
    ])
    .orderBy('s.due_day')
    .orderBy('c.name')
    .limit(limit)
    .execute() as Promise<ChildStatusRow[]>;
}

/** One child with where they sit (for the policy check), or undefined. */
export function getChild(db: DbOrTrx, id: string) {
  return db
    .selectFrom('children as c')
    .leftJoin('teams', 'teams.id', 'c.team_id')
    .leftJoin('staff', 'staff.id', 'c.worker_id')
    .select([
      'c.id',
      'c.local_id',
      'c.name',
      'c.date_of_birth',
      'c.gender',
      'c.ethnicity',
      'c.worker_id',
      'c.team_id',
      'teams.service_id',
      'teams.name as team_name',
      'staff.name as worker_name',
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

/** Teams that hold a child in the person's scope, with their service. */
export async function teamsInScope(db: DbOrTrx, scope: ListScope) {
  return base(db)
    .innerJoin('services', 'services.id', 'teams.service_id')
    .where(inScope(scope))
    .select(['teams.id', 'teams.name', 'teams.service_id', 'services.name as service_name'])
    .distinct()
    .orderBy('services.name')
    .orderBy('teams.name')
    .execute();
}

/** How many children have open work due on each day from..to (the forward view). */
export async function dueByDay(
  db: DbOrTrx,
  scope: ListScope,
  f: { teamId?: string; from: string; to: string },
) {
  const rows = await scoped(base(db), scope, f)
    .innerJoin('child_rule_status as s', 's.child_id', 'c.id')
    .where('s.open', '=', 1)
    .where('s.status', '<>', 'overdue')
    .where('s.due_day', '>=', f.from)
    .where('s.due_day', '<=', f.to)
    .select(['s.due_day', sql<number>`count(distinct c.id)`.as('n')])
    .groupBy('s.due_day')
    .orderBy('s.due_day')
    .execute();
  return rows.map((r) => ({ day: r.due_day!, n: Number(r.n) }));
}

/** Names of staff by id (the workers on a page). */
export async function staffNames(db: DbOrTrx, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.selectFrom('staff').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function getTeam(db: DbOrTrx, id: string) {
  return db.selectFrom('teams').select(['id', 'name', 'service_id']).where('id', '=', id).executeTakeFirst();
}
