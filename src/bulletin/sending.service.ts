import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Config } from '../config.ts';
import { type Actor, recordAudit, systemActor } from '../platform/audit/audit.ts';
import { londonDay } from '../platform/calendar/days.ts';
import type { DbOrTrx } from '../platform/db/db.ts';
import { UserInputError } from '../platform/http/errors.ts';
import { enqueueJob } from '../platform/jobs/jobs.ts';
import { composeMessage, mailLayout } from '../platform/mail/message.ts';
import { enqueueMail, enqueueMails } from '../platform/mail/outbox.ts';
import { can } from '../platform/policy/policy.ts';
import type { Principal } from '../platform/policy/roles.ts';
import type { Services } from '../platform/services.ts';
import { articlesOf, updateEdition } from './editions.repo.ts';
import { editionTitle, parseDistribution, publishRefusal, scheduleRefusal } from './editions.rules.ts';
import { assertEditor, type Ctx, editionOrThrow } from './editions.service.ts';
import { mailImagePath } from './images.rules.ts';
import { editionMail } from './mail.presenter.ts';
import {
  claimDeliveries,
  deliveryReport,
  type Recipient,
  recipientsOf,
  retryFailed,
  setDeliveryMessages,
} from './recipients.repo.ts';
import { freezeEdition, recordNow } from './record.service.ts';
import type { SentRecord } from './record.ts';
import { parseRecord } from './record.ts';
import { type ForYou, forYouMany } from './sections.service.ts';

export const DELIVER = 'bulletin:deliver';
export const SEND_SCHEDULED = 'bulletin:send-scheduled';
/** Recipients claimed and queued per transaction. */
const BATCH = 200;

type SendCtx = Ctx & { config: Config };

const readerOf = (r: Recipient): Principal => ({ ...r, roles: r.roles });

/**
 * Messages already composed, by their content without the address: many readers share the same
 * "For you" (nothing due, no waiting list), so their emails differ only in whom they go to, and
 * MJML's layout (milliseconds a message) is done once for each distinct message, not 3,000 times.
 */
type Composed = Map<string, Promise<Awaited<ReturnType<typeof composeMessage>>>>;

/** What is for each reader, from the training list the edition was sent with. */
const forYouFor = (db: DbOrTrx, record: SentRecord, readers: Recipient[], now: Date) =>
  forYouMany(db, readers.map(readerOf), record.sections.training, record.sections.focus?.title ?? null, now);

/** One person's message of the edition. */
async function messageFor(
  config: Config,
  record: SentRecord,
  editionId: string,
  r: Recipient,
  mine: ForYou,
  test = false,
  composed: Composed = new Map(),
) {
  const reader = readerOf(r);
  const isManager = can(reader, 'learning:managers-courses');
  // Readers' messages differ only in their address, whether they see managers' courses, and
  // what is for them: the rest (the articles' Markdown as text, the layout) is worked out once.
  const key = JSON.stringify([isManager, mine, test]);
  let message = composed.get(key);
  if (message) {
    // Used again: to the back of the queue, so the message most readers share is never let go.
    composed.delete(key);
    composed.set(key, message);
  } else {
    message = composeMessage(
      editionMail(record, editionId, { email: r.email, isManager }, mine, {
        test,
        imageSrc: (id) => mailImagePath(config.sessionSecret, id),
      }),
      mailLayout(config),
    );
    // Most readers share a message; the rest are kept only a while (the least recently used go
    // first), so thousands of distinct messages are not all held at once.
    if (composed.size >= 200) composed.delete(composed.keys().next().value!);
    composed.set(key, message);
  }
  return { ...(await message), to: r.email.trim() };
}

/** Sends the edition as it stands to the editor alone, marked as a test. Nothing is published. */
export async function testSend(
  { db, clock, config }: SendCtx,
  actor: Actor,
  user: Principal,
  editionId: string,
) {
  await db.transaction().execute(async (trx) => {
    await assertEditor(trx, user);
    const now = clock.now();
    const record = await recordNow(trx, editionId, now);
    const me = (await recipientsOf(trx, { kind: 'everyone' }, londonDay(now))).find(
      (r) => r.id === user.id,
    ) ?? {
      ...user,
    };
    const mine = (await forYouFor(trx, record, [me], now)).get(me.id)!;
    await enqueueMail(trx, clock, await messageFor(config, record, editionId, me, mine, true));
    await recordAudit(trx, clock, actor, {
      action: 'update',
      recordType: 'bulletin-edition',
      recordId: editionId,
      summary: `Sent a test of the ${editionTitle(record.month)} to ${user.email}`,
    });
  });
}

/**
 * Publishes the edition: freezes what is sent into its record and queues the
 * delivery job (once, whatever runs it). Refused for an empty edition or an
 * empty distribution, with nothing changed.
 */
export async function publishNow(
  { db, clock }: SendCtx,
  actor: Actor,
  user: Principal | null,
  editionId: string,
) {
  return db.transaction().execute(async (trx) => {
    if (user) await assertEditor(trx, user);
    const e = await editionOrThrow(trx, editionId);
    if (e.status === 'published') throw new UserInputError('The edition has already been published');
    const now = clock.now();
    const recipients = await recipientsOf(trx, parseDistribution(e.distribution), londonDay(now));
    const articles = await articlesOf(trx, editionId);
    const refusal = publishRefusal({
      welcome: e.welcome,
      articles: articles.length,
      recipients: recipients.length,
    });
    if (refusal) throw new UserInputError(refusal);
    const record = await recordNow(trx, editionId, now);
    await freezeEdition(trx, editionId, record, now);
    await enqueueJob(trx, clock, DELIVER, { editionId }, { uniqueKey: `${DELIVER}:${editionId}` });
    await recordAudit(trx, clock, actor, {
      action: 'update',
      recordType: 'bulletin-edition',
      recordId: editionId,
      summary: `Published the ${editionTitle(e.month)} to ${recipients.length} people`,
    });
    return recipients.length;
  });
}

