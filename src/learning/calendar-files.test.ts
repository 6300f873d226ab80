import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMailTransport, sendDueMail } from '../platform/mail/sender.ts';
import { startSmtpServer } from '../platform/mail/smtp-test-server.ts';
import { findPython, runPython } from '../platform/python.ts';
import { Browser, createTestApp, personaFor } from '../testing/test-app.ts';
import { createTestDb, dialectsUnderTest } from '../testing/test-db.ts';
import { bookPlace, cancelPlace } from './booking.service.ts';
import { presentFeed } from './feed.presenter.ts';
import { feedDays } from './feed.repo.ts';
import { inviteUid } from './ics.ts';
import { makeSession, makeStaff, tester } from './test-fixtures.ts';

/** Three days, the last with no times: an induction as the seed has it. */
const THREE_DAYS = [
  { day: '2026-12-14', start: '09:30', end: '16:30' },
  { day: '2026-12-15', start: '09:30', end: '16:30' },
  { day: '2026-12-16', start: null, end: null },
];

// Python's email package (strict) and icalendar, reading what the SMTP server received and what the feed says.
const READ_INVITES = String.raw`
import sys, json, base64, email, email.policy
from icalendar import Calendar
out = []
for raw in json.load(sys.stdin):
    msg = email.message_from_bytes(base64.b64decode(raw), policy=email.policy.strict)
    alt = next(p for p in msg.walk() if p.get_content_type() == "multipart/alternative")
    cals = [p for p in alt.iter_parts() if p.get_content_type() == "text/calendar"]
    files = [p for p in msg.walk() if p.get_filename()]
    entry = {"subject": msg["Subject"], "type": msg.get_content_type(),
             "alternatives": [p.get_content_type() for p in alt.iter_parts()],
             "files": [p.get_filename() for p in files], "invites": []}
    for part in cals:
        body = part.get_payload(decode=True)
        cal = Calendar.from_ical(body)
        events = [c for c in cal.walk() if c.name == "VEVENT"]
        entry["invites"].append({
            "content_method": part.get_param("method"),
            "method": str(cal.get("METHOD")),
            "crlf_end": body.endswith(b"\r\n"),
            "events": [{"uid": str(e.get("UID")), "all_day": not hasattr(e.decoded("DTSTART"), "hour"),
                        "status": str(e.get("STATUS"))} for e in events],
        })
    out.append(entry)
print(json.dumps(out))
`;
const READ_FEED = `
import sys, json
from icalendar import Calendar
cal = Calendar.from_ical(sys.stdin.buffer.read())
print(json.dumps([[str(e.get("UID")), e.decoded("DTSTART").isoformat()[:10]] for e in cal.walk() if e.name == "VEVENT"]))
`;
const py = findPython(['icalendar']);

interface ReadInvite {
  subject: string;
  type: string;
  alternatives: string[];
  files: string[];
  invites: {
    content_method: string;
    method: string;
    crlf_end: boolean;
    events: { uid: string; all_day: boolean; status: string }[];
  }[];
}

