import { createRequire } from 'node:module';
import type * as PlotLibrary from '@observablehq/plot';
import type * as Linkedom from 'linkedom';
import { fitXLabels, textWidth, wrap, yTicks } from './chart-layout.ts';
import { escapeHtml } from './format.ts';

/**
 * Draws charts with Observable Plot on the server, into linkedom's DOM (one
 * document for the process; each chart's elements are serialised and dropped).
 * What Plot draws is then made to suit the Hub: its <style> element and class
 * go (the CSP allows no inline styles; hub.css sizes .app-chart), a legend
 * drawn with Plot's own marks goes above the plot, and the whole is one SVG
 * with role="img", a <title> and a <desc>.
 */

// Plot (with d3) and linkedom take about a second to load on these machines:
// loaded on the first chart, not at start-up (require of an ES module is
// synchronous in Node 24, so barChart and lineChart stay synchronous).
const load = createRequire(import.meta.url);
let library: { Plot: typeof PlotLibrary; document: Document } | undefined;
function plotLibrary() {
  if (!library) {
    const { parseHTML } = load('linkedom') as typeof Linkedom;
    library = {
      Plot: load('@observablehq/plot') as typeof PlotLibrary,
      document: parseHTML('<!doctype html><html><head></head><body></body></html>')
        .document as unknown as Document,
    };
  }
  return library;
}

export const WIDTH = 640;
/**
 * The width of the copy drawn for phones: the wide chart shrunk into a 320 px
 * window would shrink its text to 6 px. hub.css shows this copy instead below
 * the design system's tablet breakpoint, at about the size it is drawn.
 */
export const NARROW_WIDTH = 320;
const PLOT_HEIGHT = 220;
const FONT = 13;
const LEGEND_FONT = 14;
const LEGEND_LINE = LEGEND_FONT * 1.25;
const FONT_FAMILY = 'Arial, Helvetica, sans-serif';

// Design-system colours with at least 3:1 contrast on white (WCAG 1.4.11).
const COLOURS = ['#1d70b8', '#d4351c', '#00703c', '#4c2c92', '#0b0c0c', '#b58840'];
// Told apart by more than colour: lines by dash and marker shape, bars by fill pattern.
const DASHES = ['none', '8 4', '2 3', '12 4 2 4', '4 4', '16 3'];
const SYMBOLS = ['circle', 'square', 'triangle', 'diamond', 'star', 'cross'] as const;

const colour = (i: number) => COLOURS[i % COLOURS.length]!;

export interface Drawable {
  id: string;
  labels: string[];
  series: { name: string; values: (number | null)[] }[];
  unit?: string;
  integer: boolean;
  /** Drawn this wide (WIDTH unless said). */
  width?: number;
}

const widthOf = (d: Drawable) => d.width ?? WIDTH;

/** Fill patterns for bars after the first (solid): stripes, dots, hatching. */
function patterns(id: string, n: number): string {
  const defs: string[] = [];
  for (let i = 1; i < n; i++) {
    const c = colour(i);
    const shapes = [
      `<rect width="3" height="6" fill="${c}"/>`,
      `<circle cx="3" cy="3" r="1.6" fill="${c}"/>`,
      `<path d="M0 0L6 6M6 0L0 6" stroke="${c}" stroke-width="1.2"/>`,
      `<rect width="6" height="2.5" fill="${c}"/>`,
      `<rect width="2" height="6" fill="${c}"/>`,
    ];
    const turn = i % 5 === 1 ? ' patternTransform="rotate(45)"' : '';
    defs.push(
      `<pattern id="${id}-p${i}" width="6" height="6" patternUnits="userSpaceOnUse"${turn}><rect width="6" height="6" fill="#ffffff"/>${shapes[(i - 1) % shapes.length]}</pattern>`,
    );
  }
  return defs.length ? `<defs>${defs.join('')}</defs>` : '';
}

