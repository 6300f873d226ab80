import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { assertNoAxeViolations } from '../../../e2e/support/axe.ts';
import { browserSkipReason, launchChromium } from '../../../e2e/support/browser.ts';
import { barChart, type ChartView, lineChart } from './charts.ts';

/**
 * Every kind of chart, with the long labels real pages have, drawn by Chromium
 * under the Hub's own CSP and stylesheet: no two pieces of text may overlap,
 * none may stick out of the chart, and the CSP must block nothing.
 */
const months = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    new Date(Date.UTC(2025, 11 + i, 15)).toLocaleDateString('en-GB', { month: 'long', year: 'numeric' }),
  );
const counts = (n: number, k: number) => Array.from({ length: n }, (_, i) => (i * (k + 3) + k) % 9);

const CHARTS: Record<string, ChartView> = {
  'bars: 12 months, 3 series': barChart({
    title: 'Stage 1: complaints received and answered in time, by month',
    labels: months(12),
    unit: 'complaints',
    series: ['Received', 'Answered', 'Answered in time'].map((name, k) => ({ name, values: counts(12, k) })),
  }),
  'bars: long category names, 1 series': barChart({
    title: 'What complaints were about: elements by theme',
    labels: [
      'Communication and information sharing with families',
      'Delay in assessments and plans',
      'Attitude and behaviour of staff',
      'Decisions about contact with the child’s birth family',
      'Quality of the written record',
      'Other',
    ],
    unit: 'elements',
    series: [{ name: 'Elements', values: [13, 5, 1, 4, 2, 0] }],
  }),
  'bars: 6 series with long names, 3 groups': barChart({
    title: 'Outcomes of elements at each stage',
    labels: ['Stage 1', 'Stage 2', 'Stage 3'],
    unit: 'elements',
    series: [
      'Upheld',
      'Partly upheld',
      'Not upheld',
      'Withdrawn by the complainant before a finding was reached',
      'Case audits, practice reviews and inspections that found the same concern',
      'No finding',
    ].map((name, k) => ({ name, values: counts(3, k) })),
  }),
  'bars: 36 months': barChart({
    title: 'Places booked and places offered, by month',
    labels: months(36),
    unit: 'places',
    series: [
      { name: 'Places', values: counts(36, 4).map((v) => v * 12) },
      { name: 'Booked', values: counts(36, 1).map((v) => v * 11) },
    ],
  }),
  'lines: 26 weeks, 2 series': lineChart({
    title:
      'Week by week: children not seen within their visiting timescale, and children with work that is late',
    labels: Array.from({ length: 26 }, (_, i) =>
      new Date(Date.UTC(2026, 5, 1 + 7 * i)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long' }),
    ),
    unit: 'children',
    series: [
      { name: 'Not seen within their visiting timescale', values: counts(26, 2) },
      { name: 'With work that is late', values: counts(26, 5).map((v, i) => (i === 7 ? null : v)) },
    ],
  }),
  'lines: 104 weeks, 3 series': lineChart({
    title: 'Two years, week by week',
    labels: Array.from({ length: 104 }, (_, i) => `Week ${i + 1}`),
    unit: 'children',
    series: ['Seen', 'Not seen', 'Seen alone'].map((name, k) => ({ name, values: counts(104, k) })),
  }),
  'lines: 12 months, 1 series of big numbers': lineChart({
    title: 'Children open to the service',
    labels: months(12),
    unit: 'children',
    series: [{ name: 'Open', values: counts(12, 3).map((v) => 1000 + v * 1234) }],
  }),
};

const ORIGIN = 'http://hub.test';
// The CSP the Hub sends (src/platform/http/security-headers.ts), without the nonce the test page does not need.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'";
const hubCss = readFileSync(path.join(import.meta.dirname, '../../../public/hub.css'), 'utf8');
const PROBE = `window.violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective + ' ' + e.blockedURI));`;

function page(font: string): string {
  const figures = Object.entries(CHARTS)
    // Both copies, as platform/views/chart.njk writes them: hub.css shows the one that fits.
    .map(
      ([name, c]) => `<figure class="app-chart-figure" data-name="${name}">${c.svg}${c.svgNarrow}</figure>`,
    )
    .join('');
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Charts</title>
<script src="/probe.js"></script><link rel="stylesheet" href="/hub.css"><link rel="stylesheet" href="/test.css">
</head><body class="${font}"><main><h1>Charts</h1>${figures}</main></body></html>`;
}

const TEST_CSS = `body { margin: 20px; max-width: 960px; color: #0b0c0c; font-family: arial, sans-serif; }
/* The widest common fallback: if labels clear each other in this, they do in Arial. */
body.dejavu svg { font-family: "DejaVu Sans"; }`;

async function open(browser: Browser, font: string, javaScriptEnabled = true, width = 1000): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled });
  await context.route(`${ORIGIN}/**`, (route) => {
    const url = new URL(route.request().url());
    const files: Record<string, [string, string]> = {
      '/': ['text/html', page(font)],
      '/probe.js': ['text/javascript', PROBE],
      '/hub.css': ['text/css', hubCss],
      '/test.css': ['text/css', TEST_CSS],
    };
    const [type, body] = files[url.pathname] ?? ['text/plain', ''];
    return route.fulfill({
      status: 200,
      contentType: type,
      body,
      headers: { 'content-security-policy': CSP },
    });
  });
  const p = await context.newPage();
  await p.goto(`${ORIGIN}/`);
  return p;
}

interface Box {
  chart: string;
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
  px: number;
}

/** Every piece of text in every chart's shown copy, where Chromium drew it, and how big. */
const textBoxes = (p: Page) =>
  p.evaluate(() =>
    Array.from(document.querySelectorAll('figure')).map((f) => {
      const shown = Array.from(f.querySelectorAll('svg.app-chart')).filter(
        (s) => s.getBoundingClientRect().width > 0,
      );
      const drawn = shown[0]!;
      const svg = drawn.getBoundingClientRect();
      // Text is sized in the drawing's units: on screen it is that times the drawing's scale.
      const scale = svg.width / (drawn as SVGSVGElement).viewBox.baseVal.width;
      const texts = Array.from(drawn.querySelectorAll('text'))
        .map((t) => ({
          r: t.getBoundingClientRect(),
          text: t.textContent ?? '',
          px: Number.parseFloat(getComputedStyle(t).fontSize) * scale,
        }))
        .filter((t) => t.text.trim() && t.r.width > 0 && t.r.height > 0)
        .map((t) => ({
          chart: f.dataset.name!,
          text: t.text,
          x: t.r.x,
          y: t.r.y,
          w: t.r.width,
          h: t.r.height,
          px: t.px,
        }));
      return {
        chart: f.dataset.name!,
        copies: shown.length,
        narrow: drawn.classList.contains('app-chart--narrow'),
        svg: { x: svg.x, y: svg.y, w: svg.width, h: svg.height },
        texts,
      };
    }),
  );

const overlap = (a: Box, b: Box, slack = 0.5) =>
  a.x + slack < b.x + b.w - slack &&
  b.x + slack < a.x + a.w - slack &&
  a.y + slack < b.y + b.h - slack &&
  b.y + slack < a.y + a.h - slack;

const skip = browserSkipReason();
let browser: Browser;
before(async () => {
  if (!skip) browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

for (const font of ['arial', 'dejavu']) {
  test(`charts in Chromium (${font}): no two labels overlap and none sticks out of its chart`, {
    skip,
  }, async () => {
    const p = await open(browser, font);
    try {
      const charts = await textBoxes(p);
      assert.equal(charts.length, Object.keys(CHARTS).length);
      for (const { chart, svg, texts } of charts) {
        assert.ok(texts.length > 5, `${chart}: has its labels`);
        for (const t of texts) {
          const inside =
            t.x >= svg.x - 0.5 &&
            t.y >= svg.y - 0.5 &&
            t.x + t.w <= svg.x + svg.w + 0.5 &&
            t.y + t.h <= svg.y + svg.h + 0.5;
          assert.ok(inside, `${chart}: "${t.text}" sticks out of the chart`);
        }
        for (let i = 0; i < texts.length; i++)
          for (let j = i + 1; j < texts.length; j++)
            assert.ok(
              !overlap(texts[i]!, texts[j]!),
              `${chart}: "${texts[i]!.text}" overlaps "${texts[j]!.text}"`,
            );
      }
      assert.deepEqual(
        await p.evaluate(() => (window as unknown as { violations: string[] }).violations),
        [],
      );
    } finally {
      await p.context().close();
    }
  });
}

test('axe (WCAG 2.2 AA) finds nothing in any chart', { skip }, async () => {
  const p = await open(browser, 'arial');
  try {
    await assertNoAxeViolations(p, 'the page of every chart kind');
  } finally {
    await p.context().close();
  }
});

test('charts are drawn without JavaScript', { skip }, async () => {
  const p = await open(browser, 'arial', false);
  try {
    const boxes = await p.locator('svg.app-chart--wide').evaluateAll((svgs) => svgs.length);
    assert.equal(boxes, Object.keys(CHARTS).length);
    const first = await p.locator('svg.app-chart').first().boundingBox();
    assert.ok(first && first.width > 300 && first.height > 150, 'the first chart is drawn at size');
  } finally {
    await p.context().close();
  }
});

test('at 320 px each chart shows its phone copy, whose text stays readable and clear of other text', {
  skip,
}, async () => {
  const p = await open(browser, 'arial', true, 320);
  try {
    const charts = await textBoxes(p);
    for (const { chart, copies, narrow, svg, texts } of charts) {
      assert.deepEqual(
        { copies, narrow },
        { copies: 1, narrow: true },
        `${chart}: one copy shown, the phone's`,
      );
      assert.ok(svg.x >= 0 && svg.x + svg.w <= 320, `${chart}: inside the window`);
      for (const t of texts) {
        assert.ok(t.px >= 11, `${chart}: "${t.text}" is drawn ${t.px.toFixed(1)} px high (at least 11)`);
        assert.ok(t.x >= svg.x - 0.5 && t.x + t.w <= svg.x + svg.w + 0.5, `${chart}: "${t.text}" sticks out`);
      }
      for (let i = 0; i < texts.length; i++)
        for (let j = i + 1; j < texts.length; j++)
          assert.ok(
            !overlap(texts[i]!, texts[j]!),
            `${chart}: "${texts[i]!.text}" overlaps "${texts[j]!.text}"`,
          );
    }
    assert.equal(
      await p.evaluate(() => document.documentElement.scrollWidth),
      320,
      'the page does not scroll sideways',
    );
  } finally {
    await p.context().close();
  }
});
