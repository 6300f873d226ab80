import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { createTestDb } from '../../testing/test-db.ts';

// How PostgreSQL stores what the Hub writes, where that is PostgreSQL's own business: SQLite has no
// equivalent to test. npm run test:fast (SQLite only) leaves this file out (scripts/test.ts).
const skip = process.env.DATABASE_URL ? false : 'needs PostgreSQL (DATABASE_URL); CI always sets it';

test('the outbox stores its messages compressed with lz4 (a bulletin queues 300 MB)', { skip }, async () => {
  const t = await createTestDb('postgres');
  try {
    const { rows } = await sql<{ attname: string; attcompression: string }>`
      select attname, attcompression from pg_attribute
      where attrelid = 'outbox'::regclass and attname in ('text_body', 'html_body') order by attname`.execute(
      t.db,
    );
    // 'l' is lz4; a server built without it would say '' (the default, pglz), and this would fail there.
    assert.deepEqual(rows, [
      { attname: 'html_body', attcompression: 'l' },
      { attname: 'text_body', attcompression: 'l' },
    ]);
  } finally {
    await t.drop();
  }
});
