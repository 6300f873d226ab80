import { type Actor, recordAudit, systemActor } from '../platform/audit/audit.ts';
import { addCalendarDays } from '../platform/calendar/days.ts';
import type { FeatureJobs } from '../platform/feature.ts';
import { enqueueJob, registerJob } from '../platform/jobs/jobs.ts';
import { composeMessage, mailLayout } from '../platform/mail/message.ts';
import { enqueueMail } from '../platform/mail/outbox.ts';
import type { Services } from '../platform/services.ts';
import { overdueComplaints } from './complaints.repo.ts';
import { todayIn } from './complaints.service.ts';
import { activeComplaintsOfficers, staffContacts } from './directory.repo.ts';
import { overdueMessage } from './reminders.presenter.ts';

export const OVERDUE_REMINDERS = 'complaints:overdue-reminders';

/** Queues the day's reminder run at 07:00 UTC; the unique key makes it one job per day across instances. */
export const scheduleReminders = (services: Services, day = todayIn(services.clock)) =>
  enqueueJob(
    services.db,
    services.clock,
    OVERDUE_REMINDERS,
    { day },
    {
      runAt: `${day}T07:00:00.000Z`,
      uniqueKey: `${OVERDUE_REMINDERS}:${day}`,
    },
  );

/**
 * Emails the owner of every overdue complaint stage: its investigating
 * officer, or every complaints officer when none is chosen. One message per
 * person listing their complaints, written in the same transaction as its
 * audit row. References only: no child's or complainant's name goes by email.
 */
export async function sendOverdueReminders(
  services: Services,
  actor: Actor = systemActor('complaint reminders'),
) {
  const { db, clock, config } = services;
  const today = todayIn(clock);
  return db.transaction().execute(async (trx) => {
    const overdue = await overdueComplaints(trx, today);
    if (!overdue.length) return 0;
    const officers = await activeComplaintsOfficers(trx);
    const byOwner = new Map<string, typeof overdue>();
    for (const c of overdue)
      for (const owner of c.officer_id ? [c.officer_id] : officers.map((o) => o.id))
        byOwner.set(owner, [...(byOwner.get(owner) ?? []), c]);
    const people = await staffContacts(trx, [...byOwner.keys()]);
    const layout = mailLayout(config);
    let sent = 0;
    for (const p of people) {
      if (!p.active) continue;
      await enqueueMail(trx, clock, await composeMessage(overdueMessage(p, byOwner.get(p.id)!), layout));
      sent++;
    }
    await recordAudit(trx, clock, actor, {
      action: 'update',
      recordType: 'complaint-reminders',
      summary: `Reminded ${sent} people about ${overdue.length} overdue complaint stages`,
    });
    return sent;
  });
}

let registered = false;

export const complaintJobs: FeatureJobs = {
  name: 'complaints',
  register() {
    if (registered) return;
    registered = true;
    registerJob<{ day: string }>(OVERDUE_REMINDERS, async (services, payload) => {
      await sendOverdueReminders(services);
      await scheduleReminders(services, addCalendarDays(payload.day, 1));
    });
  },
  schedule: (services) => scheduleReminders(services),
};
