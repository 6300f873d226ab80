import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Presents Node's built-in `node:sqlite` as the small better-sqlite3-shaped
 * interface Kysely's SqliteDialect expects, so we need no native addon.
 */
export function openSqlite(file: string): SqliteDatabase {
  const db = new DatabaseSync(file);
  // WAL lets readers (a CLI report, a backup) work while the Hub writes;
  // busy_timeout makes a second process wait for the write lock instead of failing.
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA busy_timeout = 5000');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA synchronous = NORMAL');
  const cache = new Map<string, StatementSync>();

  const prepared = (sql: string): StatementSync => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      if (cache.size > 500) cache.clear();
      cache.set(sql, stmt);
    }
    return stmt;
  };

  return {
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      // Kysely opens transactions with a plain BEGIN. IMMEDIATE takes the write
      // lock up front, so two processes cannot both read and then fail to upgrade.
      const text = sql === 'begin' ? 'begin immediate' : sql;
      const stmt = prepared(text);
      return {
        reader: stmt.columns().length > 0,
        // node:sqlite's rows have a null prototype; plain objects compare and
        // serialise the same as the rows pg returns.
        all: (params) => stmt.all(...bind(params)).map((row) => ({ ...row })),
        run: (params) => stmt.run(...bind(params)),
        iterate: (params) => stmt.iterate(...bind(params)),
      };
    },
  };
}

/** node:sqlite binds only numbers, strings, bigints, buffers and null. */
function bind(params: ReadonlyArray<unknown>): SQLInputValue[] {
  return params.map((p) => {
    if (p === undefined || p === null) return null;
    if (typeof p === 'boolean') return p ? 1 : 0;
    if (p instanceof Date) return p.toISOString();
    return p as SQLInputValue;
  });
}
