import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { CALLBACK_PATH, SIGNED_OUT_PATH } from '../src/platform/auth/oidc.service.ts';
import { startTestProvider, type TestProvider } from '../src/testing/oidc-provider.ts';
import { personaFor } from '../src/testing/test-app.ts';
import { assertNoAxeViolations } from './support/axe.ts';
import { browserSkipReason, launchChromium, newContext } from './support/browser.ts';
import { startHubWith } from './support/hub.ts';

const skip = browserSkipReason();

/** A port nobody is using now: the provider must know the Hub's address before the Hub starts. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe('signing in with the council account, in Chromium', { skip }, () => {
  let provider: TestProvider;
  let hub: Awaited<ReturnType<typeof startHubWith>>;
  let browser: Browser;
  const amina = personaFor('practitioner');

  before(async () => {
    const port = await freePort();
    const baseUrl = `http://localhost:${port}`;
    provider = await startTestProvider({
      redirectUri: `${baseUrl}${CALLBACK_PATH}`,
      postLogoutRedirectUri: `${baseUrl}${SIGNED_OUT_PATH}`,
      people: [
        {
          login: 'amina.hussain',
          password: 'a long directory password',
          claims: {
            oid: '5e0c2b4a-1111-4000-8000-0000000000a1',
            email: amina.email,
            name: amina.name,
            roles: ['Hub.Practitioner'],
            groups: ['b3f1-psw-group'],
          },
        },
        {
          login: 'someone.new',
          password: 'another long password',
          claims: {
            oid: '5e0c2b4a-1111-4000-8000-0000000000ff',
            email: 'someone.new@calderbrook.example',
            name: 'Someone New',
          },
        },
      ],
    });
    hub = await startHubWith(() => {}, {
      port,
      configure: (config) => ({
        ...config,
        baseUrl,
        oidc: {
          issuer: provider.issuer,
          clientId: provider.clientId,
          clientSecret: provider.clientSecret,
          roleMap: new Map([
            ['Hub.Practitioner', ['practitioner']],
            ['b3f1-psw-group', ['psw']],
          ]),
          createAccounts: false,
          passwordsOff: false,
          breakGlassEmail: undefined,
        },
      }),
    });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await hub?.stop();
    await provider?.close();
  });

  test('through the provider’s sign-in page to the home page, with the roles the directory gives', async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(`${hub.url}/sign-in`);
      await assertNoAxeViolations(page, 'the sign-in page with single sign-on');
      const council = page.getByRole('button', { name: 'Sign in with your council account' });
      // Offered first: before the password form.
      const [councilTop, passwordTop] = await Promise.all([
        council.evaluate((e) => e.getBoundingClientRect().top),
        page.getByLabel('Password', { exact: true }).evaluate((e) => e.getBoundingClientRect().top),
      ]);
      assert.ok(councilTop < passwordTop);
      await council.click();
      await page.waitForURL((u) => u.origin === provider.issuer);
      await page.getByLabel('Username').fill('amina.hussain');
      await page.getByLabel('Password').fill('a long directory password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((u) => u.href === `${hub.url}/`);
      assert.match(await page.locator('h1').innerText(), /Amina/);
      // psw from the directory's group: the exit interview themes are in the navigation now.
      assert.ok(await page.getByRole('link', { name: 'Exit interviews' }).isVisible());
      await assertNoAxeViolations(page, 'the home page after single sign-on');
      const staff = await hub.services.db
        .selectFrom('staff')
        .select('id')
        .where('email', '=', amina.email)
        .executeTakeFirstOrThrow();
      const roles = await hub.services.db
        .selectFrom('staff_roles')
        .select('role')
        .where('staff_id', '=', staff.id)
        .execute();
      assert.deepEqual(roles.map((r) => r.role).sort(), ['practitioner', 'psw']);

      // Signing out goes through the provider's own sign-out and back to the Hub.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL((u) => u.origin === provider.issuer);
      await page.getByRole('button', { name: /yes/i }).click();
      await page.waitForURL((u) => u.href.startsWith(`${hub.url}/sign-in`));
      assert.match(await page.locator('body').innerText(), /You have signed out/);
      await page.goto(`${hub.url}/`);
      assert.match(new URL(page.url()).pathname, /^\/sign-in/, 'signed out of the Hub');
    } finally {
      await context.close();
    }
  });

  test('someone the Hub does not know is told who to ask', async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(`${hub.url}/sign-in`);
      await page.getByRole('button', { name: 'Sign in with your council account' }).click();
      await page.getByLabel('Username').fill('someone.new');
      await page.getByLabel('Password').fill('another long password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((u) => u.href.startsWith(`${hub.url}${CALLBACK_PATH}`));
      assert.match(await page.locator('h1').innerText(), /does not know your council account/);
      assert.match(await page.title(), /does not know your council account/);
      await assertNoAxeViolations(page, 'the page for someone the Hub does not know');
    } finally {
      await context.close();
    }
  });
});
