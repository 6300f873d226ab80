/**
 * The bulletin's "Training available" section, worked out from the offer:
 * plain-English days and times, places left or "full — join the waiting
 * list", the outside provider's own registration, courses awaiting dates.
 * Pure, so the web page, the email and the record at sending agree.
 */

export interface OfferPart {
  day: string;
  start_time: string | null;
  end_time: string | null;
}
export interface OfferSession {
  id: string;
  course_id: string;
  course_title: string;
  category: string;
  audience: 'everyone' | 'managers';
  provider_kind: 'internal' | 'external';
  provider_name: string;
  capacity: number | null;
  parts: OfferPart[];
  taken: number;
  waiting: number;
}
export interface AwaitingCourse {
  id: string;
  title: string;
  audience: 'everyone' | 'managers';
}

export interface TrainingEntry {
  /** The session's own page, where a place is booked (or the waiting list joined). */
  href: string;
  when: string;
  places: string;
  full: boolean;
  held: boolean;
}
export interface TrainingCourse {
  title: string;
  href: string;
  managersOnly: boolean;
  /** "Register with Research in Practice too": outside providers keep their own list. */
  providerNote: string | null;
  sessions: TrainingEntry[];
}
export interface TrainingSection {
  groups: { category: string; courses: TrainingCourse[] }[];
  awaiting: { title: string; href: string; managersOnly: boolean }[];
  count: number;
}

const WEEKDAY = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});

/** "Thursday 3 December" from "2026-12-03". */
export const dayWords = (day: string) => WEEKDAY.format(new Date(`${day}T12:00:00Z`)).replace(',', '');

/** "9am", "9:30am", "3pm", "12 noon" from "09:00", "09:30", "15:00", "12:00". */
export function timeWords(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  if (h === 12 && m === 0) return '12 noon';
  const hour = h % 12 === 0 ? 12 : h % 12;
  return `${hour}${m ? `:${String(m).padStart(2, '0')}` : ''}${h < 12 ? 'am' : 'pm'}`;
}

/** "Thursday 3 December, 9am to 11am": each day of a session, joined with "and". */
export function whenWords(parts: OfferPart[]): string {
  if (!parts.length) return 'Dates to be confirmed';
  return parts
    .map((p, i) => {
      const day = parts.length > 1 ? `Day ${i + 1}: ${dayWords(p.day)}` : dayWords(p.day);
      if (!p.start_time) return `${day}, times to be confirmed`;
      return `${day}, ${timeWords(p.start_time)} to ${p.end_time ? timeWords(p.end_time) : 'end time to be confirmed'}`;
    })
    .join('; ');
}

export function placesWords(capacity: number | null, taken: number): { text: string; full: boolean } {
  if (capacity === null) return { text: 'Places available', full: false };
  const left = Math.max(0, capacity - taken);
  if (left === 0) return { text: 'Full — join the waiting list', full: true };
  return { text: left === 1 ? '1 place left' : `${left} places left`, full: false };
}

/** The section, grouped by category then course, courses in order of their first date. */
export function trainingSection(
  sessions: OfferSession[],
  awaiting: AwaitingCourse[],
  today: string,
): TrainingSection {
  const groups = new Map<string, Map<string, TrainingCourse>>();
  for (const s of sessions) {
    const category = s.category || 'Other training';
    const courses = groups.get(category) ?? new Map<string, TrainingCourse>();
    groups.set(category, courses);
    const course = courses.get(s.course_id) ?? {
      title: s.course_title,
      href: `/learning/courses/${s.course_id}`,
      managersOnly: s.audience === 'managers',
      providerNote: s.provider_kind === 'external' ? `Register with ${s.provider_name} too` : null,
      sessions: [],
    };
    courses.set(s.course_id, course);
    const lastDay = s.parts.at(-1)?.day ?? '';
    const held = lastDay !== '' && lastDay < today;
    const places = placesWords(s.capacity, s.taken);
    course.sessions.push({
      href: `/learning/sessions/${s.id}`,
      when: whenWords(s.parts),
      places: held ? 'Already held' : places.text,
      full: !held && places.full,
      held,
    });
  }
  return {
    groups: [...groups].map(([category, courses]) => ({ category, courses: [...courses.values()] })),
    awaiting: awaiting.map((c) => ({
      title: c.title,
      href: `/learning/courses/${c.id}`,
      managersOnly: c.audience === 'managers',
    })),
    count: sessions.length,
  };
}

/** The section as a reader sees it: courses meant for managers only to managers. */
export function trainingFor(section: TrainingSection, isManager: boolean): TrainingSection {
  if (isManager) return section;
  return {
    ...section,
    groups: section.groups
      .map((g) => ({ ...g, courses: g.courses.filter((c) => !c.managersOnly) }))
      .filter((g) => g.courses.length),
    awaiting: section.awaiting.filter((c) => !c.managersOnly),
  };
}
