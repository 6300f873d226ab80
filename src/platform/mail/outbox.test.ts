import assert from 'node:assert/strict';
import { test } from 'node:test';
import { forEachDialect, type TestDb } from '../../testing/test-db.ts';
import { MAIL_MAX_ATTEMPTS, nextAttemptDelayMs } from './backoff.ts';
import { messageIdDomain } from './compose.ts';
import { enqueueMail, enqueueMails, InvalidMailError, type MailMessage } from './outbox.ts';
import { createMailTransport, sendDueMail } from './sender.ts';
import { freePort, startSmtpServer } from './smtp-test-server.ts';

const WORKER = 'test-worker';

const message = (n: number, extra: Partial<MailMessage> = {}): MailMessage => ({
  to: `worker${n}@calderbrook.example`,
  subject: `Your place on Signs of Safety, session ${n}`,
  text: `Hello,\nYour place on session ${n} is confirmed.\n`,
  ...extra,
});

const outboxRows = (t: TestDb) =>
  t.db.selectFrom('outbox').selectAll().orderBy('created_at').orderBy('id').execute();

class RolledBack extends Error {}

forEachDialect('a message queued in a transaction that rolls back is never sent', async (t) => {
  const smtp = await startSmtpServer();
  const transport = createMailTransport(smtp.url);
  try {
    await assert.rejects(
      t.db.transaction().execute(async (trx) => {
        await enqueueMail(trx, t.clock, message(1));
        throw new RolledBack('the booking failed');
      }),
      RolledBack,
    );
    // A committed message beside it proves the sender works, so the silence about the first means something.
    await t.db.transaction().execute((trx) => enqueueMail(trx, t.clock, message(2)));

    const result = await sendDueMail(t.services, transport, WORKER);
    assert.equal(result.sent, 1);
    assert.deepEqual(
      smtp.received.map((r) => r.to),
      [['worker2@calderbrook.example']],
    );
    assert.deepEqual(
      (await outboxRows(t)).map((r) => r.to_address),
      ['worker2@calderbrook.example'],
    );
  } finally {
    transport?.close();
    await smtp.close();
  }
});

forEachDialect(
  'many messages queued at once: each row is the message it was given, shared bodies or not, ids in order',
  async (t) => {
    // 250 readers sharing one body (more than one statement's worth), some with a second body, one
    // with a secret, one with an attachment, one alone: grouped by body, each row must still be its own.
    const shared = {
      subject: 'December bulletin',
      text: 'Nothing due for you.\n',
      html: '<p>Nothing due.</p>',
    };
    const msgs: MailMessage[] = [];
    for (let n = 0; n < 250; n++)
      msgs.push(
        n % 10 === 3
          ? message(n, { subject: shared.subject, text: 'One course to renew.\n', html: '<p>Renew.</p>' })
          : message(n, shared),
      );
    msgs.push(message(900, { ...shared, secrets: ['token-900'] }));
    msgs.push(
      message(901, {
        ...shared,
        attachments: [{ filename: 'invite.ics', content: 'BEGIN:VCALENDAR', contentType: 'text/calendar' }],
      }),
    );
    msgs.push(message(902));
    const ids = await enqueueMails(t.db, t.clock, msgs);
    assert.equal(new Set(ids).size, msgs.length, 'an id for each message');
    const rows = new Map((await outboxRows(t)).map((r) => [r.id, r]));
    assert.equal(rows.size, msgs.length);
    const now = t.clock.now().toISOString();
    msgs.forEach((m, i) => {
      const row = rows.get(ids[i]!);
      assert.deepEqual(
        row && { ...row },
        {
          id: ids[i],
          created_at: now,
          to_address: m.to,
          subject: m.subject,
          text_body: m.text,
          html_body: m.html ?? null,
          attachments: JSON.stringify(m.attachments ?? []),
          status: 'pending',
          attempts: 0,
          next_attempt_at: now,
          locked_by: null,
          locked_until: null,
          last_error: null,
          sent_at: null,
          secrets: m.secrets ? JSON.stringify(m.secrets) : null,
        },
        `message ${i} (to ${m.to})`,
      );
    });
  },
);

