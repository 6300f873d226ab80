import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildAssets } from '../platform/views/assets.ts';
import { createViewEnv } from '../platform/views/render.ts';

/**
 * The bulletin as PDF, printed by Chromium itself (`--headless
 * --print-to-pdf`), so paper matches the print stylesheet. playwright-core is
 * a development dependency only; production needs nothing but the browser.
 * Where Chromium is not installed, `chromiumPath()` is null and the page says so.
 */
export const chromiumPath = (): string | null => {
  const configured = process.env.CHROMIUM_PATH;
  for (const p of [configured, '/usr/bin/chromium', '/usr/bin/chromium-browser'])
    if (p && existsSync(p)) return p;
  return null;
};

let views: ReturnType<typeof createViewEnv> | undefined;
const css = new Map<string, string>();

/** The print page as one file: the stylesheet inlined (Chromium reads it from disk, not from the Hub). */
export function printableHtml(context: Record<string, unknown>, brandColour: string, orgName: string) {
  views ??= createViewEnv({ cache: true });
  if (!css.has(brandColour)) {
    const assets = buildAssets(brandColour);
    css.set(brandColour, assets.get(assets.cssHref.replace('/assets/', ''))?.body.toString('utf8') ?? '');
  }
  return views.render('bulletin/views/pdf.njk', { ...context, css: css.get(brandColour), orgName });
}

// The print page is the same for every reader, so the same HTML gives the same PDF: the last few are
// kept, and a morning of people downloading the edition starts Chromium once (until places change).
const recent = new Map<string, Buffer>();
const KEEP = 8;

/** Prints the HTML to PDF with Chromium (or returns the PDF of the same HTML printed before). */
export async function printToPdf(html: string, browser: string, timeoutMs = 30_000): Promise<Buffer> {
  const key = createHash('sha256').update(html).digest('hex');
  const hit = recent.get(key);
  if (hit) return hit;
  const pdf = await printWithChromium(html, browser, timeoutMs);
  recent.set(key, pdf);
  if (recent.size > KEEP) recent.delete(recent.keys().next().value as string);
  return pdf;
}

async function printWithChromium(html: string, browser: string, timeoutMs: number): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bulletin-pdf-'));
  try {
    const input = path.join(dir, 'edition.html');
    const output = path.join(dir, 'edition.pdf');
    await writeFile(input, html);
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        browser,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--no-pdf-header-footer',
          `--user-data-dir=${path.join(dir, 'profile')}`,
          `--print-to-pdf=${output}`,
          `file://${input}`,
        ],
        { stdio: 'ignore' },
      );
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error('Chromium took too long to print the bulletin'));
      }, timeoutMs);
      child.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        if (code === 0 && existsSync(output)) resolve();
        else reject(new Error(`Chromium could not print the bulletin (exit ${code})`));
      });
    });
    return await readFile(output);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
