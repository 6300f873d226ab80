import assert from 'node:assert/strict';
import { test } from 'node:test';
import { enqueueMail } from '../platform/mail/outbox.ts';
import { Browser, createTestApp, personaFor, type TestApp } from '../platform/testing/test-app.ts';

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
