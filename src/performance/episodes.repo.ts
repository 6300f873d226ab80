import type { DbOrTrx } from '../platform/db/db.ts';
import type { Database } from '../platform/db/schema.ts';
import { type ChildEpisodes, emptyEpisodes } from './rules/types.ts';

export const EPISODE_TABLES = [
  'child_assessments',
  'child_enquiries',
  'child_plans',
  'child_looked_after',
  'child_placements',
  'child_meetings',
  'child_visits',
] as const;

/**
 * Inserts rows in batches small enough for both dialects' parameter limits,
 * so tens of thousands of rows go in as a few hundred statements.
 */
export async function insertInBatches<T extends keyof Database>(
  db: DbOrTrx,
  table: T,
  rows: readonly Database[T][],
  batch = 400,
) {
  for (let i = 0; i < rows.length; i += batch) {
    await db
      .insertInto(table)
      // biome-ignore lint/suspicious/noExplicitAny: rows are already the table's own shape
      .values(rows.slice(i, i + batch) as any)
      .execute();
  }
}

/**
 * Every episode of the given children (all children if ids is undefined), in
 * the engine's shape. One query per table rather than per child.
 */
export async function loadEpisodes(
  db: DbOrTrx,
  ids?: readonly string[],
): Promise<Map<string, ChildEpisodes>> {
  const map = new Map<string, ChildEpisodes>();
  const of = (id: string) => {
    let e = map.get(id);
    if (!e) {
      e = emptyEpisodes();
      map.set(id, e);
    }
    return e;
  };
  if (ids) for (const id of ids) of(id);
  if (ids && ids.length === 0) return map;
  // Large id lists are read in chunks (parameter limits); a missing list reads everything.
  const chunks = ids ? chunk(ids, 5000) : [undefined];
  for (const part of chunks) {
    const limit = <Q extends { where: (...a: never[]) => Q }>(q: Q): Q =>
      // biome-ignore lint/suspicious/noExplicitAny: the same column on every episode table
      part ? (q as any).where('child_id', 'in', part) : q;
    for (const a of await limit(
      db.selectFrom('child_assessments').select(['child_id', 'referral_day', 'start_day', 'authorised_day']),
    ).execute())
      of(a.child_id).assessments.push({
        referralDay: a.referral_day,
        startDay: a.start_day,
        authorisedDay: a.authorised_day,
      });
    for (const e of await limit(
      db.selectFrom('child_enquiries').select(['child_id', 'strategy_day', 'icpc_day', 'icpc_unnecessary']),
    ).execute())
      of(e.child_id).enquiries.push({
        strategyDay: e.strategy_day,
        icpcDay: e.icpc_day,
        icpcUnnecessary: e.icpc_unnecessary === 1,
      });
    for (const p of await limit(
      db.selectFrom('child_plans').select(['child_id', 'kind', 'start_day', 'end_day']),
    ).execute())
      of(p.child_id).plans.push({ kind: p.kind, startDay: p.start_day, endDay: p.end_day });
    for (const l of await limit(
      db.selectFrom('child_looked_after').select(['child_id', 'start_day', 'end_day']),
    ).execute())
      of(l.child_id).lookedAfter.push({ startDay: l.start_day, endDay: l.end_day });
    for (const p of await limit(
      db.selectFrom('child_placements').select(['child_id', 'start_day', 'end_day', 'long_term']),
    ).execute())
      of(p.child_id).placements.push({
        startDay: p.start_day,
        endDay: p.end_day,
        longTerm: p.long_term === 1,
      });
    for (const m of await limit(
      db.selectFrom('child_meetings').select(['child_id', 'kind', 'day']),
    ).execute())
      of(m.child_id).meetings.push({ kind: m.kind, day: m.day });
    for (const v of await limit(db.selectFrom('child_visits').select(['child_id', 'day', 'seen'])).execute())
      of(v.child_id).visits.push({ day: v.day, seen: v.seen === 1 });
  }
  return map;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
