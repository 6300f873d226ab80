import { isDay } from '../platform/calendar/days.ts';
import type { PartInput } from './offer.repo.ts';

/**
 * The days of a session as L&D type them, one per line:
 *   2026-12-02 09:30-16:30   (a day with start and end)
 *   2026-12-09 09:30         (end time to be confirmed)
 *   2026-12-16               (times to be confirmed)
 * Returns the parts, or the first problem with its line number.
 */
export function parseParts(text: string): { parts: PartInput[] } | { error: string } {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (!lines.length) return { error: 'Enter at least one day, for example 2026-12-02 09:30-16:30' };
  if (lines.length > 20) return { error: 'A session can have at most 20 days' };
  const parts: PartInput[] = [];
  for (const [i, line] of lines.entries()) {
    const m =
      /^(\d{4}-\d{2}-\d{2})(?:\s+(\d{1,2})[:.](\d{2})(?:\s*(?:-|–|to)\s*(\d{1,2})[:.](\d{2}))?)?$/.exec(line);
    const where = `Line ${i + 1} (“${line.slice(0, 40)}”)`;
    if (!m || !isDay(m[1]))
      return { error: `${where}: write the day as YYYY-MM-DD, then the times as 09:30-16:30` };
    const time = (h?: string, min?: string) => (h === undefined ? null : `${h.padStart(2, '0')}:${min}`);
    const start = time(m[2], m[3]);
    const end = time(m[4], m[5]);
    for (const t of [start, end])
      if (t && !/^([01]\d|2[0-3]):[0-5]\d$/.test(t)) return { error: `${where}: ${t} is not a time of day` };
    if (start && end && end <= start) return { error: `${where}: the end time must be after the start time` };
    if (parts.some((p) => p.day === m[1])) return { error: `${where}: ${m[1]} is listed twice` };
    parts.push({ day: m[1]!, start, end });
  }
  parts.sort((a, b) => a.day.localeCompare(b.day));
  return { parts };
}

/** The parts back as text, for the change form. */
export const partsText = (parts: { day: string; start_time: string | null; end_time: string | null }[]) =>
  parts
    .map((p) =>
      [p.day, p.start_time ? `${p.start_time}${p.end_time ? `-${p.end_time}` : ''}` : ''].join(' ').trim(),
    )
    .join('\n');
