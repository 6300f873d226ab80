import { addCalendarDays, londonDay, parseDay } from '../../platform/calendar/days.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/db.ts';
import type { DemoOptions } from '../../platform/feature.ts';
import { newId } from '../../platform/ids.ts';
import { insertCourse, insertSession, type PartInput } from '../offer.repo.ts';
import { LEARNING_OFFER } from './offer.ts';

/**
 * The December 2021 – January 2022 training offer, moved forward by whole
 * weeks so that its first Wednesday falls two weeks before today: weekdays
 * stay as the seed has them, the first fortnight is history (attended and
 * evaluated) and the rest can be booked.
 */
export function weeksShift(today: string): number {
  const target = parseDay(addCalendarDays(today, -14));
  const seedStart = parseDay('2021-12-01');
  return Math.floor((target - seedStart) / 7) * 7;
}

/** The month ('2026-12') of an instant in London: the month a home page means by "this month". */
export const thisMonth = (now: Date) => londonDay(now).slice(0, 7);

export async function seedLearning(db: Db, clock: Clock, options: DemoOptions): Promise<string> {
  const now = clock.now().toISOString();
  const shift = weeksShift(londonDay(clock.now()));
  const move = (day: string) => addCalendarDays(day, shift);
  let sessions = 0;
  const sessionIds: { id: string; capacity: number | null; past: boolean; title: string }[] = [];
  await db.transaction().execute(async (trx) => {
    for (const c of LEARNING_OFFER) {
      // The seed's practice focus is its edition's month: in the demo, this month in London (the
      // offer's first fortnight starts in the month before on its first days, so it cannot be that).
      const focusMonth = c.focus ? thisMonth(clock.now()) : null;
      const courseId = await insertCourse(trx, now, { ...c.course, focus_month: focusMonth });
      for (const s of c.sessions ?? []) {
        const parts: PartInput[] = s.parts.map((p) => ({ ...p, day: move(p.day) }));
        const id = await insertSession(trx, now, { courseId, ...s, parts });
        sessions++;
        sessionIds.push({
          id,
          capacity: s.capacity,
          past: `${parts[0]!.day}` < londonDay(clock.now()),
          title: c.course.title,
        });
      }
    }
    const modules = [
      { id: newId(), title: 'Unconscious Bias', renewal_months: 36, created_at: now },
      { id: newId(), title: 'Data Protection and Information Sharing', renewal_months: 12, created_at: now },
    ];
    await trx.insertInto('lrn_modules').values(modules).execute();
    // Most people have done their mandatory e-learning; some never did, and some completions have run out.
    const staff = await trx
      .selectFrom('staff')
      .select('id')
      .where('active', '=', 1)
      .orderBy('staff_number')
      .execute();
    const today = londonDay(clock.now());
    const completions = staff.flatMap((p, i) =>
      modules
        .filter((_, m) => (i + m) % 4 !== 0)
        .map((m, j) => ({
          id: newId(),
          module_id: m.id,
          staff_id: p.id,
          completed_on: addCalendarDays(today, -((i * 37 + j * 101) % 500) - 1),
          source: 'import' as const,
          created_at: now,
        })),
    );
    if (completions.length) await trx.insertInto('lrn_completions').values(completions).execute();
  });
  const bookings = await seedBookings(db, clock, sessionIds, options);
  return `${LEARNING_OFFER.length} courses, ${sessions} sessions, ${bookings} places`;
}

/** What people said they would do differently, and what would make a session better: parts put together, so answers vary. */
const DIFFERENTLY = [
  'Ask open questions before offering solutions',
  'Check what the child wants before the meeting, not after it',
  'Write the plan in words the family would use',
  'Summarise back to parents what I have heard',
  'Name strengths first when I visit',
  'Record why I made a decision, not only what I did',
  'Slow down in the first visit and listen more',
  'Use the genogram with families at the start',
  'Share my chronology with the team manager before supervision',
  'Talk about mixed feelings as normal rather than resistance',
  'Plan the direct work session with the child beforehand',
  'Ask the school what they have noticed before I decide',
];
const WHEN = [
  'on my next visits',
  'with the families I am working with now',
  'in core groups',
  'when I write up assessments',
  'in supervision',
  'from this week',
];
const BETTER = [
  'More time for practising with a partner',
  'A case study closer to our own work',
  'Shorter breaks and an earlier finish',
  'The slides sent out beforehand',
  'A follow-up session in a month',
  'Fewer people in the room, so everyone can speak',
  'Examples from child protection as well as child in need',
  'A room with better sound for the online part',
  'Handouts we can take back to the team',
  'More about working with fathers',
];

