/**
 * Wall-clock times in London to instants and back. Sessions are planned as
 * "Wednesday 1 December, 9.30am" in London; we store the UTC instant too, so
 * comparisons with now are exact across the clock changes.
 */
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** London's offset from UTC in minutes at an instant (0 in winter, 60 in summer). */
export function londonOffsetMinutes(instant: Date): number {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** The UTC instant (ISO) of a London day and 'HH:MM' time. */
export function londonInstant(day: string, time: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time))
    throw new RangeError(`Not a London day and time: ${day} ${time}`);
  const guess = new Date(`${day}T${time}:00Z`);
  const first = londonOffsetMinutes(new Date(guess.getTime() - londonOffsetMinutes(guess) * 60_000));
  return new Date(guess.getTime() - first * 60_000).toISOString();
}

/** 'HH:MM' in London at an instant. */
export function londonTime(instant: Date): string {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.hour}:${p.minute}`;
}

/** 'YYYY-MM-DDTHH:MM:SS' as a London wall clock shows it, with no zone (for TZID=Europe/London fields). */
export function londonWallClock(instant: Date): string {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:00`;
}
