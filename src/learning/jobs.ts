import { loadWorkingCalendar } from '../platform/calendar/closure-days.repo.ts';
import { londonDay } from '../platform/calendar/days.ts';
import { enqueueJob, registerJob } from '../platform/jobs/jobs.ts';
import { composeMessage, mailLayout } from '../platform/mail/message.ts';
import { enqueueMail } from '../platform/mail/outbox.ts';
import type { Services } from '../platform/services.ts';
import { AFTER_SESSION, askAttendeesToEvaluate } from './attendance.service.ts';
import { expireOffers } from './booking.service.ts';
import { latestCompletions } from './elearning.repo.ts';
import { moduleStanding } from './elearning.rules.ts';
import { notifyPlace } from './notify.ts';
import { elearningReminderMail } from './reminders.presenter.ts';
import {
  bookingStatus,
  elearningReminderFacts,
  placesWithDaysBetween,
  unansweredEvaluations,
} from './reminders.repo.ts';

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
  const soon = await placesWithDaysBetween(db, today, target);
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
  const unanswered = await unansweredEvaluations(db, cutoff);
  for (const bookingId of unanswered)
    if (
      await enqueueJob(
        db,
        clock,
        REMIND,
        { bookingId, kind: 'evaluation' },
        { uniqueKey: `${REMIND}:evaluation:${bookingId}` },
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
    // A register saved before the session was over: ask the people who attended once it is.
    registerJob<{ sessionId: string }>(AFTER_SESSION, async (services, { sessionId }) => {
      await services.db.transaction().execute((trx) => askAttendeesToEvaluate(trx, services, sessionId));
    });
    registerJob(OFFERS, async (services) => {
      await expireOffers(services);
      await scheduleOffers(services, new Date(services.clock.now().getTime() + QUARTER_HOUR));
    });
    registerJob<{ bookingId: string; kind: 'reminder' | 'evaluation' }>(
      REMIND,
      async (services, { bookingId, kind }) => {
        await services.db.transaction().execute(async (trx) => {
          // A place cancelled since the reminder was queued gets no reminder.
          if (kind === 'reminder' && (await bookingStatus(trx, bookingId)) !== 'booked') return;
          await notifyPlace(trx, services, kind, bookingId);
        });
      },
    );
  },
  registerElearning() {
    registerJob<{ staffId: string; moduleId: string }>(
      ELEARNING_REMIND,
      async (services, { staffId, moduleId }) => {
        const { db, clock } = services;
        const { person, module, lastCompleted } = await elearningReminderFacts(db, staffId, moduleId);
        if (!person?.active || !module) return;
        const standing = moduleStanding(lastCompleted, module.renewal_months, londonDay(clock.now()));
        // Recorded since the reminder was queued: nothing to say.
        if (standing.kind === 'current') return;
        await enqueueMail(
          db,
          clock,
          await composeMessage(
            elearningReminderMail(person, module.title, standing),
            mailLayout(services.config),
          ),
        );
      },
    );
  },
  async schedule(services: Services) {
    await scheduleDaily(services);
    await scheduleOffers(services);
  },
};
