import assert from 'node:assert/strict';
import { nextAttemptDelayMs } from '../platform/mail/backoff.ts';
import { createMailTransport, sendDueMail } from '../platform/mail/sender.ts';
import { freePort, startSmtpServer } from '../platform/mail/smtp-test-server.ts';
import { forEachDialect } from '../testing/test-db.ts';
import { bookPlace } from './booking.service.ts';
import { makeSession, makeStaff, tester } from './test-fixtures.ts';

forEachDialect(
  'with SMTP down the booking stands; its confirmation and invite wait, then arrive as an Outlook invite',
  async (t) => {
    const port = await freePort();
    const transport = createMailTransport(`smtp://127.0.0.1:${port}`);
    let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
    try {
      const [a] = await makeStaff(t.db, 1);
      const { sessionId } = await makeSession(t.db, { capacity: 2 });
      const out = await bookPlace(
        { db: t.db, dialect: t.dialect, clock: t.clock, config: t.services.config },
        tester,
        sessionId,
        a!,
      );
      assert.equal(out.status, 'booked');
      const down = await sendDueMail(t.services, transport, 'w1');
      assert.equal(down.sent, 0);
      const booking = await t.db
        .selectFrom('lrn_bookings')
        .select('status')
        .where('id', '=', out.bookingId)
        .executeTakeFirstOrThrow();
      assert.equal(booking.status, 'booked', 'the booking stands');

      smtp = await startSmtpServer(port);
      t.clock.advanceMs(nextAttemptDelayMs(1));
      assert.equal((await sendDueMail(t.services, transport, 'w1')).sent, 1);
      const raw = smtp.received[0]!.raw;
      assert.match(raw, /^Subject: Booked: Motivational interviewing\r$/m);
      // What makes Outlook show Accept/Decline: a text/calendar part whose method matches the file's METHOD.
      assert.match(raw, /Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
      assert.match(raw, /METHOD:REQUEST/);
      assert.match(raw, /BEGIN:VTIMEZONE/);
    } finally {
      transport?.close();
      await smtp?.close();
    }
  },
);
