import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { OidcConfig } from '../../config.ts';
import { certificateFrom } from '../../config.ts';
import {
  type DirectoryPerson,
  idTokenClaims,
  signIdToken,
  startTestProvider,
  type TestProvider,
} from '../../testing/oidc-provider.ts';
import { Browser, createTestApp, personaFor, type TestApp } from '../../testing/test-app.ts';
import { dialectsUnderTest } from '../../testing/test-db.ts';
import { CALLBACK_PATH, SIGNED_OUT_PATH } from './oidc.service.ts';

/**
 * Single sign-on against a real OpenID provider (oidc-provider on loopback),
 * driven with plain HTTP: the Hub in-process, the provider over the network,
 * its own sign-in page filled in as a browser would.
 */

const HUB = 'http://127.0.0.1:9';
const practitioner = personaFor('practitioner');
const manager = personaFor('team-manager');
const admin = personaFor('system-admin');

const ROLE_MAP = new Map([
  ['Hub.Practitioner', ['practitioner' as const]],
  ['Hub.TeamManager', ['team-manager' as const]],
  ['7d0c1e52-psw-group', ['psw' as const]],
]);

const directory = (): DirectoryPerson[] => [
  {
    login: 'amina',
    password: 'correct horse',
    claims: {
      oid: '0a1b2c3d-0000-4000-8000-000000000001',
      email: practitioner.email,
      name: practitioner.name,
      roles: ['Hub.Practitioner'],
      groups: ['7d0c1e52-psw-group'],
    },
  },
  {
    login: 'daniel',
    password: 'battery staple',
    claims: {
      oid: '0a1b2c3d-0000-4000-8000-000000000002',
      email: manager.email,
      name: manager.name,
      roles: ['Hub.TeamManager'],
    },
  },
  {
    login: 'stranger',
    password: 'stranger pass',
    claims: {
      oid: '0a1b2c3d-0000-4000-8000-00000000000f',
      email: 'new.starter@calderbrook.gov.uk',
      name: 'New Starter',
      roles: ['Hub.Practitioner'],
    },
  },
  {
    login: 'blocked',
    password: 'blocked pass',
    blocked: true,
    claims: { oid: '0a1b2c3d-0000-4000-8000-00000000000b', email: manager.email, name: manager.name },
  },
];

/** Follows the provider's redirects with its own cookies, signing in on its page, until it sends the browser back to the Hub. */
async function atProvider(startUrl: string, login: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = new URL(startUrl);
  let form: URLSearchParams | undefined;
  for (let hops = 0; hops < 12; hops++) {
    const res = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form?.toString(),
    });
    form = undefined;
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    const location = res.headers.get('location');
    if (location) {
      url = new URL(location, url);
      if (url.href.startsWith(HUB)) return url.pathname + url.search;
      continue;
    }
    const page = await res.text();
    assert.equal(res.status, 200, `the provider answered ${res.status}: ${page.slice(0, 300)}`);
    assert.match(page, /Sign in to your account/);
    form = new URLSearchParams({ username: login, password });
  }
  throw new Error('the provider never sent the browser back');
}

/** Starts at the Hub's button and comes back to its callback, returning the callback address (not yet visited). */
async function throughProvider(b: Browser, login: string, password: string, returnTo?: string) {
  const start = await b.get(`/sign-in/council${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`);
  assert.equal(start.statusCode, 303);
  return atProvider(String(start.headers.location), login, password);
}

async function signInWithProvider(b: Browser, login: string, password: string, returnTo?: string) {
  return b.get(await throughProvider(b, login, password, returnTo));
}

const staffRow = (t: TestApp, email: string) =>
  t.db.selectFrom('staff').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
const rolesOf = async (t: TestApp, staffId: string) =>
  (await t.db.selectFrom('staff_roles').select('role').where('staff_id', '=', staffId).execute())
    .map((r) => r.role)
    .sort();
const auditRows = (t: TestApp, action: string) =>
  t.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('at').execute();

/** Re-signs the provider's ID token with its own key after a change, so only the changed claim is wrong. */
const resigned =
  (p: TestProvider, change: (claims: Record<string, unknown>) => Record<string, unknown>) =>
  (idToken: string) =>
    signIdToken(change(idTokenClaims(idToken)), p.signingKey, p.signingKid);

