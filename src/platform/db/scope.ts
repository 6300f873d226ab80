import { type Expression, type ExpressionBuilder, type ReferenceExpression, type SqlBool, sql } from 'kysely';
import type { ListScope } from '../policy/policy.ts';

/** The columns that place a row: whose it is, its team and its service (any may be absent). */
export interface ScopeColumns<DB, TB extends keyof DB> {
  owner?: ReferenceExpression<DB, TB>;
  team?: ReferenceExpression<DB, TB>;
  service?: ReferenceExpression<DB, TB>;
}

/**
 * A list query's WHERE clause for a person's `listScope`: the one way lists are
 * narrowed, so a list shows exactly the records `can` would allow one by one.
 * A scope a table cannot express (a team scope on rows with no team) matches
 * only the person's own rows, or none.
 */
export function whereInScope<DB, TB extends keyof DB>(scope: ListScope, columns: ScopeColumns<DB, TB>) {
  return (eb: ExpressionBuilder<DB, TB>): Expression<SqlBool> => {
    if (scope.kind === 'all') return sql<SqlBool>`1 = 1`;
    if (scope.kind === 'none') return sql<SqlBool>`1 = 0`;
    const either: Expression<SqlBool>[] = [];
    // biome-ignore lint/suspicious/noExplicitAny: the columns are text; Kysely cannot infer that from a generic reference
    const is = (column: ReferenceExpression<DB, TB>, value: string) => eb(column, '=', value as any);
    if (columns.owner) either.push(is(columns.owner, scope.userId));
    if (scope.kind === 'team' && columns.team) either.push(is(columns.team, scope.teamId));
    if (scope.kind === 'service' && columns.service) either.push(is(columns.service, scope.serviceId));
    return either.length ? eb.or(either) : sql<SqlBool>`1 = 0`;
  };
}
