import type pg from 'pg';

/**
 * PostgreSQL parses and plans every unnamed statement afresh, and for the Hub's short queries that
 * is most of their cost on the server: on the bulletin's edition page, planning took four times as
 * long as running (docs/performance.md, 3 December). A statement sent with a name is parsed once per
 * connection and its plan kept, so this gives a name to each statement a connection has sent before.
 *
 * Bounded, because Kysely writes a new text for each length of an `in (…)` list: a connection names
 * at most `named` statements, and a text is named only on its second sighting, so one-off queries
 * (migrations, a report's long list) never take a place. Those, and everything past the limit, run
 * unnamed as before.
 *
 * Two things that break named statements are met here rather than in every caller:
 * - a migration from another instance changing a table's columns makes a kept `select *` plan fail
 *   with "cached plan must not change result type" (0A000). The connection stops naming (its kept
 *   statements may all be stale) and, outside a transaction, the query is sent again unnamed; inside
 *   one the transaction has already failed, so the error goes to the caller like any other;
 * - a pooler in transaction mode (PgBouncer before 1.21) gives each transaction another server
 *   connection, where the name means nothing: turn this off with DATABASE_PREPARED_STATEMENTS=off.
 */
export function nameRepeatedStatements(client: pg.PoolClient, limits = { named: 200, watched: 2000 }) {
  const send = client.query.bind(client) as (...args: unknown[]) => Promise<pg.QueryResult>;
  const names = new Map<string, string>();
  const seenOnce = new Set<string>();
  let naming = true;

  const nameFor = (text: string): string | undefined => {
    const known = names.get(text);
    if (known || !naming || !PLANNABLE.test(text)) return known;
    if (!seenOnce.has(text)) {
      // Cleared rather than grown: a text seen once long ago is no better a guess than a new one.
      if (seenOnce.size >= limits.watched) seenOnce.clear();
      seenOnce.add(text);
      return undefined;
    }
    if (names.size >= limits.named) return undefined;
    const name = `hub_${names.size}`;
    names.set(text, name);
    seenOnce.delete(text);
    return name;
  };

  // Kysely's driver calls query(text, values) and awaits the promise; any other form (a cursor for
  // streaming, a callback) is passed through untouched.
  const query = (text: unknown, values?: unknown, ...rest: unknown[]) => {
    if (typeof text !== 'string' || !Array.isArray(values) || rest.length) return send(text, values, ...rest);
    const name = nameFor(text);
    if (!name) return send(text, values);
    return send({ name, text, values }).catch((err: unknown) => {
      if ((err as { code?: unknown }).code !== STALE_PLAN) throw err;
      naming = false;
      if (client.getTransactionStatus() !== 'I') throw err;
      return send(text, values);
    });
  };
  (client as unknown as { query: typeof query }).query = query;
  return { statementsNamed: () => names.size, naming: () => naming };
}

// "cached plan must not change result type": feature_not_supported, raised for a kept plan only.
const STALE_PLAN = '0A000';
// Only statements that are planned: a `begin`, a `set` or DDL gains nothing from a name.
const PLANNABLE = /^\s*(?:select|insert|update|delete|with)\b/i;
