import { formatDate } from '../views/format.ts';
import { isDay } from './days.ts';

/**
 * The dates a field can mean, and the one sentence that says so. Each feature
 * keeps its fields' ranges together in its own `dates.rules.ts`; this is the
 * shared shape and wording. Bounds are YYYY-MM-DD, inclusive, worked out from
 * today by the feature's rule (a received date: today or earlier, and not
 * before the service's records begin).
 */
export interface DayRange {
  earliest: string;
  latest: string;
  /** Why the earliest day is the earliest, read after it: "when the service's records begin". */
  earliestBecause?: string;
  /** Why the latest day is the latest: "the end of the registration year". */
  latestBecause?: string;
}

const after = (because?: string) => (because ? `, ${because}` : '');

/** "The date received must be today or earlier, and not before 1 April 2015, when the service's records begin." */
export function rangeSentence(label: string, range: DayRange, today: string): string {
  const L = label.charAt(0).toUpperCase() + label.slice(1);
  const from = `${formatDate(range.earliest)}${after(range.earliestBecause)}`;
  const to = `${formatDate(range.latest)}${after(range.latestBecause)}`;
  if (range.latest === today) return `${L} must be today or earlier, and not before ${from}`;
  if (range.earliest === today) return `${L} must be today or later, and not after ${to}`;
  return `${L} must be between ${from} and ${to}`;
}

/** Null when the day is a real date within the range, else what to tell the person. */
export function dayOutOfRange(label: string, day: string, range: DayRange, today: string): string | null {
  if (!isDay(day)) return `Enter ${label} as a real date, for example ${formatDate(today)} as ${today}`;
  if (day < range.earliest || day > range.latest) return rangeSentence(label, range, today);
  return null;
}
