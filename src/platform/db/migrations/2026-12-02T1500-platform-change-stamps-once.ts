// Frozen: migrations never import app code, so they run the same in a year's time.
// On PostgreSQL the change-stamp trigger ran once per changed row at commit, each run updating the
// stamp's one row again: a transaction writing 200,000 rows made 200,000 versions of that row, each
// update slower than the last (the benchmark's build of 200,000 acknowledgements ran for minutes).
// Once per transaction and stamp is enough: the one update still happens at commit, with the data.
import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  // set_config(…, true) lasts until the transaction ends: the next transaction bumps again.
  await sql`create or replace function bump_change_stamp() returns trigger language plpgsql as $$
    begin
      if current_setting('hub_stamps.bumped_' || replace(tg_argv[0], '-', '_'), true) is distinct from 'yes' then
        update change_stamps set n = n + 1 where name = tg_argv[0];
        perform set_config('hub_stamps.bumped_' || replace(tg_argv[0], '-', '_'), 'yes', true);
      end if;
      return null;
    end $$`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`create or replace function bump_change_stamp() returns trigger language plpgsql as $$
    begin
      update change_stamps set n = n + 1 where name = tg_argv[0];
      return null;
    end $$`.execute(db);
}
