import assert from 'node:assert/strict';
import net from 'node:net';
import { test } from 'node:test';
import { sql } from 'kysely';
import { Browser, createTestApp, personaFor } from '../../testing/test-app.ts';
import { openDb } from './db.ts';

// A database connection that goes away must not take the Hub with it (an unhandled 'error' event on a pg
// client used to end the process). Two ways it goes: the server ends the app's backends
// (pg_terminate_backend: a restart or failover), or the network between them drops (a proxy cutting TCP).
// Either way each affected request answers the error page (503), nothing is half-written, /health says
// so, and the Hub carries on once the database is back.
const url = process.env.DATABASE_URL;
const skip = url ? false : 'needs PostgreSQL (DATABASE_URL); CI always sets it';

/** A TCP proxy to PostgreSQL that the test can cut (every connection dropped, new ones refused) and restore. */
async function cuttableProxy(target: URL) {
  const open = new Set<net.Socket>();
  let up = true;
  const server = net.createServer((client) => {
    if (!up) return client.destroy();
    const db = net.connect(Number(target.port || 5432), target.hostname);
    const end = () => {
      client.destroy();
      db.destroy();
      open.delete(client);
      open.delete(db);
    };
    for (const s of [client, db]) {
      open.add(s);
      s.on('error', end);
      s.on('close', end);
    }
    client.pipe(db).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: Object.assign(new URL(target.href), { port: String(port) }).href,
    cut() {
      up = false;
      for (const s of open) s.destroy();
    },
    restore() {
      up = true;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

test('the Hub survives its database connections being cut or terminated, and recovers', {
  skip,
}, async () => {
  const proxy = await cuttableProxy(new URL(url!));
  const t = await createTestApp('postgres', {}, proxy.url);
  const admin = openDb({ kind: 'postgres', url: url! }, { poolSize: 1 });
  try {
    const b = new Browser(t.app);
    assert.equal((await b.signIn(personaFor('system-admin').email)).statusCode, 303);
    const _csrf = await b.csrfFrom('/admin/working-days');
    // Closure days on working days in 2027 (Mondays to Fridays of two spring weeks, no bank holidays).
    const days = ['03-01', '03-02', '03-03', '03-04', '03-05', '03-08', '03-09', '03-10', '03-11', '03-12'];
    const burst = (tag: string) =>
      days.flatMap((d, i) => [
        b.post('/admin/working-days', { _csrf, day: `2027-${d}`, reason: `${tag} ${i}` }),
        b.get('/admin/working-days?year=2027'),
        t.app.inject({ method: 'GET', url: '/health' }),
      ]);

    // 1. The network drops in the middle of a burst of requests.
    const first = burst('cut');
    proxy.cut();
    const during = await t.app.inject({ method: 'GET', url: '/health' });
    const statuses = (await Promise.all(first)).map((r) => r.statusCode);
    assert.equal(during.statusCode, 503, '/health says the database cannot be reached');
    for (const s of statuses) assert.ok([200, 303, 503].includes(s), `a request answered ${s}`);
    const down = await b.get('/admin/working-days?year=2027');
    assert.equal(down.statusCode, 503);
    assert.match(down.body, /not available just now/);

    proxy.restore();
    assert.equal((await t.app.inject({ method: 'GET', url: '/health' })).statusCode, 200, '/health is back');
    assert.equal((await b.get('/admin/working-days?year=2027')).statusCode, 200, 'pages work again');

    // 2. The server terminates every backend of the app during a burst.
    const second = burst('terminated');
    const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(t.db)).rows[0]!.s;
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${schema}`.execute(
      admin.db,
    );
    for (const r of await Promise.all(second))
      assert.ok([200, 303, 503].includes(r.statusCode), `a request answered ${r.statusCode}`);
    let health = 0;
    for (let i = 0; i < 3 && health !== 200; i++)
      health = (await t.app.inject({ method: 'GET', url: '/health' })).statusCode;
    assert.equal(health, 200);

    // Nothing half-written: every closure day that was saved has its audit row, and no audit row lacks its day.
    const saved = await t.db
      .selectFrom('closure_days')
      .select('day')
      .where('day', 'like', '2027-03-%')
      .execute();
    const audited = await t.db
      .selectFrom('audit_log')
      .select('record_id')
      .where('record_type', '=', 'closure-day')
      .where('action', '=', 'create')
      .execute();
    assert.deepEqual(saved.map((r) => r.day).sort(), audited.map((r) => r.record_id).sort());
    assert.ok(saved.length >= 1, 'some of the burst was saved');
  } finally {
    await admin.close();
    await t.drop();
    await proxy.close();
  }
});
