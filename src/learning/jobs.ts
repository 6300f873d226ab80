import { loadWorkingCalendar } from '../platform/calendar/closure-days.repo.ts';
import { londonDay } from '../platform/calendar/days.ts';
import { enqueueJob, registerJob } from '../platform/jobs/jobs.ts';
import { enqueueMail } from '../platform/mail/outbox.ts';
import type { Services } from '../platform/services.ts';
import { formatDate } from '../platform/views/format.ts';
import { expireOffers } from './booking.service.ts';
import { latestCompletions } from './elearning.repo.ts';
import { moduleStanding } from './elearning.rules.ts';
import { notifyPlace, ORGANISER } from './notify.ts';

/** Working days before a session that booked people get a reminder. */
export const REMINDER_WORKING_DAYS = 2;
/** Days after attending that an unanswered evaluation request is followed by one reminder. */
export const EVALUATION_REMINDER_DAYS = 5;

export const DAILY = 'learning:daily';
export const OFFERS = 'learning:expire-offers';
export const REMIND = 'learning:remind';
const QUARTER_HOUR = 15 * 60_000;

/** Each day's run, once per day however many instances queue it. */
export const scheduleDaily = (services: Services, day = londonDay(services.clock.now())) =>
  enqueueJob(
    services.db,
    services.clock,
    DAILY,
    { day },
    { runAt: `${day}T07:00:00.000Z`, uniqueKey: `${DAILY}:${day}` },
  );

/** Holds that ran out are passed on within a quarter of an hour. */
export const scheduleOffers = (services: Services, at = services.clock.now()) => {
  const slot = new Date(Math.ceil(at.getTime() / QUARTER_HOUR) * QUARTER_HOUR);
  return enqueueJob(
    services.db,
    services.clock,
    OFFERS,
    {},
    { runAt: slot, uniqueKey: `${OFFERS}:${slot.toISOString()}` },
  );
};

/**
 * Finds who to remind today and queues one job per message, keyed by booking,
 * so nobody is reminded twice whatever runs again.
 */
export async function queueReminders(services: Services, today: string) {
  const { db, clock } = services;
  const calendar = await loadWorkingCalendar(db);
  const target = calendar.addWorkingDays(calendar.nextWorkingDay(today), REMINDER_WORKING_DAYS);
  const soon = await db
    .selectFrom('lrn_bookings as b')
    .innerJoin('lrn_sessions as s', 's.id', 'b.session_id')
    .innerJoin('lrn_session_parts as p', 'p.session_id', 's.id')
    .select(['b.id', 'p.day'])
    .where('b.status', '=', 'booked')
    .where('s.status', '=', 'scheduled')
    .where('p.day', '>', today)
    .where('p.day', '<=', target)
    .execute();
  let queued = 0;
  for (const r of soon)
    if (
      await enqueueJob(
        db,
        clock,
        REMIND,
        { bookingId: r.id, kind: 'reminder' },
        { uniqueKey: `${REMIND}:reminder:${r.id}:${r.day}` },
      )
    )
      queued++;
  const cutoff = new Date(clock.now().getTime() - EVALUATION_REMINDER_DAYS * 86_400_000).toISOString();
  const unanswered = await db
    .selectFrom('lrn_cpd as c')
    .innerJoin('lrn_bookings as b', 'b.id', 'c.booking_id')
    .leftJoin('lrn_evaluations as e', 'e.booking_id', 'b.id')
    .select('b.id')
    .where('e.id', 'is', null)
    .where('c.created_at', '<=', cutoff)
    .execute();
  for (const r of unanswered)
    if (
      await enqueueJob(
        db,
        clock,
        REMIND,
        { bookingId: r.id, kind: 'evaluation' },
        { uniqueKey: `${REMIND}:evaluation:${r.id}` },
      )
    )
      queued++;
  // Mandatory e-learning not done, run out or running out: one reminder a month per person and module.
  const { people, modules, lastOf } = await latestCompletions(db);
  for (const m of modules)
    for (const p of people) {
      const standing = moduleStanding(lastOf(p.id, m.id), m.renewal_months, today);
      if (standing.kind === 'current') continue;
      const key = `${REMIND}:elearning:${p.id}:${m.id}:${today.slice(0, 7)}`;
      if (
        await enqueueJob(db, clock, ELEARNING_REMIND, { staffId: p.id, moduleId: m.id }, { uniqueKey: key })
      )
        queued++;
    }
  return queued;
}

export const ELEARNING_REMIND = 'learning:elearning-remind';

let registered = false;

export const learningJobs = {
  name: 'Learning',
  register() {
    if (registered) return;
    registered = true;
    registerJob<{ day: string }>(DAILY, async (services, { day }) => {
      await queueReminders(services, day);
      const next = new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000);
      await scheduleDaily(services, londonDay(next));
    });
    this.registerElearning();
    registerJob(OFFERS, async (services) => {
      await expireOffers(services);
      await scheduleOffers(services, new Date(services.clock.now().getTime() + QUARTER_HOUR));
    });
    registerJob<{ bookingId: string; kind: 'reminder' | 'evaluation' }>(
      REMIND,
      async (services, { bookingId, kind }) => {
        await services.db.transaction().execute(async (trx) => {
          const b = await trx
            .selectFrom('lrn_bookings')
            .select('status')
            .where('id', '=', bookingId)
            .executeTakeFirst();
          // A place cancelled since the reminder was queued gets no reminder.
          if (kind === 'reminder' && b?.status !== 'booked') return;
          await notifyPlace(trx, services.clock, kind, bookingId);
        });
      },
    );
  },
  registerElearning() {
    registerJob<{ staffId: string; moduleId: string }>(
      ELEARNING_REMIND,
      async (services, { staffId, moduleId }) => {
        const { db, clock } = services;
        const [person, module, last] = await Promise.all([
          db
            .selectFrom('staff')
            .select(['name', 'email', 'active'])
            .where('id', '=', staffId)
            .executeTakeFirst(),
          db.selectFrom('lrn_modules').selectAll().where('id', '=', moduleId).executeTakeFirst(),
          db
            .selectFrom('lrn_completions')
            .select('completed_on')
            .where('staff_id', '=', staffId)
            .where('module_id', '=', moduleId)
            .orderBy('completed_on', 'desc')
            .executeTakeFirst(),
        ]);
        if (!person?.active || !module) return;
        const standing = moduleStanding(
          last?.completed_on ?? null,
          module.renewal_months,
          londonDay(clock.now()),
        );
        // Recorded since the reminder was queued: nothing to say.
        if (standing.kind === 'current') return;
        const what =
          standing.kind === 'never'
            ? `you have not yet recorded completing ${module.title}`
            : standing.kind === 'expired'
              ? `your ${module.title} completion ran out on ${formatDate(standing.since)}`
              : `your ${module.title} completion runs out on ${formatDate(standing.until)}`;
        await enqueueMail(db, clock, {
          to: person.email,
          subject: `Mandatory e-learning: ${module.title}`,
          text: `Dear ${person.name},\n\nOur records show ${what}. It is part of the mandatory training for everyone in children's social care. Complete it in the e-learning system, then record the date at /learning/elearning.\n\n${ORGANISER.name}`,
        });
      },
    );
  },
  async schedule(services: Services) {
    await scheduleDaily(services);
    await scheduleOffers(services);
  },
};
