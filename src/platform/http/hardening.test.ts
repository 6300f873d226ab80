import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Browser, createTestApp, personaFor } from '../../testing/test-app.ts';

describe('headers, proxies and audits that close gaps found under attack', () => {
  test('signed-in pages and downloads are never cached; hashed assets are', async () => {
    const t = await createTestApp('sqlite');
    try {
      const b = new Browser(t.app);
      await b.signIn(personaFor('system-admin').email);
      for (const url of ['/', '/staff', '/admin/audit', '/admin/audit.csv']) {
        const res = await b.get(url);
        assert.equal(res.statusCode, 200, url);
        assert.equal(res.headers['cache-control'], 'no-store', url);
      }
      const css = /href="(\/assets\/hub-[0-9a-f]+\.css)"/.exec((await b.get('/')).body)?.[1];
      assert.ok(css);
      const asset = await b.get(css);
      assert.match(String(asset.headers['cache-control']), /immutable/);
      // An asset is the same for everyone: it sets no cookie, for a signed-in person or a new visitor
      // (a response that sets a cookie is not kept by shared caches).
      assert.equal(asset.headers['set-cookie'], undefined);
      const fresh = await t.app.inject({ method: 'GET', url: css });
      assert.equal(fresh.statusCode, 200);
      assert.equal(fresh.headers['set-cookie'], undefined);
      assert.notEqual(
        (await t.app.inject({ method: 'GET', url: '/sign-in' })).headers['set-cookie'],
        undefined,
      );
    } finally {
      await t.drop();
    }
  });

  test('X-Frame-Options says DENY, as frame-ancestors does', async () => {
    const t = await createTestApp('sqlite');
    try {
      const res = await t.app.inject({ method: 'GET', url: '/sign-in' });
      assert.equal(res.headers['x-frame-options'], 'DENY');
      assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/);
    } finally {
      await t.drop();
    }
  });

  const failedSignInAddress = async (trustProxy: string | undefined) => {
    const { loadConfig } = await import('../../config.ts');
    const t = await createTestApp('sqlite', {
      trustProxy: loadConfig({ TRUST_PROXY: trustProxy }).trustProxy,
    });
    try {
      const b = new Browser(t.app);
      const _csrf = await b.csrfFrom('/sign-in');
      await t.app.inject({
        method: 'POST',
        url: '/sign-in',
        headers: {
          cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'content-type': 'application/x-www-form-urlencoded',
          'x-forwarded-for': '203.0.113.9',
        },
        payload: new URLSearchParams({ _csrf, email: 'nobody@example.org', password: 'wrong' }).toString(),
      });
      const row = await t.db
        .selectFrom('audit_log')
        .select('ip')
        .where('action', '=', 'sign-in-failed')
        .executeTakeFirstOrThrow();
      return row.ip;
    } finally {
      await t.drop();
    }
  };

  test('X-Forwarded-For is believed only when TRUST_PROXY says so', async () => {
    assert.equal(await failedSignInAddress(undefined), '127.0.0.1', 'a forged address is not recorded');
    assert.equal(await failedSignInAddress('1'), '203.0.113.9', 'behind one trusted proxy');
    assert.equal(await failedSignInAddress('127.0.0.1'), '203.0.113.9', 'the proxy named by its address');
    assert.equal(await failedSignInAddress('10.0.0.0/8'), '127.0.0.1', 'a proxy not on the list');
  });

  test('HEAD on an audited page is audited like GET; a refused form token is audited', async () => {
    const t = await createTestApp('sqlite');
    try {
      const b = new Browser(t.app);
      await b.signIn(personaFor('system-admin').email);
      const someone = await t.db.selectFrom('staff').select('id').executeTakeFirstOrThrow();
      const head = await t.app.inject({
        method: 'HEAD',
        url: `/staff/${someone.id}`,
        headers: { cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      assert.equal(head.statusCode, 200);
      const viewed = await t.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'view')
        .where('record_id', '=', someone.id)
        .execute();
      assert.equal(viewed.length, 1);

      const refused = await b.post('/admin/working-days', {
        _csrf: 'forged',
        day: '2027-03-01',
        reason: 'x',
      });
      assert.equal(refused.statusCode, 403);
      const denied = await t.db
        .selectFrom('audit_log')
        .select('summary')
        .where('outcome', '=', 'denied')
        .where('record_type', '=', 'form')
        .execute();
      assert.equal(denied.length, 1);
      assert.match(denied[0]!.summary, /form token/);
    } finally {
      await t.drop();
    }
  });
});
