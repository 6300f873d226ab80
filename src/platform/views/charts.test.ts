import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { fitXLabels, textWidth, yTicks } from './chart-layout.ts';
import { barChart, lineChart } from './charts.ts';

const parse = (svg: string) => parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document;

/** The texts of one of Plot's groups, e.g. "y-axis tick label". */
function axisTexts(svg: string, group: string): string[] {
  return Array.from(parse(svg).querySelectorAll(`[data-plot="${group}"] text`)).map((t) =>
    t.textContent!.trim(),
  );
}

/** An attribute of each mark of a kind ("bar", "line", "dot"), from the group that carries it. */
function markAttr(svg: string, mark: string, attr: string): string[] {
  return Array.from(parse(svg).querySelectorAll(`g[data-plot="${mark}"]`)).map(
    (g) => g.getAttribute(attr) ?? g.querySelector(`[${attr}]`)?.getAttribute(attr) ?? '',
  );
}

const complaints = {
  title: 'Stage 2: complaints received and answered in time, by month',
  labels: ['Sep 2026', 'Oct 2026', 'Nov 2026'],
  unit: 'complaints',
  series: [
    { name: 'Received', values: [3, 4, 1] },
    { name: 'Answered in time', values: [2, 3, 0] },
  ],
};

test('a count series gets whole-number ticks: no 1.3 complaints', () => {
  const c = barChart(complaints);
  const ticks = axisTexts(c.svg, 'y-axis tick label');
  assert.deepEqual(ticks, ['0', '1', '2', '3', '4']);
  // Small counts are where fractional ticks appeared (0, 0.25 … of a max of 1).
  for (const max of [1, 2, 3]) {
    const small = lineChart({ title: 't', labels: ['a', 'b'], series: [{ name: 's', values: [0, max] }] });
    const labels = axisTexts(small.svg, 'y-axis tick label');
    assert.ok(labels.length >= 2);
    for (const l of labels) assert.match(l, /^\d+$/, `tick "${l}" for a maximum of ${max}`);
  }
});

test('y ticks: counts step by whole numbers from 0 to at least the maximum; other values may step by fractions', () => {
  for (let max = 0; max <= 500; max++) {
    const { top, ticks } = yTicks(max, true);
    assert.ok(top >= max, `top ${top} >= ${max}`);
    assert.ok(ticks.every(Number.isInteger), `whole ticks for ${max}: ${ticks}`);
    assert.equal(ticks[0], 0);
    assert.equal(ticks.at(-1), top);
    assert.ok(ticks.length >= 2 && ticks.length <= 7, `${ticks.length} ticks for ${max}`);
    const step = ticks[1]! - ticks[0]!;
    assert.ok(
      ticks.every((t, i) => t === i * step),
      'evenly spaced',
    );
  }
  assert.deepEqual(yTicks(0.9, false).ticks.slice(0, 3), [0, 0.2, 0.4]);
});

test('the chart is an image with an accessible name and description, and the table has the figures', () => {
  const c = barChart(complaints);
  const svg = /<svg[^>]*>/.exec(c.svg)![0];
  assert.match(svg, /role="img"/);
  const name = /aria-labelledby="([^"]+)"/.exec(svg)![1];
  const desc = /aria-describedby="([^"]+)"/.exec(svg)![1];
  assert.match(
    c.svg,
    new RegExp(`<title id="${name}">Stage 2: complaints received and answered in time, by month</title>`),
  );
  const described = new RegExp(`<desc id="${desc}">([^<]+)</desc>`).exec(c.svg)![1]!;
  assert.match(
    described,
    /^Bar chart of complaints, 2 series: Received and Answered in time; 3 points, from Sep 2026 to Nov 2026\./,
  );
  assert.match(described, /Received: highest 4 \(Oct 2026\)/);
  assert.deepEqual(
    c.table.rows.map((r) => r.map((x) => x.text)),
    [
      ['Sep 2026', '3', '2'],
      ['Oct 2026', '4', '3'],
      ['Nov 2026', '1', '0'],
    ],
  );
  assert.deepEqual(
    c.table.head.map((h) => h.text),
    ['', 'Received', 'Answered in time'],
  );
});

test('nothing in a chart needs an inline style (the CSP allows none)', () => {
  for (const c of [barChart(complaints), lineChart(complaints)]) {
    assert.doesNotMatch(c.svg, /\sstyle=/);
    assert.doesNotMatch(c.svg, /<style/);
  }
});

test('series are told apart by more than colour: bars by fill pattern, lines by dash and marker shape', () => {
  const three = { ...complaints, series: [...complaints.series, { name: 'Answered', values: [3, 4, 1] }] };
  const bars = barChart(three).svg;
  // Facets repeat each series' group per month: the fills, once each.
  const fills = [...new Set(markAttr(bars, 'bar', 'fill'))];
  assert.equal(fills.length, 3, `three different fills: ${fills}`);
  assert.equal(fills.filter((f) => f.startsWith('url(#')).length, 2, 'two of them patterns');
  const lines = lineChart(three).svg;
  const dashes = markAttr(lines, 'line', 'stroke-dasharray');
  assert.equal(new Set(dashes).size, 3, `three different dashes: ${dashes}`);
  const shapes = Array.from(parse(lines).querySelectorAll('g[data-plot="dot"]')).map((g) => {
    const m = g.firstElementChild!;
    return m.localName === 'path' ? m.getAttribute('d') : m.localName;
  });
  assert.equal(new Set(shapes).size, 3, `three marker shapes: ${shapes}`);
});

test('a line breaks where a value is missing, and the table says so', () => {
  const c = lineChart({
    title: 't',
    labels: ['a', 'b', 'c', 'd'],
    series: [{ name: 's', values: [1, 2, null, 2] }],
  });
  const d = parse(c.svg).querySelector('g[data-plot="line"] path')?.getAttribute('d') ?? '';
  assert.equal((d.match(/M/g) ?? []).length, 2, `two separate strokes: ${d}`);
  assert.equal(c.table.rows[2]?.[1]?.text, '–');
});

test('labels are text, escaped, never markup', () => {
  const c = barChart({
    title: 'A <b>bold</b> & title',
    labels: ['<script>'],
    series: [{ name: 'x & y', values: [1] }],
  });
  assert.doesNotMatch(c.svg, /<script>|<b>/);
  assert.match(c.svg, /A &#60;b&#62;bold&#60;\/b&#62; &#38; title/);
});

test('x labels: flat when they fit, wrapped onto lines when words fit, else turned upright; crowded ones thinned', () => {
  assert.equal(fitXLabels(['Sep', 'Oct'], 100, 13).mode, 'flat');
  const wrapped = fitXLabels(['December 2025', 'January 2026'], 80, 13);
  assert.equal(wrapped.mode, 'wrapped');
  assert.deepEqual(wrapped.text, ['December\n2025', 'January\n2026']);
  const rotated = fitXLabels(['Communication and information sharing', 'Delay'], 40, 13);
  assert.equal(rotated.mode, 'rotated');
  assert.ok(
    rotated.text.every((t) => textWidth(t, 13) <= 150),
    'cut to fit the room below the plot',
  );
  const crowded = fitXLabels(
    Array.from({ length: 104 }, (_, i) => `w${i}`),
    5,
    13,
  );
  assert.ok(crowded.shown.length < 104 && crowded.shown.length > 10, `${crowded.shown.length} shown`);
  assert.ok(crowded.shown.every((i, k) => k === 0 || i - crowded.shown[k - 1]! >= 4));
});
