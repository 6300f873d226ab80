import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { runDueJobs } from '../platform/jobs/jobs.ts';
import { Browser, createTestApp, personaFor } from '../testing/test-app.ts';
import { dialectsUnderTest } from '../testing/test-db.ts';
import { complaintJobs, sendOverdueReminders } from './reminders.ts';

const multipart = (fields: Record<string, string>) => {
  const boundary = '----evidenceTest';
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  return {
    payload: `${parts.join('')}--${boundary}--\r\n`,
    type: `multipart/form-data; boundary=${boundary}`,
  };
};

for (const dialect of dialectsUnderTest())
  describe(`learning and reminders [${dialect}]`, () => {
    test('learning: an action, its owner’s evidence, the loop closed only with evidence, and published anonymised', async () => {
      const t = await createTestApp(dialect, { dataDir: mkdtempSync(path.join(tmpdir(), 'learning-')) });
      try {
        const officer = new Browser(t.app);
        await officer.signIn(personaFor('complaints-officer').email);
        const csrf = await officer.csrfFrom('/complaints');
        const complaint = await t.db
          .selectFrom('complaints')
          .select(['id', 'child_name'])
          .where('status', '=', 'answered')
          .executeTakeFirstOrThrow();
        const made = await officer.post('/lessons/items/new', {
          _csrf: csrf,
          complaintId: complaint.id,
          kind: 'learning point',
          title: 'Explain the plan in plain words',
          detail: 'Families need plans they can read',
          theme: 'communication',
        });
        const url = String(made.headers.location);
        assert.match(url, /^\/lessons\/items\/[0-9a-f-]{36}$/);
        const id = url.split('/').pop()!;

        // Closing with no actions is refused, and so is closing with an action lacking evidence.
        await officer.post(`${url}/close`, { _csrf: csrf });
        assert.match((await officer.get(url)).body, /Add at least one action before closing the loop/);
        const amina = await t.db
          .selectFrom('staff')
          .select('id')
          .where('email', '=', personaFor('practitioner').email)
          .executeTakeFirstOrThrow();
        await officer.post(`${url}/actions`, {
          _csrf: csrf,
          description: 'Rewrite the plan template',
          ownerId: amina.id,
          dueOn: '2026-11-20',
        });
        assert.match((await officer.get(url)).body, /due date cannot be before the item was raised/);
        await officer.post(`${url}/actions`, {
          _csrf: csrf,
          description: 'Rewrite the plan template',
          ownerId: amina.id,
          dueOn: '2026-12-11',
        });
        await officer.post(`${url}/close`, { _csrf: csrf });
        assert.match((await officer.get(url)).body, /One action has no evidence yet/);
        assert.equal(
          (
            await t.db
              .selectFrom('lesson_items')
              .select('closed_on')
              .where('id', '=', id)
              .executeTakeFirstOrThrow()
          ).closed_on,
          null,
        );

        // The owner (a practitioner) adds evidence through the multipart form; nobody else's action is open to her.
        const action = await t.db
          .selectFrom('lesson_actions')
          .select('id')
          .where('item_id', '=', id)
          .executeTakeFirstOrThrow();
        const owner = new Browser(t.app);
        await owner.signIn(personaFor('practitioner').email);
        assert.equal((await owner.get(url)).statusCode, 403);
        const ownerCsrf = await owner.csrfFrom(`/lessons/actions/${action.id}/evidence`);
        const send = (fields: Record<string, string>) => {
          const body = multipart(fields);
          return t.app.inject({
            method: 'POST',
            url: `/lessons/actions/${action.id}/evidence?_csrf=${encodeURIComponent(ownerCsrf)}`,
            headers: {
              cookie: [...owner.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
              'content-type': body.type,
            },
            payload: body.payload,
          });
        };
        await send({ text: '', link: '' });
        assert.match((await owner.get(`/lessons/actions/${action.id}/evidence`)).body, /Enter what changed/);
        await send({
          text: 'The template now has a plain-words summary',
          link: 'https://intranet.example/plans',
        });
        const otherAction = await t.db
          .selectFrom('lesson_actions')
          .select('id')
          .where('owner_id', '!=', amina.id)
          .executeTakeFirstOrThrow();
        assert.equal((await owner.get(`/lessons/actions/${otherAction.id}/evidence`)).statusCode, 403);

        await officer.post(`${url}/close`, { _csrf: csrf });
        assert.match((await officer.get(url)).body, /The loop is closed/);

        // Publishing: a summary naming the child is refused; an anonymised one is shown to everyone.
        const childWord = complaint.child_name.split(' ').find((w) => w.length > 2 && /^[A-Za-z]+$/.test(w))!;
        await officer.post(`${url}/publish`, {
          _csrf: csrf,
          publish: 'yes',
          summary: `What ${childWord} taught us`,
        });
        assert.match((await officer.get(url)).body, /must not name anyone/);
        await officer.post(`${url}/publish`, {
          _csrf: csrf,
          publish: 'yes',
          summary: 'Plans are now written in plain words.',
        });
        const published = await owner.get('/lessons');
        assert.match(published.body, /Plans are now written in plain words\./);
        assert.doesNotMatch(published.body, /Families need plans they can read/);
        assert.doesNotMatch(published.body, new RegExp(complaint.child_name));
      } finally {
        await t.drop();
      }
    });

    test('overdue stages: one reminder per owner through the outbox, and the daily job re-queues itself once', async () => {
      const t = await createTestApp(dialect);
      try {
        const open = await t.db
          .selectFrom('complaints')
          .select('id')
          .where('status', '=', 'answered')
          .executeTakeFirstOrThrow();
        // Make one complaint overdue at Stage 1 with no investigating officer: every complaints officer is told.
        await t.db
          .updateTable('complaints')
          .set({ status: 'open', due_on: '2026-11-20', officer_id: null })
          .where('id', '=', open.id)
          .execute();
        assert.equal(await sendOverdueReminders(t.services), 1);
        const mail = await t.db.selectFrom('outbox').select(['to_address', 'subject', 'text_body']).execute();
        assert.equal(mail.length, 1);
        assert.equal(mail[0]!.to_address, personaFor('complaints-officer').email);
        assert.match(mail[0]!.subject, /A complaint is past the statutory timescale/);
        assert.doesNotMatch(mail[0]!.text_body, /Child|Mrs|Mr /);

        complaintJobs.register();
        await complaintJobs.schedule(t.services);
        await complaintJobs.schedule(t.services);
        assert.equal((await t.db.selectFrom('jobs').select('id').execute()).length, 1);
        t.clock.set('2026-11-27T08:00:00Z');
        await runDueJobs(t.services, 'test-worker');
        const jobs = await t.db
          .selectFrom('jobs')
          .select(['unique_key', 'status'])
          .orderBy('run_at')
          .execute();
        assert.deepEqual(jobs, [
          { unique_key: 'complaints:overdue-reminders:2026-11-27', status: 'done' },
          { unique_key: 'complaints:overdue-reminders:2026-11-28', status: 'pending' },
        ]);
        assert.equal((await t.db.selectFrom('outbox').select('id').execute()).length, 2);
      } finally {
        await t.drop();
      }
    });

    test('home pages: overdue learning actions for their owner; stages due for the complaints officer', async () => {
      const t = await createTestApp(dialect);
      try {
        t.clock.set('2027-03-01T09:00:00Z');
        const amina = new Browser(t.app);
        await amina.signIn(personaFor('practitioner').email);
        const home = await amina.get('/');
        assert.match(home.body, /Learning actions past their due date/);
        assert.match(home.body, /Share a short guide to writing minutes/);
        const officer = new Browser(t.app);
        await officer.signIn(personaFor('complaints-officer').email);
        assert.match((await officer.get('/')).body, /Complaint stages/);
      } finally {
        await t.drop();
      }
    });
  });

test('reports: charts with their tables, and the figures as CSV for those allowed', async () => {
  const t = await createTestApp('sqlite');
  try {
    const officer = new Browser(t.app);
    await officer.signIn(personaFor('complaints-officer').email);
    const page = await officer.get('/complaints/reports');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<svg[^>]*role="img"/);
    assert.match(page.body, /Stage 2: complaints received and answered in time, by month/);
    const csv = await officer.get('/complaints/reports/by-month.csv');
    assert.equal(csv.statusCode, 200);
    assert.match(
      String(csv.headers['content-disposition']),
      /attachment; filename="complaints-by-stage-and-month-2026-11-27.csv"/,
    );
    const lines = csv.body.trim().split(/\r?\n/);
    assert.equal(lines[0], 'Month,Stage,Received,Answered,Answered in time');
    assert.equal(lines.length, 1 + 36);
    // Both seed complaints reached Stage 2; each counts once as received at Stage 2.
    const stage2 = lines.slice(1).filter((l) => l.split(',')[1] === '2');
    assert.equal(
      stage2.reduce((n, l) => n + Number(l.split(',')[2]), 0),
      2,
    );
    const practitioner = new Browser(t.app);
    await practitioner.signIn(personaFor('practitioner').email);
    assert.equal((await practitioner.get('/complaints/reports/by-month.csv')).statusCode, 403);
  } finally {
    await t.drop();
  }
});

