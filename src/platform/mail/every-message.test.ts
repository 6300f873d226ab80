import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { overdueMessage } from '../../complaints/reminders.presenter.ts';
import { bookPlace } from '../../learning/booking.service.ts';
import { notifyPlace } from '../../learning/notify.ts';
import type { PlaceMessage } from '../../learning/place-mail.presenter.ts';
import { datesAddedMessage } from '../../learning/place-message.presenter.ts';
import { elearningReminderMail } from '../../learning/reminders.presenter.ts';
import { makeSession, makeStaff, tester } from '../../learning/test-fixtures.ts';
import { createTestDb, dialectsUnderTest } from '../../testing/test-db.ts';
import { systemActor } from '../audit/audit.ts';
import { requestPasswordReset, sendInvitation } from '../auth/password-links.service.ts';
import { findPython, runPython } from '../python.ts';
import { composeMessage, mailLayout } from './message.ts';
import { enqueueMail } from './outbox.ts';
import { createMailTransport, sendDueMail } from './sender.ts';
import { startSmtpServer } from './smtp-test-server.ts';

/**
 * Rules (issue 10, items 5 and 6): every kind of message the Hub sends —
 * listed here by name — arrives as multipart/alternative with a text/plain
 * and a text/html part (Python's email package in strict mode reads the raw
 * MIME the loopback SMTP server received), the HTML says its lang and has no
 * remote image, and every link in either part is absolute, from BASE_URL
 * (served under a path here, so a link that forgot it fails too).
 */
const PLACE_KINDS: PlaceMessage[] = [
  'booked',
  'requested',
  'waitlisted',
  'promoted',
  'offered',
  'approved',
  'declined',
  'cancelled',
  'session-changed',
  'session-cancelled',
  'reminder',
  'evaluation',
];
const EVERY_MESSAGE = [
  ...PLACE_KINDS.map((k) => `learning: ${k}`),
  'learning: dates added',
  'learning: e-learning never done',
  'learning: e-learning run out',
  'learning: e-learning running out',
  'auth: invitation to set a password',
  'auth: password reset',
  'complaints: overdue stages',
];

const BASE = 'https://hub.calderbrook.example/hub';

const READ = String.raw`
import sys, json, base64, email, email.policy, re
from html.parser import HTMLParser

class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = None; self.imgs = []; self.hrefs = []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html": self.lang = a.get("lang")
        if tag == "img": self.imgs.append(a.get("src"))
        if "href" in a: self.hrefs.append(a["href"])
        if "src" in a and tag != "img": self.imgs.append(a["src"])
        if "background" in a: self.imgs.append(a["background"])

out = []
for raw in json.load(sys.stdin):
    msg = email.message_from_bytes(base64.b64decode(raw), policy=email.policy.strict)
    leaves = [p for p in msg.walk() if not p.is_multipart()]
    alt = next(p for p in msg.walk() if p.get_content_type() == "multipart/alternative")
    text = next(p for p in leaves if p.get_content_type() == "text/plain").get_content()
    html = next(p for p in leaves if p.get_content_type() == "text/html").get_content()
    page = Page(); page.feed(html)
    out.append({
        "subject": msg["Subject"],
        "type": msg.get_content_type(),
        "alternatives": [p.get_content_type() for p in alt.iter_parts()],
        "calendar_methods": [p.get_param("method") for p in alt.iter_parts() if p.get_content_type() == "text/calendar"],
        "lang": page.lang, "imgs": page.imgs, "hrefs": page.hrefs,
        "css_urls": re.findall(r"url\(", html),
        "text": text,
    })
print(json.dumps(out))
`;
const py = findPython();