const barFill = (id: string, i: number) => (i === 0 ? colour(0) : `url(#${id}-p${i})`);

/** Plot's SVG without what the CSP refuses or the Hub does not use, placed at y in the chart. */
function cleaned(svg: Element, y: number): string {
  for (const style of Array.from(svg.querySelectorAll('style'))) style.remove();
  for (const a of ['class', 'aria-label', 'aria-description', 'font-family', 'style']) svg.removeAttribute(a);
  // Plot names its groups with aria-label, which ARIA does not allow on a <g>
  // (axe: aria-prohibited-attr); inside role="img" nobody hears them anyway.
  // Kept as data-plot, for tests and anyone reading the markup.
  for (const g of Array.from(svg.querySelectorAll('[aria-label]'))) {
    g.setAttribute('data-plot', g.getAttribute('aria-label')!);
    g.removeAttribute('aria-label');
  }
  for (const g of Array.from(svg.querySelectorAll('[aria-description]')))
    g.removeAttribute('aria-description');
  svg.setAttribute('x', '0');
  svg.setAttribute('y', String(y));
  svg.setAttribute('font-size', String(FONT));
  const html = svg.outerHTML;
  if (/\sstyle=|<style/i.test(html)) throw new Error('Plot drew an inline style the CSP would block');
  return html;
}

/** The legend: one row per series, stacked (so long names wrap and never collide), drawn with Plot's marks. */
function legend(d: Drawable, kind: 'bar' | 'line'): { svg: string; height: number } {
  const { Plot, document } = plotLibrary();
  if (d.series.length < 2) return { svg: '', height: 0 };
  const textX = 40;
  let y = 4;
  const rows = d.series.map((s, i) => {
    const lines = wrap(s.name, widthOf(d) - textX - 8, LEGEND_FONT);
    const row = { i, y, cy: y + LEGEND_LINE / 2, text: lines.join('\n') };
    y += lines.length * LEGEND_LINE + 6;
    return row;
  });
  const height = Math.ceil(y + 4);
  const keys =
    kind === 'bar'
      ? rows.map((r) =>
          Plot.rect([r], {
            x1: 4,
            x2: 28,
            y1: r.cy - 8,
            y2: r.cy + 8,
            fill: barFill(d.id, r.i),
            stroke: colour(r.i),
            strokeWidth: 1.5,
          }),
        )
      : rows.flatMap((r) => [
          Plot.link([r], {
            x1: 2,
            x2: 30,
            y1: 'cy',
            y2: 'cy',
            stroke: colour(r.i),
            strokeWidth: 2.5,
            strokeDasharray: DASHES[r.i % DASHES.length],
          }),
          Plot.dot([r], { x: 16, y: 'cy', symbol: SYMBOLS[r.i % SYMBOLS.length], fill: colour(r.i), r: 4.5 }),
        ]);
  const svg = Plot.plot({
    document,
    width: widthOf(d),
    height,
    margin: 0,
    x: { type: 'identity', axis: null },
    y: { type: 'identity', axis: null },
    marks: [
      ...keys,
      Plot.text(rows, {
        x: textX,
        y: 'y',
        text: 'text',
        textAnchor: 'start',
        lineAnchor: 'top',
        lineHeight: 1.25,
        fontSize: LEGEND_FONT,
      }),
    ],
  });
  return { svg: cleaned(svg as unknown as Element, 0), height };
}

const formatNumber = (v: number) => v.toLocaleString('en-GB');

