import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { systemActor } from '../platform/audit/audit.ts';
import { createMailTransport, sendDueMail } from '../platform/mail/sender.ts';
import { freePort, startSmtpServer } from '../platform/mail/smtp-test-server.ts';
import type { Principal } from '../platform/policy/roles.ts';
import { findPython, runPython } from '../platform/python.ts';
import type { Services } from '../platform/services.ts';
import { createTestApp, personaFor, type TestApp } from '../testing/test-app.ts';
import { dialectsUnderTest } from '../testing/test-db.ts';
import { addArticleAsEditor, createEdition, saveEditionDetails } from './editions.service.ts';
import { setArticleImage } from './images.service.ts';
import { deliverEdition, publishNow, testSend } from './sending.service.ts';

const actor = systemActor('test');

async function principalOf(t: TestApp, email: string): Promise<Principal> {
  const s = await t.db
    .selectFrom('staff')
    .leftJoin('teams', 'teams.id', 'staff.team_id')
    .select(['staff.id', 'staff.name', 'staff.email', 'staff.team_id', 'teams.service_id'])
    .where('staff.email', '=', email)
    .executeTakeFirstOrThrow();
  const roles = await t.db.selectFrom('staff_roles').select('role').where('staff_id', '=', s.id).execute();
  return {
    id: s.id,
    name: s.name,
    email: s.email,
    roles: roles.map((r) => r.role) as Principal['roles'],
    teamId: s.team_id,
    serviceId: s.service_id ?? null,
  };
}

/** A new edition for the month after the demo's, going to one team. */
async function editionForTeam(t: TestApp, services: Services, team: string) {
  const psw = await principalOf(t, personaFor('psw').email);
  const teamId = (
    await t.db.selectFrom('teams').select('id').where('name', '=', team).executeTakeFirstOrThrow()
  ).id;
  const month = '2099-01';
  const id = await createEdition(services, actor, psw, {
    month,
    welcome: 'Welcome to the test edition.',
    signOff: 'Helen',
  });
  await addArticleAsEditor(services, actor, psw, id, {
    kind: 'article',
    title: 'Closing the loop',
    body: 'Read **this** and [the guidance](/standards).',
    mustRead: true,
  });
  await saveEditionDetails(services, actor, psw, id, {
    welcome: 'Welcome to the test edition.',
    signOff: 'Helen',
    trainingFrom: '2026-11-01',
    trainingTo: '2027-02-28',
    distribution: { kind: 'teams', ids: [teamId] },
  });
  const people = await t.db
    .selectFrom('staff')
    .select('email')
    .where('team_id', '=', teamId)
    .where('active', '=', 1)
    .where('left_on', 'is', null)
    .execute();
  return { id, psw, emails: people.map((p) => p.email).sort() };
}

const READ = `
import sys, json, email, email.policy
msg = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.strict)
parts = [p for p in msg.walk() if not p.is_multipart()]
text = next(p for p in parts if p.get_content_type() == "text/plain").get_content()
html = next(p for p in parts if p.get_content_type() == "text/html").get_content()
print(json.dumps({"type": msg.get_content_type(), "subject": msg["Subject"], "parts": [p.get_content_type() for p in parts], "text": text, "html": html}))
`;

// Every picture in the HTML part, with its address, alt text and width attribute (Outlook sizes by it).
const READ_IMAGES = String.raw`
import sys, json, email, email.policy
from html.parser import HTMLParser
class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.imgs = []
    def handle_starttag(self, tag, attrs):
        if tag == "img":
            a = dict(attrs)
            self.imgs.append({"src": a.get("src"), "alt": a.get("alt"), "width": a.get("width")})
msg = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.strict)
parts = [p for p in msg.walk() if not p.is_multipart()]
html = next(p for p in parts if p.get_content_type() == "text/html").get_content()
text = next(p for p in parts if p.get_content_type() == "text/plain").get_content()
page = Page(); page.feed(html)
print(json.dumps({"imgs": page.imgs, "text": text}))
`;

