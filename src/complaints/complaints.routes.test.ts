import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { Browser, createTestApp, personaFor, type TestApp } from '../testing/test-app.ts';
import { dialectsUnderTest } from '../testing/test-db.ts';
import { documentFolder } from './documents.ts';

// The test clock is Friday 27 November 2026, 09:00.
const newComplaint = (b: Browser, teamId: string, _csrf: string, changes: Record<string, string> = {}) =>
  b.post('/complaints/new', {
    _csrf,
    receivedOn: '2026-11-20',
    receivedHow: 'email',
    complainantName: 'Ms P. Example',
    complainantRelationship: 'mother',
    advocateOffered: 'yes',
    childInRecords: 'no',
    childName: 'Child Q',
    teamId,
    summary: 'The family were not told about a meeting',
    element1: 'Not told about the meeting',
    theme1: 'communication',
    element2: 'Minutes never arrived',
    theme2: 'meetings and minutes',
    ...changes,
  });

const counts = async (t: TestApp) => ({
  complaints: (await t.db.selectFrom('complaints').select('id').execute()).length,
  events: (await t.db.selectFrom('complaint_events').select('id').execute()).length,
});

const flash = async (b: Browser, url: string) => (await b.get(url)).body;

for (const dialect of dialectsUnderTest()) {
  describe(`complaints through the web pages [${dialect}]`, () => {
    test('register, refuse bad input with nothing changed, extend, find, respond, escalate', async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'complaints-'));
      const t = await createTestApp(dialect, { dataDir });
      try {
        const b = new Browser(t.app);
        await b.signIn(personaFor('complaints-officer').email);
        const team = await t.db
          .selectFrom('teams')
          .select('id')
          .where('name', '=', 'Assessment Team 1')
          .executeTakeFirstOrThrow();
        const csrf = await b.csrfFrom('/complaints/new');
        const before = await counts(t);

        // Bad input: a date in the future, and a missing element theme. Nothing is written.
        const bad = await newComplaint(b, team.id, csrf, { receivedOn: '2026-11-30', theme2: '' });
        assert.equal(bad.statusCode, 303);
        const badPage = await flash(b, '/complaints/new');
        assert.match(badPage, /Choose a theme for element 2/);
        const future = await newComplaint(b, team.id, csrf, { receivedOn: '2026-11-30' });
        assert.equal(future.statusCode, 303);
        assert.match(
          await flash(b, '/complaints/new'),
          /must be today or earlier, and not before 1 April 2015/,
        );
        assert.deepEqual(await counts(t), before);

        const made = await newComplaint(b, team.id, csrf);
        const url = String(made.headers.location);
        assert.match(url, /^\/complaints\/[0-9a-f-]{36}$/);
        let page = await flash(b, url);
        // Received Fri 20 Nov: due Fri 4 Dec (23–27 Nov = 1–5, 30 Nov–4 Dec = 6–10).
        assert.match(page, /The response is due by 4 December 2026: 5 working days left/);
        const id = url.split('/').pop()!;

        // An extension beyond the statutory maximum is refused; within it, accepted with its reason.
        await b.post(`${url}/extend`, {
          _csrf: csrf,
          on: '2026-11-25',
          toDays: '21',
          reason: 'Waiting for a meeting',
        });
        // A refused action goes back to its own page, with the error linked to its field.
        page = await flash(b, `${url}/extend`);
        assert.match(page, /Stage 1 can be extended to 20 working days at most/);
        assert.match(page, /href="#extend-toDays"/);
        await b.post(`${url}/extend`, {
          _csrf: csrf,
          on: '2026-11-25',
          toDays: '20',
          reason: 'Waiting for a meeting',
        });
        page = await flash(b, url);
        assert.match(page, /due by 18 December 2026/);
        assert.match(page, /Waiting for a meeting/);

        // Closing the stage without an outcome on every element is refused.
        await b.post(`${url}/respond`, { _csrf: csrf, on: '2026-11-26' });
        assert.match(
          await flash(b, `${url}/respond`),
          /Record an outcome for every element first \(2 without one\)/,
        );
        const elements = (
          await t.db
            .selectFrom('complaint_events')
            .select('payload')
            .where('complaint_id', '=', id)
            .where('type', '=', 'received')
            .executeTakeFirstOrThrow()
        ).payload;
        const ids = (JSON.parse(elements).elements as { id: string }[]).map((e) => e.id);
        for (const elementId of ids)
          await b.post(`${url}/finding`, {
            _csrf: csrf,
            on: '2026-11-26',
            elementId,
            outcome: 'partly-upheld',
            finding: 'Records checked',
          });
        // A date before receipt is refused.
        await b.post(`${url}/respond`, { _csrf: csrf, on: '2026-11-19' });
        assert.match(await flash(b, `${url}/respond`), /cannot be before the complaint was received/);
        await b.post(`${url}/respond`, { _csrf: csrf, on: '2026-11-26' });
        page = await flash(b, url);
        assert.match(page, /Stage 1 was answered in time on 26 November 2026/);
        // 20 working days after Thu 26 Nov 2026: 27 Nov = 1 … Thu 24 Dec = 20.
        assert.match(page, /can ask for Stage 2 until 24 December 2026/);

        // An illegal transition (a panel at Stage 1) is refused; escalation starts Stage 2's 25-day clock.
        await b.post(`${url}/panel`, { _csrf: csrf, on: '2026-11-27' });
        assert.match(
          await flash(b, `${url}/panel`),
          /Stage 1 has been answered: escalate, resolve or withdraw/,
        );
        await b.post(`${url}/escalate`, { _csrf: csrf, on: '2026-11-27', clockStartOn: '', lateReason: '' });
        page = await flash(b, url);
        // Fri 27 Nov + 25: 30 Nov–4 Dec = 5, … 21–24 Dec = 19, 29–31 Dec = 22, 4–6 Jan = 25.
        assert.match(page, /Stage 2: Open/);
        assert.match(page, /due by 6 January 2027/);
        assert.match(
          page,
          /Not counted in this clock: 25 December 2026, Christmas Day; 28 December 2026, Boxing Day \(substitute day\); 1 January 2027, New Year&#39;s Day\./,
        );
        const row = await t.db
          .selectFrom('complaints')
          .select(['stage', 'status', 'due_on'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        assert.deepEqual(row, { stage: 2, status: 'open', due_on: '2027-01-06' });

        // Every view of the complaint is audited.
        const views = await t.db
          .selectFrom('audit_log')
          .select('id')
          .where('record_type', '=', 'complaint')
          .where('record_id', '=', id)
          .where('action', '=', 'view')
          .execute();
        assert.ok(views.length >= 8);

        // Documents: a forbidden type and a disguised file are refused; a PDF is stored outside the web root.
        const upload = (filename: string, content: Buffer) => {
          const boundary = '----complaintsTest';
          const payload = Buffer.concat([
            Buffer.from(
              `--${boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\nLetter\r\n`,
            ),
            Buffer.from(
              `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
            ),
            content,
            Buffer.from(`\r\n--${boundary}--\r\n`),
          ]);
          return t.app.inject({
            method: 'POST',
            url: `${url}/documents?_csrf=${encodeURIComponent(csrf)}`,
            headers: {
              cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
              'content-type': `multipart/form-data; boundary=${boundary}`,
            },
            payload,
          });
        };
        await upload('run.exe', Buffer.from('MZ'));
        const documentPage = `${url}/documents`;
        assert.match(
          await flash(b, documentPage),
          /must be a PDF, Word \(.docx\), PNG, JPEG or text file, not .exe/,
        );
        await upload('letter.pdf', Buffer.from('not really a pdf'));
        assert.match(await flash(b, documentPage), /does not look like a .pdf file/);
        await upload('big.pdf', Buffer.concat([Buffer.from('%PDF'), Buffer.alloc(5 * 1024 * 1024)]));
        assert.match(await flash(b, documentPage), /must be 5 MB or smaller/);
        assert.equal(
          (await t.db.selectFrom('complaint_documents').select('id').where('complaint_id', '=', id).execute())
            .length,
          0,
        );
        await upload('letter.pdf', Buffer.from('%PDF-1.4 a letter'));
        const doc = await t.db
          .selectFrom('complaint_documents')
          .selectAll()
          .where('complaint_id', '=', id)
          .executeTakeFirstOrThrow();
        assert.deepEqual(readdirSync(documentFolder(dataDir)), [doc.stored_name]);
        assert.doesNotMatch(doc.stored_name, /letter/);
        const download = await b.get(`/complaints/documents/${doc.id}`);
        assert.equal(download.statusCode, 200);
        assert.equal(download.headers['content-disposition'], 'attachment; filename="letter.pdf"');
        assert.equal(download.body, '%PDF-1.4 a letter');
        const exported = await t.db
          .selectFrom('audit_log')
          .select('id')
          .where('record_type', '=', 'complaint-document')
          .where('action', '=', 'export')
          .execute();
        assert.equal(exported.length, 1);

        // A team manager of Assessment Team 1 sees it; the Leaving Care complaint stays hidden; a practitioner sees none.
        const manager = new Browser(t.app);
        await manager.signIn(personaFor('team-manager').email);
        const list = await manager.get('/complaints');
        assert.match(list.body, /1 complaint</);
        assert.equal((await manager.get(url)).statusCode, 200);
        const other = await t.db
          .selectFrom('complaints')
          .innerJoin('teams', 'teams.id', 'complaints.team_id')
          .select('complaints.id')
          .where('teams.name', '=', 'Leaving Care Team')
          .executeTakeFirstOrThrow();
        assert.equal((await manager.get(`/complaints/${other.id}`)).statusCode, 403);
        // The manager investigates (a contact attempt) but cannot close or move the stage.
        const managerCsrf = await manager.csrfFrom(url);
        await manager.post(`${url}/contacts`, {
          _csrf: managerCsrf,
          contactedOn: '2026-11-27',
          person: 'A worker who has left',
          staffId: '',
          method: 'email',
          outcome: 'No reply',
        });
        assert.match(await flash(manager, url), /The contact attempt has been recorded/);
        assert.equal(
          (await manager.post(`${url}/respond`, { _csrf: managerCsrf, on: '2026-11-27' })).statusCode,
          403,
        );
        const practitioner = new Browser(t.app);
        await practitioner.signIn(personaFor('practitioner').email);
        assert.equal((await practitioner.get(url)).statusCode, 403);
        assert.equal((await practitioner.get(`/complaints/documents/${doc.id}`)).statusCode, 403);
      } finally {
        await t.drop();
      }
    });

    test('the seed complaint shows its agency worker, its leaver and the attempts to reach them', async () => {
      const t = await createTestApp(dialect);
      try {
        const b = new Browser(t.app);
        await b.signIn(personaFor('psw').email);
        const c = await t.db
          .selectFrom('complaints')
          .select('id')
          .where('reference', '=', 'C-2026-0001')
          .executeTakeFirstOrThrow();
        const page = (await b.get(`/complaints/${c.id}`)).body;
        const agency = await t.db
          .selectFrom('complaint_workers')
          .innerJoin('staff', 'staff.id', 'complaint_workers.staff_id')
          .select('staff.name')
          .where('complaint_id', '=', c.id)
          .where('is_agency', '=', 1)
          .executeTakeFirstOrThrow();
        assert.match(
          page,
          new RegExp(`${agency.name}, Social Worker <strong class="govuk-tag govuk-tag--yellow">\\s*Agency`),
        );
        assert.match(page, /Left 30 September 2026/);
        assert.match(page, /The agency passed on a message/);
        // The PSW reads every complaint but has no stage actions.
        assert.doesNotMatch(page, /Stage actions/);
      } finally {
        await t.drop();
      }
    });
  });
}