/** Everything both kinds share: the y scale with its ticks, the x labels, the margins. */
function frame(d: Drawable, legendHeight: number) {
  const values = d.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const y = yTicks(Math.max(0, ...values), d.integer);
  const tickText = y.ticks.map(formatNumber);
  const marginLeft = Math.ceil(Math.max(...tickText.map((t) => textWidth(t, FONT)))) + 18;
  const marginRight = 12;
  const step = (widthOf(d) - marginLeft - marginRight) / Math.max(1, d.labels.length);
  const x = fitXLabels(d.labels, step, FONT);
  const marginTop = 30;
  const height = Math.ceil(marginTop + PLOT_HEIGHT + x.height);
  return {
    y,
    x,
    margins: { marginLeft, marginRight, marginTop, marginBottom: height - marginTop - PLOT_HEIGHT },
    height,
    yScale: {
      domain: [0, y.top],
      ticks: y.ticks,
      tickFormat: formatNumber,
      grid: true,
      label: d.unit ? `↑ ${d.unit}` : null,
    },
    xAxis: {
      label: null,
      tickFormat: (i: number) => x.text[i] ?? '',
      ticks: x.shown,
      tickRotate: x.mode === 'rotated' ? -90 : 0,
      tickSize: 0,
      tickPadding: 8,
    },
    legendHeight,
  };
}

function assemble(d: Drawable, title: string, description: string, parts: string[], height: number): string {
  const t = `${d.id}-title`;
  const desc = `${d.id}-desc`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${widthOf(d)} ${height}" width="${widthOf(d)}" height="${height}" role="img" aria-labelledby="${t}" aria-describedby="${desc}" class="app-chart${widthOf(d) < WIDTH ? ' app-chart--narrow' : ' app-chart--wide'}" font-family="${FONT_FAMILY}" font-size="${FONT}" fill="currentColor"><title id="${t}">${escapeHtml(title)}</title><desc id="${desc}">${escapeHtml(description)}</desc>${parts.join('')}</svg>`;
}

export function drawBars(d: Drawable, title: string, description: string): string {
  const { Plot, document } = plotLibrary();
  const key = legend(d, 'bar');
  const f = frame(d, key.height);
  const one = d.series.length === 1;
  const plot = Plot.plot({
    document,
    width: widthOf(d),
    height: f.height,
    ...f.margins,
    fx: { domain: d.labels.map((_, i) => i), padding: 0.15, ...f.xAxis },
    x: { domain: d.series.map((_, i) => i), axis: null, padding: one ? 0.25 : 0.08 },
    y: f.yScale,
    marks: [
      ...d.series.map((s, si) =>
        Plot.barY(
          s.values.flatMap((v, i) => (v === null ? [] : [{ i, si, v }])),
          { fx: 'i', x: 'si', y: 'v', fill: barFill(d.id, si), stroke: colour(si), strokeWidth: 1.5 },
        ),
      ),
      Plot.ruleY([0]),
    ],
  });
  const parts = [patterns(d.id, d.series.length), key.svg, cleaned(plot as unknown as Element, key.height)];
  return assemble(d, title, description, parts, key.height + f.height);
}

export function drawLines(d: Drawable, title: string, description: string): string {
  const { Plot, document } = plotLibrary();
  const key = legend(d, 'line');
  const f = frame(d, key.height);
  const plot = Plot.plot({
    document,
    width: widthOf(d),
    height: f.height,
    ...f.margins,
    x: { type: 'point', domain: d.labels.map((_, i) => i), padding: 0.5, ...f.xAxis },
    y: f.yScale,
    marks: [
      Plot.ruleY([0]),
      ...d.series.flatMap((s, si) => {
        // NaN breaks the line where a value is missing.
        const points = s.values.map((v, i) => ({ i, v: v ?? Number.NaN }));
        return [
          Plot.lineY(points, {
            x: 'i',
            y: 'v',
            stroke: colour(si),
            strokeWidth: 2.5,
            strokeDasharray: DASHES[si % DASHES.length],
          }),
          Plot.dot(
            points.filter((p) => !Number.isNaN(p.v)),
            { x: 'i', y: 'v', symbol: SYMBOLS[si % SYMBOLS.length], fill: colour(si), r: 4.5 },
          ),
        ];
      }),
    ],
  });
  return assemble(
    d,
    title,
    description,
    [key.svg, cleaned(plot as unknown as Element, key.height)],
    key.height + f.height,
  );
}
