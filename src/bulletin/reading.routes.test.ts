import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findPython, runPython } from '../platform/python.ts';
import { Browser, createTestApp, personaFor, type TestApp } from '../testing/test-app.ts';
import { dialectsUnderTest } from '../testing/test-db.ts';
import { chromiumPath } from './pdf.ts';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

const current = async (t: TestApp) =>
  t.db
    .selectFrom('bulletin_editions')
    .select(['id', 'month'])
    .where('status', '=', 'published')
    .orderBy('month', 'desc')
    .executeTakeFirstOrThrow();

/** The "For you" panel's words, alone. */
const forYou = (html: string) =>
  text(/<section aria-labelledby="for-you"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '');

const signedIn = async (t: TestApp, role: Parameters<typeof personaFor>[0]) => {
  const b = new Browser(t.app);
  await b.signIn(personaFor(role).email);
  return b;
};

for (const dialect of dialectsUnderTest()) {
  describe(`reading the bulletin [${dialect}]`, () => {
    test('For you differs for a manager and a practitioner, and never names a child', async () => {
      const t = await createTestApp(dialect);
      try {
        const e = await current(t);
        const practitioner = forYou(
          (await (await signedIn(t, 'practitioner')).get(`/bulletin/${e.id}`)).body,
        );
        const manager = forYou((await (await signedIn(t, 'team-manager')).get(`/bulletin/${e.id}`)).body);
        assert.match(practitioner, /practice focus/);
        assert.match(manager, /For managers:/);
        assert.doesNotMatch(practitioner, /For managers:/);
        assert.notEqual(practitioner, manager);
        const children = await t.db.selectFrom('children').select('name').execute();
        for (const c of children) {
          assert.ok(!practitioner.includes(c.name), `no child named in the practitioner's For you`);
          assert.ok(!manager.includes(c.name), `no child named in the manager's For you`);
        }
      } finally {
        await t.drop();
      }
    });

    test('the training list’s places are live: a place booked outside the Hub’s web app shows on the next view', async () => {
      const t = await createTestApp(dialect);
      try {
        const e = await current(t);
        const b = await signedIn(t, 'practitioner');
        // A session with places left, and how many the edition says (the link holds a hidden span).
        const sessionLine =
          /href="\/learning\/sessions\/([^"]+)">(?:[^<]|<(?!\/a>))*<\/a> — (\d+) places? left/;
        const m = sessionLine.exec((await b.get(`/bulletin/${e.id}`)).body);
        assert.ok(m, 'a session with places left');
        const [, sessionId, left] = m;
        const someone = await t.db
          .selectFrom('staff')
          .select('id')
          .where('active', '=', 1)
          .where((eb) =>
            eb.not(
              eb.exists(
                eb
                  .selectFrom('lrn_bookings')
                  .select('id')
                  .where('session_id', '=', sessionId!)
                  .whereRef('staff_id', '=', 'staff.id'),
              ),
            ),
          )
          .executeTakeFirstOrThrow();
        const now = t.clock.now().toISOString();
        const seq = await t.db
          .selectFrom('lrn_bookings')
          .select((x) => x.fn.max('sequence').as('s'))
          .executeTakeFirst();
        await t.db
          .insertInto('lrn_bookings')
          .values({
            id: `booked-elsewhere-${dialect}`,
            session_id: sessionId!,
            staff_id: someone.id,
            status: 'booked',
            queue_pos: 0,
            offer_expires_at: null,
            sequence: Number(seq?.s ?? 0) + 1,
            created_at: now,
            updated_at: now,
          })
          .execute();
        const after = (await b.get(`/bulletin/${e.id}`)).body;
        const line = new RegExp(
          `href="/learning/sessions/${sessionId}">(?:[^<]|<(?!/a>))*</a> — (?:(\\d+) places? left|Full)`,
        ).exec(after);
        assert.ok(line, 'the session is still listed');
        assert.equal(Number(line[1] ?? 0), Number(left) - 1, 'one place fewer');
      } finally {
        await t.drop();
      }
    });

    test('an article or its image changed outside the web app (a second instance, psql) shows on the next view', async () => {
      const t = await createTestApp(dialect);
      try {
        const e = await current(t);
        const b = await signedIn(t, 'practitioner');
        assert.equal((await b.get(`/bulletin/${e.id}`)).statusCode, 200);
        const article = await t.db
          .selectFrom('bulletin_articles')
          .select(['id', 'title'])
          .where('edition_id', '=', e.id)
          .where('kind', '=', 'article')
          .orderBy('position')
          .executeTakeFirstOrThrow();
        await t.db
          .updateTable('bulletin_articles')
          .set({ body: 'Corrected by the editor: the **new** wording.' })
          .where('id', '=', article.id)
          .execute();
        const after = (await b.get(`/bulletin/${e.id}`)).body;
        assert.match(after, /Corrected by the editor: the <strong>new<\/strong> wording\./);
        const pictured = await t.db
          .selectFrom('bulletin_articles as a')
          .innerJoin('bulletin_images as i', 'i.id', 'a.image_id')
          .select(['i.id', 'i.width'])
          .where('a.edition_id', '=', e.id)
          .executeTakeFirst();
        if (pictured) {
          await t.db
            .updateTable('bulletin_images')
            .set({ width: 321 })
            .where('id', '=', pictured.id)
            .execute();
          assert.match((await b.get(`/bulletin/${e.id}`)).body, /width="321"/, 'the image row too');
        }
      } finally {
        await t.drop();
      }
    });

    test('a must-read is confirmed once; the manager sees who has not and reminds them; feedback and votes are kept', async () => {
      const t = await createTestApp(dialect);
      try {
        const e = await current(t);
        const must = await t.db
          .selectFrom('bulletin_articles')
          .select(['id', 'title'])
          .where('edition_id', '=', e.id)
          .where('must_read', '=', 1)
          .executeTakeFirstOrThrow();
        const amina = await signedIn(t, 'practitioner');
        const url = `/bulletin/${e.id}`;
        assert.match(text((await amina.get(url)).body), /I have read this/);
        const _csrf = await amina.csrfFrom(url);
        const done = await amina.post(`${url}/confirm`, { _csrf, article: must.id });
        assert.equal(done.statusCode, 303);
        await amina.post(`${url}/confirm`, { _csrf, article: must.id });
        assert.match(text((await amina.get(url)).body), /You have read this/);
        const rows = await t.db
          .selectFrom('bulletin_confirmations')
          .selectAll()
          .where('article_id', '=', must.id)
          .execute();
        assert.equal(rows.length, 1);

        // Feedback: a missing rating is refused with a message and nothing stored.
        await amina.post(`${url}/feedback`, { _csrf, wish: 'More case examples' });
        assert.match(text((await amina.get(url)).body), /Choose how useful the edition was/);
        assert.equal(
          (
            await t.db
              .selectFrom('bulletin_feedback')
              .selectAll()
              .where('wish', '=', 'More case examples')
              .execute()
          ).length,
          0,
        );
        await amina.post(`${url}/feedback`, { _csrf, rating: '4', wish: 'More case examples' });
        assert.equal(
          (
            await t.db
              .selectFrom('bulletin_feedback')
              .selectAll()
              .where('wish', '=', 'More case examples')
              .execute()
          ).length,
          1,
        );
        await amina.post(`${url}/useful`, { _csrf, article: must.id, useful: 'yes' });

        const daniel = await signedIn(t, 'team-manager');
        const readers = text((await daniel.get(`${url}/readers`)).body);
        assert.match(readers, /Reads by team/);
        assert.match(readers, /Assessment Team 1 \d+ of \d+ people/);
        assert.match(readers, new RegExp(`Not yet confirmed “${must.title}”`));
        assert.doesNotMatch(readers, /Amina Hussain/, 'she has confirmed');
        const before = (await t.db.selectFrom('outbox').select('id').execute()).length;
        const token = await daniel.csrfFrom(`${url}/readers`);
        const reminded = await daniel.post(`${url}/remind`, { _csrf: token, article: must.id });
        assert.equal(reminded.statusCode, 303);
        const after = await t.db.selectFrom('outbox').select(['to_address', 'subject']).execute();
        assert.ok(after.length > before);
        assert.ok(
          after.every(
            (m) => m.to_address !== personaFor('practitioner').email || !m.subject.startsWith('Please read'),
          ),
        );

        // The PSW sees every team (small teams not given a share) and the feedback, without names.
        const psw = await signedIn(t, 'psw');
        const all = text((await psw.get(`${url}/readers`)).body);
        assert.match(all, /Leaving Care Team/);
        assert.match(all, /More case examples/);
      } finally {
        await t.drop();
      }
    });

    test('a contribution is submitted, asked for changes, sent again and accepted into an edition as a credited article', async () => {
      const t = await createTestApp(dialect);
      try {
        const amina = await signedIn(t, 'practitioner');
        let _csrf = await amina.csrfFrom('/bulletin/contribute');
        await amina.post('/bulletin/contribute', { _csrf, title: '', body: '' });
        assert.match(text((await amina.get('/bulletin/contribute')).body), /Enter a title/);
        await amina.post('/bulletin/contribute', {
          _csrf,
          title: 'Life story work that worked',
          body: 'What we did.',
        });
        const c = await t.db
          .selectFrom('bulletin_contributions')
          .selectAll()
          .where('title', '=', 'Life story work that worked')
          .executeTakeFirstOrThrow();
        assert.equal(c.state, 'submitted');
        // A practitioner is not an editor: the editors' list tells her so.
        assert.match(
          text((await amina.get('/bulletin/contributions')).body),
          /Only the bulletin’s editors can decide on contributions/,
        );

        const psw = await signedIn(t, 'psw');
        const token = await psw.csrfFrom('/bulletin/contributions');
        await psw.post(`/bulletin/contributions/${c.id}/answer`, {
          _csrf: token,
          decision: 'changes-asked',
          note: '',
        });
        assert.equal(
          (
            await t.db
              .selectFrom('bulletin_contributions')
              .select('state')
              .where('id', '=', c.id)
              .executeTakeFirstOrThrow()
          ).state,
          'submitted',
        );
        await psw.post(`/bulletin/contributions/${c.id}/answer`, {
          _csrf: token,
          decision: 'changes-asked',
          note: 'Add one example',
        });
        _csrf = await amina.csrfFrom('/bulletin/contribute');
        assert.match(
          text((await amina.get('/bulletin/contribute')).body),
          /Changes asked for.*Add one example/,
        );
        await amina.post(`/bulletin/contributions/${c.id}/resubmit`, {
          _csrf,
          title: 'Life story work that worked',
          body: 'What we did, with an example.',
        });

        const newEdition = await psw.csrfFrom('/bulletin/editions/new');
        await psw.post('/bulletin/editions/new', {
          _csrf: newEdition,
          month: '2099-03',
          welcome: 'Hello',
          signOff: '',
        });
        const draft = await t.db
          .selectFrom('bulletin_editions')
          .select('id')
          .where('month', '=', '2099-03')
          .executeTakeFirstOrThrow();
        await psw.post(`/bulletin/contributions/${c.id}/accept`, { _csrf: token, edition: draft.id });
        const article = await t.db
          .selectFrom('bulletin_articles')
          .selectAll()
          .where('edition_id', '=', draft.id)
          .executeTakeFirstOrThrow();
        assert.equal(article.credit, 'Amina Hussain');
        assert.equal(article.body, 'What we did, with an example.');
        const mails = await t.db
          .selectFrom('outbox')
          .select('subject')
          .where('to_address', '=', personaFor('practitioner').email)
          .execute();
        assert.equal(
          mails.filter((m) => m.subject === 'Your bulletin contribution “Life story work that worked”')
            .length,
          4,
        );
        assert.match(text((await amina.get('/bulletin/contribute')).body), /Accepted into an edition/);
      } finally {
        await t.drop();
      }
    });

    test('the PDF holds the edition’s text when Chromium is installed', {
      skip: chromiumPath() ? false : 'Chromium is not installed',
    }, async () => {
      const py = findPython(['pypdf']);
      if (!py.python) return;
      const t = await createTestApp(dialect);
      try {
        const e = await current(t);
        const res = await (await signedIn(t, 'practitioner')).get(`/bulletin/${e.id}/pdf`);
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers['content-type'], 'application/pdf');
        const { words, images } = runPython(
          py.python,
          'import sys, io, json, pypdf\nr = pypdf.PdfReader(io.BytesIO(sys.stdin.buffer.read()))\nprint(json.dumps({"words": " ".join(p.extract_text() for p in r.pages), "images": sum(len(p.images) for p in r.pages)}))',
          res.rawPayload,
        ) as { words: string; images: number };
        const flat = words.replace(/\s+/g, ' ');
        // The practice focus's diagram is printed too (Chromium prints a file, so it is put in as data).
        assert.equal(images, 1);
        assert.match(flat, /Practice and Learning Bulletin/);
        assert.match(flat, /motivational interviewing/i);
        assert.match(flat, /Training available/);
        assert.match(flat, /Building cultural competence/);
      } finally {
        await t.drop();
      }
    });
  });
}
