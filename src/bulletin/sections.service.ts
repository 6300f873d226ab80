import { changesOfPublishedLessons, publishedLessons } from '../complaints/api.ts';
import {
  coursesAwaitingDates,
  focusCourseOf,
  learningDueForMany,
  sessionsForBulletin,
  youSaidWeDidNotes,
} from '../learning/api.ts';
import { londonDay } from '../platform/calendar/days.ts';
import type { StampName } from '../platform/db/change-stamps.ts';
import type { DbOrTrx } from '../platform/db/db.ts';
import { can } from '../platform/policy/policy.ts';
import type { Principal } from '../platform/policy/roles.ts';
import { deepFreeze } from '../platform/views/kept.ts';
import { ViewCache } from '../platform/views/view-cache.ts';
import { PRACTICE_TOOLS_HREF } from '../practice-tools/api.ts';
import { lessonsCarriedBefore } from './editions.repo.ts';
import { type TrainingSection, trainingSection } from './training.rules.ts';

export interface GeneratedSections {
  training: TrainingSection;
  focus: { title: string; summary: string; href: string; toolsHref?: string } | null;
  lessons: { id: string; title: string; summary: string; changes: string[] }[];
  youSaid: { course: string; note: string; href: string }[];
  /** When the places were counted (ISO). */
  at: string;
}

interface EditionPeriod {
  id: string;
  month: string;
  training_from: string;
  training_to: string;
}

const keptForReaders = new WeakMap<DbOrTrx, ViewCache<GeneratedSections>>();

/** What the web edition is made from: its sections, and the edition and its articles. */
export const READERS_STAMPS = ['learning', 'lessons', 'bulletin'] as const satisfies StampName[];

/**
 * The sections for readers of the web edition, as they stand now: kept until the training offer,
 * its places, the lessons or the editions change (the database's change stamps say when), and
 * for the hour at most, since what is still to come moves on with the clock.
 */
export async function liveSectionsForReaders(
  db: DbOrTrx,
  e: EditionPeriod,
  now: Date,
  /** changeStamp(db, READERS_STAMPS), read by the caller before the edition it comes with. */
  stamp: string,
): Promise<GeneratedSections> {
  const cache = keptForReaders.get(db) ?? new ViewCache<GeneratedSections>(50);
  keptForReaders.set(db, cache);
  const iso = now.toISOString();
  // Frozen, as kept views are: the page's kept parts then know them by sight (platform/views/kept.ts).
  const sections = await cache.get(`${e.id} ${iso.slice(0, 13)}`, stamp, async () =>
    deepFreeze(await liveSections(db, e, now)),
  );
  // Nothing they are made from has changed since they were worked out: the places are as at now.
  return { ...sections, at: iso };
}

/** The sections built from the Hub's own data, as they stand now. */
export async function liveSections(db: DbOrTrx, e: EditionPeriod, now: Date): Promise<GeneratedSections> {
  const iso = now.toISOString();
  const [sessions, awaiting, focus, lessons, notes, carried] = await Promise.all([
    sessionsForBulletin(db, e.training_from, e.training_to),
    coursesAwaitingDates(db, iso),
    focusCourseOf(db, e.month),
    publishedLessons(db),
    youSaidWeDidNotes(db),
    lessonsCarriedBefore(db, e.month),
  ]);
  // The lessons published since the last edition: those no earlier edition carried when it was sent.
  const recent = lessons.filter((l) => !carried.has(l.id)).slice(0, 6);
  const changes = await changesOfPublishedLessons(
    db,
    recent.map((l) => l.id),
  );
  return {
    training: trainingSection(sessions, awaiting, londonDay(now)),
    focus: focus
      ? {
          title: focus.title,
          summary: focus.summary,
          href: `/learning/courses/${focus.id}`,
          // The coach and the OARS scenarios go with a motivational interviewing focus (issue 14).
          ...(/motivational/i.test(focus.title) ? { toolsHref: PRACTICE_TOOLS_HREF } : {}),
        }
      : null,
    lessons: recent.map((l) => ({
      id: l.id,
      title: l.title,
      summary: l.published_summary,
      changes: changes.get(l.id) ?? [],
    })),
    youSaid: notes.map((n) => ({
      course: n.title,
      note: n.you_said_we_did,
      href: `/learning/courses/${n.id}`,
    })),
    at: iso,
  };
}

export interface ForYou {
  lines: { text: string; href: string }[];
}

type Reader = Pick<Principal, 'id' | 'roles' | 'name' | 'email' | 'teamId' | 'serviceId'>;

/**
 * What applies to one reader: e-learning to complete or renew, their
 * waiting-list places, and sessions meant for their role (managers' courses to
 * managers; the practice focus's sessions with places to everyone else).
 * Built only from the reader's own learning records — never anything about children.
 */
export async function forYou(
  db: DbOrTrx,
  reader: Reader,
  training: TrainingSection,
  focusTitle: string | null,
  now: Date,
): Promise<ForYou> {
  return (await forYouMany(db, [reader], training, focusTitle, now)).get(reader.id)!;
}

/** What applies to each of many readers (a batch of an edition's emails), read for all of them at once. */
export async function forYouMany(
  db: DbOrTrx,
  readers: readonly Reader[],
  training: TrainingSection,
  focusTitle: string | null,
  now: Date,
): Promise<Map<string, ForYou>> {
  const ids = readers.map((r) => r.id);
  const due = await learningDueForMany(db, ids, now);
  return new Map(
    readers.map((r) => {
      const { elearning = [], waiting = [] } = due.get(r.id) ?? {};
      return [r.id, forYouOf(r, elearning, waiting, training, focusTitle)];
    }),
  );
}

function forYouOf(
  reader: Reader,
  due: { title: string; standing: { kind: string } }[],
  waiting: { position: number; title: string; course_id: string }[],
  training: TrainingSection,
  focusTitle: string | null,
): ForYou {
  const lines: ForYou['lines'] = [];
  for (const m of due)
    lines.push({
      text:
        m.standing.kind === 'never'
          ? `Complete the mandatory e-learning “${m.title}”`
          : m.standing.kind === 'expired'
            ? `Renew your mandatory e-learning “${m.title}”: it has run out`
            : `Renew your mandatory e-learning “${m.title}” soon`,
      href: '/learning/elearning',
    });
  for (const w of waiting)
    lines.push({
      text: `You are number ${w.position} on the waiting list for “${w.title}”`,
      href: `/learning/courses/${w.course_id}`,
    });
  const manager = can(reader as Principal, 'learning:managers-courses');
  if (manager)
    for (const c of training.awaiting.filter((x) => x.managersOnly))
      lines.push({
        text: `For managers: dates for “${c.title}” are to be added — register your interest`,
        href: c.href,
      });
  for (const g of training.groups)
    for (const c of g.courses) {
      const open = c.sessions.filter((s) => !s.held && !s.full).length;
      if (!open) continue;
      if (manager ? c.managersOnly : c.title === focusTitle)
        lines.push({
          text: manager
            ? `For managers: “${c.title}” has ${open === 1 ? '1 date' : `${open} dates`} with places`
            : `This month’s practice focus, “${c.title}”, has ${open === 1 ? '1 date' : `${open} dates`} with places`,
          href: c.href,
        });
    }
  return { lines };
}