/**
 * Queues one message per recipient of a published edition. Each batch claims
 * its recipients by inserting their delivery rows; the primary key (edition,
 * person) lets only one instance insert each row, and only the one that did
 * queues that person's message — in the same transaction. Safe to run again
 * and to run on two instances at once.
 */
export async function deliverEdition({ db, clock, config }: SendCtx, editionId: string) {
  const e = await editionOrThrow(db, editionId);
  const record = parseRecord(e.sent_record);
  if (e.status !== 'published' || !record) return 0;
  const now = clock.now();
  const recipients = await recipientsOf(db, parseDistribution(e.distribution), londonDay(now));
  let queued = 0;
  const composed: Composed = new Map();
  for (let i = 0; i < recipients.length; i += BATCH) {
    const batch = recipients.slice(i, i + BATCH);
    queued += await db.transaction().execute(async (trx) => {
      const mine = new Set(
        await claimDeliveries(
          trx,
          editionId,
          batch.map((r) => r.id),
          now.toISOString(),
        ),
      );
      // Read, compose and queue for the whole batch at once: a handful of statements, not five a reader.
      const readers = batch.filter((r) => mine.has(r.id));
      const forYous = await forYouFor(trx, record, readers, now);
      const messages = [];
      for (const r of readers)
        messages.push(await messageFor(config, record, editionId, r, forYous.get(r.id)!, false, composed));
      const ids = await enqueueMails(trx, clock, messages);
      await setDeliveryMessages(
        trx,
        editionId,
        readers.map((r, n) => ({ staffId: r.id, outboxId: ids[n]! })),
      );
      return mine.size;
    });
    // On SQLite every query answers at once, so without this the whole send (seconds for
    // thousands of readers) would hold the event loop and the Hub's pages would wait for it.
    await nextTurn();
  }
  return queued;
}

/** Sets the edition to go out at a time in the future; a job publishes it then. */
export async function schedule(
  { db, clock }: SendCtx,
  actor: Actor,
  user: Principal,
  editionId: string,
  at: Date,
) {
  await db.transaction().execute(async (trx) => {
    await assertEditor(trx, user);
    const e = await editionOrThrow(trx, editionId);
    if (e.status === 'published') throw new UserInputError('The edition has already been published', 'day');
    const refusal = scheduleRefusal(at, clock.now());
    if (refusal) throw new UserInputError(refusal, 'day');
    const articles = await articlesOf(trx, editionId);
    const recipients = await recipientsOf(trx, parseDistribution(e.distribution), londonDay(clock.now()));
    const empty = publishRefusal({
      welcome: e.welcome,
      articles: articles.length,
      recipients: recipients.length,
    });
    if (empty) throw new UserInputError(empty, 'day');
    const iso = at.toISOString();
    await updateEdition(trx, editionId, {
      status: 'scheduled',
      scheduled_for: iso,
      updated_at: clock.now().toISOString(),
    });
    await enqueueJob(
      trx,
      clock,
      SEND_SCHEDULED,
      { editionId, at: iso },
      { runAt: at, uniqueKey: `${SEND_SCHEDULED}:${editionId}:${iso}` },
    );
    await recordAudit(trx, clock, actor, {
      action: 'update',
      recordType: 'bulletin-edition',
      recordId: editionId,
      summary: `Scheduled the ${editionTitle(e.month)} for ${iso}`,
    });
  });
}

export async function unschedule({ db, clock }: SendCtx, actor: Actor, user: Principal, editionId: string) {
  await db.transaction().execute(async (trx) => {
    await assertEditor(trx, user);
    const e = await editionOrThrow(trx, editionId);
    if (e.status !== 'scheduled') throw new UserInputError('The edition is not scheduled');
    await updateEdition(trx, editionId, {
      status: 'draft',
      scheduled_for: null,
      updated_at: clock.now().toISOString(),
    });
    await recordAudit(trx, clock, actor, {
      action: 'update',
      recordType: 'bulletin-edition',
      recordId: editionId,
      summary: `Took the ${editionTitle(e.month)} off the schedule`,
    });
  });
}

/** The scheduled job: publishes the edition if it is still scheduled for that time (a changed time has its own job). */
export async function sendScheduled(services: Services, payload: { editionId: string; at: string }) {
  const e = await editionOrThrow(services.db, payload.editionId);
  if (e.status !== 'scheduled' || e.scheduled_for !== payload.at) return;
  await publishNow(services, systemActor('bulletin schedule'), null, payload.editionId);
}

/** Recipients, queued, sent and failed, with each person's state. */
export async function sendReport(db: DbOrTrx, user: Principal, editionId: string) {
  await assertEditor(db, user);
  const e = await editionOrThrow(db, editionId);
  const rows = await deliveryReport(db, editionId);
  const count = (s: string) => rows.filter((r) => r.status === s).length;
  return { edition: e, rows, queued: count('pending'), sent: count('sent'), failed: count('failed') };
}

export async function retryFailures(
  { db, clock }: SendCtx,
  actor: Actor,
  user: Principal,
  editionId: string,
) {
  return db.transaction().execute(async (trx) => {
    await assertEditor(trx, user);
    const e = await editionOrThrow(trx, editionId);
    const r = await retryFailed(trx, editionId, clock.now().toISOString());
    const n = Number(r.numUpdatedRows);
    await recordAudit(trx, clock, actor, {
      action: 'update',
      recordType: 'bulletin-edition',
      recordId: editionId,
      summary: `Tried again ${n} failed messages of the ${editionTitle(e.month)}`,
    });
    return n;
  });
}
