/**
 * The pure arithmetic of a chart's layout: how wide text is, where lines
 * wrap, which y ticks to draw and how to fit the x labels. No DOM: tested on
 * its own, and the browser test checks the result where real fonts are used.
 */

// Advance widths in em, rounded up from DejaVu Sans, the widest common
// fallback for Arial (Windows has Arial; Debian maps it to Liberation Sans,
// narrower still). Overestimating costs a little space; underestimating, overlap.
const NARROW = new Set([..."iljft.,:;'!|()[]"]);
const WIDE = new Set([...'mwMW@%']);

/** The width of one line of text in px at a font size, overestimated for safety. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    if (ch === ' ') em += 0.33;
    else if (NARROW.has(ch)) em += 0.4;
    else if (WIDE.has(ch)) em += 1.0;
    else if (/[A-Z]/.test(ch)) em += 0.78;
    else if (/[0-9]/.test(ch)) em += 0.64;
    else em += 0.64;
  }
  return em * fontSize;
}

/**
 * Text wrapped at spaces into lines no wider than maxWidth. A word wider than
 * that on its own is returned as a line of its own (the caller decides what to do).
 */
export function wrap(text: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** Cuts text to a width with an ellipsis (the full text is in the table after the chart). */
export function truncate(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  let cut = text;
  while (cut.length > 1 && textWidth(`${cut}…`, fontSize) > maxWidth) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/**
 * The y axis: from 0 to a round top, with at most 6 ticks. For counts, ticks are
 * whole numbers (steps of 1, 2, 5, 10, 20 …): there is no such thing as 1.3 complaints.
 */
export function yTicks(max: number, integer: boolean): { top: number; ticks: number[] } {
  if (!(max > 0)) return { top: 1, ticks: [0, 1] };
  const raw = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const steps = (integer ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10]).map((s) => s * magnitude);
  // For counts below 5 the candidates are fractions (0.2, 0.5 …): the step is then 1.
  const step = Math.max(integer ? 1 : 0, steps.find((s) => s >= raw)!);
  const top = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; i * step <= top + step / 1e6; i++) ticks.push(Number((i * step).toPrecision(12)));
  return { top: Number(top.toPrecision(12)), ticks };
}

export interface XLabels {
  /** How the labels are set: as they are, wrapped onto lines, or turned to read upwards. */
  mode: 'flat' | 'wrapped' | 'rotated';
  /** The text of each label as drawn (with \n between wrapped lines). */
  text: string[];
  /** Which positions carry a label (all of them unless there is no room). */
  shown: number[];
  /** The room the labels need below the plot, in px. */
  height: number;
}

const MAX_LINES = 5;
const MAX_ROTATED = 150;

/**
 * Fits n labels under a plot whose positions are `step` px apart: flat if
 * every label fits its own step, else wrapped at spaces onto up to five
 * lines, else turned to read upwards (each then needs only a line's height of
 * width); and if even that is too crowded, only every k-th label is shown.
 */
export function fitXLabels(labels: string[], step: number, fontSize: number): XLabels {
  const lineHeight = fontSize * 1.2;
  const gap = 6;
  const every = Math.max(1, Math.ceil((lineHeight + gap) / step));
  const shown = labels.map((_, i) => i).filter((i) => i % every === 0);
  const room = step * every - gap;
  const widest = Math.max(0, ...labels.map((l) => textWidth(l, fontSize)));
  if (widest <= room) return { mode: 'flat', text: labels, shown, height: lineHeight + 12 };
  const wrapped = labels.map((l) => wrap(l, room, fontSize));
  const fits = wrapped.every(
    (lines) => lines.length <= MAX_LINES && lines.every((x) => textWidth(x, fontSize) <= room),
  );
  if (fits) {
    const lines = Math.max(...wrapped.map((w) => w.length));
    return {
      mode: 'wrapped',
      text: wrapped.map((w) => w.join('\n')),
      shown,
      height: lines * lineHeight + 12,
    };
  }
  const text = labels.map((l) => truncate(l, MAX_ROTATED, fontSize));
  const longest = Math.max(...text.map((l) => textWidth(l, fontSize)));
  return { mode: 'rotated', text, shown, height: Math.ceil(longest) + 16 };
}
