import { existsSync } from 'node:fs';
import { type Browser, type BrowserContextOptions, chromium } from 'playwright-core';

/**
 * Debian's Chromium. Its headless shell (package chromium-headless-shell) is the same engine
 * without the desktop browser's windowing layers, and runs a page a fifth faster: used when
 * it is installed.
 */
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
export const CHROMIUM =
  process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium');

/** Why browser tests cannot run here, or undefined when they can. */
export const browserSkipReason = (): string | undefined =>
  existsSync(CHROMIUM) ? undefined : `Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`;

/** Debian's Chromium, never a downloaded browser; flags keep it off the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A browser context as the tests use them: London time, and patience with a busy machine. */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ timezoneId: 'Europe/London', ...options });
  // Pages answer in well under a second on an idle machine; on a shared, busy one a page can take
  // longer than playwright's 30 s. The ten slowest tests at the end of a run show real slowness.
  context.setDefaultNavigationTimeout(90_000);
  return context;
}
