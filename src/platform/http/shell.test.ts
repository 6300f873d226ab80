import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApp } from '../../app.ts';
import { Browser, createTestApp, personaFor } from '../../testing/test-app.ts';
import { createTestDb, dialectsUnderTest } from '../../testing/test-db.ts';

for (const dialect of dialectsUnderTest()) {
  test(`/health answers from the database [${dialect}]`, async () => {
    const t = await createTestApp(dialect);
    try {
      const res = await t.app.inject({ method: 'GET', url: '/health' });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { status: 'ok', database: dialect });
    } finally {
      await t.drop();
    }
  });
}

test('/health says 503 when the database is gone', async () => {
  const t = await createTestApp('sqlite');
  const app = t.app;
  await t.handle.close();
  const res = await app.inject({ method: 'GET', url: '/health' });
  assert.equal(res.statusCode, 503);
  await app.close();
});

test('pages carry a strict content security policy with a fresh nonce each time', async () => {
  const t = await createTestApp('sqlite');
  try {
    const a = await t.app.inject({ method: 'GET', url: '/sign-in' });
    const b = await t.app.inject({ method: 'GET', url: '/sign-in' });
    const csp = String(a.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self' 'nonce-[^']+'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    const nonceA = /'nonce-([^']+)'/.exec(csp)![1];
    const nonceB = /'nonce-([^']+)'/.exec(String(b.headers['content-security-policy']))![1];
    assert.notEqual(nonceA, nonceB);
    // The only inline script is the template's, and it carries this response's nonce.
    const inline = [...a.body.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]);
    assert.deepEqual(inline, [` nonce="${nonceA}"`]);
    assert.doesNotMatch(a.body, /style="/);
    assert.equal(a.headers['x-content-type-options'], 'nosniff');
  } finally {
    await t.drop();
  }
});

test('no GOV.UK branding: generic header, our favicon, no crown, no Crown copyright, no GDS font', async () => {
  const t = await createTestApp('sqlite');
  try {
    const page = await t.app.inject({ method: 'GET', url: '/sign-in' });
    assert.match(page.body, /Calderbrook Council/);
    assert.doesNotMatch(page.body, /Crown copyright|govuk-logo|Open Government Licence|GOV\.UK -/);
    const cssHref = /href="(\/assets\/hub-[0-9a-f]+\.css)"/.exec(page.body)![1]!;
    const css = await t.app.inject({ method: 'GET', url: cssHref });
    assert.equal(css.statusCode, 200);
    assert.doesNotMatch(css.body, /GDS Transport/);
    assert.match(css.body, /--govuk-brand-colour:#005a70/);
  } finally {
    await t.drop();
  }
});

test('an unknown page is a 404 in the design system, for a visitor and a signed-in person', async () => {
  const t = await createTestApp('sqlite');
  try {
    const anon = await t.app.inject({ method: 'GET', url: '/no-such-page' });
    assert.equal(anon.statusCode, 404);
    assert.match(anon.body, /Page not found/);
    const b = new Browser(t.app);
    await b.signIn(personaFor('practitioner').email);
    const signed = await b.get('/staff/00000000-0000-0000-0000-000000000000');
    assert.equal(signed.statusCode, 404);
    assert.match(signed.body, /govuk-heading-l">Page not found/);
  } finally {
    await t.drop();
  }
});

test('in production cookies are __Host-, Secure, HttpOnly and SameSite', async () => {
  const t = await createTestDb('sqlite');
  try {
    const services = { ...t.services, config: { ...t.services.config, env: 'production' as const } };
    const app = await createApp(services);
    const res = await app.inject({ method: 'GET', url: '/sign-in' });
    const cookie = String(res.headers['set-cookie']);
    assert.match(cookie, /^__Host-hub_pre=/);
    assert.match(cookie, /Secure/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.match(String(res.headers['strict-transport-security']), /max-age/);
    await app.close();
  } finally {
    await t.drop();
  }
});