/** Books every past session (full ones with a short waiting list) and some upcoming ones; past ones attended and evaluated. */
async function seedBookings(
  db: Db,
  clock: Clock,
  sessions: { id: string; capacity: number | null; past: boolean; title: string }[],
  options: DemoOptions,
): Promise<number> {
  const staff = await db
    .selectFrom('staff')
    .select(['id', 'email'])
    .where('active', '=', 1)
    .where('email', 'not like', 'amina.hussain%')
    .orderBy('staff_number')
    .execute();
  const now = clock.now().toISOString();
  const today = londonDay(clock.now());
  let count = 0;
  const each = options.size === 'full' ? 6 : 2;
  // Every session already held was booked; of those to come, some are full and some have room.
  const chosen = [
    ...sessions.filter((x) => x.capacity && x.past),
    ...sessions.filter((x) => x.capacity && !x.past).slice(0, each),
  ];
  let said = 0;
  await db.transaction().execute(async (trx) => {
    let k = 0;
    for (const [i, s] of chosen.entries()) {
      // Every other session is full with a waiting list (long enough on an upcoming one to suggest another date); the rest two-thirds full or more.
      const waiting = s.past ? 3 : Math.ceil(s.capacity! / 2) + 1;
      const take =
        i % 2 === 0 ? s.capacity! + waiting : Math.max(1, Math.ceil((s.capacity! * (2 + (i % 3))) / 4));
      const parts = await trx
        .selectFrom('lrn_session_parts')
        .select(['id', 'day'])
        .where('session_id', '=', s.id)
        .orderBy('day')
        .execute();
      const firstDay = parts[0]!.day;
      // Registers are taken on the day of each part; evaluations come once the last part is over.
      const held = parts.filter((p) => p.day < today);
      const ended = held.length === parts.length;
      for (let n = 0; n < take && staff.length; n++) {
        const person = staff[k++ % staff.length]!;
        const booked = n < s.capacity!;
        const id = newId();
        await trx
          .insertInto('lrn_bookings')
          .values({
            id,
            session_id: s.id,
            staff_id: person.id,
            status: booked ? 'booked' : 'waitlisted',
            queue_pos: n + 1,
            offer_expires_at: null,
            sequence: 0,
            created_at: now,
            updated_at: now,
          })
          .execute();
        count++;
        if (!(s.past && booked)) continue;
        const outcome = (n + i) % 7 === 6 ? 'no-show' : 'attended';
        for (const p of held)
          await trx
            .insertInto('lrn_attendance')
            .values({
              booking_id: id,
              part_id: p.id,
              outcome,
              notes: '',
              recorded_by: null,
              recorded_at: now,
            })
            .execute();
        if (outcome !== 'attended' || !ended) continue;
        // Attending made a CPD entry, as it does in the app.
        await trx
          .insertInto('lrn_cpd')
          .values({
            id: newId(),
            staff_id: person.id,
            booking_id: id,
            title: s.title,
            day: firstDay,
            reflection: '',
            peer_reflected: 0,
            created_at: now,
            updated_at: now,
          })
          .execute();
        // About two in three answer the evaluation; most say something, in their own words.
        if ((n + i) % 3 === 2) continue;
        const m = said++;
        await trx
          .insertInto('lrn_evaluations')
          .values({
            id: newId(),
            booking_id: id,
            session_id: s.id,
            content: 3 + ((m * 7) % 3),
            trainer: 4 + ((m * 5) % 2),
            relevance: 3 + ((m * 11) % 3),
            differently:
              m % 5 === 4
                ? ''
                : `${DIFFERENTLY[(m * 5) % DIFFERENTLY.length]} ${WHEN[Math.floor(m / DIFFERENTLY.length) % WHEN.length]}.`,
            better: m % 3 === 0 ? `${BETTER[m % BETTER.length]}.` : '',
            created_at: now,
          })
          .execute();
      }
    }
  });
  return count;
}
