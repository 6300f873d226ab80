import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { insertStaff } from '../../people/api.ts';
import { Browser, createTestApp, personaFor } from '../../testing/test-app.ts';
import { dialectsUnderTest } from '../../testing/test-db.ts';
import { systemActor } from '../audit/audit.ts';
import { mailLayout } from '../mail/message.ts';
import { requestPasswordReset, setPasswordFromLink } from './password-links.service.ts';

const linkIn = (text: string) => {
  const m = /http:\/\/localhost:\d+(\/set-password\/[A-Za-z0-9_-]+)/.exec(text);
  if (!m) throw new Error(`no link in: ${text}`);
  return m[1]!;
};

for (const dialect of dialectsUnderTest()) {
  describe(`password links [${dialect}]`, () => {
    test('an admin invites a newly imported person; the emailed link sets their password once, then they sign in', async () => {
      const t = await createTestApp(dialect);
      try {
        await insertStaff(t.db, t.clock.now().toISOString(), {
          id: 'new-person',
          staffNumber: 'N9',
          email: 'new.person@calderbrook.example',
          name: 'New Person',
          jobTitle: 'Social Worker',
          roles: ['practitioner'],
        });

        const admin = new Browser(t.app);
        await admin.signIn(personaFor('system-admin').email);
        const _csrf = await admin.csrfFrom('/staff/new-person');
        const sent = await admin.post('/staff/new-person/invite', { _csrf });
        assert.equal(sent.statusCode, 303);
        assert.match(
          (await admin.get('/staff/new-person')).body,
          /invitation to set a password has been emailed to new.person@calderbrook.example/,
        );

        const mail = await t.db
          .selectFrom('outbox')
          .selectAll()
          .where('to_address', '=', 'new.person@calderbrook.example')
          .executeTakeFirstOrThrow();
        assert.match(mail.subject, /Your access/);
        const link = linkIn(mail.text_body);
        const tokens = await t.db.selectFrom('password_tokens').select('id').execute();
        assert.ok(!tokens.some((x) => link.endsWith(x.id)), 'only a hash of the token is stored');

        const person = new Browser(t.app);
        const form = await person.get(link);
        assert.equal(form.statusCode, 200);
        const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
        const short = await person.post(link, { _csrf: csrf, password: 'short', confirm: 'short' });
        assert.equal(short.statusCode, 422);
        assert.match(short.body, /at least 12 characters/);
        const mismatch = await person.post(link, {
          _csrf: csrf,
          password: 'correct horse battery',
          confirm: 'correct horse battery!',
        });
        assert.match(mismatch.body, /do not match/);
        const ok = await person.post(link, {
          _csrf: csrf,
          password: 'correct horse battery',
          confirm: 'correct horse battery',
        });
        assert.equal(ok.statusCode, 303);
        assert.equal(ok.headers.location, '/sign-in?passwordSet=1');

        const reused = await person.get(link);
        assert.equal(reused.statusCode, 410, 'a link works once');
        const signed = await person.signIn('new.person@calderbrook.example', 'correct horse battery');
        assert.equal(signed.statusCode, 303);
      } finally {
        await t.drop();
      }
    });

    test('forgotten password: the same answer for any address; a link only for a real, active account; it expires after an hour', async () => {
      const t = await createTestApp(dialect);
      try {
        const b = new Browser(t.app);
        const _csrf = await b.csrfFrom('/forgotten-password');
        const unknown = await b.post('/forgotten-password', { _csrf, email: 'nobody@calderbrook.example' });
        const known = await b.post('/forgotten-password', {
          _csrf,
          email: personaFor('practitioner').email.toUpperCase(),
        });
        assert.equal(unknown.statusCode, 200);
        assert.equal(known.statusCode, 200);
        const main = (html: string) => /<main[\s\S]*<\/main>/.exec(html)![0];
        assert.equal(
          main(unknown.body).replace('nobody@calderbrook.example', 'X'),
          main(known.body).replace('AMINA.HUSSAIN@CALDERBROOK.EXAMPLE', 'X'),
        );
        const mails = await t.db.selectFrom('outbox').selectAll().execute();
        assert.equal(mails.length, 1);
        assert.equal(mails[0]!.to_address, personaFor('practitioner').email);
        const link = linkIn(mails[0]!.text_body);
        t.clock.advanceMs(61 * 60_000);
        assert.equal((await b.get(link)).statusCode, 410);
      } finally {
        await t.drop();
      }
    });

    test('two posts of the same link at once: exactly one sets the password', async () => {
      const t = await createTestApp(dialect);
      try {
        const ctx = { db: t.db, clock: t.clock, ...mailLayout(t.services.config) };
        await requestPasswordReset(ctx, systemActor(), personaFor('ld-admin').email);
        const mail = await t.db.selectFrom('outbox').select('text_body').executeTakeFirstOrThrow();
        const token = linkIn(mail.text_body).split('/').pop()!;
        const results = await Promise.allSettled(
          ['first racer passphrase', 'second racer passphrase'].map((p) =>
            setPasswordFromLink(t.db, t.clock, systemActor(), token, p),
          ),
        );
        assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
        const audits = await t.db
          .selectFrom('audit_log')
          .select('id')
          .where('summary', '=', 'Set their password from an emailed link')
          .execute();
        assert.equal(audits.length, 1);
      } finally {
        await t.drop();
      }
    });

    test("setting a password ends the person's other sessions and lifts a lockout", async () => {
      const t = await createTestApp(dialect);
      try {
        const email = personaFor('psw').email;
        const elsewhere = new Browser(t.app);
        await elsewhere.signIn(email);
        await t.db
          .updateTable('staff')
          .set({ locked_until: '2099-01-01T00:00:00.000Z' })
          .where('email', '=', email)
          .execute();
        const b = new Browser(t.app);
        await b.post('/forgotten-password', { _csrf: await b.csrfFrom('/forgotten-password'), email });
        const mail = await t.db.selectFrom('outbox').select('text_body').executeTakeFirstOrThrow();
        const link = linkIn(mail.text_body);
        const csrf = await b.csrfFrom(link);
        await b.post(link, {
          _csrf: csrf,
          password: 'a brand new passphrase',
          confirm: 'a brand new passphrase',
        });
        assert.equal((await elsewhere.get('/')).statusCode, 303, 'the old session has ended');
        assert.equal((await b.signIn(email, 'a brand new passphrase')).statusCode, 303);
      } finally {
        await t.drop();
      }
    });
  });
}

