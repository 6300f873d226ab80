import { drawBars, drawLines, NARROW_WIDTH } from './chart-svg.ts';

/**
 * Server-rendered SVG charts, drawn with Observable Plot (see chart-svg.ts).
 * Every chart is drawn from the same data as the table that goes after it
 * (see chart.njk), so nobody needs to see the picture to get the facts; the
 * SVG itself is an image with a name (the title) and a description (what it
 * shows, its range and its highest values), and works without JavaScript.
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
  /**
   * Whether the values are counts, so the y axis has whole-number ticks only.
   * Unless said, they are counts when every value is a whole number.
   */
  integer?: boolean;
}

export interface ChartView {
  svg: string;
  /** The same chart drawn for a phone's width, shown there instead (its text stays readable at 320 px). */
  svgNarrow: string;
  table: { head: { text: string }[]; rows: { text: string }[][] };
  title: string;
  /** What the chart shows, in words: the SVG's <desc>. */
  description: string;
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return h;
}

const figure = (v: number | null) => (v === null ? '–' : v.toLocaleString('en-GB'));

function tableFor(input: ChartInput): ChartView['table'] {
  return {
    head: [{ text: '' }, ...input.series.map((s) => ({ text: s.name }))],
    rows: input.labels.map((l, i) => [
      { text: l },
      ...input.series.map((s) => ({ text: figure(s.values[i] ?? null) })),
    ]),
  };
}

const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** The <desc>: what kind of chart, of what, over what range, and where each series peaks. */
function describe(input: ChartInput, kind: string): string {
  const { labels, series } = input;
  const unit = input.unit ? ` of ${input.unit}` : '';
  const span =
    labels.length > 1 ? `, from ${labels[0]} to ${labels.at(-1)}` : labels.length ? `, for ${labels[0]}` : '';
  const peaks = series.map((s) => {
    let best = -1;
    s.values.forEach((v, i) => {
      if (v !== null && (best < 0 || v > s.values[best]!)) best = i;
    });
    return best < 0
      ? `${s.name}: no figures`
      : `${s.name}: highest ${figure(s.values[best]!)} (${labels[best]})`;
  });
  const of =
    series.length === 1 ? series[0]!.name : `${series.length} series: ${list(series.map((s) => s.name))}`;
  return `${kind}${unit}, ${of}; ${labels.length} ${labels.length === 1 ? 'point' : 'points'}${span}. ${peaks.join('. ')}. The figures are in the table after the chart.`;
}

function drawable(input: ChartInput) {
  const values = input.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  return {
    id: `chart-${Math.abs(hash(JSON.stringify(input))).toString(36)}`,
    labels: input.labels,
    series: input.series,
    unit: input.unit,
    integer: input.integer ?? values.every(Number.isInteger),
  };
}

/** The phone's copy: its own ids, so the two copies on one page never share one. */
const narrow = (d: ReturnType<typeof drawable>) => ({ ...d, id: `${d.id}-narrow`, width: NARROW_WIDTH });

// A chart takes Plot 10–50 ms to draw; report pages show the same figures
// until the data changes, so the last charts drawn are kept, keyed by their input.
const CACHE_LIMIT = 100;
const drawn = new Map<string, ChartView>();

function cached(kind: 'bar' | 'line', input: ChartInput, draw: () => ChartView): ChartView {
  const key = JSON.stringify([kind, input]);
  const hit = drawn.get(key);
  if (hit) {
    drawn.delete(key);
    drawn.set(key, hit);
    return hit;
  }
  const view = draw();
  drawn.set(key, view);
  if (drawn.size > CACHE_LIMIT) drawn.delete(drawn.keys().next().value!);
  return view;
}

/** Grouped bars: one group per label, one bar per series, each series with its own fill pattern. */
export function barChart(input: ChartInput): ChartView {
  return cached('bar', input, () => {
    const description = describe(input, 'Bar chart');
    return {
      svg: drawBars(drawable(input), input.title, description),
      svgNarrow: drawBars(narrow(drawable(input)), input.title, description),
      table: tableFor(input),
      title: input.title,
      description,
    };
  });
}

/** Lines with a marker at every point, each series with its own dash and marker shape; gaps where a value is null. */
export function lineChart(input: ChartInput): ChartView {
  return cached('line', input, () => {
    const description = describe(input, 'Line chart');
    return {
      svg: drawLines(drawable(input), input.title, description),
      svgNarrow: drawLines(narrow(drawable(input)), input.title, description),
      table: tableFor(input),
      title: input.title,
      description,
    };
  });
}
