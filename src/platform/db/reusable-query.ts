import type { Compilable, CompiledQuery } from 'kysely';
import type { DbOrTrx } from './db.ts';

type Arg = unknown;
interface Template {
  compiled: CompiledQuery<unknown>;
  /** For each of the compiled query's parameters: which argument (and member of it) it is, or null for a constant. */
  slots: ([number, number | null] | null)[];
}

/**
 * A query built with Kysely once per dialect and shape, then run with each call's values. Building
 * and compiling a query costs the Hub's thread more than running it on SQLite: for the session
 * read on every request and a bulletin edition's reader queries, about a tenth of a page's time
 * (docs/performance.md, 3 December). `build` is the query as it would be written anyway.
 *
 * Each argument is a value or a list of values, used only as values in the query (compared,
 * inserted, in an `in (…)` list): the query is built once with stand-ins in their places, and
 * each call puts its own values where the stand-ins were. A list's length is part of the shape,
 * so each length gets a query of its own. An argument used any other way (a date's method called,
 * a branch taken on it) fails on the first call, and one that does not reach the query's values
 * is refused there too, so a misuse cannot go unnoticed.
 */
export function reusableQuery<A extends readonly Arg[], R>(
  build: (db: DbOrTrx, ...args: A) => Compilable<R>,
) {
  const templates = new Map<string, Template>();
  return async (db: DbOrTrx, ...args: A): Promise<R[]> => {
    // The dialect decides the SQL ($1 or ?), the lists' lengths its shape.
    const dialect = db.getExecutor().adapter.constructor.name;
    const key = `${dialect}|${args.map((a) => (Array.isArray(a) ? a.length : '-')).join(',')}`;
    let template = templates.get(key);
    if (!template) {
      template = templateFor(db, build, args);
      // A few lengths are expected (one reader, a batch, the rest); far more means lists of any length.
      if (templates.size >= 64) templates.clear();
      templates.set(key, template);
    }
    const parameters = template.compiled.parameters.map((p, i) => {
      const slot = template.slots[i];
      if (!slot) return p;
      const arg = args[slot[0]];
      return slot[1] === null ? arg : (arg as readonly Arg[])[slot[1]];
    });
    const result = await db.executeQuery<R>({ ...(template.compiled as CompiledQuery<R>), parameters });
    return result.rows;
  };
}

function templateFor<A extends readonly Arg[], R>(
  db: DbOrTrx,
  build: (db: DbOrTrx, ...args: A) => Compilable<R>,
  args: A,
): Template {
  const mark = `\u0000stand-in-${Math.random().toString(36).slice(2)}:`;
  const standIns = args.map((a, i) =>
    Array.isArray(a) ? a.map((_, j) => `${mark}${i}:${j}`) : `${mark}${i}:-`,
  ) as unknown as A;
  const compiled = build(db, ...standIns).compile() as CompiledQuery<unknown>;
  const slots = compiled.parameters.map((p): Template['slots'][number] => {
    if (typeof p !== 'string' || !p.startsWith(mark)) return null;
    const [i, j] = p.slice(mark.length).split(':');
    return [Number(i), j === '-' ? null : Number(j)];
  });
  const used = new Set(slots.flatMap((s) => (s ? [`${s[0]}:${s[1] ?? '-'}`] : [])));
  args.forEach((a, i) => {
    const members = Array.isArray(a) ? a.map((_, j) => `${i}:${j}`) : [`${i}:-`];
    for (const m of members)
      if (!used.has(m)) throw new Error(`reusableQuery: argument ${i} is not used as a value in the query`);
  });
  return { compiled, slots };
}