test('a signed-in person changes their password: the current one is checked, other sessions end, this one carries on', async () => {
  const t = await createTestApp('sqlite');
  try {
    const email = personaFor('team-manager').email;
    const elsewhere = new Browser(t.app);
    await elsewhere.signIn(email);
    const b = new Browser(t.app);
    await b.signIn(email);
    const _csrf = await b.csrfFrom('/account/password');
    const wrong = await b.post('/account/password', {
      _csrf,
      current: 'not it',
      password: 'a fresh passphrase',
      confirm: 'a fresh passphrase',
    });
    assert.equal(wrong.statusCode, 303);
    const shown = await b.get('/account/password');
    assert.match(shown.body, /Your current password is not right/);
    assert.doesNotMatch(shown.body, /a fresh passphrase/, 'passwords are not kept for the form');
    const ok = await b.post('/account/password', {
      _csrf,
      current: 'practice-hub-demo',
      password: 'a fresh passphrase',
      confirm: 'a fresh passphrase',
    });
    assert.equal(ok.headers.location, '/');
    assert.equal((await b.get('/')).statusCode, 200, 'this session carries on');
    assert.equal((await elsewhere.get('/')).statusCode, 303, 'the other session has ended');
    assert.equal((await new Browser(t.app).signIn(email, 'a fresh passphrase')).statusCode, 303);
  } finally {
    await t.drop();
  }
});