for (const dialect of dialectsUnderTest()) {
  describe(`sending the bulletin [${dialect}]`, () => {
    test('a real SMTP server receives the edition once per recipient, also when it is down part of the way', async () => {
      const t = await createTestApp(dialect, { baseUrl: 'https://hub.calderbrook.example/practice' });
      const port = await freePort();
      const transport = createMailTransport(`smtp://127.0.0.1:${port}`);
      let smtp = await startSmtpServer(port);
      try {
        const { id, psw, emails } = await editionForTeam(t, t.services, 'Assessment Team 1');
        assert.ok(emails.length >= 4, 'the team has people');
        const n = await publishNow(t.services, actor, psw, id);
        assert.equal(n, emails.length);
        assert.equal(await deliverEdition(t.services, id), emails.length);
        // Running it again (a retried job, a second worker) queues nobody twice.
        assert.equal(await deliverEdition(t.services, id), 0);

        const first = await sendDueMail(t.services, transport, 'w1', { batchSize: 2 });
        assert.equal(first.sent, 2);
        await smtp.close();
        const down = await sendDueMail(t.services, transport, 'w1', { batchSize: 2 });
        assert.equal(down.sent, 0);
        smtp = await startSmtpServer(port);
        for (let i = 0; i < 20; i++) {
          t.clock.advanceMs(60 * 60_000);
          await sendDueMail(t.services, transport, 'w1');
        }
        const got = smtp.received.flatMap((r) => r.to);
        assert.equal(got.length + 2, emails.length, 'everyone else got it after the server came back');
        const rows = await t.db
          .selectFrom('bulletin_deliveries')
          .select('staff_id')
          .where('edition_id', '=', id)
          .execute();
        assert.equal(rows.length, emails.length);
        const sent = await t.db
          .selectFrom('outbox')
          .select(['to_address', 'status'])
          .where('subject', '=', 'January 2099 Practice and Learning Bulletin')
          .execute();
        assert.deepEqual(sent.map((s) => s.to_address).sort(), emails);
        assert.ok(sent.every((s) => s.status === 'sent'));

        // What arrived reads, in strict MIME, as two parts with absolute links and inlined CSS.
        const py = findPython();
        if (!py.python) return;
        const m = runPython(py.python, READ, smtp.received[0]!.raw) as {
          type: string;
          subject: string;
          parts: string[];
          text: string;
          html: string;
        };
        assert.equal(m.type, 'multipart/alternative');
        assert.deepEqual(m.parts, ['text/plain', 'text/html']);
        assert.match(m.text, /Closing the loop/);
        assert.match(m.text, /Read this and the guidance/);
        assert.match(m.text, new RegExp(`https://hub\\.calderbrook\\.example/practice/bulletin/${id}`));
        assert.match(
          m.html,
          new RegExp(`href="https://hub\\.calderbrook\\.example/practice/bulletin/${id}"`),
        );
        for (const href of m.html.matchAll(/href="([^"]+)"/g)) assert.match(href[1]!, /^(https:|mailto:)/);
        assert.match(m.html, /style="[^"]+"/, 'styles are inlined on the elements');
        assert.doesNotMatch(m.html, /<img/i, 'no tracking pixel, no image');
        assert.match(m.text, /Training available/);
      } finally {
        transport?.close();
        await smtp.close();
        await t.drop();
      }
    });

    test('an article’s image reaches the email by an absolute address on the Hub, with its alt text; the message reads without it', {
      skip: findPython().skip,
    }, async () => {
      const t = await createTestApp(dialect, { baseUrl: 'https://hub.calderbrook.example/practice' });
      const smtp = await startSmtpServer();
      const transport = createMailTransport(smtp.url);
      try {
        const { id, psw, emails } = await editionForTeam(t, t.services, 'Assessment Team 1');
        const article = await t.db
          .selectFrom('bulletin_articles')
          .select('id')
          .where('edition_id', '=', id)
          .executeTakeFirstOrThrow();
        const bytes = readFileSync(
          path.join(import.meta.dirname, '../platform/files/fixtures/pillow-photo.jpg'),
        );
        const alt = 'A gradient from near-black to blue with a white ring in the middle';
        await setArticleImage(t.services, actor, psw, id, article.id, {
          file: { filename: 'ring.jpg', bytes },
          alt,
          caption: 'Drawn for the test',
          correction: '',
        });
        await publishNow(t.services, actor, psw, id);
        await deliverEdition(t.services, id);
        await sendDueMail(t.services, transport, 'w1');
        const mine = smtp.received.filter((r) => emails.includes(r.to[0]!));
        assert.equal(mine.length, emails.length);
        const messages = mine.map(
          (r) =>
            runPython(findPython().python!, READ_IMAGES, r.raw) as {
              imgs: { src: string; alt: string; width: string }[];
              text: string;
            },
        );
        const [m] = messages;
        assert.equal(m!.imgs.length, 1, 'one picture: the article’s, no pixel, no logo');
        const img = m!.imgs[0]!;
        const src = new URL(img.src);
        assert.equal(src.origin, 'https://hub.calderbrook.example');
        assert.match(src.pathname, /^\/practice\/bulletin\/mail-images\/[^/]+\/[A-Za-z0-9_-]{32}$/);
        assert.equal(img.alt, alt);
        assert.equal(img.width, '320', 'its own width, being narrower than the column');
        assert.ok(
          messages.every((x) => x.imgs[0]!.src === img.src),
          'the same address for every reader: fetching it says nothing about who opened the message',
        );
        // With pictures blocked, the words are there: the alt text in the HTML, and in the text part.
        assert.match(m!.text, new RegExp(`\\[Image: ${alt}\\]\\r?\\nDrawn for the test`));
        // A mail program fetches it without signing in; a wrong key finds nothing.
        const path0 = src.pathname.replace(/^\/practice/, '');
        const fetched = await t.app.inject({ method: 'GET', url: path0 });
        assert.equal(fetched.statusCode, 200);
        assert.equal(fetched.headers['content-type'], 'image/jpeg');
        assert.equal(fetched.headers['x-content-type-options'], 'nosniff');
        assert.equal(fetched.headers['cross-origin-resource-policy'], 'cross-origin');
        assert.deepEqual(fetched.rawPayload, bytes);
        const wrong = `${path0.slice(0, -4)}AAAA`;
        assert.equal((await t.app.inject({ method: 'GET', url: wrong })).statusCode, 404);
        const signedInAddress = path0.replace('/mail-images/', '/images/').replace(/\/[^/]+$/, '');
        assert.equal(
          (await t.app.inject({ method: 'GET', url: signedInAddress })).statusCode,
          303,
          'the Hub’s own address needs sign-in',
        );
      } finally {
        transport?.close();
        await smtp.close();
        await t.drop();
      }
    });

    test('a test send goes to the editor alone and publishes nothing; an empty distribution is refused', async () => {
      const t = await createTestApp(dialect);
      try {
        const { id, psw } = await editionForTeam(t, t.services, 'Assessment Team 1');
        await testSend(t.services, actor, psw, id);
        const test = await t.db
          .selectFrom('outbox')
          .select(['to_address', 'subject'])
          .where('subject', 'like', '[Test]%')
          .execute();
        assert.deepEqual(test, [
          { to_address: psw.email, subject: '[Test] January 2099 Practice and Learning Bulletin' },
        ]);
        await saveEditionDetails(t.services, actor, psw, id, {
          welcome: 'Welcome',
          signOff: '',
          trainingFrom: '2099-01-01',
          trainingTo: '2099-02-28',
          distribution: { kind: 'teams', ids: [] },
        });
        await assert.rejects(publishNow(t.services, actor, psw, id), /Nobody is in the distribution/);
        const e = await t.db
          .selectFrom('bulletin_editions')
          .select(['status', 'sent_record'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        assert.deepEqual(e, { status: 'draft', sent_record: null });
      } finally {
        await t.drop();
      }
    });

    if (dialect === 'postgres')
      test('two instances sharing PostgreSQL deliver the edition once to each person', async () => {
        const t = await createTestApp(dialect);
        const second = t.open();
        try {
          const { id, psw, emails } = await editionForTeam(t, t.services, 'Safeguarding Team North');
          await publishNow(t.services, actor, psw, id);
          const other: Services = { ...t.services, db: second.db };
          const [a, b] = await Promise.all([deliverEdition(t.services, id), deliverEdition(other, id)]);
          assert.equal(a + b, emails.length);
          const queued = await t.db
            .selectFrom('outbox')
            .select('to_address')
            .where('subject', '=', 'January 2099 Practice and Learning Bulletin')
            .execute();
          assert.deepEqual(queued.map((q) => q.to_address).sort(), emails);
        } finally {
          await second.close();
          await t.drop();
        }
      });
  });
}