for (const dialect of dialectsUnderTest()) {
  test(`every day of a multi-day booking arrives as its own invitation Outlook acts on, and so does its cancellation [${dialect}]`, {
    skip: py.skip,
  }, async () => {
    // Rule (issue 10, item 7): one message per day, each with a multipart/alternative holding
    // text/plain, text/html and one text/calendar part (METHOD matching) with one VEVENT, one UID.
    const t = await createTestDb(dialect);
    const smtp = await startSmtpServer();
    const transport = createMailTransport(smtp.url);
    try {
      const [a] = await makeStaff(t.db, 1);
      const { sessionId } = await makeSession(t.db, { capacity: 3, session: { parts: THREE_DAYS } });
      const out = await bookPlace(t.services, tester, sessionId, a!);
      await cancelPlace(t.services, tester, out.bookingId, { byOrganiser: true });
      assert.equal((await sendDueMail(t.services, transport, 'w', { batchSize: 20 })).sent, 6);
      const read = runPython(
        py.python!,
        READ_INVITES,
        JSON.stringify(smtp.received.map((r) => Buffer.from(r.raw, 'utf8').toString('base64'))),
      ) as ReadInvite[];
      const parts = await t.db
        .selectFrom('lrn_session_parts')
        .select('id')
        .where('session_id', '=', sessionId)
        .orderBy('starts_at')
        .execute();
      const uids = parts.map((p) => inviteUid(out.bookingId, p.id));
      for (const method of ['REQUEST', 'CANCEL']) {
        const mine = read.filter((m) => m.invites[0]?.method === method);
        assert.equal(mine.length, 3, `${method}: one message per day`);
        for (const m of mine) {
          assert.equal(m.type, 'multipart/mixed');
          assert.deepEqual(m.alternatives, ['text/plain', 'text/html', 'text/calendar'], m.subject);
          assert.equal(m.invites.length, 1, 'one invitation per message');
          assert.equal(m.invites[0]!.content_method, method, 'the part’s method= matches METHOD');
          assert.equal(m.invites[0]!.events.length, 1, 'one VEVENT: one UID');
          assert.ok(m.invites[0]!.crlf_end);
          assert.equal(m.files.length, 1, 'and the same invitation as an .ics file');
        }
        assert.deepEqual(
          mine.map((m) => m.invites[0]!.events[0]!.uid).sort(),
          [...uids].sort(),
          'every day, each under its own stable UID',
        );
        assert.deepEqual(mine.map((m) => m.subject.match(/\(day (\d) of 3\)$/)?.[1]).sort(), ['1', '2', '3']);
        const third = mine.find((m) => m.invites[0]!.events[0]!.uid === uids[2])!;
        assert.equal(third.invites[0]!.events[0]!.all_day, true, 'the day without times is all-day');
      }
    } finally {
      transport?.close();
      await smtp.close();
      await t.drop();
    }
  });

  test(`the feed holds exactly one event per booked day after any sequence of cancel and rebook [${dialect}]`, {
    skip: py.skip,
  }, async () => {
    const t = await createTestDb(dialect);
    try {
      const [a] = await makeStaff(t.db, 1);
      const { sessionId } = await makeSession(t.db, { capacity: 3, session: { parts: THREE_DAYS } });
      const other = await makeSession(t.db, { capacity: 3, day: '2026-12-21' });
      const feed = async () =>
        runPython(py.python!, READ_FEED, presentFeed(await feedDays(t.db, a!), t.clock.now())) as [
          string,
          string,
        ][];
      await bookPlace(t.services, tester, other.sessionId, a!);
      let booking = '';
      // Book, cancel, rebook, cancel, rebook: after each step, one event per day booked, none for the rest.
      for (const step of ['book', 'cancel', 'book', 'cancel', 'book'] as const) {
        if (step === 'book') booking = (await bookPlace(t.services, tester, sessionId, a!)).bookingId;
        else await cancelPlace(t.services, tester, booking, { byOrganiser: true });
        const events = await feed();
        const days = events.map(([, day]) => day);
        const expected =
          step === 'book' ? ['2026-12-14', '2026-12-15', '2026-12-16', '2026-12-21'] : ['2026-12-21'];
        assert.deepEqual(days, expected, `after ${step}`);
        assert.equal(new Set(events.map(([uid]) => uid)).size, events.length, 'UIDs are unique');
      }
    } finally {
      await t.drop();
    }
  });
}

test('"Add to calendar" on the session page: one .ics per booked day, under the UID of the person’s invite', async () => {
  const t = await createTestApp('sqlite');
  try {
    const me = await t.db
      .selectFrom('staff')
      .select('id')
      .where('email', '=', personaFor('practitioner').email)
      .executeTakeFirstOrThrow();
    const { sessionId } = await makeSession(t.db, { capacity: 3, session: { parts: THREE_DAYS } });
    const b = new Browser(t.app);
    await b.signIn(personaFor('practitioner').email);
    assert.doesNotMatch(
      (await b.get(`/learning/sessions/${sessionId}`)).body,
      /Add day 1/,
      'not before booking',
    );
    await bookPlace(t.services, tester, sessionId, me.id);
    const page = await b.get(`/learning/sessions/${sessionId}`);
    const hrefs = [...page.body.matchAll(/href="(\/learning\/sessions\/[^"]+\/calendar\/[^"]+)"/g)].map(
      (m) => m[1]!,
    );
    assert.equal(hrefs.length, 3, 'one link per day');
    assert.match(page.body, /Add day 3 \((Wednesday )?16 December 2026\) to your calendar/);
    const file = await b.get(hrefs[2]!);
    assert.equal(file.statusCode, 200);
    assert.match(String(file.headers['content-type']), /^text\/calendar/);
    assert.match(
      String(file.headers['content-disposition']),
      /attachment; filename=".+-2026-12-16-day-3\.ics"/,
    );
    assert.ok(file.body.endsWith('\r\n'));
    assert.match(file.body, /^DTSTART;VALUE=DATE:20261216\r$/m, 'the day without times is all-day');
    assert.doesNotMatch(file.body, /^METHOD/m, 'a file to add, not an invitation');
    const mine = /^UID:([^\r]+)/m.exec(file.body)![1]!;
    const booking = await t.db
      .selectFrom('lrn_bookings')
      .select('id')
      .where('session_id', '=', sessionId)
      .executeTakeFirstOrThrow();
    assert.ok(mine.startsWith(`${booking.id}-`), 'my place: the UID of my invite');
    // Someone without a place who opens the address gets the same day under the session's UID, not my booking's.
    const someoneElse = new Browser(t.app);
    await someoneElse.signIn(personaFor('ld-admin').email);
    const theirs = await someoneElse.get(hrefs[2]!);
    assert.equal(theirs.statusCode, 200);
    assert.doesNotMatch(theirs.body, new RegExp(booking.id), 'nothing of my booking');
    assert.match(theirs.body, new RegExp(`^UID:session-${sessionId}-`, 'm'));
  } finally {
    await t.drop();
  }
});
