import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Browser, createTestApp, personaFor } from '../../testing/test-app.ts';
import { dialectsUnderTest } from '../../testing/test-db.ts';

for (const dialect of dialectsUnderTest()) {
  describe(`sign-in and sessions [${dialect}]`, () => {
    test('signing in gives a new session id, and the old one stops working', async () => {
      const t = await createTestApp(dialect);
      try {
        const b = new Browser(t.app);
        const first = await b.signIn(personaFor('practitioner').email);
        assert.equal(first.statusCode, 303);
        const firstToken = b.cookies.get('hub_session');
        assert.ok(firstToken);
        // Signing in again (e.g. on a shared computer) must rotate the id.
        const _csrf = await b.csrfFrom('/');
        const again = await b.post('/sign-in', {
          _csrf,
          email: personaFor('practitioner').email,
          password: 'practice-hub-demo',
        });
        assert.equal(again.statusCode, 303);
        const secondToken = b.cookies.get('hub_session');
        assert.ok(secondToken);
        assert.notEqual(secondToken, firstToken);
        const stale = await t.app.inject({
          method: 'GET',
          url: '/',
          headers: { cookie: `hub_session=${firstToken}` },
        });
        assert.equal(stale.statusCode, 303, 'the old session id no longer signs anyone in');
        assert.match(String(stale.headers.location), /^\/sign-in/);
        const fresh = await b.get('/');
        assert.equal(fresh.statusCode, 200);
        assert.match(fresh.body, /Amina/);
        const rows = await t.db.selectFrom('sessions').selectAll().execute();
        assert.equal(rows.length, 1);
        assert.notEqual(rows[0]!.id, secondToken, 'the database keeps only a hash of the token');
      } finally {
        await t.drop();
      }
    });

    test('a form post without the right token is refused and changes nothing', async () => {
      const t = await createTestApp(dialect);
      try {
        const b = new Browser(t.app);
        await b.signIn(personaFor('system-admin').email);
        const target = await t.db
          .selectFrom('staff')
          .select(['id', 'is_agency'])
          .where('email', '=', personaFor('practitioner').email)
          .executeTakeFirstOrThrow();
        const form = {
          isAgency: target.is_agency ? 'no' : 'yes',
          roles: 'practitioner',
          teamId: '',
          leftOn: '',
        };
        const missing = await b.post(`/staff/${target.id}/edit`, form);
        assert.equal(missing.statusCode, 403);
        assert.match(missing.body, /This form has expired/);
        const forged = await b.post(`/staff/${target.id}/edit`, { ...form, _csrf: 'x'.repeat(43) });
        assert.equal(forged.statusCode, 403);
        const after = await t.db
          .selectFrom('staff')
          .select('is_agency')
          .where('id', '=', target.id)
          .executeTakeFirstOrThrow();
        assert.equal(after.is_agency, target.is_agency);
        // The same post with the page's own token goes through.
        const _csrf = await b.csrfFrom(`/staff/${target.id}/edit`);
        const ok = await b.post(`/staff/${target.id}/edit`, { ...form, _csrf });
        assert.equal(ok.statusCode, 303);
      } finally {
        await t.drop();
      }
    });

    test('the sign-in form itself needs its token (no login CSRF)', async () => {
      const t = await createTestApp(dialect);
      try {
        const b = new Browser(t.app);
        const res = await b.post('/sign-in', {
          email: personaFor('practitioner').email,
          password: 'practice-hub-demo',
        });
        assert.equal(res.statusCode, 403);
        assert.equal(b.cookies.get('hub_session'), undefined);
      } finally {
        await t.drop();
      }
    });

    test('signing out ends the session on the server', async () => {
      const t = await createTestApp(dialect);
      try {
        const b = new Browser(t.app);
        await b.signIn(personaFor('psw').email);
        const token = b.cookies.get('hub_session');
        const _csrf = await b.csrfFrom('/');
        const out = await b.post('/sign-out', { _csrf });
        assert.equal(out.statusCode, 303);
        const again = await t.app.inject({
          method: 'GET',
          url: '/',
          headers: { cookie: `hub_session=${token}` },
        });
        assert.equal(again.statusCode, 303);
        assert.equal((await t.db.selectFrom('sessions').select('id').execute()).length, 0);
      } finally {
        await t.drop();
      }
    });

    test('a session ends after the idle time', async () => {
      const t = await createTestApp(dialect);
      try {
        const b = new Browser(t.app);
        await b.signIn(personaFor('practitioner').email);
        t.clock.advanceMs((t.services.config.sessionIdleMinutes + 1) * 60_000);
        const res = await b.get('/');
        assert.equal(res.statusCode, 303);
      } finally {
        await t.drop();
      }
    });
  });
}