for (const dialect of dialectsUnderTest()) {
  describe(`single sign-on against a real provider [${dialect}]`, () => {
    let provider: TestProvider;
    const settings = (more: Partial<OidcConfig> = {}): OidcConfig => ({
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      roleMap: ROLE_MAP,
      createAccounts: false,
      passwordsOff: false,
      breakGlassEmail: undefined,
      ...more,
    });
    const hub = (more: Partial<OidcConfig> = {}) =>
      createTestApp(dialect, { baseUrl: HUB, oidc: settings(more) });

    before(async () => {
      provider = await startTestProvider({
        redirectUri: `${HUB}${CALLBACK_PATH}`,
        postLogoutRedirectUri: `${HUB}${SIGNED_OUT_PATH}`,
        people: directory(),
      });
    });
    after(() => provider.close());

    test('a first sign-in matches by verified email, links the directory id, applies the mapped roles and rotates the session', async () => {
      const t = await hub();
      try {
        const b = new Browser(t.app);
        await b.signIn(practitioner.email);
        const before = b.cookies.get('hub_session');
        assert.ok(before);
        const res = await signInWithProvider(b, 'amina', 'correct horse', '/learning');
        assert.equal(res.statusCode, 303);
        assert.equal(
          res.headers.location,
          '/learning',
          'the place asked for before signing in is kept through the provider',
        );
        assert.notEqual(b.cookies.get('hub_session'), before, 'a new session at sign-in');
        const stale = await t.app.inject({
          method: 'GET',
          url: '/',
          headers: { cookie: `hub_session=${before}` },
        });
        assert.equal(stale.statusCode, 303, 'the session the browser had is gone');
        const staff = await staffRow(t, practitioner.email);
        assert.equal(staff.directory_id, '0a1b2c3d-0000-4000-8000-000000000001');
        assert.deepEqual(
          await rolesOf(t, staff.id),
          ['practitioner', 'psw'],
          'app role and group both mapped',
        );
        const changes = (await auditRows(t, 'update')).filter((r) =>
          r.summary.startsWith('Roles from the directory'),
        );
        assert.equal(changes.length, 1);
        assert.match(changes[0]!.summary, /added psw/);
        const home = await b.get('/');
        assert.equal(home.statusCode, 200);
        assert.match(home.body, /Amina/);
        // The same roles again: no new audit row about roles.
        await signInWithProvider(b, 'amina', 'correct horse');
        const again = (await auditRows(t, 'update')).filter((r) =>
          r.summary.startsWith('Roles from the directory'),
        );
        assert.equal(again.length, 1);
        const signIns = await auditRows(t, 'sign-in');
        assert.match(signIns.at(-1)!.summary, /single sign-on/);
      } finally {
        await t.drop();
      }
    });

    test('a changed email in the directory keeps the same person (matched by directory id)', async () => {
      const t = await hub();
      try {
        const b = new Browser(t.app);
        await signInWithProvider(b, 'amina', 'correct horse');
        const amina = provider.people.find((p) => p.login === 'amina')!;
        amina.claims.email = 'amina.hussain-smith@calderbrook.gov.uk';
        try {
          const fresh = new Browser(t.app);
          const res = await signInWithProvider(fresh, 'amina', 'correct horse');
          assert.equal(res.statusCode, 303);
          const home = await fresh.get('/');
          assert.match(home.body, /Amina/);
          const count = await t.db
            .selectFrom('staff')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('directory_id', '=', amina.claims.oid)
            .executeTakeFirstOrThrow();
          assert.equal(Number(count.n), 1);
        } finally {
          amina.claims.email = practitioner.email;
        }
        // Someone else in the directory with the linked record's address does not get that record.
        const impostor = provider.people.find((p) => p.login === 'stranger')!;
        impostor.claims.email = practitioner.email;
        try {
          const res = await signInWithProvider(new Browser(t.app), 'stranger', 'stranger pass');
          assert.equal(res.statusCode, 403);
        } finally {
          impostor.claims.email = 'new.starter@calderbrook.gov.uk';
        }
      } finally {
        await t.drop();
      }
    });

    test('an unknown person is told who to ask and nothing is created, unless creation is on', async () => {
      const t = await hub();
      try {
        const count = async () =>
          Number(
            (
              await t.db
                .selectFrom('staff')
                .select((eb) => eb.fn.countAll().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          );
        const before = await count();
        const res = await signInWithProvider(new Browser(t.app), 'stranger', 'stranger pass');
        assert.equal(res.statusCode, 403);
        assert.match(res.body, /does not know your council account/);
        assert.match(res.body, /Ask a system admin/);
        assert.equal(await count(), before, 'no staff record made');
        const refused = await auditRows(t, 'sign-in-failed');
        assert.match(refused.at(-1)!.summary, /unknown.*new\.starter@calderbrook\.gov\.uk/);
      } finally {
        await t.drop();
      }
      const withCreation = await hub({ createAccounts: true });
      try {
        const b = new Browser(withCreation.app);
        const res = await signInWithProvider(b, 'stranger', 'stranger pass');
        assert.equal(res.statusCode, 303);
        const made = await staffRow(withCreation, 'new.starter@calderbrook.gov.uk');
        assert.equal(made.team_id, null);
        assert.equal(made.needs_placing, 1, 'flagged for an admin to place');
        assert.equal(made.password_hash, null);
        assert.deepEqual(await rolesOf(withCreation, made.id), ['practitioner']);
      } finally {
        await withCreation.drop();
      }
    });

    test('a leaver cannot sign in, and their sessions end', async () => {
      const t = await hub();
      try {
        const elsewhere = new Browser(t.app);
        await elsewhere.signIn(manager.email);
        assert.equal((await elsewhere.get('/')).statusCode, 200);
        const staff = await staffRow(t, manager.email);
        // Marked as left by the authority today, with a session still open somewhere.
        await t.db.updateTable('staff').set({ left_on: '2020-01-31' }).where('id', '=', staff.id).execute();
        const res = await signInWithProvider(new Browser(t.app), 'daniel', 'battery staple');
        assert.equal(res.statusCode, 403);
        assert.match(res.body, /Your Hub account is closed/);
        const sessions = await t.db
          .selectFrom('sessions')
          .select('id')
          .where('staff_id', '=', staff.id)
          .execute();
        assert.deepEqual(sessions, [], 'every session of the leaver has ended');
        assert.equal((await elsewhere.get('/')).statusCode, 303);
      } finally {
        await t.drop();
      }
    });

    test('a person the provider refuses is not signed in, and the session the browser had ends', async () => {
      const t = await hub();
      try {
        const b = new Browser(t.app);
        await b.signIn(manager.email);
        const res = await signInWithProvider(b, 'blocked', 'blocked pass');
        assert.equal(res.statusCode, 403);
        assert.match(res.body, /could not sign you in/);
        assert.equal(b.cookies.get('hub_session'), undefined);
        assert.equal((await b.get('/')).statusCode, 303);
        const refused = await auditRows(t, 'sign-in-failed');
        assert.match(refused.at(-1)!.summary, /refused-by-provider.*access_denied/);
      } finally {
        await t.drop();
      }
    });

    test('a person with no mapped app role or group is refused when roles come from the directory', async () => {
      const t = await hub();
      const daniel = provider.people.find((p) => p.login === 'daniel')!;
      daniel.claims.roles = [];
      try {
        const res = await signInWithProvider(new Browser(t.app), 'daniel', 'battery staple');
        assert.equal(res.statusCode, 403);
        assert.match(res.body, /gives you no access/);
        const staff = await staffRow(t, manager.email);
        assert.deepEqual(await rolesOf(t, staff.id), ['team-manager'], 'roles untouched by a refusal');
      } finally {
        daniel.claims.roles = ['Hub.TeamManager'];
        await t.drop();
      }
    });

    describe('the ID token and the flow are checked (each test names the check it proves)', () => {
      let t: TestApp;
      before(async () => {
        t = await hub();
      });
      after(() => t.drop());

      const refusedWith = async (pattern: RegExp, rewrite?: (idToken: string) => string) => {
        provider.rewriteIdToken = rewrite;
        try {
          const b = new Browser(t.app);
          const res = await signInWithProvider(b, 'amina', 'correct horse');
          assert.equal(res.statusCode, 400, res.body.slice(0, 200));
          assert.match(res.body, /did not work/);
          assert.equal(b.cookies.get('hub_session'), undefined, 'no session');
          const refused = await auditRows(t, 'sign-in-failed');
          assert.match(refused.at(-1)!.summary, pattern);
        } finally {
          provider.rewriteIdToken = undefined;
        }
      };

      test('the signature: a token whose claims were changed after signing is refused', () =>
        refusedWith(/signature/i, (idToken) => {
          const [header, , signature] = idToken.split('.');
          const claims = { ...idTokenClaims(idToken), oid: '0a1b2c3d-0000-4000-8000-000000000002' };
          return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
        }));

      test('the signature: a token signed with another key (under the provider key id) is refused', () => {
        const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
        return refusedWith(/signature/i, (idToken) =>
          signIdToken(idTokenClaims(idToken), privateKey, provider.signingKid),
        );
      });

      test('the nonce: a token made for another sign-in is refused', () =>
        refusedWith(
          /nonce/i,
          resigned(provider, (c) => ({ ...c, nonce: 'a-nonce-from-another-sign-in' })),
        ));

      test('the issuer: a token from another issuer is refused', () =>
        refusedWith(
          /iss/i,
          resigned(provider, (c) => ({ ...c, iss: 'https://login.example.net/other-tenant/v2.0' })),
        ));

      test('the audience: a token for another app is refused', () =>
        refusedWith(
          /aud/i,
          resigned(provider, (c) => ({ ...c, aud: 'some-other-app' })),
        ));

      test('the expiry: an expired token is refused', () =>
        refusedWith(
          /exp/i,
          resigned(provider, (c) => ({ ...c, iat: Number(c.iat) - 7200, exp: Number(c.iat) - 3600 })),
        ));

      test('the state: an answer whose state is not this sign-in’s is refused', async () => {
        const b = new Browser(t.app);
        const callback = new URL(await throughProvider(b, 'amina', 'correct horse'), HUB);
        callback.searchParams.set('state', 'state-of-someone-else');
        const res = await b.get(callback.pathname + callback.search);
        assert.equal(res.statusCode, 400);
        assert.equal(b.cookies.get('hub_session'), undefined);
        assert.match((await auditRows(t, 'sign-in-failed')).at(-1)!.summary, /state/i);
      });

      test('a replayed code: the flow is single use, and the provider refuses the code a second time', async () => {
        const b = new Browser(t.app);
        const callback = await throughProvider(b, 'amina', 'correct horse');
        assert.equal((await b.get(callback)).statusCode, 303, 'the first use signs in');
        // The same answer again: the Hub's record of this sign-in was used up.
        const again = await b.get(callback);
        assert.equal(again.statusCode, 403);
        assert.match(again.body, /already used/);
        // The code under a new sign-in's state and cookie: it reaches the provider, which refuses a used code.
        const attacker = new Browser(t.app);
        const fresh = new URL(await throughProvider(attacker, 'daniel', 'battery staple'), HUB);
        const replay = new URL(callback, HUB);
        replay.searchParams.set('state', fresh.searchParams.get('state')!);
        const res = await attacker.get(replay.pathname + replay.search);
        assert.equal(res.statusCode, 400);
        assert.match((await auditRows(t, 'sign-in-failed')).at(-1)!.summary, /invalid_grant/);
      });
    });

    test('sign-out ends the Hub session and signs out at the provider', async () => {
      const t = await hub();
      try {
        const b = new Browser(t.app);
        await signInWithProvider(b, 'amina', 'correct horse');
        const staff = await staffRow(t, practitioner.email);
        const _csrf = await b.csrfFrom('/');
        const res = await b.post('/sign-out', { _csrf });
        assert.equal(res.statusCode, 303);
        const to = new URL(String(res.headers.location));
        assert.equal(to.origin, provider.issuer, 'sent on to the provider');
        assert.ok(to.searchParams.get('id_token_hint'));
        assert.equal(to.searchParams.get('post_logout_redirect_uri'), `${HUB}${SIGNED_OUT_PATH}`);
        const sessions = await t.db
          .selectFrom('sessions')
          .select('id')
          .where('staff_id', '=', staff.id)
          .execute();
        assert.deepEqual(sessions, []);
        const logout = await fetch(to, { redirect: 'manual' });
        assert.equal(logout.status, 200, 'the provider accepts the Hub’s sign-out request');
      } finally {
        await t.drop();
      }
    });

    test('with single sign-on only, passwords are refused except the break-glass system admin’s, which is audited', async () => {
      const t = await hub({ passwordsOff: true, breakGlassEmail: admin.email });
      try {
        const page = await new Browser(t.app).get('/sign-in');
        assert.ok(
          page.body.indexOf('Sign in with your council account') < page.body.indexOf('name="password"'),
          'the council account is offered first',
        );
        const refused = await new Browser(t.app).signIn(practitioner.email);
        assert.equal(refused.statusCode, 401);
        assert.match(refused.body, /Sign in with your council account\. Passwords work only/);
        const wrongAdmin = await new Browser(t.app).signIn(admin.email, 'not the password');
        assert.equal(wrongAdmin.statusCode, 401);
        assert.match(
          wrongAdmin.body,
          /Passwords work only/,
          'the same answer: it does not point out the break-glass address',
        );
        const b = new Browser(t.app);
        const ok = await b.signIn(admin.email);
        assert.equal(ok.statusCode, 303);
        const rows = await auditRows(t, 'break-glass-sign-in');
        assert.equal(rows.length, 1);
        const home = await b.get('/');
        assert.match(home.body, /Emergency password sign-ins/);
        assert.match(home.body, /1 sign-in with the break-glass password in the last 30 days/);
      } finally {
        await t.drop();
      }
    });
  });
}

/** A self-signed certificate and its key in one PEM file, as an authority would upload the certificate to Entra. */
function makeCertificate(dir: string, name: string): string {
  const file = path.join(dir, `${name}.pem`);
  const pem = execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      `/CN=${name}`,
      '-days',
      '2',
      '-keyout',
      '-',
      '-out',
      '-',
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  ).toString();
  writeFileSync(file, pem);
  return file;
}

for (const dialect of dialectsUnderTest()) {
  test(`the Hub can prove itself with a certificate (private_key_jwt) instead of a secret [${dialect}]`, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hub-oidc-cert-'));
    const registered = makeCertificate(dir, 'hub');
    const other = makeCertificate(dir, 'not-registered');
    const publicJwk = (file: string) =>
      createPublicKey(certificateFrom(file).privateKeyPem).export({ format: 'jwk' });
    const provider = await startTestProvider({
      redirectUri: `${HUB}${CALLBACK_PATH}`,
      postLogoutRedirectUri: `${HUB}${SIGNED_OUT_PATH}`,
      people: directory(),
      // Registered under the thumbprint the Hub names in its assertion (as Entra finds a certificate).
      clientPublicJwk: { ...publicJwk(registered), use: 'sig', kid: certificateFrom(registered).thumbprint },
    });
    const hubWith = (file: string) =>
      createTestApp(dialect, {
        baseUrl: HUB,
        oidc: {
          issuer: provider.issuer,
          clientId: provider.clientId,
          clientSecret: undefined,
          clientCertificate: certificateFrom(file),
          roleMap: undefined,
          createAccounts: false,
          passwordsOff: false,
          breakGlassEmail: undefined,
        },
      });
    try {
      const good = await hubWith(registered);
      try {
        const res = await signInWithProvider(new Browser(good.app), 'amina', 'correct horse');
        const why = (await auditRows(good, 'sign-in-failed')).at(-1)?.summary;
        assert.equal(res.statusCode, 303, `the provider took the signed assertion (${why})`);
      } finally {
        await good.drop();
      }
      // A certificate the provider does not know: the code exchange is refused at the provider.
      const bad = await hubWith(other);
      try {
        const res = await signInWithProvider(new Browser(bad.app), 'amina', 'correct horse');
        assert.equal(res.statusCode, 400);
        assert.match((await auditRows(bad, 'sign-in-failed')).at(-1)!.summary, /invalid_client/);
      } finally {
        await bad.drop();
      }
    } finally {
      await provider.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
