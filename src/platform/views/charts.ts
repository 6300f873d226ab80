import { escapeHtml } from './format.ts';

/**
 * Small server-rendered SVG charts. Every chart is drawn from the same data as
 * the table that goes with it (see chart.njk), so nobody needs to see the
 * picture to get the facts. Hand-rolled rather than a plotting library because
 * we need two shapes (bars and lines), and a DOM shim at start-up costs more
 * than these hundred lines.
 */
export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

export interface ChartInput {
  /** Read out by screen readers as the image's name. */
  title: string;
  /** One label per position on the x axis, e.g. week starting dates. */
  labels: string[];
  series: ChartSeries[];
  /** Unit for the y axis, e.g. "children". */
  unit?: string;
}

export interface ChartView {
  svg: string;
  table: { head: { text: string }[]; rows: { text: string }[][] };
  title: string;
}

// Design-system colours with at least 3:1 contrast on white (WCAG 1.4.11).
const COLOURS = ['#1d70b8', '#d4351c', '#00703c', '#4c2c92', '#0b0c0c', '#b58840'];
const W = 640;
const H = 260;
const PAD = { top: 16, right: 16, bottom: 48, left: 48 };

function niceMax(max: number): number {
  if (max <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const steps = [1, 2, 2.5, 5, 10].map((s) => s * magnitude);
  return steps.find((s) => s >= max) ?? max;
}

function frame(input: ChartInput, body: string, yMax: number): string {
  const plotH = H - PAD.top - PAD.bottom;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const y = PAD.top + plotH * (1 - f);
    const v = Math.round(yMax * f * 10) / 10;
    return `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y}" y2="${y}" stroke="#b1b4b6" stroke-width="1"/><text x="${PAD.left - 6}" y="${y + 4}" text-anchor="end" font-size="12">${v}</text>`;
  });
  const step = (W - PAD.left - PAD.right) / Math.max(1, input.labels.length);
  const every = Math.max(1, Math.ceil(input.labels.length / 8));
  const xLabels = input.labels
    .map((l, i) =>
      i % every === 0
        ? `<text x="${PAD.left + step * (i + 0.5)}" y="${H - PAD.bottom + 18}" text-anchor="middle" font-size="12">${escapeHtml(l)}</text>`
        : '',
    )
    .join('');
  const legend = input.series
    .map(
      (s, i) =>
        `<rect x="${PAD.left + i * 150}" y="${H - 18}" width="12" height="12" fill="${COLOURS[i % COLOURS.length]}"/><text x="${PAD.left + i * 150 + 18}" y="${H - 8}" font-size="12">${escapeHtml(s.name)}</text>`,
    )
    .join('');
  const id = `chart-${Math.abs(hash(input.title + input.labels.join()))}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${id}" class="app-chart" font-family="sans-serif" fill="#0b0c0c"><title id="${id}">${escapeHtml(input.title)}</title>${ticks.join('')}${body}${xLabels}${legend}</svg>`;
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return h;
}

function tableFor(input: ChartInput): ChartView['table'] {
  return {
    head: [{ text: '' }, ...input.series.map((s) => ({ text: s.name }))],
    rows: input.labels.map((l, i) => [
      { text: l },
      ...input.series.map((s) => ({ text: s.values[i] === null ? '–' : String(s.values[i]) })),
    ]),
  };
}

function maxOf(input: ChartInput): number {
  return niceMax(
    Math.max(0, ...input.series.flatMap((s) => s.values.filter((v): v is number => v !== null))),
  );
}

/** Grouped bars: one group per label, one bar per series. */
export function barChart(input: ChartInput): ChartView {
  const yMax = maxOf(input);
  const plotH = H - PAD.top - PAD.bottom;
  const step = (W - PAD.left - PAD.right) / Math.max(1, input.labels.length);
  const barW = (step * 0.8) / Math.max(1, input.series.length);
  const bars = input.series.flatMap((s, si) =>
    s.values.map((v, i) => {
      if (v === null) return '';
      const h = (v / yMax) * plotH;
      const x = PAD.left + step * i + step * 0.1 + barW * si;
      return `<rect x="${x.toFixed(1)}" y="${(PAD.top + plotH - h).toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${COLOURS[si % COLOURS.length]}"/>`;
    }),
  );
  return { svg: frame(input, bars.join(''), yMax), table: tableFor(input), title: input.title };
}

/** Lines with a marker at every point; gaps where a value is null. */
export function lineChart(input: ChartInput): ChartView {
  const yMax = maxOf(input);
  const plotH = H - PAD.top - PAD.bottom;
  const step = (W - PAD.left - PAD.right) / Math.max(1, input.labels.length);
  const lines = input.series.map((s, si) => {
    const colour = COLOURS[si % COLOURS.length];
    const points = s.values.map((v, i) =>
      v === null ? null : [PAD.left + step * (i + 0.5), PAD.top + plotH - (v / yMax) * plotH],
    );
    let d = '';
    let pen = 'M';
    for (const p of points) {
      if (!p) {
        pen = 'M';
        continue;
      }
      d += `${pen}${p[0]!.toFixed(1)},${p[1]!.toFixed(1)}`;
      pen = 'L';
    }
    const markers = points
      .filter((p): p is number[] => p !== null)
      .map((p) => `<circle cx="${p[0]!.toFixed(1)}" cy="${p[1]!.toFixed(1)}" r="3" fill="${colour}"/>`)
      .join('');
    return `<path d="${d}" fill="none" stroke="${colour}" stroke-width="2"/>${markers}`;
  });
  return { svg: frame(input, lines.join(''), yMax), table: tableFor(input), title: input.title };
}