test('the old addresses of the lessons pages answer a permanent redirect to the new ones, for those allowed', async () => {
  const t = await createTestApp('sqlite');
  try {
    const officer = new Browser(t.app);
    await officer.signIn(personaFor('complaints-officer').email);
    const item = await t.db.selectFrom('lesson_items').select('id').executeTakeFirstOrThrow();
    const action = await t.db.selectFrom('lesson_actions').select('id').executeTakeFirstOrThrow();
    const complaint = await t.db.selectFrom('complaints').select('id').executeTakeFirstOrThrow();
    for (const [from, to] of [
      ['/lessons-learned', '/lessons'],
      ['/learning-items?status=open', '/lessons/items?status=open'],
      [`/learning-items/new?complaint=${complaint.id}`, `/lessons/items/new?complaint=${complaint.id}`],
      [`/learning-items/${item.id}`, `/lessons/items/${item.id}`],
      [`/learning-items/actions/${action.id}/evidence`, `/lessons/actions/${action.id}/evidence`],
      ['/learning-sources', '/lessons/sources'],
      ['/learning-sources/new?kind=compliment', '/lessons/sources/new?kind=compliment'],
    ]) {
      const res = await officer.get(from!);
      assert.equal(res.statusCode, 301, from);
      assert.equal(res.headers.location, to, from);
      assert.equal((await officer.get(to!)).statusCode, 200, to);
    }
    // Someone who may not open the new page is refused at the old address too; everyone reads the lessons.
    const practitioner = new Browser(t.app);
    await practitioner.signIn(personaFor('practitioner').email);
    assert.equal((await practitioner.get('/learning-items')).statusCode, 403);
    assert.equal((await practitioner.get('/learning-sources')).statusCode, 403);
    assert.equal((await practitioner.get('/lessons-learned')).statusCode, 301);
  } finally {
    await t.drop();
  }
});