/** Every link in a text part: URLs, and anything that looks like a bare path. */
const relativeInText = (text: string) =>
  text.match(/(?:^|[\s(:])\/(?!\/)[A-Za-z0-9][^\s]*/gm)?.map((s) => s.trim()) ?? [];

for (const dialect of dialectsUnderTest())
  test(`every kind of message the Hub sends has both parts, lang, no remote image and only absolute links [${dialect}]`, {
    skip: py.skip,
  }, async () => {
    const t = await createTestDb(dialect);
    const smtp = await startSmtpServer();
    const transport = createMailTransport(smtp.url);
    try {
      t.services.config = { ...t.services.config, baseUrl: BASE };
      const services = t.services;
      const layout = mailLayout(services.config);
      const [a, b] = await makeStaff(t.db, 2);
      const { sessionId } = await makeSession(t.db, {
        capacity: 4,
        session: { onlineLink: 'https://meet.example/room-1' },
      });
      // Each message a second after the last, so the sender sends them in this order.
      const tick = () => t.clock.advanceMs(1000);
      const booked = await bookPlace(services, tester, sessionId, a!);
      tick();
      // The message bookPlace sent is "learning: booked"; the rest are sent for the same place.
      for (const kind of PLACE_KINDS.filter((k) => k !== 'booked'))
        await t.db
          .transaction()
          .execute((trx) =>
            notifyPlace(trx, services, kind, booked.bookingId, {
              position: 2,
              offerExpiresAt: '2026-12-01T12:00:00.000Z',
            }),
          )
          .then(tick);
      const person = await t.db
        .selectFrom('staff')
        .select(['name', 'email'])
        .where('id', '=', b!)
        .executeTakeFirstOrThrow();
      const templates = [
        datesAddedMessage(
          person,
          { title: 'Court skills' },
          `/learning/sessions/${sessionId}`,
          'Tuesday 1 December 2026',
          'Learning and Development',
        ),
        elearningReminderMail(person, 'Safeguarding', { kind: 'never' }),
        elearningReminderMail(person, 'Safeguarding', { kind: 'expired', since: '2026-10-01' }),
        elearningReminderMail(person, 'Safeguarding', { kind: 'due-soon', until: '2026-12-20' }),
      ];
      for (const c of templates) {
        await enqueueMail(t.db, t.clock, await composeMessage(c, layout));
        tick();
      }
      const links = { db: t.db, clock: t.clock, ...layout };
      await sendInvitation(links, systemActor(), b!);
      tick();
      await requestPasswordReset(links, systemActor(), person.email);
      tick();
      await enqueueMail(
        t.db,
        t.clock,
        await composeMessage(
          overdueMessage(person, [
            { id: 'c1', reference: 'C-2026-001', stage: 1, due_on: '2026-11-20' },
            { id: 'c2', reference: 'C-2026-002', stage: 2, due_on: null },
          ]),
          layout,
        ),
      );

      let sent = 0;
      for (let i = 0; i < 5; i++)
        sent += (await sendDueMail(services, transport, 'w', { batchSize: 50 })).sent;
      assert.equal(sent, EVERY_MESSAGE.length, `one message for each of: ${EVERY_MESSAGE.join(', ')}`);
      const read = runPython(
        py.python!,
        READ,
        JSON.stringify(smtp.received.map((r) => Buffer.from(r.raw, 'utf8').toString('base64'))),
      ) as {
        subject: string;
        type: string;
        alternatives: string[];
        calendar_methods: string[];
        lang: string | null;
        imgs: string[];
        hrefs: string[];
        css_urls: string[];
        text: string;
      }[];

      for (const [i, m] of read.entries()) {
        const name = `${EVERY_MESSAGE[i]} ("${m.subject}")`;
        // A message without an invitation is multipart/alternative; one with an invitation is nodemailer's
        // layout for Outlook: multipart/mixed holding that alternative (plain, HTML, the text/calendar
        // invitation with its METHOD) and the same .ics as a file.
        assert.equal(m.type, m.calendar_methods.length ? 'multipart/mixed' : 'multipart/alternative', name);
        assert.deepEqual(
          m.alternatives.slice(0, 2),
          ['text/plain', 'text/html'],
          `${name}: plain text, then HTML`,
        );
        assert.equal(m.lang, 'en-GB', `${name}: lang`);
        assert.deepEqual(m.imgs, [], `${name}: no images at all, so none is remote`);
        assert.deepEqual(m.css_urls, [], `${name}: no background images`);
        assert.ok(m.hrefs.length > 0, `${name}: has links`);
        for (const href of m.hrefs)
          assert.ok(
            href.startsWith(`${BASE}/`) || /^https:\/\/meet\.example\//.test(href),
            `${name}: ${href}`,
          );
        assert.deepEqual(relativeInText(m.text), [], `${name}: no relative link in the text part`);
        for (const url of m.text.match(/https?:\/\/\S+/g) ?? [])
          assert.ok(url.startsWith(`${BASE}/`) || url.startsWith('https://meet.example/'), `${name}: ${url}`);
      }
      // The subjects match the list, so a message missing from it shows up here.
      assert.match(read[0]!.subject, /^Booked:/);
      assert.match(read[PLACE_KINDS.length + 4]!.subject, /^Your access/);
      assert.match(read[PLACE_KINDS.length + 5]!.subject, /^Reset your/);
      assert.match(read.at(-1)!.subject, /past the statutory timescale/);
    } finally {
      transport?.close();
      await smtp.close();
      await t.drop();
    }
  });

/** Every .ts file under src/ that is not a test. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return file.endsWith('.ts') && !file.endsWith('.test.ts') ? [file] : [];
  });
}

test('nothing sends mail around composeMessage: every file that queues a message composes it', () => {
  const src = path.resolve(import.meta.dirname, '../..');
  const senders = sourceFiles(src).filter((f) => /\benqueueMail\(/.test(readFileSync(f, 'utf8')));
  const outbox = path.join(src, 'platform/mail/outbox.ts');
  const bypass = senders.filter((f) => f !== outbox && !/\bcomposeMessage\(/.test(readFileSync(f, 'utf8')));
  assert.deepEqual(
    bypass.map((f) => path.relative(src, f)),
    [],
    'files that queue mail without composeMessage',
  );
  assert.ok(senders.length >= 6, 'the senders were found');
});