forEachDialect('a committed message is delivered with its subject, body and calendar invite', async (t) => {
  const smtp = await startSmtpServer();
  const transport = createMailTransport(smtp.url);
  try {
    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n';
    const id = await enqueueMail(t.db, t.clock, {
      ...message(3),
      html: '<p>Your place is <strong>confirmed</strong>.</p>',
      attachments: [
        { filename: 'session.ics', content: ics, contentType: 'text/calendar', method: 'REQUEST' },
      ],
    });
    t.clock.advanceMs(5_000);
    const result = await sendDueMail(t.services, transport, WORKER);
    assert.deepEqual(result, { claimed: 1, sent: 1, retrying: 0, failed: 0, released: 0 });

    assert.equal(smtp.received.length, 1);
    const [mail] = smtp.received;
    assert.deepEqual(mail?.to, ['worker3@calderbrook.example']);
    assert.match(mail!.raw, /^Subject: Your place on Signs of Safety, session 3\r$/m);
    assert.match(mail!.raw, /Your place on session 3 is confirmed\./);
    assert.match(mail!.raw, /<strong>confirmed<\/strong>/);
    assert.match(mail!.raw, /Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    // BASE_URL is unset in tests: the Message-ID is on the machine's own name, never localhost.
    const domain = messageIdDomain(t.services.config.baseUrl);
    assert.notEqual(domain, 'localhost');
    assert.match(mail!.raw, new RegExp(`^Message-ID: <${id}@${domain.replace(/\./g, '\\.')}>\\r$`, 'm'));

    const [row] = await outboxRows(t);
    assert.equal(row?.status, 'sent');
    assert.equal(row?.sent_at, t.clock.now().toISOString());
    assert.equal(row?.attempts, 1);
    assert.equal(row?.locked_by, null);
    assert.equal(row?.last_error, null);
  } finally {
    transport?.close();
    await smtp.close();
  }
});

forEachDialect('with the SMTP server down a message waits, then goes once the server is back', async (t) => {
  const port = await freePort();
  const transport = createMailTransport(`smtp://127.0.0.1:${port}`);
  let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
  try {
    await enqueueMail(t.db, t.clock, message(4));
    const down = await sendDueMail(t.services, transport, WORKER);
    assert.deepEqual(down, { claimed: 1, sent: 0, retrying: 1, failed: 0, released: 0 });

    const [waiting] = await outboxRows(t);
    assert.equal(waiting?.status, 'pending');
    assert.equal(waiting?.attempts, 1);
    assert.match(waiting?.last_error ?? '', /ECONNREFUSED|ESOCKET|ECONNECTION/);
    const retryAt = new Date(t.clock.now().getTime() + nextAttemptDelayMs(1)).toISOString();
    assert.equal(waiting?.next_attempt_at, retryAt);
    assert.equal(waiting?.locked_by, null);

    smtp = await startSmtpServer(port);
    // The server is back, but the message is not due again until its back-off has passed.
    assert.equal((await sendDueMail(t.services, transport, WORKER)).claimed, 0);
    assert.equal(smtp.received.length, 0);

    t.clock.advanceMs(nextAttemptDelayMs(1));
    assert.equal((await sendDueMail(t.services, transport, WORKER)).sent, 1);
    t.clock.advanceMs(60 * 60_000);
    assert.equal((await sendDueMail(t.services, transport, WORKER)).claimed, 0);

    assert.equal(smtp.received.length, 1);
    assert.match(smtp.received[0]!.raw, /^Subject: Your place on Signs of Safety, session 4\r$/m);
    const [sent] = await outboxRows(t);
    assert.equal(sent?.status, 'sent');
    assert.equal(sent?.attempts, 2);
  } finally {
    transport?.close();
    await smtp?.close();
  }
});

forEachDialect('with the server down, the rest of a batch is handed back untried', async (t) => {
  const transport = createMailTransport(`smtp://127.0.0.1:${await freePort()}`);
  try {
    for (const n of [1, 2, 3]) {
      await enqueueMail(t.db, t.clock, message(n));
      t.clock.advanceMs(1);
    }
    const result = await sendDueMail(t.services, transport, WORKER);
    assert.deepEqual(result, { claimed: 3, sent: 0, retrying: 1, failed: 0, released: 2 });
    const rows = await outboxRows(t);
    assert.deepEqual(
      rows.map((r) => [r.attempts, r.locked_by, r.last_error === null]),
      [
        [1, null, false],
        [0, null, true],
        [0, null, true],
      ],
    );
  } finally {
    transport?.close();
  }
});

forEachDialect('a message the server refuses for good fails at once; others still go', async (t) => {
  const smtp = await startSmtpServer(0, { refuse: ['left@calderbrook.example'] });
  const transport = createMailTransport(smtp.url);
  try {
    await enqueueMail(t.db, t.clock, message(5, { to: 'left@calderbrook.example' }));
    t.clock.advanceMs(1);
    await enqueueMail(t.db, t.clock, message(6));
    const result = await sendDueMail(t.services, transport, WORKER);
    assert.deepEqual(result, { claimed: 2, sent: 1, retrying: 0, failed: 1, released: 0 });
    const [refused, sent] = await outboxRows(t);
    assert.equal(refused?.status, 'failed');
    assert.match(refused?.last_error ?? '', /550/);
    assert.equal(sent?.status, 'sent');
  } finally {
    transport?.close();
    await smtp.close();
  }
});

forEachDialect('a message that keeps failing is marked failed after the last attempt', async (t) => {
  const transport = createMailTransport(`smtp://127.0.0.1:${await freePort()}`);
  try {
    await enqueueMail(t.db, t.clock, message(7));
    for (let attempt = 1; attempt <= MAIL_MAX_ATTEMPTS; attempt++) {
      const r = await sendDueMail(t.services, transport, WORKER);
      assert.equal(r.claimed, 1, `attempt ${attempt} is due`);
      t.clock.advanceMs(nextAttemptDelayMs(attempt));
    }
    const [row] = await outboxRows(t);
    assert.equal(row?.status, 'failed');
    assert.equal(row?.attempts, MAIL_MAX_ATTEMPTS);
    t.clock.advanceMs(24 * 60 * 60_000);
    assert.equal((await sendDueMail(t.services, transport, WORKER)).claimed, 0);
  } finally {
    transport?.close();
  }
});

forEachDialect('with no SMTP server configured nothing is sent and messages stay pending', async (t) => {
  await enqueueMail(t.db, t.clock, message(8));
  const result = await sendDueMail(t.services, createMailTransport(undefined), WORKER);
  assert.equal(result.claimed, 0);
  const [row] = await outboxRows(t);
  assert.equal(row?.status, 'pending');
  assert.equal(row?.attempts, 0);
});

test('messages that cannot be sent as they are are refused when queued', async () => {
  const clock = { now: () => new Date() };
  // No database is reached: the check comes first.
  const db = undefined as never;
  for (const to of [
    '',
    'not-an-address',
    'a@b@c.example',
    'x@example.com\r\nBcc: y@example.com',
    'A <a@b.example>',
  ]) {
    await assert.rejects(enqueueMail(db, clock, message(9, { to })), InvalidMailError, to);
  }
  await assert.rejects(enqueueMail(db, clock, message(9, { subject: ' \n ' })), InvalidMailError);
  await assert.rejects(
    enqueueMail(
      db,
      clock,
      message(9, { attachments: [{ filename: '../x.ics', content: '', contentType: 'text/calendar' }] }),
    ),
    InvalidMailError,
  );
});
