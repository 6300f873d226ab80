import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { FEATURES, navigation, panels } from './features.ts';
import { registeredActions } from './platform/policy/policy.ts';
import { forEachDialect } from './testing/test-db.ts';

// Tables the platform itself owns (sign-in, the audit log, mail, jobs, working days, change stamps); Kysely's own bookkeeping.
const PLATFORM_TABLES = [
  'sessions',
  'password_tokens',
  'closure_days',
  'audit_log',
  'outbox',
  'jobs',
  'auth_throttle',
  'oidc_flows',
  'pending_forms',
  'change_stamps',
];
const KYSELY_TABLES = ['kysely_migration', 'kysely_migration_lock'];

forEachDialect(
  'every table the migrations create has exactly one owner: the platform or one feature',
  async (t) => {
    const found =
      t.dialect === 'sqlite'
        ? await sql<{
            name: string;
          }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(t.db)
        : await sql<{
            name: string;
          }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(
            t.db,
          );
    const owners = new Map<string, string[]>();
    for (const table of PLATFORM_TABLES) owners.set(table, ['platform']);
    for (const f of FEATURES)
      for (const table of f.tables ?? []) owners.set(table, [...(owners.get(table) ?? []), f.name]);
    const names = found.rows
      .map((r) => r.name)
      .filter((n) => !KYSELY_TABLES.includes(n) && !n.includes('_fts'));
    for (const name of names)
      assert.equal(owners.get(name)?.length, 1, `${name} is owned by ${owners.get(name) ?? 'nobody'}`);
    for (const [table] of owners)
      assert.ok(names.includes(table), `${table} is claimed but no migration creates it`);
  },
);

test('the list of features gives each policy action, navigation item and panel once', () => {
  const actions = registeredActions().map(([a]) => a);
  assert.equal(new Set(actions).size, actions.length);
  for (const item of navigation())
    assert.ok(actions.includes(item.permission), `${item.text}: ${item.permission}`);
  const ids = panels().map((p) => p.id);
  assert.equal(new Set(ids).size, ids.length, 'panel ids are unique');
  for (const p of panels()) assert.ok(actions.includes(p.permission), `${p.id}: ${p.permission}`);
  assert.equal(new Set(FEATURES.map((f) => f.name)).size, FEATURES.length, 'feature names are unique');
});
