import type { ExpressionBuilder } from 'kysely';
import { type ScopeColumns, whereInScope } from '../platform/db/scope.ts';
import type { ListScope } from '../platform/policy/policy.ts';

/**
 * `whereInScope` applied inside a `where((eb) => …)`, so that Kysely's types
 * for the query (joined tables and their aliases) come from `eb` and the
 * columns are checked against them.
 */
export const inScope = <DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  scope: ListScope,
  columns: ScopeColumns<DB, TB>,
) => whereInScope<DB, TB>(scope, columns)(eb);
