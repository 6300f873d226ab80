import assert from 'node:assert/strict';
import { test } from 'node:test';
import { enqueueMail } from '../platform/mail/outbox.ts';
import { createMailTransport, sendDueMail } from '../platform/mail/sender.ts';
import { startSmtpServer } from '../platform/mail/smtp-test-server.ts';
import { Browser, createTestApp, personaFor, type TestApp } from '../testing/test-app.ts';
import { dialectsUnderTest } from '../testing/test-db.ts';

async function withAdmin(fn: (t: TestApp, browser: Browser) => Promise<void>) {
  const t = await createTestApp('sqlite');
  try {
    const browser = new Browser(t.app);
    const signedIn = await browser.signIn(personaFor('system-admin').email);
    assert.equal(signedIn.statusCode, 303);
    await fn(t, browser);
  } finally {
    await t.drop();
  }
}

const queue = async (t: TestApp, n: number, extra: { subject?: string; text?: string } = {}) => {
  const id = await enqueueMail(t.db, t.clock, {
    to: `person${n}@calderbrook.example`,
    subject: extra.subject ?? `Message ${n}`,
    text: extra.text ?? `Text of message ${n}`,
  });
  t.clock.advanceMs(1000);
  return id;
};

test('the outbox lists messages newest first with their status, and says mail is off', async () => {
  await withAdmin(async (t, browser) => {
    const failed = await queue(t, 1);
    await queue(t, 2);
    await t.db
      .updateTable('outbox')
      .set({ status: 'failed', attempts: 10, last_error: 'ESOCKET: connect ECONNREFUSED' })
      .where('id', '=', failed)
      .execute();

    const res = await browser.get('/admin/outbox');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Email is not being sent/);
    assert.ok(res.body.indexOf('Message 2') < res.body.indexOf('Message 1'), 'newest first');
    assert.match(res.body, /<caption[^>]*>\s*All messages, newest first\s*<\/caption>/);
    assert.match(res.body, /govuk-tag--red">Failed</);
    assert.match(res.body, /govuk-tag--grey">Waiting</);
    assert.match(res.body, /ESOCKET: connect ECONNREFUSED/);
    assert.match(res.body, /Failed \(1\)/);
    assert.doesNotMatch(res.body, /style="/);

    const onlyFailed = await browser.get('/admin/outbox?status=failed');
    assert.match(onlyFailed.body, /Message 1/);
    assert.doesNotMatch(onlyFailed.body, /Message 2/);
    assert.match(onlyFailed.body, /aria-current="page" href="\/admin\/outbox\?status=failed"/);
  });
});

test('the outbox pages in fifties', async () => {
  await withAdmin(async (t, browser) => {
    for (let n = 1; n <= 51; n++) await queue(t, n);
    const first = await browser.get('/admin/outbox');
    assert.match(first.body, /page 1 of 2/);
    assert.match(first.body, /Message 51</);
    assert.doesNotMatch(first.body, /Message 1</);
    assert.match(first.body, /href="\/admin\/outbox\?page=2"/);
    const second = await browser.get('/admin/outbox?page=2');
    assert.match(second.body, /Message 1</);
    assert.doesNotMatch(second.body, /Message 2</);
  });
});

test('one message shows its text, escaped, and viewing it is audited', async () => {
  await withAdmin(async (t, browser) => {
    const id = await queue(t, 1, { subject: 'Your place <confirmed>', text: 'Line one\nLine <two>' });
    const res = await browser.get(`/admin/outbox/${id}`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Your place &lt;confirmed&gt;/);
    assert.match(res.body, /Line one<br \/>\s*Line &lt;two&gt;/);
    assert.match(res.body, /person1@calderbrook\.example/);
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('record_type', '=', 'outbox-message')
      .where('record_id', '=', id)
      .execute();
    assert.equal(audit.length, 1);

    assert.equal((await browser.get('/admin/outbox/no-such-message')).statusCode, 404);
  });
});

test('only system admins may see the outbox', async () => {
  const t = await createTestApp('sqlite');
  try {
    const browser = new Browser(t.app);
    await browser.signIn(personaFor('practitioner').email);
    assert.equal((await browser.get('/admin/outbox')).statusCode, 403);
  } finally {
    await t.drop();
  }
});

test('a failed email can be put back in the queue by a system admin, and the retry is audited', async () => {
  const t = await createTestApp('sqlite');
  try {
    const id = await enqueueMail(t.db, t.clock, {
      to: 'someone@calderbrook.example',
      subject: 'Gave up',
      text: 'x',
    });
    await t.db
      .updateTable('outbox')
      .set({ status: 'failed', attempts: 10, last_error: 'ECONNREFUSED' })
      .where('id', '=', id)
      .execute();
    const b = new Browser(t.app);
    await b.signIn(personaFor('system-admin').email);
    const page = await b.get(`/admin/outbox/${id}`);
    assert.match(page.body, /Try sending it again/);
    const _csrf = await b.csrfFrom(`/admin/outbox/${id}`);
    assert.equal((await b.post(`/admin/outbox/${id}/retry`, { _csrf })).statusCode, 303);
    const row = await t.db
      .selectFrom('outbox')
      .select(['status', 'attempts', 'last_error'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { status: 'pending', attempts: 0, last_error: null });
    assert.equal(
      (await b.post(`/admin/outbox/${id}/retry`, { _csrf })).statusCode,
      404,
      'only a failed message can be retried',
    );
    const audit = await t.db
      .selectFrom('audit_log')
      .select('summary')
      .where('record_id', '=', id)
      .where('action', '=', 'update')
      .execute();
    assert.equal(audit.length, 1);
  } finally {
    await t.drop();
  }
});

for (const dialect of dialectsUnderTest())
  test(`no usable one-time link at rest: hidden while waiting, cut out once sent; the emailed one works [${dialect}]`, async () => {
    // Rule (issue 11, item 10): once a message is sent no usable set-password link remains readable in
    // the database, and pending ones are not shown to anyone (in any environment).
    for (const env of ['production', 'development'] as const) {
      const t = await createTestApp(dialect, { env });
      const smtp = await startSmtpServer();
      const transport = createMailTransport(smtp.url);
      try {
        const admin = new Browser(t.app);
        await admin.signIn(personaFor('system-admin').email);
        const practitioner = await t.db
          .selectFrom('staff')
          .select('id')
          .where('email', '=', personaFor('practitioner').email)
          .executeTakeFirstOrThrow();
        await admin.post(`/staff/${practitioner.id}/invite`, {
          _csrf: await admin.csrfFrom(`/staff/${practitioner.id}`),
        });
        const pending = await t.db.selectFrom('outbox').select('id').executeTakeFirstOrThrow();
        const waiting = await admin.get(`/admin/outbox/${pending.id}`);
        assert.equal(waiting.statusCode, 200);
        assert.doesNotMatch(waiting.body, /set-password\//, `${env}: no link on the page while it waits`);
        assert.match(waiting.body, /holds a one-time link that only its recipient may use/);

        assert.equal((await sendDueMail(t.services, transport, 'w')).sent, 1);
        const row = await t.db
          .selectFrom('outbox')
          .selectAll()
          .where('id', '=', pending.id)
          .executeTakeFirstOrThrow();
        assert.equal(row.status, 'sent');
        assert.equal(row.secrets, null, 'the secret is gone from its column');
        const received = smtp.received[0]!.raw.replace(/=\r?\n/g, '');
        const emailed = /\/set-password\/([A-Za-z0-9_-]{20,})/.exec(received)?.[1];
        assert.ok(emailed, 'the email carries the link');
        // Every column of the stored row: the token is nowhere, in text or HTML.
        assert.ok(!JSON.stringify(row).includes(emailed), 'the token is not in the stored row');
        const stored = /\/set-password\/([A-Za-z0-9_-]+)/.exec(row.text_body)?.[1];
        assert.ok(stored, 'the stored text still says where the link was');
        assert.ok(row.html_body && !row.html_body.includes(emailed));

        const person = new Browser(t.app);
        assert.equal(
          (await person.get(`/set-password/${stored}`)).statusCode,
          410,
          'the link from the database does not work',
        );
        assert.equal(
          (await person.get(`/set-password/${emailed}`)).statusCode,
          200,
          'the link in the email does',
        );
        const sentPage = await admin.get(`/admin/outbox/${pending.id}`);
        assert.doesNotMatch(sentPage.body, new RegExp(emailed));
        assert.match(sentPage.body, /Choose your password/, 'a sent message can be read, without its link');
      } finally {
        transport?.close();
        await smtp.close();
        await t.drop();
      }
    }
  });
