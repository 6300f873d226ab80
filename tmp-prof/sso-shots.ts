import { startTestProvider } from '../src/testing/oidc-provider.ts';
import { launchChromium, newContext } from '../e2e/support/browser.ts';
import { startHubWith } from '../e2e/support/hub.ts';

const port = 47811;
const baseUrl = `http://localhost:${port}`;
const provider = await startTestProvider({
  redirectUri: `${baseUrl}/sign-in/council/return`,
  postLogoutRedirectUri: `${baseUrl}/sign-in/council/signed-out`,
  people: [{ login: 'x', password: 'y', claims: { oid: 'o1', email: 'nobody@x.example', name: 'Nobody' } }],
});
for (const only of [false, true]) {
  const hub = await startHubWith(() => {}, {
    port,
    configure: (c) => ({ ...c, baseUrl, oidc: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, roleMap: undefined, createAccounts: false, only, breakGlassEmail: 'a@b.c' } }),
  });
  const browser = await launchChromium();
  const ctx = await newContext(browser, { viewport: { width: 1024, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.screenshot({ path: `tmp-prof/sign-in-${only}.png`, fullPage: true });
  await page.setViewportSize({ width: 320, height: 800 });
  await page.screenshot({ path: `tmp-prof/sign-in-${only}-320.png`, fullPage: true });
  if (!only) {
    await page.getByRole('button', { name: 'Sign in with your council account' }).click();
    await page.getByLabel('Username').fill('x');
    await page.getByLabel('Password').fill('y');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => u.href.startsWith(baseUrl));
    await page.screenshot({ path: `tmp-prof/refused-320.png`, fullPage: true });
  } else {
    await page.getByLabel('Work email address').fill('someone@x.example');
    await page.getByLabel('Password', { exact: true }).fill('wrong');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForLoadState();
    await page.screenshot({ path: `tmp-prof/only-refused-320.png`, fullPage: true });
  }
  await browser.close();
  await hub.stop();
}
await provider.close();
